"""raw/ is a boundary: what the run may open under it, and how it copies bytes out of it.

Why: the raw directory is written by scrapers and people, not by bantin. A link in it may point
at /etc/passwd, at a directory elsewhere or at /dev/zero; a name may be a FIFO that blocks a
reader forever, or a device that never ends. So nothing outside the raw directory is ever
read (links are resolved and checked first: `inside`), only regular files are ever opened
(`lstat` before `open`, `fstat` after, without following a last link and without blocking),
and no copy is larger than the run's `--max-bytes` (`copy_bounded`, for quarantine/).
"""
from __future__ import annotations

import errno
import os
import stat
from pathlib import Path

from bantin.errors import DISK_FULL_ERRNOS

CHUNK = 1 << 20


class NotRegularFile(OSError):
    """The path is not (or no longer) a regular file."""


def real(path: str | os.PathLike) -> str:
    return os.path.realpath(os.fspath(path))


def inside(root_real: str, path_real: str) -> bool:
    """True when `path_real` (resolved) is `root_real` or under it."""
    try:
        return os.path.commonpath([root_real, path_real]) == root_real
    except ValueError:  # different drives, or relative against absolute
        return False


def open_regular(path: str | os.PathLike):
    """Open a regular file for reading. Never follows a link in the last component, never
    blocks (O_NONBLOCK: a FIFO that replaced the file returns at once), never opens a device,
    FIFO or socket (checked with lstat before the open and fstat after it)."""
    path = os.fspath(path)
    if not stat.S_ISREG(os.lstat(path).st_mode):
        raise NotRegularFile(errno.EINVAL, "not a regular file")
    fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | os.O_NOFOLLOW | getattr(os, "O_NOCTTY", 0))
    if not stat.S_ISREG(os.fstat(fd).st_mode):
        os.close(fd)
        raise NotRegularFile(errno.EINVAL, "not a regular file")
    return os.fdopen(fd, "rb")


def copy_bounded(src: str, dest: Path, *, root: str | os.PathLike, max_bytes: int) -> bool:
    """Copy the regular file `src` to `dest` if it resolves inside `root` and has at most
    `max_bytes` bytes; returns whether it did. A file that is a link out of `root`, not a
    regular file, unreadable or larger than the limit (even one that grows while copied) is not
    copied: its quarantine row says why."""
    root_real, src_real = real(root), real(src)
    if not inside(root_real, src_real):
        return False
    try:
        with open_regular(src_real) as fh:
            if os.fstat(fh.fileno()).st_size > max_bytes:
                return False
            dest.parent.mkdir(parents=True, exist_ok=True)
            written = 0
            with open(dest, "wb") as out:
                while chunk := fh.read(min(CHUNK, max_bytes + 1 - written)):
                    written += len(chunk)
                    if written > max_bytes:
                        break
                    out.write(chunk)
    except NotRegularFile:
        return False
    except OSError as exc:
        if exc.errno in DISK_FULL_ERRNOS:
            raise  # the disk, not the file: the run must stop (bantin.errors.DiskFullError)
        dest.unlink(missing_ok=True)
        return False
    if written > max_bytes:
        dest.unlink(missing_ok=True)
        return False
    return True

