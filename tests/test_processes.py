"""bantin/processes.py: a child that exits in time is waited for; one that ignores its signal is killed."""
from __future__ import annotations

import subprocess
import sys
import time

from bantin.processes import reap

IGNORES_TERM = "import signal, time; signal.signal(signal.SIGTERM, signal.SIG_IGN); print('up', flush=True); time.sleep(60)"


def test_a_child_that_exits_is_waited_for() -> None:
    p = subprocess.Popen([sys.executable, "-c", "pass"])
    reap(p, grace=10)
    assert p.returncode == 0


def test_a_child_that_ignores_terminate_is_killed_after_the_grace() -> None:
    p = subprocess.Popen([sys.executable, "-c", IGNORES_TERM], stdout=subprocess.PIPE)
    assert p.stdout is not None and p.stdout.readline() == b"up\n"  # its handler is in place
    p.terminate()
    t0 = time.monotonic()
    reap(p, grace=0.5)
    assert p.returncode == -9 and time.monotonic() - t0 < 10
