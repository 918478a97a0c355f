"""Incremental re-runs on a large corpus (issue 7's 20,000 articles), measured for real.

    .venv/bin/python bench/rerun_scale.py --n 20000 [--workers 2] [--full-s SECONDS]

Why a script of its own: on this 2-core machine a full run of 20,000 articles with underthesea's
NER is ~70 minutes, and the re-runs are what the targets are about (no change < 5% of a full
run, 1% new files < 10%). So the *full* run that builds the snapshot is made with NER stubbed
(bench/stub_nlp.py; same tables, same pipeline_version, empty NER fields), and then the two
re-runs are the real thing, on that snapshot, with the real NLP: the no-change re-run (no NLP
at all) and the re-run with 1% new files (underthesea on those files). Their seconds are
measured; the full run they are compared with is the real one's time, which is not measured at
this N here but given (`--full-s`) or scaled from the latest `make bench` (its all-cores flow
seconds per article x N), and said so in the output.

Each run is a fresh `bantin run`-like child with its own start-up (run_bench.measure_child), on a
frozen copy of the code; results go to bench/results/rerun-<stamp>-nN.json.
"""
from __future__ import annotations

import argparse
import json
import os
import shutil
import sys
from datetime import datetime, timezone
from pathlib import Path

import run_bench  # bench/ is sys.path[0] when run as a script

BENCH = Path(__file__).resolve().parent


def full_run_estimate(n: int, latest: Path) -> tuple[float, str]:
    """Seconds of a real all-cores full run of n articles, scaled from the latest benchmark."""
    res = json.loads(latest.read_text())
    m = res["meta"]
    if "corpora" in res:  # issue 23's format: one section per corpus
        runs, size = res["corpora"]["synthetic"]["runs"]["all_cores"], m["n_synthetic"]
    else:
        runs, size = res["runs"]["all_cores"], m["n"]
    per = runs["flow_s"] / size
    return per * n, f"{per:.3f} s/article x {n} (make bench at N = {size}, commit {m.get('commit')})"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--n", type=int, default=20_000)
    ap.add_argument("--workers", type=int, default=os.cpu_count())
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--full-s", type=float, default=None, help="seconds of a real full run of N articles")
    ap.add_argument("--results", type=Path, default=BENCH / "results")
    a = ap.parse_args(argv)
    work = BENCH / ".work-rerun"
    shutil.rmtree(work, ignore_errors=True)
    (work / "raw").mkdir(parents=True)
    cache = BENCH / f".corpus-{a.n}-s{a.seed}"
    _, corpus, extra = run_bench.synthetic_corpus(a.n, a.seed, cache)
    run_bench._link(corpus, cache, work / "raw")
    run_bench.freeze_code(work)
    run_bench.init_prefect_db(work)
    # workers, batch size, no Dask, not --full
    raw, out, common = str(work / "raw"), str(work / "out"), [str(a.workers), "64", "", ""]
    runs = {"full_stubbed": run_bench.measure_child("pipeline_stub", [raw, out, *common], work, "full_stubbed",
                                                    root=work)}
    print(f"full run, NER stubbed: {runs['full_stubbed']['flow_s']:.1f} s", flush=True)
    runs["rerun_nochange"] = run_bench.measure_child("pipeline", [raw, out, *common], work, "rerun_nochange",
                                                     root=work)
    print(f"re-run, no change: {runs['rerun_nochange']['flow_s']:.1f} s", flush=True)
    run_bench._link(extra, cache, work / "raw")
    runs["rerun_1pct"] = run_bench.measure_child("pipeline", [raw, out, *common], work, "rerun_1pct", root=work)
    print(f"re-run, {len(extra)} new files: {runs['rerun_1pct']['flow_s']:.1f} s", flush=True)
    if a.full_s:
        full_s, basis = a.full_s, "given (--full-s)"
    else:
        full_s, basis = full_run_estimate(a.n, a.results / "latest.json")
    ratios = {f"{k}_over_full": round(runs[k]["flow_s"] / full_s, 4) for k in ("rerun_nochange", "rerun_1pct")}
    ratios.update({f"{k}_over_full_with_startup": round(runs[k]["wall_s"] / full_s, 4)
                   for k in ("rerun_nochange", "rerun_1pct")})
    res = {"meta": {"n": a.n, "extra": len(extra), "workers": a.workers, "commit": run_bench._git_head(),
                    "started_at": datetime.now(timezone.utc).isoformat(), "full_s": round(full_s, 1),
                    "full_basis": basis},
           "runs": runs, "ratios": ratios,
           "verdicts": {"nochange": "PASS" if ratios["rerun_nochange_over_full"] < 0.05 else "FAIL",
                        "onepct": "PASS" if ratios["rerun_1pct_over_full"] < 0.10 else "FAIL"}}
    a.results.mkdir(parents=True, exist_ok=True)
    path = a.results / f"rerun-{datetime.now(timezone.utc):%Y%m%dT%H%M%SZ}-n{a.n}.json"
    path.write_text(json.dumps(res, indent=2, default=str))
    for k in ("rerun_nochange", "rerun_1pct"):
        r = runs[k]
        print(f"{k}: flow {r['flow_s']:.1f} s (start-up {r['startup_s']:.1f} s, peak RSS {r['peak_rss_gb']}), "
              f"{100 * ratios[k + '_over_full']:.2f}% of the full run ({full_s:.0f} s: {basis}); "
              f"timings {r['timings']}")
    print(f"verdicts: {res['verdicts']}; JSON: {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
