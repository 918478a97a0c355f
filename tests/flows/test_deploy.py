"""The deployment for real: `bantin serve` (what `make serve` runs) starts a Prefect server on a
free loopback port and serves `bantin/hourly`; the `prefect deployment run` CLI triggers it from
"another shell"; the output appears; everything shuts down with no process left behind."""
from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import time
import urllib.error
import urllib.request
from pathlib import Path

import pyarrow.parquet as pq
import pytest
from locations import ROOT

pytestmark = pytest.mark.slow

BIN = ROOT / ".venv" / "bin"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _get_json(url: str):
    try:
        with urllib.request.urlopen(url, timeout=5) as resp:
            return json.load(resp)
    except (urllib.error.URLError, OSError, ValueError):
        return None


def _wait_for(fetch, proc: subprocess.Popen, timeout: float, log: Path):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        got = fetch()
        if got:
            return got
        assert proc.poll() is None, f"bantin serve exited early:\n{log.read_text()[-3000:]}"
        time.sleep(1)
    raise AssertionError(f"timed out; serve log:\n{log.read_text()[-3000:]}")


def _stop_group(proc: subprocess.Popen) -> None:
    """SIGTERM the serve process group (serve, server, flow-run subprocess), SIGKILL after a grace."""
    try:
        os.killpg(proc.pid, signal.SIGTERM)
        proc.wait(30)
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL)
        proc.wait(10)
    except ProcessLookupError:
        pass


def _scheduled_runs(api: str, deployment_id: str) -> list[dict]:
    body = json.dumps({"flow_runs": {"deployment_id": {"any_": [deployment_id]},
                                     "state": {"type": {"any_": ["SCHEDULED"]}}}, "limit": 10}).encode()
    req = urllib.request.Request(f"{api}/flow_runs/filter", data=body, method="POST",
                                 headers={"Content-Type": "application/json"})
    try:
        with urllib.request.urlopen(req, timeout=5) as resp:
            return json.loads(resp.read())
    except OSError:
        return []


def _group_alive(pgid: int) -> bool:
    try:
        os.killpg(pgid, 0)
        return True
    except ProcessLookupError:
        return False


def test_serve_then_prefect_deployment_run_produces_the_dataset(tmp_path, seed_dir):
    port = _free_port()
    api = f"http://127.0.0.1:{port}/api"
    env = {k: v for k, v in os.environ.items() if k != "PREFECT_API_URL"}
    env.update(PREFECT_HOME=str(tmp_path / "prefect-home"), PREFECT_SERVER_ANALYTICS_ENABLED="false",
               PREFECT_LOGGING_LEVEL="INFO", PREFECT_SERVER_SERVICES_SCHEDULER_LOOP_SECONDS="2")
    log = tmp_path / "serve.log"
    default_out = tmp_path / "default-out"
    with open(log, "wb") as fh:
        proc = subprocess.Popen(
            [str(BIN / "bantin"), "serve", "--raw", str(seed_dir), "--out", str(default_out), "--port", str(port)],
            cwd=ROOT, env=env, stdout=fh, stderr=subprocess.STDOUT, start_new_session=True)
    try:
        dep = _wait_for(lambda: _get_json(f"{api}/deployments/name/bantin/hourly"), proc, 150, log)
        assert dep["parameters"] == {"raw_dir": str(seed_dir.resolve()), "out_dir": str(default_out.resolve()),
                                     "full": False}
        assert [s["schedule"]["cron"] for s in dep["schedules"]] == ["0 * * * *"]
        # The server's scheduler turns the cron schedule into upcoming runs (this is what broke
        # with SQLAlchemy 2.1, hence the pin in pyproject.toml).
        scheduled = _wait_for(lambda: _scheduled_runs(api, dep["id"]) or None, proc, 60, log)
        assert all(r["state_type"] == "SCHEDULED" for r in scheduled)
        starts = sorted(r["expected_start_time"] for r in scheduled)
        assert all(":00:00" in t for t in starts[:3])  # on the hour
        out = tmp_path / "triggered-out"
        run = subprocess.run(
            [str(BIN / "prefect"), "deployment", "run", "bantin/hourly", "--param", f"out_dir={out}",
             "--watch", "--watch-timeout", "170"],
            cwd=tmp_path, env={**env, "PREFECT_API_URL": api}, capture_output=True, text=True, timeout=200)
        assert run.returncode == 0, run.stdout[-3000:] + run.stderr[-3000:]
        assert "Completed" in run.stdout
        table = pq.read_table(out / "articles.parquet")
        assert table.num_rows == 5
        assert set(table.column("source_file").to_pylist()) == {p.name for p in seed_dir.glob("*.txt")}
        assert not default_out.exists()  # the --param override was honoured
    finally:
        _stop_group(proc)
    deadline = time.monotonic() + 15
    while _group_alive(proc.pid) and time.monotonic() < deadline:
        time.sleep(0.5)
    assert not _group_alive(proc.pid), "processes of the serve group outlived it"
    assert _get_json(f"{api}/health") is None  # the server is gone too
