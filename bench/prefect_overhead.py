"""What Prefect itself keeps in the flow process per task run: RSS after N small task runs.

    .venv/bin/python bench/prefect_overhead.py --n 50 500 1500

For each N a fresh child process starts a temporary Prefect server (flows/server.py), runs a flow
on a 2-process `ProcessPoolTaskRunner` that submits N tasks through the pipeline's bounded window
(`flows/submit.py`), each returning a 64-row Arrow table like a batch summary, drops the results
and prints the flow process's RSS over its RSS at the flow's start (after `memory.release`).
Why: the flow process's peak grew with the number of batches, and Prefect's per-task-run
records were one suspect; this measures them apart from the pipeline. Linux only (/proc).
"""
from __future__ import annotations

import argparse
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "bench")]


def _table(i: int):
    import pyarrow as pa

    return pa.table({"article_id": [f"{i:012x}{j:04x}" for j in range(64)], "exact_key": ["k" * 64] * 64})


def child(n: int) -> str:
    from flows.server import TemporaryServer

    server = TemporaryServer.launch(force=True)
    from prefect import flow, task
    from prefect.settings import PREFECT_API_URL, temporary_settings
    from prefect.task_runners import ProcessPoolTaskRunner

    from bantin import memory
    from flows import submit

    work = task(name="small")(_table)

    @flow(task_runner=ProcessPoolTaskRunner(max_workers=2))
    def many() -> str:
        memory.release()
        start = memory.rss_mb()
        results = list(submit.windowed(range(n), work.submit, submit.window_for(2)))
        del results
        memory.release()
        end = memory.rss_mb()
        return f"{n} task runs: flow process RSS +{end - start:.1f} MB over the flow's start ({start:.0f} MB)"

    try:
        with temporary_settings(updates={PREFECT_API_URL: server.wait(timeout=180)}):
            return many()
    finally:
        server.stop()


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--n", type=int, nargs="+", default=[50, 500, 1500])
    ap.add_argument("--child", type=int, help=argparse.SUPPRESS)
    a = ap.parse_args()
    if a.child is not None:
        print(child(a.child), flush=True)
        return
    import run_bench

    for n in a.n:
        env = {**os.environ, **run_bench.ENV}
        out = subprocess.run([sys.executable, __file__, "--child", str(n)], capture_output=True, text=True,
                             env=env, cwd=ROOT)
        lines = [ln for ln in out.stdout.splitlines() if "task runs:" in ln]
        print(lines[-1] if lines else f"{n}: failed\n{out.stderr[-2000:]}", flush=True)


if __name__ == "__main__":
    main()
