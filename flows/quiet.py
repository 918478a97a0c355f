"""What Prefect prints on the terminal when a run fails the expected way.

Why: an expected failure (a locked output, a failed quality gate, a full disk: a
`bantin.errors.BantinError`) is explained by the CLI in one `bantin: error:` sentence with its
exit code. Prefect also logs the exception where it is raised, with the whole traceback, on its
console handler, before that sentence. This filter drops those records from the console only:
the Prefect API (the UI, the run's logs) still gets them, and `--debug` keeps them everywhere.
Records about any other exception, a bug, are left alone.
"""
from __future__ import annotations

import logging

from bantin.errors import BantinError


def _names(cls: type) -> set[str]:
    out = {cls.__name__}
    for sub in cls.__subclasses__():
        out |= _names(sub)
    return out


class ExpectedFailures(logging.Filter):
    """Drops console records that carry, or only restate, a BantinError."""

    def filter(self, record: logging.LogRecord) -> bool:
        exc = record.exc_info[1] if record.exc_info else None
        if isinstance(exc, BantinError):
            return False
        if record.levelno >= logging.INFO and record.name.startswith("prefect"):
            msg = record.getMessage()
            if ("Failed(" in msg or "exception" in msg) and any(f"{n}:" in msg or f"{n}(" in msg
                                                               for n in _names(BantinError)):
                return False
        return True


def quiet_expected_failures() -> None:
    """Install the filter on every console handler Prefect has set up in this process."""
    flt = ExpectedFailures()
    seen: set[int] = set()
    for name in ("", "prefect", "prefect.flow_runs", "prefect.task_runs"):
        for handler in logging.getLogger(name).handlers:
            if isinstance(handler, logging.StreamHandler) and id(handler) not in seen:
                seen.add(id(handler))
                handler.addFilter(flt)
