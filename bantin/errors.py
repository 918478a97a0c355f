"""Errors a user can cause, each mapped to an exit code scripts can rely on.

0: ok (data failures quarantined still exit 0 with a warning unless --strict),
1: data failures with --strict, a failed quality gate or accounting check (nothing published),
2: usage or configuration error (bad path or option, output not writable or inside raw/,
   output locked by another run),
3: out of disk space or quota while writing (the previous snapshot stays current),
130 / 143: stopped by SIGINT (Ctrl+C) / SIGTERM (128 + the signal number, as shells report it).

Why here, in the pure library: the steps raise these (a scan, a lock, a gate), and the edge
(`flows/cli.py`) turns any of them into one `bantin: error:` sentence and its exit code.
"""
from __future__ import annotations

import errno
import os

EXIT_OK = 0
EXIT_DATA = 1
EXIT_USAGE = 2
EXIT_DISK_FULL = 3
EXIT_SIGINT = 130
EXIT_SIGTERM = 143

#: errno values that mean "the disk (or quota, or file-size limit) is full", not "this file is bad".
DISK_FULL_ERRNOS = frozenset({errno.ENOSPC, errno.EDQUOT, errno.EFBIG})
#: ... and their messages, for libraries that raise without an errno (pyarrow, polars).
DISK_FULL_MESSAGES = tuple(os.strerror(e) for e in sorted(DISK_FULL_ERRNOS))


class BantinError(Exception):
    """Base class: the message is a one-paragraph explanation for a person."""

    exit_code = EXIT_DATA


class UsageError(BantinError):
    """The user asked for something impossible (missing directory, bad option)."""

    exit_code = EXIT_USAGE


class QualityGateError(BantinError):
    """Validation failed on the tables that would be published."""

    exit_code = EXIT_DATA


class LockedError(BantinError):
    """Another run holds the output lock."""

    exit_code = EXIT_USAGE


class DiskFullError(BantinError):
    """Writing the snapshot ran out of space; nothing was published."""

    exit_code = EXIT_DISK_FULL


def disk_full(exc: BaseException) -> DiskFullError | None:
    """A DiskFullError for an OSError (anywhere in `exc`'s cause chain) that means the disk or
    quota is full; None otherwise."""
    seen = set()
    while exc is not None and id(exc) not in seen:
        seen.add(id(exc))
        if isinstance(exc, DiskFullError):
            return exc
        if (isinstance(exc, OSError) and exc.errno in DISK_FULL_ERRNOS) or any(
                m in str(exc) for m in DISK_FULL_MESSAGES):
            where = f" ({exc.filename})" if getattr(exc, "filename", None) else ""
            return DiskFullError(
                f"The disk holding the output ran out of space{where}: {getattr(exc, 'strerror', None) or exc}. Nothing was "
                "published and the previous snapshot is still current; free some space (old snapshots "
                "under snapshots/ can go, --keep-snapshots keeps fewer) and run again.")
        exc = exc.__cause__ or exc.__context__
    return None
