"""Peak RSS vs corpus size, NER stubbed: the flow process stage by stage, and the real flow.

    .venv/bin/python bench/memory_growth.py --n 2000 20000 100000 --modes parts flow [--workers 2]

For each N and each mode, a fresh child process runs the pipeline on a synthetic corpus
(`bench/.corpus-mem-N`, made by synth.py once) and the results go to
bench/results/memory_growth.json (rows of earlier invocations with another (mode, N) are kept).

  mode "parts"  : `bantin.runner.run`, the steps every run takes, without Prefect (batches on a
                  process pool of --workers processes, bench/pool.py); the runner records its own
                  peak RSS per stage (VmHWM, reset at each stage start through
                  /proc/self/clear_refs).
  mode "flow"   : the real thing: `bantin run` (Prefect flow, temporary Prefect server, worker
                  processes, bounded submission); the parent samples the peak RSS of every process
                  of the child's tree (main = flow process, worker, prefect_server).

NER IS STUBBED IN THIS SCRIPT ONLY (bench/stub_nlp.py: no entities, words split on spaces, in the
flow process and in every worker) so that N = 100,000 runs in about an hour instead of a day; the
flow process never runs NLP, and the article/line tables it handles are the real ones (same
cleaning, same raw text and lines), so its memory is what is measured. Throughput figures come
from bench/run_bench.py, without the stub.
"""
from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))


def _stub_nlp() -> None:
    import stub_nlp

    stub_nlp.install()


def _status_mb(key: str) -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith(key + ":"):
            return int(line.split()[1]) / 1024
    return float("nan")


_PEAK = [0.0]  # the largest VmHWM seen so far (VmHWM itself is reset after each stage)


def _hwm_mb() -> float:
    """Peak RSS of the whole run so far (the per-stage peaks' maximum)."""
    return max(_PEAK[0], _status_mb("VmHWM"))


def child(raw: Path, out: Path, mode: str, workers: int, batch: int) -> dict:
    """Mode "parts": `bantin.runner.run` on a process pool (bench/pool.py), no Prefect; the
    runner records its own peak RSS per stage (VmHWM reset at each stage start)."""
    _stub_nlp()
    from pool import PoolExecutor

    from bantin import runner
    from bantin.settings import Settings

    t0 = time.perf_counter()
    outcome = runner.run(Settings(raw_dir=raw, out_dir=out / "out", batch_size=batch), PoolExecutor(workers))
    s = outcome.summary
    return {"mode": mode, "n": s["plan"]["to_process"], "peak_rss_mb": round(_hwm_mb(), 1),
            "validation": s["validation"]["success"], "process_s": s["timings"]["process"],
            "rest_s": round(time.perf_counter() - t0 - s["timings"]["process"], 1),
            "stage_peak": s["peak_rss_mb"]}


def child_flow(raw: Path, out: Path, mode: str, workers: int, batch: int) -> dict:
    """The real thing: `bantin run` (Prefect flow, temporary Prefect server, worker processes)
    with NER stubbed in the flow process and in every worker. The parent samples the peak RSS
    of every process of this child's tree."""
    _stub_nlp()
    from flows.server import TemporaryServer

    server = TemporaryServer.launch()
    from bantin.settings import Settings
    from flows import pipeline

    t0 = time.perf_counter()
    try:
        summary = pipeline.run(Settings(raw_dir=raw, out_dir=out / "out", workers=workers, batch_size=batch),
                               server=server)
    finally:
        if server is not None:
            server.stop()
    return {"mode": mode, "n": summary["plan"].get("to_process", 0) + summary["plan"].get("unchanged", 0),
            "articles": summary["articles"], "validation": summary["validation"]["success"],
            "flow_s": round(time.perf_counter() - t0, 1), "timings": summary["timings"],
            "executor": summary.get("executor"), "stage_peak": summary.get("peak_rss_mb")}


