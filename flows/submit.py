"""Bounded submission of batches to a task runner: a window of calls in flight, results in order.

Why: a task runner holds every submitted call until a worker takes it. Prefect's process pool
pickles each call up front (the batch's file list, the corpus' repeated lines, the run context
and environment: 20-50 KB a call), so submitting all 1,563 batches of a 100,000-article corpus
at once made the flow process hold every one of them: memory that grew with the corpus. With at
most `window` calls in flight it is bounded by the window, and with a window of a few calls per
worker no worker waits for work. Results come back in submission order (the part files'
order decides which of two duplicates is kept), so a slow batch at the head holds back only the
submission of new ones, never more than `window` of them.

No Prefect here: `submit` is any callable returning an object with `.result()` (a Prefect
future, a `concurrent.futures.Future`), so the scheduling is tested without a task runner.
"""
from __future__ import annotations

import os
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from itertools import islice
from typing import Any, Protocol, TypeVar

T = TypeVar("T")
R = TypeVar("R")

PER_WORKER = 4  # calls in flight per worker: one running, three queued
MIN_WINDOW = 8
#: With a Dask scheduler address the cluster's size is not known here: this many batches
#: (65,536 files at the default batch size) keep up to a few hundred worker processes busy.
REMOTE_WINDOW = 1024


class Future(Protocol[R]):
    def result(self) -> R: ...


def window_for(workers: int | None, remote: bool = False) -> int:
    """Default window: PER_WORKER calls per worker (all cores when `workers` is None), at least
    MIN_WINDOW; REMOTE_WINDOW for a cluster of unknown size."""
    if remote:
        return REMOTE_WINDOW
    return max(MIN_WINDOW, PER_WORKER * (workers or os.cpu_count() or 1))


def windowed(items: Iterable[T], submit: Callable[[T], Future[R]], window: int) -> Iterator[R]:
    """Submit `items` with at most `window` calls in flight; yield their results in order.

    The next item is submitted as soon as the oldest call has finished, before its result is
    yielded, so the workers keep working while the caller handles it."""
    if window < 1:
        raise ValueError(f"window must be at least 1, not {window}")
    it = iter(items)
    pending: deque[Any] = deque(submit(item) for item in islice(it, window))
    while pending:
        result = pending.popleft().result()
        pending.extend(submit(item) for item in islice(it, 1))
        yield result
