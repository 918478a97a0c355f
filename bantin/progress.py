"""Per-article progress of the process stage, reported through small files next to the parts.

Why files: batches run in worker processes, or on Dask workers on other hosts, and a batch's
result comes back only when all of its files are done (64 by default: a minute or more of NLP),
so progress counted from results moved once per batch and sat at 0% for minutes. Instead each
batch appends one byte per input it has finished to its own file under `<parts>/progress/`, and
whoever shows progress sums the file sizes (`done`). That works for every executor able to write
the parts directory, which each of them must anyway; it needs no server, queue or Prefect state,
and costs one tiny append per article (NLP takes ~0.2-0.4 s per article).

A batch that runs again (a retried task) truncates its file first, so it is never counted twice.
"""
from __future__ import annotations

import os
from contextlib import AbstractContextManager, contextmanager
from pathlib import Path
from typing import Protocol

DIR = "progress"


def directory(parts_dir: Path) -> Path:
    """Where the batches of a run whose parts are under `parts_dir` report."""
    return Path(parts_dir) / DIR


class Ticker:
    """One batch's progress file: `tick()` after each input, whatever became of it."""

    def __init__(self, parts_dir: Path, batch_no: int) -> None:
        d = directory(parts_dir)
        d.mkdir(parents=True, exist_ok=True)
        self.path = d / f"{batch_no:06d}"
        self.path.write_bytes(b"")

    def tick(self) -> None:
        with open(self.path, "ab") as fh:
            fh.write(b".")


def done(progress_dir: Path) -> int:
    """Inputs finished so far by every batch reporting under `progress_dir` (0 before any)."""
    total = 0
    try:
        with os.scandir(progress_dir) as entries:
            for entry in entries:
                try:
                    total += entry.stat().st_size
                except FileNotFoundError:  # the run's work directory went away meanwhile
                    pass
    except FileNotFoundError:
        return 0
    return total


class Display(Protocol):
    """How a run shows where it is while it runs (`bantin.runner.run`): a line per stage, and
    the process stage's inputs as they finish (counted with `done`). `Quiet` shows nothing; the
    terminal display of `bantin run` is flows/console.py."""

    def stage(self, name: str) -> AbstractContextManager[None]: ...

    def articles(self, total: int, progress_dir: Path) -> AbstractContextManager[None]: ...


class Quiet:
    """No display: tests, benchmarks, runs without a terminal (the log says what happens)."""

    @contextmanager
    def stage(self, name: str):
        yield

    @contextmanager
    def articles(self, total: int, progress_dir: Path):
        yield
