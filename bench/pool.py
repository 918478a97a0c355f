"""A `bantin.runner` executor for the benchmarks: batches on a local process pool, no Prefect.

Why: the benchmarks measure the pipeline's own steps in the runner's order (`bantin.runner`),
with worker processes like a real run's but without Prefect's task runs and server, so
Prefect's share is what a real `bantin run` adds on top.
"""
from __future__ import annotations

import multiprocessing as mp
from collections.abc import Callable, Iterator


def _call(packed: tuple[Callable, tuple]):
    fn, args = packed
    return fn(*args)


class PoolExecutor:
    """Whole-corpus steps in this process; batches on `workers` processes, in order.
    With `workers=0` the batches run in this process too (a profiler sees them).

    `context` "fork" (default) lets the workers inherit this process's patches (the memory
    benchmarks' NER stub); "spawn" starts clean interpreters, which is what works once this
    process has used polars (whose thread pool deadlocks in a forked child: seen in
    `validate.rows` after a runner's scan and corpus pass) or underthesea's models."""

    def __init__(self, workers: int, initializer: Callable | None = None, context: str = "fork") -> None:
        self.workers, self.initializer, self.context = workers, initializer, context

    def call(self, step, fn, *args, **kwargs):
        return fn(*args, **kwargs)

    def map(self, fn, calls: Iterator[tuple], batches: int, files: int) -> Iterator:
        if self.workers == 0:
            yield from (fn(*args) for args in calls)
            return
        with mp.get_context(self.context).Pool(self.workers, initializer=self.initializer) as pool:
            yield from pool.imap(_call, ((fn, args) for args in calls), chunksize=1)

    def parallelism(self, files: int) -> int:
        return max(1, self.workers)

    def describe(self) -> dict:
        return {"executor": f"process pool ({self.workers})" if self.workers else "flow process"}
