"""`bantin eval --real`: the real-corpus evaluation as tables, a JSON file and an exit code.

Why a module apart from eval.py: the fixture evaluation and the real-corpus one share the
command name but nothing else (other gold, other figures); keeping them apart keeps each small.
The figures come from bantin/eval/realcorpus.py; what they mean is in tests/realgold/README.md.

Gate: exit 1 when an OVERALL figure is under its `--min-*` threshold. The defaults are the
project's aims, not today's figures (the regression floors are in tests/eval/test_real_quality.py):
furniture recall 0.95, furniture precision 0.95, story kept 0.98, every extraction field's
precision and recall 0.9, every automatic precision 0.9. Per-folder figures (25-35 articles
each) are printed but not gated. `--min-* 0` switches a check off.
"""
from __future__ import annotations

import argparse
import json
import os
from pathlib import Path

from rich.console import Console
from rich.markup import escape
from rich.table import Table

from bantin.errors import UsageError
from bantin.eval import realcorpus, realfields, realgold
from bantin.eval.automatic import AUTO_FIELDS
from bantin.eval.gold import REPO_ROOT
from bantin.eval.realcorpus import OVERALL
from bantin.eval.realfields import FIELDS

REAL_RESULT = REPO_ROOT / "bench" / "results" / "realcorpus.json"
# option -> (default, what it gates)
MINIMA = {
    "min_furniture_recall": (0.95, "cleaning: furniture spans removed / furniture spans"),
    "min_furniture_precision": (0.95, "cleaning: removed characters that are furniture"),
    "min_story_kept": (0.98, "cleaning: story characters kept"),
    "min_precision": (0.9, "extraction: every field's precision"),
    "min_recall": (0.9, "extraction: every field's recall"),
    "min_auto_precision": (0.9, "automatic scores: every field's precision"),
}
SHORT = {"baomoi2025_daibangsamac": "bm2025", "baomoi2014_daibangsamac": "bm2014",
         "vietnam-news_nguyenvulebinh": "vnnews", "ktlab-mds_lupanh": "ktlab",
         "baomoi-ner_khoaihps": "bm-ner", "qdnd_mourinhan8": "qdnd", OVERALL: "overall"}


def add_arguments(p: argparse.ArgumentParser) -> None:
    g = p.add_argument_group("real corpus (--real)")
    g.add_argument("--real", action="store_true",
                   help="evaluate on the real development corpus (tests/realgold/ + ../shared/dev-corpus)")
    g.add_argument("--folders", default=None, metavar="A,B",
                   help="corpus folders to evaluate (default: every development folder)")
    g.add_argument("--blind", action="store_true", help="also allow the blind folders (measure them once)")
    g.add_argument("--corpus", type=Path, default=realgold.CORPUS_DIR, metavar="DIR",
                   help="the corpus directory (default ../shared/dev-corpus beside the repository)")
    g.add_argument("--misses", type=int, default=0, metavar="N",
                   help="print up to N cleaning misses per development folder (all are in the JSON)")
    for opt, (default, what) in MINIMA.items():
        g.add_argument("--" + opt.replace("_", "-"), type=float, default=default, metavar="F",
                       help=f"exit 1 when the overall {what} is below F (default {default})")


