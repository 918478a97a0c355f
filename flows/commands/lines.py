"""`bantin lines FILE`: show every line of an article with its role and the rule that decided it.

Why: a user who wonders why a sentence is missing from `body` can see the decision and the
rule id (look it up in bantin/clean/rules/; README, Developing, says which module holds it)
without reading Parquet. Kept lines are green, dropped ones dim or red, so furniture and text
separate at a glance.
"""
from __future__ import annotations

import argparse
from pathlib import Path

from rich.console import Console
from rich.markup import escape

from bantin.clean.repeats import corpus_repeats
from bantin.clean.classify import classify
from schemas.lines import KEPT_ROLES as KEPT

ROLE_STYLE = {
    "title": "bold green", "lead": "green", "body": "green", "subheading": "bold green",
    "section": "cyan", "dateline": "cyan", "caption": "yellow", "byline": "magenta",
    "photo_credit": "magenta", "source_credit": "magenta", "duplicate": "red", "empty": "dim",
}
DROPPED_STYLE = "dim red"
PREVIEW_CHARS = 160


def read_text(path: Path) -> str:
    """Decode like the ingest stage: UTF-8 with or without BOM, line endings normalised."""
    text = path.read_bytes().decode("utf-8-sig", errors="replace")
    return text.replace("\r\n", "\n").replace("\r", "\n")


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("file", type=Path, help="article .txt file to inspect")
    parser.add_argument("--repeated-from", type=Path, default=None, metavar="DIR",
                        help="count repeated lines over the *.txt files under DIR (corpus boilerplate)")
    parser.add_argument("--min-docs", type=int, default=3,
                        help="a line repeated in at least this many documents is boilerplate (default 3)")
    parser.add_argument("--full", action="store_true", help="print whole lines instead of a preview")
    parser.add_argument("--no-color", action="store_true", help="plain output")


def _repeated(directory: Path | None, min_docs: int) -> frozenset[str]:
    if directory is None:
        return frozenset()
    texts = (read_text(p) for p in sorted(directory.rglob("*.txt")))
    return corpus_repeats(texts, min_docs=min_docs)


def run(args: argparse.Namespace) -> int:
    console = Console(no_color=args.no_color, highlight=False, soft_wrap=True)
    if not args.file.is_file():
        console.print(f"[red]no such file:[/red] {escape(str(args.file))}")
        return 2
    decisions = classify(read_text(args.file), repeated=_repeated(args.repeated_from, args.min_docs))
    for d in decisions:
        text = d.text if args.full or len(d.text) <= PREVIEW_CHARS else d.text[:PREVIEW_CHARS] + "…"
        style = ROLE_STYLE.get(d.role, "green") if d.role in KEPT or d.role in ROLE_STYLE else DROPPED_STYLE
        split = "" if d.split == "line" else " (sentence)"
        no = d.raw_line if d.raw_line is not None else d.line_no  # the raw line; its sentences share it
        console.print(f"{no:>4}  {d.role:<14} {d.rule:<22}{split} {escape(text)}", style=style)
    kept = sum(d.role in KEPT for d in decisions)
    dropped = sum(d.role not in KEPT and d.role != "empty" for d in decisions)
    console.print(f"{len(decisions)} units: {kept} kept, {dropped} dropped", style="bold")
    return 0
