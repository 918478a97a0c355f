"""Crash safety for real: `bantin run` in a subprocess is SIGKILLed (with its whole process group:
worker processes included) at several stages, chosen with the BANTIN_TEST_PAUSE_AT hook. Each
time the previous snapshot must be intact and readable, and the next run must clean up and
publish. While one run is paused holding the lock, a second `bantin run` on the same output
must be refused with exit code 2 and a clear message.

The subprocesses use the session's Prefect test server (PREFECT_API_URL) so none has to start
its own, and all the crashes run concurrently to keep the wall time down.
"""
from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import time
from pathlib import Path

import pyarrow.parquet as pq
import pytest
from locations import ROOT, SEEDS
from prefect.settings import PREFECT_API_URL
from prefect.task_runners import ThreadPoolTaskRunner

from bantin.publish import snapshot as write
from flows import pipeline

pytestmark = pytest.mark.slow

BANTIN = str(ROOT / ".venv" / "bin" / "bantin")
STAGES = ("scan", "process", "publish", "switch")  # after scan, NLP running, staged not renamed, renamed not switched


def _run_in_process(raw: Path, out: Path) -> dict:
    flow = pipeline.bantin_pipeline.with_options(task_runner=ThreadPoolTaskRunner(max_workers=1))
    return flow(raw_dir=str(raw), out_dir=str(out))


def _env(**extra: str) -> dict:
    env = dict(os.environ, PREFECT_API_URL=PREFECT_API_URL.value(), PREFECT_LOGGING_LEVEL="WARNING")
    env.update(extra)
    return env


def _check_readable(out: Path, snapshot_name: str, n_articles: int) -> None:
    """The stable paths still serve the old snapshot, whole: manifest and tables agree."""
    cur = write.current_snapshot(out)
    assert cur is not None and cur.name == snapshot_name
    manifest = json.loads((out / "manifest.json").read_text())
    for name, n in manifest["counts"].items():
        if (out / f"{name}.parquet").exists():
            assert pq.read_table(out / f"{name}.parquet").num_rows == n, name
    assert pq.read_table(out / "articles.parquet").num_rows == n_articles
    assert pq.read_table(out / "articles_by_year").num_rows == n_articles


def _group_gone(pgid: int, timeout: float = 10) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            os.killpg(pgid, 0)
        except ProcessLookupError:
            return True
        time.sleep(0.2)
    return False


@pytest.fixture(scope="module")
def crashed(prefect_harness, tmp_path_factory) -> dict:
    """Baseline snapshot of 4 seeds; then one killed run per stage, each adding the 5th seed."""
    base = tmp_path_factory.mktemp("crash")
    raw0, out0 = base / "raw0", base / "out0"
    raw0.mkdir()
    for p in SEEDS[:4]:
        shutil.copy2(p, raw0 / p.name)
    _run_in_process(raw0, out0)
    baseline = write.current_snapshot(out0).name
    procs = {}
    for stage in STAGES:
        raw, out = base / f"raw-{stage}", base / f"out-{stage}"
        shutil.copytree(raw0, raw)
        shutil.copy2(SEEDS[4], raw / SEEDS[4].name)
        shutil.copytree(out0, out, symlinks=True)
        marker = base / f"paused-{stage}"
        log = open(base / f"log-{stage}", "wb")
        procs[stage] = (subprocess.Popen(
            [BANTIN, "run", "--raw", str(raw), "--out", str(out), "--workers", "1"], cwd=ROOT, stdout=log,
            stderr=subprocess.STDOUT, start_new_session=True,
            env=_env(BANTIN_TEST_PAUSE_AT=stage, BANTIN_TEST_PAUSE_FILE=str(marker))), raw, out, marker)
    result = {"baseline": baseline, "runs": {}, "second": None}
    try:
        deadline = time.monotonic() + 240
        pending = set(STAGES)
        while pending and time.monotonic() < deadline:
            for stage in sorted(pending):
                proc, raw, out, marker = procs[stage]
                assert proc.poll() is None, (base / f"log-{stage}").read_text()[-3000:]
                if marker.exists():
                    if stage == "process":  # a second run while this one holds the lock
                        result["second"] = subprocess.run(
                            [BANTIN, "run", "--raw", str(raw), "--out", str(out)], cwd=ROOT, env=_env(),
                            capture_output=True, text=True, timeout=120)
                    staged = sorted(p.name for p in (out / write.SNAPSHOTS).iterdir())
                    os.killpg(proc.pid, signal.SIGKILL)
                    proc.wait(10)
                    result["runs"][stage] = {"raw": raw, "out": out, "staged": staged,
                                             "group_gone": _group_gone(proc.pid)}
                    pending.discard(stage)
            time.sleep(0.5)
        assert not pending, f"never paused at {pending}"
    finally:
        for proc, *_ in procs.values():
            if proc.poll() is None:
                os.killpg(proc.pid, signal.SIGKILL)
                proc.wait(10)
    return result


@pytest.mark.parametrize("stage", STAGES)
def test_a_killed_run_leaves_the_previous_snapshot_intact(crashed, stage):
    run = crashed["runs"][stage]
    assert run["group_gone"], "worker processes outlived the SIGKILL of their group"
    _check_readable(run["out"], crashed["baseline"], 4)
    staged = run["staged"]
    if stage == "publish":  # killed with a half-published staging directory
        assert any(n.startswith(write.TMP_PREFIX) and "quality" not in n and "card" not in n for n in staged)
    if stage == "switch":  # killed after the rename, before the switch: a complete but unused snapshot
        assert len([n for n in staged if not n.startswith(".")]) == 2


@pytest.mark.parametrize("stage", STAGES)
def test_the_next_run_recovers_and_publishes(crashed, stage):
    run = crashed["runs"][stage]
    summary = _run_in_process(run["raw"], run["out"])
    assert summary["plan"]["new"] == 1 and summary["plan"]["to_process"] == 1
    snaps = sorted(p.name for p in (run["out"] / write.SNAPSHOTS).iterdir())
    assert not [n for n in snaps if n.startswith(".")]  # stale staging directories removed
    assert write.current_snapshot(run["out"]).name not in (crashed["baseline"],)
    _check_readable(run["out"], write.current_snapshot(run["out"]).name, 5)


def test_a_second_run_at_once_is_refused_with_exit_code_2(crashed):
    second = crashed["second"]
    assert second is not None and second.returncode == 2, second.stdout[-2000:] + second.stderr[-2000:]
    assert "Another bantin run" in second.stderr and "--out" in second.stderr