def run(args: argparse.Namespace) -> int:
    console = Console(no_color=args.no_color, highlight=False)
    if args.misses < 0:
        raise UsageError("--misses must be 0 or more")
    if not Path(args.corpus).is_dir():
        raise UsageError(f"The corpus directory {str(args.corpus)!r} does not exist. Put the development "
                         "corpus at ../shared/dev-corpus beside the repository, or pass --corpus DIR.")
    only = [f.strip() for f in args.folders.split(",") if f.strip()] if args.folders else None
    try:
        folders = realgold.select_folders(only, include_blind=args.blind)
    except ValueError as exc:  # an unknown folder, or a blind one without --blind
        raise UsageError(str(exc)) from exc
    try:
        result = realcorpus.evaluate(folders, corpus_dir=args.corpus,
                                     workers=min(os.cpu_count() or 1, len(folders)))
    except (realgold.GoldMismatch, realcorpus.CorpusMissing) as exc:
        raise UsageError(f"{exc}. The gold in tests/realgold/ was made on the corpus described in "
                         "tests/realgold/README.md; point --corpus at that copy.") from exc
    for table in (cleaning_table(result), extraction_table(result), automatic_table(result)):
        console.print(table)
    print_misses(console, result, args.misses)
    failing = failures(result, args)
    payload = {"corpus": os.path.relpath(args.corpus, REPO_ROOT), "blind_included": any(f in realgold.BLIND_FOLDERS for f in folders),
               "minima": {k: getattr(args, k) for k in MINIMA}, "failing": failing, **result.to_json()}
    path = args.json or REAL_RESULT
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(payload, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    console.print(f"results: {path}")
    if failing:
        console.print("[red]Below the minimum (overall):[/red] " + escape("; ".join(failing)))
        return 1
    console.print("Every overall figure is at or above its minimum.")
    return 0


def failures(result: realcorpus.RealResult, args: argparse.Namespace) -> list[str]:
    """`figure value < minimum` for every overall figure under its threshold."""
    out = []
    c = result.cleaning[OVERALL]
    for opt, value in (("min_furniture_recall", c.furniture_recall),
                       ("min_furniture_precision", c.furniture_precision), ("min_story_kept", c.story_kept)):
        if value < getattr(args, opt):
            out.append(f"{opt[4:]} {value:.3f} < {getattr(args, opt)}")
    for name, counts in result.extraction[OVERALL].items():
        for label, value, opt in (("precision", realfields.precision(counts), "min_precision"),
                                  ("recall", realfields.recall(counts), "min_recall")):
            if value is not None and value < getattr(args, opt):
                out.append(f"{name} {label} {value:.3f} < {getattr(args, opt)}")
    for name, counts in result.automatic[OVERALL].items():
        if counts.precision is not None and counts.precision < args.min_auto_precision:
            out.append(f"automatic {name} precision {counts.precision:.3f} < {args.min_auto_precision}")
    return out


def _f(x: float | None) -> str:
    return "–" if x is None else f"{x:.3f}"


def _columns(result: realcorpus.RealResult) -> list[str]:
    return [*result.folders, OVERALL]


def cleaning_table(result: realcorpus.RealResult) -> Table:
    t = Table(title="Cleaning vs hand-read spans (non-space characters)")
    for col in ("folder", "articles", "furniture spans", "furniture recall", "furniture precision", "story kept"):
        t.add_column(col, justify="left" if col == "folder" else "right")
    for k in _columns(result):
        c = result.cleaning[k]
        n = sum(result.articles.values()) if k == OVERALL else result.articles[k]
        t.add_row(SHORT.get(k, k), str(n), str(sum(c.spans.values())), _f(c.furniture_recall),
                  _f(c.furniture_precision), _f(c.story_kept))
    return t


def extraction_table(result: realcorpus.RealResult) -> Table:
    t = Table(title="Extraction vs hand-read gold: precision / recall (micro)")
    t.add_column("field")
    for k in _columns(result):
        t.add_column(SHORT.get(k, k), justify="right")
    for name in FIELDS:
        cells = (result.extraction[k][name] for k in _columns(result))
        t.add_row(name, *(f"{_f(realfields.precision(c))} / {_f(realfields.recall(c))}" for c in cells))
    return t


def automatic_table(result: realcorpus.RealResult) -> Table:
    t = Table(title="Automatic scores vs metadata, every file: precision / recall (files)")
    t.add_column("field")
    for k in _columns(result):
        t.add_column(SHORT.get(k, k), justify="right")
    for name in AUTO_FIELDS:
        cells = []
        for k in _columns(result):
            c = result.automatic[k][name]
            cells.append(f"{_f(c.precision)} / {_f(c.recall)} ({c.files})" if c.files else "")
        t.add_row(name, *cells)
    return t


def print_misses(console: Console, result: realcorpus.RealResult, limit: int) -> None:
    if not limit:
        return
    for folder in result.folders:
        mine = [m for m in result.misses if m["folder"] == folder][:limit]
        if mine:
            console.print(f"[bold]{escape(folder)}[/bold]: first {len(mine)} cleaning misses")
        for m in mine:
            what = f"furniture {m['role']} ({m['share_removed']:.0%} removed)" if m["kind"] == "furniture" else "story lost"
            console.print(f"  {escape(m['file'])}  {what}  {escape(', '.join(m['predicted']))}\n"
                          f"      {escape(m['text'])}")
