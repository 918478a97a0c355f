"""A time budget per input file: one input that takes too long is quarantined, the run goes on.

Why: cleaning and extraction are linear in the length of a text (bantin/linear.py), but NER on
a page of several megabytes still takes minutes, and a rule with a bug could take longer; one
such file must not stall a run of thousands. Each file's load, clean and extract run under
`limit(seconds)`: an interval timer (SIGALRM) raises `TooSlow` in the middle of whatever the file
is doing (Python's regular expression engine checks for signals, so even a runaway pattern is
stopped), and `bantin.build.process` quarantines the file as `too_slow`.

The timer works wherever the batch runs on its process's main thread: in the flow process (small
runs) and in the worker processes of the process pool. On a thread that is not the main one
(a Dask worker thread) no signal can be delivered to it, so there is no limit there, and
`limit` says so by yielding False.
"""
from __future__ import annotations

import signal
import threading
from collections.abc import Iterator
from contextlib import contextmanager


class TooSlow(BaseException):
    """The file's budget ran out. A BaseException, like KeyboardInterrupt, so that no
    `except Exception` on the way (ours or a library's) mistakes it for a failure of its own."""


def _expired(signum, frame):
    raise TooSlow()


def enforceable() -> bool:
    return hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread()


@contextmanager
def limit(seconds: float | None) -> Iterator[bool]:
    """Raise TooSlow in this block after `seconds` (None or 0: no limit). Yields whether the
    limit is enforced. The previous SIGALRM handler and timer are put back afterwards."""
    if not seconds or seconds <= 0 or not enforceable():
        yield False
        return
    previous = signal.signal(signal.SIGALRM, _expired)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield True
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
