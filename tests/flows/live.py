"""Helpers of the live tests that start real servers, workers and clusters on loopback
(tests/flows/test_work_pool.py, tests/flows/test_dask_cluster.py): free ports, waiting for a
service, stopping a process group, and finding every process a test started, wherever it went."""
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


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def get_json(url: str):
    try:
        with urllib.request.urlopen(url, timeout=5) as resp:
            return json.load(resp)
    except (urllib.error.URLError, OSError, ValueError):
        return None


def wait_for(check, procs: list[subprocess.Popen], timeout: float, logs: list[Path]):
    """Poll `check()` until it returns something truthy; fail early if a process died."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        got = check()
        if got:
            return got
        for proc, log in zip(procs, logs):
            assert proc.poll() is None, f"{proc.args} exited early:\n{log.read_text()[-3000:]}"
        time.sleep(0.5)
    raise AssertionError("timed out; logs:\n" + "\n".join(log.read_text()[-2000:] for log in logs))


def start(argv: list[str], log: Path, **kw) -> subprocess.Popen:
    """A process in a session (and process group) of its own, output to `log`."""
    with open(log, "wb") as fh:
        return subprocess.Popen(argv, stdout=fh, stderr=subprocess.STDOUT, start_new_session=True, **kw)


def stop(proc: subprocess.Popen, sig: int = signal.SIGTERM, grace: float = 30) -> bool:
    """Signal the process group, as Ctrl+C or a service manager would; SIGKILL it after `grace`
    seconds. True when it ended by itself."""
    try:
        os.killpg(proc.pid, sig)
        proc.wait(grace)
        return True
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL)
        proc.wait(10)
        return False
    except ProcessLookupError:
        return True


def with_marker(marker: str) -> list[str]:
    """Command lines of the live processes whose environment contains `marker` (a value only
    this test put there, e.g. its temporary PREFECT_HOME): every process it started, including
    grandchildren that left its process groups."""
    found = []
    for d in Path("/proc").iterdir():
        if not d.name.isdigit() or int(d.name) == os.getpid():
            continue
        try:
            if marker.encode() in (d / "environ").read_bytes():
                found.append((d / "cmdline").read_bytes().replace(b"\0", b" ").decode(errors="replace"))
        except OSError:  # gone meanwhile, or not ours
            continue
    return found


def none_left(marker: str, timeout: float = 15) -> list[str]:
    """Processes still carrying `marker` after up to `timeout` seconds ([] when none)."""
    deadline = time.monotonic() + timeout
    while (left := with_marker(marker)) and time.monotonic() < deadline:
        time.sleep(0.5)
    return left
