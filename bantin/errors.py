"""Errors a user can cause, each mapped to an exit code scripts can rely on.

0: ok (data failures quarantined still exit 0 with a warning unless --strict),
1: data failures with --strict, or a failed quality gate,
2: usage or configuration error (bad path, bad option).
"""
from __future__ import annotations

EXIT_OK = 0
EXIT_DATA = 1
EXIT_USAGE = 2


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
