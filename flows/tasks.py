"""The runner's steps as Prefect tasks, and the executor that runs a `bantin.runner` run with them.

Why thin: the steps and their order are `bantin.runner`'s and are tested without Prefect; this
module only adds what Prefect is for: task runs with names, retries where I/O can fail
transiently, and batches sent to worker processes or a Dask cluster through a bounded window.
"""
from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

from prefect import task
from prefect.cache_policies import NO_CACHE

from bantin.errors import BantinError, disk_full
from bantin.publish.snapshot import pause_point
from flows import submit


def _transient(task, task_run, state) -> bool:
    """Retry only what may pass on a second try: never a BantinError (a full disk, a locked or
    unwritable output), which would fail the same way and print its traceback each time."""
    try:
        state.result()
    except BantinError:
        return False
    except OSError as exc:
        return disk_full(exc) is None
    except BaseException:  # noqa: BLE001 - any other failure: retry as before
        return True
    return True


_RETRY = {"retries": 2, "retry_delay_seconds": [1, 5], "retry_condition_fn": _transient}
# A step's result is never cached or persisted by Prefect: every run recomputes what it must (the
# incremental plan decides that), and a persisted result record would keep a batch's summary, and
# the file records it was called with, alive in the flow process until the flow ends.
_NO_RESULT = {"cache_policy": NO_CACHE, "persist_result": False}
#: Task-run options of each runner step: its name in the UI, and retries where I/O can fail.
TASK_OPTIONS: dict[str, dict] = {
    "scan": {"name": "scan", **_RETRY, **_NO_RESULT},
    "corpus": {"name": "fingerprint-corpus", **_RETRY, **_NO_RESULT},
    "process": {"name": "process-batch", **_NO_RESULT},
    "validate": {"name": "validate", **_NO_RESULT},
    "write": {"name": "publish", **_RETRY, **_NO_RESULT},
}


class PrefectExecutor:
    """Whole-corpus steps as task runs in the flow process; batches on the flow's task runner.

    Up to `inline_max` files to process run in the flow process instead: starting a worker
    process (imports, the NER model) would cost more than their NLP. At most `window` batches are
    in flight (flows/submit.py), so pending calls never pile up with the corpus."""

    def __init__(self, *, inline_max: int, window: int) -> None:
        self.inline_max, self.window = inline_max, window
        self.where = "task runner"

    def call(self, step: str, fn: Callable[..., Any], *args: Any, **kwargs: Any) -> Any:
        return task(fn, **TASK_OPTIONS[step])(*args, **kwargs)

    def map(self, fn, calls: Iterator[tuple], batches: int, files: int) -> Iterator:
        process_batch = task(fn, **TASK_OPTIONS["process"])
        if files <= self.inline_max:
            self.where = "flow process"
            for args in calls:
                yield process_batch(*args)
            pause_point("process")
            return
        self.where = "task runner"

        def submit_batch(args: tuple):
            future = process_batch.submit(*args)
            if args[-1] == 0:
                pause_point("process")  # crash tests: killed while the first batch runs
            return future

        yield from submit.windowed(calls, submit_batch, self.window)

    def describe(self) -> dict:
        return {"executor": self.where, "max_pending": self.window if self.where == "task runner" else None}
