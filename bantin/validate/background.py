"""The quality gate in a process of its own, started early so that importing Great Expectations
(~6 s, the largest part of validating a small run) overlaps the scan and the process stage.

Why: on the five seeds the process stage keeps one core busy for ~7 s while the other waits, and
validation then started by importing GE for ~6 s on the critical path. A `Prewarmed` process
imports GE meanwhile, then runs `gate.run_suites` on the tables it is sent, exactly as the flow
process would (the same suites, the same files written under the same quality directory), and
sends the report or the exception back; the run then goes on as before. It does one validation
and exits; unused, it is killed when the run ends, and the edge has the kernel stop it when the
run dies (`prewarmed`'s `preexec`), so it never outlives a run.

Only worth it where GE is not imported yet: a process that already has it (a test session, a
served deployment after its first run) validates itself (`prewarmed` then starts nothing).
"""
from __future__ import annotations

import os
import pickle
import subprocess
import sys
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from bantin.processes import reap
from bantin.validate.gate import ValidationReport
from bantin.validate.gate import run_suites as run_here

GE = "great_expectations"
_current: Prewarmed | None = None  # the process `run_suites` sends its work to, while `prewarmed` lasts


class Prewarmed:
    """One child process (`python -m bantin.validate.background`: a program of its own, so no
    caller's main module runs again in it) with GE imported, waiting for one `run_suites` call
    on its standard input; the pickled result comes back on its standard output."""

    def __init__(self, preexec: Callable[[], None] | None = None) -> None:
        self._log = tempfile.TemporaryFile()  # its stderr, for the message when it dies
        env = {**os.environ, "PYTHONPATH": os.pathsep.join(p for p in sys.path if p)}  # the same code as here
        self.process = subprocess.Popen(
            [sys.executable, "-m", __name__], stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=self._log,
            env=env, start_new_session=True, preexec_fn=preexec)  # Ctrl+C is the run's to handle

    def run_suites(self, tables: dict[str, Path], **kwargs: Any) -> ValidationReport:
        assert self.process.stdin is not None and self.process.stdout is not None
        try:
            pickle.dump((tables, kwargs), self.process.stdin)
            self.process.stdin.close()
            ok, value = pickle.load(self.process.stdout)
        except (EOFError, OSError, pickle.UnpicklingError) as e:  # it died (killed, out of memory)
            self.process.wait()
            self._log.seek(0)
            err = self._log.read().decode(errors="replace")[-2000:]
            raise RuntimeError(f"the validation process ended without a result (exit code "
                               f"{self.process.returncode}): {err or e}") from e
        if not ok:
            raise value
        return value

    def close(self) -> None:
        """A child that validated exits by itself once its result is sent; one that was never
        asked (nothing to validate, the run failed before) holds nothing of value: killed now,
        so a run with nothing to do never waits for GE's import."""
        used = self.process.stdin is not None and self.process.stdin.closed
        for pipe in (self.process.stdin, self.process.stdout):
            if pipe is not None and not pipe.closed:
                pipe.close()
        if not used:
            self.process.kill()
        reap(self.process, grace=5)
        self._log.close()


def _serve() -> int:
    """The child: import GE, read one job, validate, write the result (or the exception)."""
    out = os.fdopen(os.dup(1), "wb")
    os.dup2(2, 1)  # anything printed goes to the log, never into the result stream
    __import__(GE)  # the point of this process: done while the run scans and processes
    try:
        tables, kwargs = pickle.load(sys.stdin.buffer)
    except (EOFError, OSError, pickle.UnpicklingError):  # the run ended (or failed) before validating
        return 0
    try:
        result: tuple[bool, Any] = (True, run_here(tables, **kwargs))
    except BaseException as e:  # noqa: BLE001 - every failure goes back to the run, which decides
        result = (False, e)
    try:
        data = pickle.dumps(result)
    except Exception as e:  # an exception that cannot be pickled: its text at least
        data = pickle.dumps((False, RuntimeError(f"{type(result[1]).__name__}: {result[1]} ({e})")))
    out.write(data)
    out.close()
    return 0


@contextmanager
def prewarmed(preexec: Callable[[], None] | None = None) -> Iterator[Prewarmed | None]:
    """While this lasts, `run_suites` runs in a child process started now (GE imports there
    meanwhile); nothing is started when GE is already imported here. `preexec`: run in the child
    before it starts (the edge's: the kernel stops it when the run dies)."""
    global _current
    if GE in sys.modules or _current is not None:
        yield None
        return
    child = _current = Prewarmed(preexec)
    try:
        yield child
    finally:
        _current = None
        child.close()


def run_suites(tables: dict[str, Path], **kwargs: Any) -> ValidationReport:
    """`gate.run_suites`, in the prewarmed process when there is one (it validates once: a
    second call runs here), else here."""
    global _current
    child, _current = _current, None
    if child is None:
        return run_here(tables, **kwargs)
    return child.run_suites(tables, **kwargs)


if __name__ == "__main__":
    sys.exit(_serve())
