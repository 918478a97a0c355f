"""Where the time goes: `bantin.runner.run` (no Prefect) under cProfile, every step in one process.

Why without Prefect: py-spy and pyinstrument are not in the lock file, and cProfile cannot
follow worker processes, so this runs the runner's steps, in its order, with the batches in this
process; Prefect's own overhead is then (flow time of the 1-worker bench run) minus these.
Usage: .venv/bin/python bench/profile_stages.py RAW_DIR [--limit 100] [--out /tmp/prof.pstats]
"""
from __future__ import annotations

import argparse
import cProfile
import pstats
import sys
import tempfile
from pathlib import Path

sys.path[:0] = [str(Path(__file__).resolve().parent.parent), str(Path(__file__).resolve().parent)]

from pool import PoolExecutor  # noqa: E402

from bantin import runner  # noqa: E402
from bantin.settings import Settings  # noqa: E402
from bantin.vi import nlp  # noqa: E402

# function (file suffix, name) -> label; cumulative seconds are reported for each
WATCH = {
    ("bantin/vi/nlp.py", "ner"): "underthesea ner (per sentence)",
    ("bantin/vi/nlp.py", "word_tokenize"): "underthesea word_tokenize (words)",
    ("bantin/vi/nlp.py", "needs_ner"): "NER gate (needs_ner)",
    ("bantin/vi/nercache.py", "get"): "NER cache look-ups",
    ("bantin/vi/nercache.py", "put"): "NER cache entries (encode)",
    ("bantin/vi/nercache.py", "_write_part"): "NER cache part files",
    ("bantin/vi/nercache.py", "merge"): "NER cache merge (assemble)",
    ("bantin/clean/document.py", "clean"): "cleaning (repair + line roles)",
    ("bantin/extract/article.py", "extract"): "extract (rules + NLP)",
    ("bantin/vi/language.py", "detect_language"): "language detection",
    ("schemas/_base.py", "from_rows"): "Arrow tables from rows",
}


def run(raw: Path, limit: int | None, batch: int) -> dict[str, float]:
    """`bantin.runner.run` on the first `limit` files of `raw`, batches in this process."""
    with tempfile.TemporaryDirectory() as tmp:
        src = raw
        if limit:
            src = Path(tmp) / "raw"
            src.mkdir()
            for p in sorted(raw.rglob("*.txt"))[:limit]:
                dest = src / p.relative_to(raw)
                dest.parent.mkdir(parents=True, exist_ok=True)
                dest.symlink_to(p.resolve())
        nlp.warm()
        outcome = runner.run(Settings(raw_dir=src, out_dir=Path(tmp) / "out", batch_size=batch), PoolExecutor(0))
    wall = dict(outcome.summary["timings"])
    wall["articles"] = outcome.summary["articles"]
    return wall


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("raw", type=Path)
    ap.add_argument("--limit", type=int, default=100)
    ap.add_argument("--batch-size", type=int, default=64)
    ap.add_argument("--out", type=Path, default=None)
    a = ap.parse_args()
    prof = cProfile.Profile()
    prof.enable()
    wall = run(a.raw, a.limit, a.batch_size)
    prof.disable()
    n = wall.pop("articles")
    total = sum(wall.values())
    print(f"{n} articles, {total:.1f} s in stages (cProfile on, so all figures are inflated alike)")
    for k, v in wall.items():
        print(f"  {k:34s} {v:8.2f} s  {100 * v / total:5.1f}%")
    stats = pstats.Stats(prof)
    proc = wall["process"]
    print("inside process:")
    for (fname, _, func), (_, _, _, ct, _) in sorted(stats.stats.items(), key=lambda kv: -kv[1][3]):
        for (suffix, name), label in WATCH.items():
            if fname.endswith(suffix) and func == name:
                print(f"  {label:34s} {ct:8.2f} s  {100 * ct / proc:5.1f}% of process")
    if a.out:
        stats.dump_stats(a.out)
    return 0


if __name__ == "__main__":
    sys.exit(main())