def measure_flow(cmd: list[str], out: Path) -> dict:
    """Run a `flow` child with its own Prefect home (database created first, as `make setup`
    does) and return its result with the peak RSS per process role (main = the flow process,
    worker, prefect_server), sampled every 0.2 s from /proc (VmHWM)."""
    import run_bench

    out.mkdir(parents=True, exist_ok=True)
    run_bench.init_prefect_db(out)
    env = {**os.environ, **run_bench.ENV, "PREFECT_HOME": str(out / ".prefect"),
           "PYTHONPATH": os.pathsep.join([str(ROOT / "bench"), str(ROOT)])}
    log = open(out / "flow.log", "w")
    proc = subprocess.Popen(cmd, cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=log, text=True)
    peaks = run_bench.sample_peaks(proc)
    stdout = proc.stdout.read() if proc.stdout else ""
    log.close()
    if proc.returncode != 0:
        raise RuntimeError(f"flow child failed ({proc.returncode}): {(out / 'flow.log').read_text()[-3000:]}")
    row = json.loads(stdout.strip().splitlines()[-1])
    rss: dict[str, float] = {}
    for role, kb in peaks.values():
        rss[role] = max(rss.get(role, 0.0), round(kb / 1024, 1))
    # The flow resets its VmHWM at each stage start (its per-stage peaks, row["stage_peak"]), so a
    # peak in the last sampling interval before a reset is only in those: take the larger.
    stage_max = max((v for v in (row.get("stage_peak") or {}).values() if v is not None), default=0.0)
    rss["main"] = max(rss.get("main", 0.0), stage_max)
    row["peak_rss_mb"] = rss.get("main")
    row["peak_rss_by_role_mb"] = dict(sorted(rss.items()))
    row["processes"] = len(peaks)
    row["commit"] = _commit()
    return row


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--n", type=int, nargs="+", default=[500, 2000])
    ap.add_argument("--modes", nargs="+", default=["parts"], choices=["parts", "flow"])
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--batch", type=int, default=64)
    ap.add_argument("--child", nargs=3, metavar=("RAW", "OUT", "MODE"), help=argparse.SUPPRESS)
    a = ap.parse_args()
    if a.child:
        raw, out, mode = Path(a.child[0]), Path(a.child[1]), a.child[2]
        run = child_flow if mode == "flow" else child
        print(json.dumps(run(raw, out, mode, a.workers, a.batch)))
        return
    import synth

    rows = []
    dest = ROOT / "bench" / "results" / "memory_growth.json"
    for n in a.n:
        raw = ROOT / "bench" / f".corpus-mem-{n}"
        if not (raw / ".complete").exists():
            shutil.rmtree(raw, ignore_errors=True)
            synth.generate(n, raw)
            (raw / ".complete").write_text("")
        for mode in a.modes:
            out = ROOT / "bench" / ".work-mem"
            shutil.rmtree(out, ignore_errors=True)
            cmd = [sys.executable, __file__, "--workers", str(a.workers), "--batch", str(a.batch),
                   "--child", str(raw), str(out), mode]
            if mode == "flow":
                row = measure_flow(cmd, out)
                rows.append(row)
                print(json.dumps(row), flush=True)
                dest.write_text(json.dumps(merge_rows(dest, [row]), indent=1) + "\n")
                continue
            res = subprocess.run(cmd, capture_output=True, text=True, check=True)
            row = json.loads(res.stdout.strip().splitlines()[-1])
            row["commit"] = _commit()
            rows.append(row)
            print(json.dumps(row), flush=True)
            dest.write_text(json.dumps(merge_rows(dest, [row]), indent=1) + "\n")  # kept if a later N fails


def _commit() -> str:
    """The commit measured (with `+dirty` when the work tree differs from it)."""
    def git(*args: str) -> str:
        return subprocess.run(["git", *args], cwd=ROOT, capture_output=True, text=True).stdout.strip()
    dirty = git("status", "--porcelain", "--", "bantin", "flows", "schemas", "bench/memory_growth.py")
    return git("rev-parse", "--short", "HEAD") + ("+dirty" if dirty else "")


def merge_rows(dest: Path, rows: list[dict]) -> list[dict]:
    """The rows of earlier invocations with the same (mode, n) replaced by this one's, so that
    N = 2,000 and 20,000 today and N = 100,000 tonight end up in one file, ordered by (mode, n)."""
    old = json.loads(dest.read_text()) if dest.exists() else []
    new = {(r["mode"], r["n"]) for r in rows}
    return sorted([r for r in old if (r["mode"], r["n"]) not in new] + rows, key=lambda r: (r["mode"], r["n"]))


if __name__ == "__main__":
    main()
