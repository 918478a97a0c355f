"""flows/submit.py: bounded submission, results in order, failures propagate."""
from __future__ import annotations

import random
import threading
import time
from concurrent.futures import Future, ThreadPoolExecutor

import pytest

from flows import submit


class Recorder:
    """Submits to a thread pool and records how many calls were in flight (submitted, result
    not yet taken) at each submission."""

    def __init__(self, pool: ThreadPoolExecutor, work) -> None:
        self.pool, self.work = pool, work
        self.in_flight, self.max_in_flight, self.submitted = 0, 0, []
        self.lock = threading.Lock()

    def __call__(self, item):
        with self.lock:
            self.in_flight += 1
            self.max_in_flight = max(self.max_in_flight, self.in_flight)
            self.submitted.append(item)
        fut = self.pool.submit(self.work, item)
        rec = self

        class Taken:
            def result(self_inner):
                r = fut.result()
                with rec.lock:
                    rec.in_flight -= 1
                return r

        return Taken()


def _slow_square(x: int) -> int:
    time.sleep(random.random() / 500)
    return x * x


@pytest.mark.parametrize("n,window", [(0, 3), (1, 3), (5, 1), (50, 4), (50, 8), (7, 100)])
def test_results_come_back_in_order_with_at_most_window_in_flight(n, window):
    with ThreadPoolExecutor(4) as pool:
        rec = Recorder(pool, _slow_square)
        out = list(submit.windowed(range(n), rec, window))
    assert out == [x * x for x in range(n)]
    assert rec.submitted == list(range(n))
    assert rec.max_in_flight == min(window, n)


def test_items_are_submitted_lazily_as_results_are_taken():
    with ThreadPoolExecutor(2) as pool:
        rec = Recorder(pool, _slow_square)
        gen = submit.windowed(range(100), rec, 3)
        assert rec.submitted == []  # a generator: nothing before the first result is asked for
        assert next(gen) == 0
        # the first window, plus the one submitted when the oldest finished
        assert rec.submitted == [0, 1, 2, 3]
        assert next(gen) == 1
        assert rec.submitted == [0, 1, 2, 3, 4]


def test_a_failed_call_raises_and_submits_nothing_more():
    def work(x: int) -> int:
        if x == 3:
            raise RuntimeError("batch 3 failed")
        return x

    with ThreadPoolExecutor(2) as pool:
        rec = Recorder(pool, work)
        got = []
        with pytest.raises(RuntimeError, match="batch 3 failed"):
            for r in submit.windowed(range(20), rec, 2):
                got.append(r)
    assert got == [0, 1, 2]
    assert max(rec.submitted) == 4  # 3 and the one after it were in flight; nothing later


def test_the_caller_may_take_a_plain_future():
    def sub(x: int) -> Future:
        f: Future = Future()
        f.set_result(-x)
        return f

    assert list(submit.windowed([1, 2, 3], sub, 2)) == [-1, -2, -3]


def test_window_must_be_positive():
    with pytest.raises(ValueError, match="at least 1"):
        list(submit.windowed([1], lambda x: None, 0))


@pytest.mark.parametrize("workers,remote,expected", [
    (1, False, submit.MIN_WINDOW), (2, False, 8), (3, False, 12), (16, False, 64),
    (None, True, submit.REMOTE_WINDOW), (4, True, submit.REMOTE_WINDOW),
])
def test_default_window(workers, remote, expected):
    assert submit.window_for(workers, remote) == expected


def test_default_window_uses_every_core_when_workers_is_not_given(monkeypatch):
    monkeypatch.setattr(submit.os, "cpu_count", lambda: 6)
    assert submit.window_for(None) == 24
