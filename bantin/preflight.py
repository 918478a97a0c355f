"""Checks a run makes before any work: the raw directory can be read, the output can be written.

Why before: a configuration mistake (an output path that is a file, a read-only disk, an output
inside the raw directory, a raw directory nobody can read) found half-way through a run costs
minutes and used to end in a traceback. Found first, it is one sentence and exit 2
(`bantin.errors`), before the Prefect server starts. The runner calls `check` too, so a
deployment run gets the same answers.

The output may not be inside the raw directory: the next run would read its own snapshot
files as articles and grow on every run. It is refused rather than silently left out of the
scan, so that what a run reads never depends on where its output happens to be.
"""
from __future__ import annotations

import os
from pathlib import Path

from bantin.errors import DISK_FULL_ERRNOS, UsageError, disk_full
from bantin.ingest import boundary
from bantin.publish import lock

PROBE = ".bantin-write-test"


def _real(path: Path) -> str:
    """The resolved path, also for one that does not exist yet (its nearest existing parent
    resolved, the rest appended)."""
    return boundary.real(path)


def check_raw(raw: Path) -> None:
    if not raw.exists():
        raise UsageError(f"The raw directory {str(raw)!r} does not exist. Pass the folder that holds the article "
                         ".txt files with --raw DIR (default: raw/), or create it.")
    if not raw.is_dir():
        raise UsageError(f"The raw path {str(raw)!r} is a file, not a directory. Pass the folder that holds the "
                         "article .txt files with --raw DIR.")
    try:
        os.scandir(raw).close()
    except OSError as exc:
        raise UsageError(f"The raw directory {str(raw)!r} cannot be read ({exc.strerror or exc}). Check its "
                         "permissions, or pass another folder with --raw DIR.") from exc


def check_out(out: Path, raw: Path) -> None:
    if out.exists() and not out.is_dir():
        raise UsageError(f"The output path {str(out)!r} is a file, not a directory. Pass a directory (new or "
                         "written by an earlier run) with --out DIR.")
    if boundary.inside(_real(raw), _real(out)):
        raise UsageError(f"The output directory {str(out)!r} is inside the raw directory {str(raw)!r}: the next "
                         "run would read its own output as articles. Pass an --out DIR outside --raw.")
    try:
        out.mkdir(parents=True, exist_ok=True)
        probe = out / PROBE
        fd = os.open(probe, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644)
        try:
            os.write(fd, b"ok")
        finally:
            os.close(fd)
            probe.unlink(missing_ok=True)
    except OSError as exc:
        if exc.errno in DISK_FULL_ERRNOS:
            raise disk_full(exc) from exc
        raise UsageError(f"The output directory {str(out)!r} cannot be written ({exc.strerror or exc}). Check "
                         "its permissions and that its disk is not mounted read-only, or pass another --out DIR.") from exc


def check(raw: Path, out: Path, *, check_lock: bool = True) -> None:
    """Raise UsageError (exit 2) or DiskFullError (exit 3) for a run that cannot work."""
    check_raw(Path(raw))
    check_out(Path(out), Path(raw))
    if check_lock:
        with lock.exclusive(Path(out)):  # LockedError when another run writes there now
            pass
