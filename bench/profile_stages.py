"""Where the time goes: the flow's stages called directly (no Prefect) under cProfile, one process.

Why without Prefect: py-spy and pyinstrument are not in the lock file, and cProfile cannot
follow worker processes, so this runs the same pure stages the flow runs, in the same order, in
one process; Prefect's own overhead is then (flow time of the 1-worker bench run) minus these.
Usage: .venv/bin/python bench/profile_stages.py RAW_DIR [--limit 100] [--out /tmp/prof.pstats]
"""
from __future__ import annotations

import argparse
import cProfile
import pstats
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from flows import nlp  # noqa: E402
from bantin.settings import Settings  # noqa: E402
from flows.stages import write  # noqa: E402
from bantin.build import assemble
from bantin.build import corpus
from bantin.ingest import files as ingest
from bantin.build import process
from bantin.validate import gate as validate
from bantin.version import pipeline_version  # noqa: E402

# function (file suffix, name) -> label; cumulative seconds are reported for each
WATCH = {
    ("bantin/vi/nlp.py", "ner"): "underthesea ner (per sentence)",
    ("bantin/vi/nlp.py", "word_tokenize"): "underthesea word_tokenize (n_words)",
    ("bantin/clean/document.py", "clean"): "cleaning (repair + line roles)",
    ("bantin/extract/article.py", "extract"): "extract (rules + NLP)",
    ("bantin/vi/language.py", "detect_language"): "language detection",
    ("schemas/_base.py", "from_rows"): "Arrow tables from rows",
}


def run(raw: Path, limit: int | None, batch: int) -> dict[str, float]:
    s = Settings(raw_dir=raw)
    wall: dict[str, float] = {}
    t = time.perf_counter()
    scan = ingest.scan(raw, max_bytes=s.max_bytes)
    files = list(scan.files)[:limit] if limit else list(scan.files)
    ctx = corpus.corpus_context(files, min_docs=s.boilerplate_min_docs, max_bytes=s.max_bytes)
    wall["scan + corpus"] = time.perf_counter() - t
    version = pipeline_version()
    nlp.warm()
    t = time.perf_counter()
    results = [process.process_batch(files[i:i + batch], repeated=ctx.repeated, version=version, run_id=None,
                                     max_bytes=s.max_bytes) for i in range(0, len(files), batch)]
    wall["process (load, clean, extract)"] = time.perf_counter() - t
    t = time.perf_counter()
    asm = assemble.assemble({}, [r.tables for r in results], [q for r in results for q in r.quarantined],
                            identical={}, sha_by_file={f.source_file: f.content_sha256 for f in files},
                            context_keys=ctx.context_keys, version=version, run_id=None,
                            near_dup_threshold=s.near_dup_threshold)
    wall["assemble (merge, dups)"] = time.perf_counter() - t
    with tempfile.TemporaryDirectory() as tmp:
        t = time.perf_counter()
        validate.run_suites(asm.tables, quality_dir=Path(tmp) / "quality", run_id=None)
        wall["validate (Great Expectations)"] = time.perf_counter() - t
        t = time.perf_counter()
        write.publish(Path(tmp) / "out", asm.tables, snapshot_id="profile", manifest={}, quarantine_files={},
                      extra_files={}, keep=1)
        wall["write (Parquet/JSONL snapshot)"] = time.perf_counter() - t
    wall["articles"] = len(files)
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
    proc = wall["process (load, clean, extract)"]
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
