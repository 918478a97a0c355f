"""The temporary Prefect API server of one `bantin run`, started before Prefect is imported.

Why not Prefect's own `SubprocessASGIServer`: importing it (and Prefect) takes seconds, and
the server then takes seconds more to boot, one after the other. This module imports nothing
of Prefect: `TemporaryServer.launch()` starts the same uvicorn command Prefect uses for its
temporary server (same app factory, same environment flags) as the very first thing a run does,
so the server boots on one core while the flow process imports Prefect, polars and the stages
on the other; `wait()` then usually returns at once. Start-up is the slower of the two, not
their sum.

One server per run, shared by the flow and its worker processes (without an API URL every
process would start its own). It dies with the run, even when the run is killed with SIGKILL
(`flows.lifecycle`). A `PREFECT_API_URL` in the environment (a running `prefect
server start`, `make serve`) means no temporary server at all.
"""
from __future__ import annotations

import importlib.util
import json
import os
import random
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from contextlib import closing
from pathlib import Path

from bantin.processes import reap
from flows.lifecycle import preexec_die_with_parent

PORTS = range(8000, 9000)
PORT_IN_USE_EXIT = 3  # uvicorn's exit code when the port was taken meanwhile
SERVER_ENV = {"PREFECT_UI_ENABLED": "0", "PREFECT__SERVER_EPHEMERAL": "1", "PREFECT__SERVER_FINAL": "1",
              "PREFECT_SERVER_ANALYTICS_ENABLED": "false"}


def configured_api_url() -> str | None:
    """An API URL given in the environment (checked without importing Prefect), or in the
    settings of an already imported Prefect (a test harness, a profile)."""
    if os.environ.get("PREFECT_API_URL"):
        return os.environ["PREFECT_API_URL"]
    if "prefect.settings" in sys.modules:
        from prefect.settings import get_current_settings

        return get_current_settings().api.url or None
    return None


def _free_port() -> int:
    for _ in range(20):
        port = random.choice(PORTS)
        with closing(socket.socket(socket.AF_INET, socket.SOCK_STREAM)) as sock:
            try:
                sock.bind(("127.0.0.1", port))
                return port
            except OSError:
                continue
    raise RuntimeError("No free port in 8000-8999 for the temporary Prefect server.")


def _site_packages() -> Path:
    spec = importlib.util.find_spec("prefect")
    assert spec is not None and spec.origin is not None, "prefect is not installed"
    return Path(spec.origin).parent.parent


class TemporaryServer:
    """A Prefect API server (SQLite under PREFECT_HOME) in a child process, for one run."""

    def __init__(self) -> None:
        self.port: int | None = None
        self.process: subprocess.Popen | None = None
        self.started_at: float | None = None
        self.ready_at: float | None = None
        self._log = tempfile.TemporaryFile()  # the server's stderr (a pipe nobody reads could fill up)

    @property
    def api_url(self) -> str:
        return f"http://127.0.0.1:{self.port}/api"

    @classmethod
    def launch(cls, *, force: bool = False) -> TemporaryServer | None:
        """Start booting a server now, unless the environment already names an API (or `force`)."""
        if configured_api_url() and not force:
            return None
        srv = cls()
        srv._spawn()
        return srv

    def _spawn(self) -> None:
        self.port = _free_port()
        self.started_at = time.perf_counter()
        self.process = subprocess.Popen(
            [sys.executable, "-m", "uvicorn", "--app-dir", str(_site_packages()), "--factory",
             "prefect.server.api.server:create_app", "--host", "127.0.0.1", "--port", str(self.port),
             "--log-level", "error", "--lifespan", "on"],
            env={**os.environ, **SERVER_ENV}, stdout=subprocess.DEVNULL, stderr=self._log,
            # Its own session: a Ctrl+C in the terminal is the run's to handle, not the server's.
            # It gets SIGTERM when the run dies, even by SIGKILL (flows/lifecycle.py).
            start_new_session=True, preexec_fn=preexec_die_with_parent())

    def _healthy(self) -> bool:
        try:
            with urllib.request.urlopen(f"{self.api_url}/health", timeout=2) as resp:
                return resp.status == 200 and json.loads(resp.read() or b"true") is not False
        except (urllib.error.URLError, ConnectionError, TimeoutError, ValueError):
            return False

    def wait(self, timeout: float = 180.0) -> str:
        """Block until the server answers its health check; returns the API URL."""
        if self.ready_at is not None:
            return self.api_url
        assert self.process is not None, "launch() first"
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            code = self.process.poll()
            if code == PORT_IN_USE_EXIT:  # lost a race for the port: try another one
                self._spawn()
                continue
            if code is not None:
                self._log.seek(0)
                err = self._log.read().decode(errors="replace")
                raise RuntimeError(f"The temporary Prefect server exited with code {code}: {err[-2000:]}")
            if self._healthy():
                self.ready_at = time.perf_counter()
                return self.api_url
            time.sleep(0.1)
        self.stop()
        raise RuntimeError(f"The temporary Prefect server did not answer within {timeout:.0f} s "
                           "(raise PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS).")

    @property
    def boot_seconds(self) -> float | None:
        """Seconds from launch to the first healthy answer."""
        if self.started_at is None or self.ready_at is None:
            return None
        return self.ready_at - self.started_at

    def stop(self) -> None:
        if self.process is None:
            return
        self.process.terminate()
        reap(self.process, grace=5)
        self.process = None
        self._log.close()
