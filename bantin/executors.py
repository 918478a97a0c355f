"""Executors: where the steps of a run execute (`bantin.runner` decides what they do).

Why apart from the runner: an executor is the one thing that differs between the Prefect flow,
the tests and the benchmarks. `Inline` runs every step in this process; the Prefect flow's
executor (`flows/tasks.py`) makes each step a task and sends the batches to worker processes or
a Dask cluster. Both follow `Executor`.
"""
from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any, Protocol

from bantin.build import process


class Executor(Protocol):
    """Where steps run. `call` runs one whole-corpus step and returns its result; `map` runs
    `process_step` over the `batches` batches (`files` files in all) and yields the summaries in
    batch order (the part files' order decides which of two duplicates is kept); `parallelism`
    says how many batches of `files` files run at once (the batches are sized from it,
    bantin/build/batching.py); `describe` says where the batches ran, for the run summary."""

    def call(self, step: str, fn: Callable[..., Any], *args: Any, **kwargs: Any) -> Any: ...

    def map(self, fn: Callable[..., process.BatchSummary], calls: Iterator[tuple], batches: int,
            files: int) -> Iterator[process.BatchSummary]: ...

    def parallelism(self, files: int) -> int: ...

    def describe(self) -> dict: ...


class Inline:
    """Every step in this process, one after the other (tests, benchmarks, small runs)."""

    def call(self, step, fn, *args, **kwargs):
        return fn(*args, **kwargs)

    def map(self, fn, calls, batches, files):
        for args in calls:
            yield fn(*args)

    def parallelism(self, files: int) -> int:
        return 1

    def describe(self) -> dict:
        return {"executor": "flow process"}
