"""One writer per output directory: the second gets a clear message and exit code 2; a killed
holder never leaves a stale lock."""
from __future__ import annotations

import os
import signal
import subprocess
import sys
import time

import pytest

from bantin.errors import EXIT_USAGE, LockedError
from bantin.publish import lock

HOLD = """
import sys, time
from pathlib import Path
from bantin.publish import lock
with lock.exclusive(Path(sys.argv[1])):
    print("locked", flush=True)
    time.sleep(600)
"""


def test_second_writer_gets_a_clear_message(tmp_path):
    with lock.exclusive(tmp_path):
        with pytest.raises(LockedError) as err:
            with lock.exclusive(tmp_path):
                pass
    msg = str(err.value)
    assert f"pid {os.getpid()}" in msg and str(tmp_path) in msg and "--out" in msg
    assert err.value.exit_code == EXIT_USAGE == 2


def test_lock_is_free_again_after_release(tmp_path):
    with lock.exclusive(tmp_path):
        pass
    with lock.exclusive(tmp_path) as path:
        assert path.read_text() == str(os.getpid())


def test_a_sigkilled_holder_leaves_no_stale_lock(tmp_path):
    proc = subprocess.Popen([sys.executable, "-c", HOLD, str(tmp_path)], stdout=subprocess.PIPE, text=True)
    try:
        assert proc.stdout.readline().strip() == "locked"
        with pytest.raises(LockedError, match=f"pid {proc.pid}"):
            with lock.exclusive(tmp_path):
                pass
    finally:
        proc.send_signal(signal.SIGKILL)
        proc.wait(10)
    deadline = time.monotonic() + 5
    while True:  # the kernel drops the flock with the process
        try:
            with lock.exclusive(tmp_path):
                break
        except LockedError:
            assert time.monotonic() < deadline
            time.sleep(0.1)
