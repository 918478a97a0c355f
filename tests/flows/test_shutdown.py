"""No process left behind, no hang, no traceback: `bantin run` under signals and faults, for real.

Each run is a subprocess with worker processes (`--inline-max 0`) and its own temporary Prefect
server (no PREFECT_API_URL), paused while its first batch is in a worker (BANTIN_TEST_PAUSE_AT,
as in tests/flows/test_crash.py). Then:

- its process tree has exactly one Prefect server, and analytics are off in every process of it;
- after SIGKILL of the run, every process of that tree (server, workers, resource tracker) is gone
  within seconds (they used to be re-parented to PID 1 and run on);
- Ctrl+C (SIGINT to the process group, as a terminal sends it) and SIGTERM end the run in seconds
  with exit 130 / 143 and one `bantin: error:` sentence, no traceback, and its children gone.

The three runs go concurrently to keep the wall time down. Loopback only.
"""
from __future__ import annotations

import os
import shutil
import signal
import subprocess
import time
from pathlib import Path

import psutil
import pytest
from locations import ROOT, SEEDS

pytestmark = pytest.mark.slow

BANTIN = str(ROOT / ".venv" / "bin" / "bantin")


def _env(marker: Path) -> dict:
    env = {k: v for k, v in os.environ.items() if k != "PREFECT_API_URL"}  # its own temporary server
    env.pop("PREFECT_SERVER_ANALYTICS_ENABLED", None)  # the run must turn analytics off by itself
    env.update(BANTIN_TEST_PAUSE_AT="process", BANTIN_TEST_PAUSE_FILE=str(marker), PREFECT_LOGGING_LEVEL="WARNING")
    return env


def _tree(pid: int) -> list[psutil.Process]:
    try:
        return psutil.Process(pid).children(recursive=True)
    except psutil.NoSuchProcess:
        return []


def _is_server(p: psutil.Process) -> bool:
    try:
        return "prefect.server" in " ".join(p.cmdline()) and "uvicorn" in " ".join(p.cmdline())
    except psutil.Error:
        return False


def _is_worker(p: psutil.Process) -> bool:
    try:
        return "spawn_main" in " ".join(p.cmdline())
    except psutil.Error:
        return False


def _alive(p: psutil.Process) -> bool:
    try:
        return p.is_running() and p.status() != psutil.STATUS_ZOMBIE
    except psutil.Error:
        return False


def _gone(procs: list[psutil.Process], timeout: float) -> list[psutil.Process]:
    """The processes of `procs` still alive after up to `timeout` seconds."""
    deadline = time.monotonic() + timeout
    alive = procs
    while alive and time.monotonic() < deadline:
        alive = [p for p in alive if _alive(p)]
        time.sleep(0.2)
    return [p for p in alive if _alive(p)]


@pytest.fixture(scope="module")
def paused_runs(tmp_path_factory):
    """Three runs paused with a batch in a worker; yields {name: (Popen, children)} once each
    has a worker that finished loading and has had time to talk to the server."""
    base = tmp_path_factory.mktemp("shutdown")
    runs = {}
    for name in ("kill", "sigint", "sigterm"):
        raw = base / f"raw-{name}"
        raw.mkdir()
        for p in SEEDS:
            shutil.copy2(p, raw / p.name)
        marker = base / f"{name}.paused"
        proc = subprocess.Popen([BANTIN, "run", "--raw", str(raw), "--out", str(base / f"out-{name}"),
                                 "--workers", "2", "--inline-max", "0", "--batch-size", "1"],
                                env=_env(marker), stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                                start_new_session=True)  # its own group: a Ctrl+C goes to that group
        runs[name] = (proc, marker)
    deadline = time.monotonic() + 300
    while not all(m.exists() for _, m in runs.values()) and time.monotonic() < deadline:
        assert all(p.poll() is None for p, _ in runs.values()), [p.communicate() for p, _ in runs.values()]
        time.sleep(0.5)
    assert all(m.exists() for _, m in runs.values()), "runs did not reach the pause"
    while time.monotonic() < deadline and not all(any(map(_is_worker, _tree(p.pid))) for p, _ in runs.values()):
        time.sleep(0.5)
    time.sleep(25)  # the worker loads underthesea, runs its batch and reports: a second server used to start now
    yield {name: (proc, _tree(proc.pid)) for name, (proc, _) in runs.items()}
    for proc, _ in runs.values():
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()


def test_one_server_per_run_and_analytics_off_everywhere(paused_runs):
    for name, (proc, children) in paused_runs.items():
        assert sum(map(_is_server, children)) == 1, name
        assert any(map(_is_worker, children)), name
        for p in [psutil.Process(proc.pid), *children]:
            try:
                env = p.environ()
            except psutil.Error:
                continue  # a short-lived process that has already gone
            assert env.get("PREFECT_SERVER_ANALYTICS_ENABLED") == "false", (name, p.cmdline())


def test_sigkill_of_the_run_takes_its_children_with_it(paused_runs):
    proc, children = paused_runs["kill"]
    proc.kill()  # SIGKILL to the run alone: nothing of it can clean up
    proc.wait(timeout=10)
    left = _gone(children, timeout=15)
    assert not left, [(p.pid, p.cmdline()) for p in left]


@pytest.mark.parametrize("name, sig, code", [("sigint", signal.SIGINT, 130), ("sigterm", signal.SIGTERM, 143)])
def test_a_signal_stops_the_run_in_seconds_with_one_sentence(paused_runs, name, sig, code):
    proc, children = paused_runs[name]
    t0 = time.monotonic()
    if sig == signal.SIGINT:
        os.killpg(proc.pid, sig)  # Ctrl+C in a terminal: the whole foreground group
    else:
        proc.send_signal(sig)  # `kill PID`
    _, err = proc.communicate(timeout=30)
    elapsed = time.monotonic() - t0
    assert proc.returncode == code, err[-2000:]
    assert elapsed < 15, elapsed
    assert "Traceback" not in err and "ConnectError" not in err, err[-2000:]
    errors = [ln for ln in err.splitlines() if ln.startswith("bantin: error:")]
    assert len(errors) == 1 and signal.Signals(sig).name in errors[0], err[-2000:]
    left = _gone(children, timeout=10)
    assert not left, [(p.pid, p.cmdline()) for p in left]
