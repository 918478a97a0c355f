"""Ending a child process: wait a grace period, then kill.

Why one function: the temporary Prefect server, the served deployment's server and the
validation child all end the same way, and a child that ignores its signal must not hang the
run that started it (nor be left a zombie: it is always waited for).
"""
from __future__ import annotations

import subprocess


def reap(process: subprocess.Popen, grace: float) -> None:
    """Wait up to `grace` seconds for `process` to exit, then kill it and wait for it."""
    try:
        process.wait(timeout=grace)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()
