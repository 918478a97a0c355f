"""Peak memory of the incremental plan on a re-run of N inputs (default 100,000), against the
row-by-row reference it replaced (tests/build/test_plan.py: a dict of Python rows). The
columnar plan gets the scan's file list and corpus keys as Arrow columns, as in the pipeline.

    .venv/bin/python bench/plan_memory.py [--n 100000]

Each variant runs in a fresh child process; the figure is the child's peak RSS during
`make_plan` over its RSS just before (VmHWM reset, bantin/memory.py). Linux only.
"""
from __future__ import annotations

import argparse
import hashlib
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
V = "0.1.0+bench"


def child(variant: str, n: int) -> float:
    sys.path[:0] = [str(ROOT), str(ROOT / "tests" / "build")]
    import pyarrow as pa

    import schemas
    from bantin import memory
    from bantin.build import plan
    from bantin.records import InputFile

    names = [f"portal-{i % 50:02d}/2025/{i:06d}_{hashlib.md5(str(i).encode()).hexdigest()[:16]}.txt"
             for i in range(n)]
    shas = [hashlib.sha256(x.encode()).hexdigest() for x in names]
    prev = pa.table({"source_file": names, "content_sha256": shas, "pipeline_version": [V] * n,
                     "context_key": [s[:16] for s in shas], "article_id": [s[:16] for s in shas],
                     "outcome": ["article"] * n})
    prev = prev.cast(pa.schema([schemas.STATE.schema.field(c) for c in prev.column_names]))
    files = [InputFile(path="/raw/" + x, source_file=x, size_bytes=1, mtime=None, content_sha256=s)
             for x, s in zip(names, shas)]
    ctx = {x: s[:16] for x, s in zip(names, shas)}
    if variant == "columnar":  # what the pipeline passes: the scan's columns (bantin/ingest/inputs.py)
        from bantin.ingest.inputs import Inputs, Keyed

        files, ctx = Inputs.of(files), Keyed.of(ctx)
    del names, shas
    memory.release()
    memory.reset_peak()
    base = memory.peak_mb()
    if variant == "columnar":
        plan.make_plan(files, prev, version=V, context_keys=ctx, full=False)
    else:
        from test_plan import _reference_plan

        _reference_plan(files, prev, version=V, context_keys=ctx)
    peak = memory.peak_mb()
    assert base is not None and peak is not None, "needs /proc (Linux)"
    return round(peak - base, 1)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--n", type=int, default=100_000)
    ap.add_argument("--child", help=argparse.SUPPRESS)
    a = ap.parse_args()
    if a.child:
        print(child(a.child, a.n))
        return
    print(f"plan of a re-run, {a.n:,} unchanged inputs: peak MB over the RSS before")
    for variant in ("columnar", "rows (reference)"):
        out = subprocess.run([sys.executable, __file__, "--n", str(a.n), "--child", variant.split()[0]],
                             capture_output=True, text=True, check=True)
        print(f"  {variant:18s} {out.stdout.strip().splitlines()[-1]:>8s}")


if __name__ == "__main__":
    main()
