"""What `bantin run` shows on a terminal: a line per stage, a bar that moves per article, and every
other line printed above them, never glued to the bar.

Why redirect file descriptors: worker processes (the process pool, a local Dask cluster) and
Prefect's console handler write to the terminal on their own, and a line written while the bar is
drawn lands right after its last character (`…0% -:--:--Finished in state Completed()`). While
the display is open, descriptors 2 and 1 (each when it is the terminal) point at a pipe that a
thread of this process reads line by line and prints above the bar, and the bar is drawn on a copy
of the terminal's descriptor. Processes started meanwhile inherit the pipe, so their lines take the
same way whatever writes them. Lines are printed with `Text.from_ansi`: colours survive, other
control sequences do not reach the terminal.

The bar counts the inputs the batches report as they finish them (`bantin.progress`), so it moves
per article even when a batch of 64 runs for minutes in a worker or on a Dask host. Used only when
stderr is a terminal (`opened`); everything else (CI logs, a deployment's flow run) gets the log.
"""
from __future__ import annotations

import os
import select
import sys
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from datetime import timedelta
from pathlib import Path

from rich.console import Console
from rich.progress import BarColumn, Progress, ProgressColumn, SpinnerColumn, TaskID, TextColumn, TimeElapsedColumn
from rich.text import Text

from bantin import progress

POLL_SECONDS = 0.2  # how often the progress files are summed
LINGER_SECONDS = 0.3  # a partial line (no newline yet) is printed after this long without more output

_current: ContextVar[Terminal | None] = ContextVar("bantin_terminal", default=None)


class _Count(ProgressColumn):
    """`12/200` for the articles bar; nothing for a stage (whose size is unknown)."""

    def render(self, task) -> Text:
        return Text(f"{int(task.completed)}/{int(task.total)}" if task.total else "", style="progress.download")


class _Left(ProgressColumn):
    """Time left for the articles bar (after a few articles); nothing for a stage."""

    def render(self, task) -> Text:
        if not task.total:
            return Text("")
        left = task.time_remaining
        return Text(f"~{timedelta(seconds=round(left))} left" if left is not None else "", style="progress.remaining")


class Terminal:
    """The display of one run on the terminal (a `bantin.progress.Display`); a context manager."""

    def __init__(self) -> None:
        self._saved: dict[int, int] = {}
        self._reader: threading.Thread | None = None
        self.console: Console | None = None
        self.bar: Progress | None = None
        self._stage: TaskID | None = None  # the row of the stage running now

    # ------------------------------------------------------------ open and close
    def __enter__(self) -> Terminal:
        fds = [fd for fd in (2, 1) if os.isatty(fd)]
        self._saved = {fd: os.dup(fd) for fd in fds}
        term = os.fdopen(os.dup(self._saved[2]), "w", buffering=1, encoding="utf-8", errors="replace")
        self.console = Console(file=term, highlight=False)
        read_end, write_end = os.pipe()
        sys.stdout.flush()
        sys.stderr.flush()
        for fd in fds:
            os.dup2(write_end, fd)
        os.close(write_end)
        self._reader = threading.Thread(target=self._forward, args=(read_end,), name="bantin-terminal", daemon=True)
        self._reader.start()
        self.bar = Progress(SpinnerColumn(), TextColumn("{task.description}"), BarColumn(), _Count(),
                            TimeElapsedColumn(), _Left(), console=self.console, transient=True,
                            redirect_stdout=False, redirect_stderr=False)
        self.bar.start()
        return self

    def __exit__(self, *exc) -> None:
        assert self.bar is not None
        self.bar.stop()
        sys.stdout.flush()
        sys.stderr.flush()
        for fd, saved in self._saved.items():
            os.dup2(saved, fd)
            os.close(saved)
        # This process no longer writes to the pipe; the reader ends once the processes started
        # meanwhile have exited (the task runner's workers end with the flow run).
        if self._reader is not None:
            self._reader.join(timeout=2)

    def _forward(self, fd: int) -> None:
        """Print what arrives on the pipe, a line at a time, above the bar."""
        pending = b""
        while True:
            ready, _, _ = select.select([fd], [], [], LINGER_SECONDS)
            if not ready:
                if pending:
                    self._print(pending)
                    pending = b""
                continue
            chunk = os.read(fd, 65536)
            if not chunk:
                break
            *lines, pending = (pending + chunk).split(b"\n")
            for line in lines:
                self._print(line)
        if pending:
            self._print(pending)
        os.close(fd)

    def _print(self, raw: bytes) -> None:
        text = raw.decode("utf-8", "replace").rstrip("\r").split("\r")[-1]  # `\r` redraws: their last state
        assert self.console is not None
        self.console.print(Text.from_ansi(text), soft_wrap=True)

    # ------------------------------------------------------------ bantin.progress.Display
    @contextmanager
    def stage(self, name: str) -> Iterator[None]:
        assert self.bar is not None and self.console is not None
        task = self._stage = self.bar.add_task(name, total=None)
        t0 = time.perf_counter()
        ok = False
        try:
            yield
            ok = True
        finally:
            self._stage = None
            self.bar.remove_task(task)
            mark = "[green]✓[/]" if ok else "[red]✗[/]"
            self.console.print(f"{mark} {name:<9} {time.perf_counter() - t0:7.1f} s")

    @contextmanager
    def articles(self, total: int, progress_dir: Path) -> Iterator[None]:
        """The running stage's row becomes a bar of `total` articles (a row of its own otherwise)."""
        assert self.bar is not None
        label = "process: load, clean, extract"
        own = self._stage is None
        task = self.bar.add_task(label, total=max(total, 1)) if own else self._stage
        if not own:
            self.bar.update(task, total=max(total, 1), description=label)
        stop = threading.Event()

        def poll() -> None:
            while not stop.wait(POLL_SECONDS):
                self.bar.update(task, completed=min(total, progress.done(progress_dir)))

        poller = threading.Thread(target=poll, name="bantin-progress", daemon=True)
        poller.start()
        try:
            yield
        finally:
            stop.set()
            poller.join()
            if own:
                self.bar.remove_task(task)


def current() -> Terminal | None:
    """The display of the run in progress in this context (None: not on a terminal)."""
    return _current.get()


@contextmanager
def opened() -> Iterator[Terminal | None]:
    """The terminal display while the block runs, when stderr is a terminal (None otherwise)."""
    if not os.isatty(2):
        yield None
        return
    with Terminal() as t:
        token = _current.set(t)
        try:
            yield t
        finally:
            _current.reset(token)
