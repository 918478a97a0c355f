"""One run at a time per output directory: an advisory lock with a clear message for the second.

Why flock: the kernel releases it when the process dies (even by SIGKILL), so a crashed run never
leaves a stale lock behind.
"""
from __future__ import annotations

import fcntl
import os
from contextlib import contextmanager
from pathlib import Path

from bantin.errors import LockedError

LOCK_NAME = ".bantin.lock"


@contextmanager
def exclusive(out_dir: Path):
    out_dir.mkdir(parents=True, exist_ok=True)
    path = out_dir / LOCK_NAME
    fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            holder = os.pread(fd, 64, 0).decode(errors="replace").strip() or "unknown"
            raise LockedError(
                f"Another bantin run (pid {holder}) is writing to {out_dir}. Only one run may write an "
                "output directory at a time; wait for it to finish or use another --out directory."
            ) from None
        os.ftruncate(fd, 0)
        os.pwrite(fd, str(os.getpid()).encode(), 0)
        yield path
    finally:
        os.close(fd)
