"""Scale-out shown on a real Dask cluster: a `dask scheduler` and two `dask worker` processes on
loopback (free ports, no dashboard), `bantin run --dask tcp://127.0.0.1:<port>` on the seeds plus
30 files of the real development corpus, the published tables identical to a local run's (same
rows once run ids and timestamps are set aside), both workers used; then everything stops and no
process this test started is left. The multi-machine recipe is in the README ("Dask cluster")."""
from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
from pathlib import Path

import pyarrow.parquet as pq
import pytest
from live import free_port, none_left, start, stop, wait_for
from locations import DEV_CORPUS, ROOT, SEEDS

import schemas

pytestmark = pytest.mark.slow

BIN = ROOT / ".venv" / "bin"
RUN_METADATA = frozenset({"run_id", "processed_at", "quarantined_at", "snapshot_id"})
DEV_FOLDERS = ("vietnam-news_nguyenvulebinh", "ktlab-mds_lupanh")
PER_FOLDER = 15
BATCH = "8"  # several batches, so that both workers get some


def _rows(out: Path, name: str) -> list[str]:
    """The table's rows without run metadata, as canonical JSON, sorted (row order is not data)."""
    table = pq.read_table(out / f"{name}.parquet")
    keep = [c for c in table.column_names if c not in RUN_METADATA]
    return sorted(json.dumps(r, sort_keys=True, default=str, ensure_ascii=False)
                  for r in table.select(keep).to_pylist())


def _bantin_run(raw: Path, out: Path, env: dict, *extra: str) -> dict:
    done = subprocess.run([str(BIN / "bantin"), "run", "--raw", str(raw), "--out", str(out), "--batch-size", BATCH,
                           *extra], cwd=out.parent, env=env, capture_output=True, text=True, timeout=900)
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-3000:]
    return json.loads((out / "manifest.json").read_text())


def _registered(scheduler_log: Path) -> set[str]:
    """Names of the workers the scheduler registered (read from its log: no Dask client in the
    test process, whose threads would outlive the test)."""
    return set(re.findall(r"Register worker addr: \S+ name: (\S+)", scheduler_log.read_text()))


@pytest.fixture(scope="module")
def cluster_run(tmp_path_factory):
    base = tmp_path_factory.mktemp("dask-cluster")
    raw = base / "raw"
    raw.mkdir()
    for p in [*SEEDS, *(f for d in DEV_FOLDERS for f in sorted((DEV_CORPUS / d).glob("*.txt"))[:PER_FOLDER])]:
        shutil.copy2(p, raw / p.name)
    (raw / "empty.txt").write_bytes(b"")  # so that the quarantine table has a row to compare
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PREFECT_", "DASK_"))}
    env.update(PREFECT_HOME=str(base / "prefect-home"), DO_NOT_TRACK="1", BANTIN_LIVE_TEST=str(base),
               PREFECT_LOGGING_LEVEL="INFO")
    local = _bantin_run(raw, base / "local", env, "--workers", "2", "--inline-max", "0")

    port = free_port()
    address = f"tcp://127.0.0.1:{port}"
    logs = [base / "scheduler.log", base / "worker-1.log", base / "worker-2.log"]
    procs = [start([str(BIN / "dask"), "scheduler", "--host", "127.0.0.1", "--port", str(port), "--no-dashboard"],
                   logs[0], cwd=base, env=env)]
    try:
        for n in (1, 2):
            procs.append(start([str(BIN / "dask"), "worker", address, "--host", "127.0.0.1", "--name", f"w{n}",
                                "--nworkers", "1", "--nthreads", "1", "--no-dashboard",
                                "--local-directory", str(base / f"w{n}")], logs[n], cwd=base, env=env))
        wait_for(lambda: _registered(logs[0]) == {"w1", "w2"}, procs, 120, logs)
        dask = _bantin_run(raw, base / "dask", env, "--dask", address)
    finally:
        # workers first (they tell the scheduler they leave), then the scheduler
        stopped = [stop(p) for p in reversed(procs)]
    worker_logs = [log.read_text() for log in logs[1:]]
    return base, local, dask, stopped, worker_logs


def test_both_runs_publish_every_input(cluster_run):
    _, local, dask, _, _ = cluster_run
    n = len(SEEDS) + len(DEV_FOLDERS) * PER_FOLDER + 1
    for m in (local, dask):
        assert m["inputs"] == n == m["articles"] + m["aliases"] + m["quarantined"]
        assert m["quarantined"] >= 1 and m["validation"]["success"] is True
    assert local["run_id"] != dask["run_id"]


def test_the_batches_ran_on_both_cluster_workers(cluster_run):
    *_, worker_logs = cluster_run
    for log in worker_logs:
        assert "process-batch" in log and "Finished in state Completed()" in log, log[-2000:]


@pytest.mark.parametrize("name", list(schemas.TABLES))
def test_cluster_and_local_tables_are_identical_apart_from_run_metadata(cluster_run, name):
    base, *_ = cluster_run
    assert pq.read_schema(base / "local" / f"{name}.parquet").equals(pq.read_schema(base / "dask" / f"{name}.parquet"))
    assert _rows(base / "local", name) == _rows(base / "dask", name)


def test_the_comparison_sees_real_rows(cluster_run):
    base, *_ = cluster_run
    assert len(_rows(base / "local", "articles")) > 30 and len(_rows(base / "local", "lines")) > 300
    assert _rows(base / "local", "people") and _rows(base / "local", "quantities")


def test_everything_stopped_and_no_process_is_left(cluster_run):
    base, _, _, stopped, _ = cluster_run
    assert stopped == [True, True, True], "a worker or the scheduler needed SIGKILL"
    assert none_left(str(base)) == []
