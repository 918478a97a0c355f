"""The environment every `bantin` command sets up before anything imports Prefect.

Why one place: Prefect reads its settings from the environment when it is imported, and every
process the run starts (the temporary API server, worker processes, a deployment's flow-run
subprocess) inherits them. Set here, in `flows.cli.main`, they are the same whichever way bantin
is started: `make run`, `.venv/bin/bantin run` from any directory, `bantin serve`.

- PREFECT_HOME: Prefect's profile, SQLite database and run history. Default: `.prefect/` of the
  project (the checkout this package was installed from in editable mode, as `make setup` does),
  the same directory the Makefile uses; before this, `bantin run` called directly wrote its history
  to ~/.prefect and `make run` to ./.prefect. An explicit PREFECT_HOME overrides both.
- DO_NOT_TRACK: Prefect's client-side switch for its anonymous usage data, and with it the
  notice it prints in a terminal on the first run; PREFECT_SERVER_ANALYTICS_ENABLED is the same
  for the servers bantin starts.

Every value is a default: a variable already set in the environment wins.
"""
from __future__ import annotations

import os
from collections.abc import MutableMapping
from pathlib import Path

#: The checkout holding this package (flows/ sits at its top level).
PROJECT_ROOT = Path(__file__).resolve().parent.parent


def default_prefect_home(root: Path = PROJECT_ROOT) -> Path | None:
    """`<project>/.prefect` when the package runs from a checkout (editable install); None for
    an installed copy (site-packages is no place for a database: Prefect's default ~/.prefect)."""
    return root / ".prefect" if (root / "pyproject.toml").is_file() else None


DEFAULTS = {
    "DO_NOT_TRACK": "1",
    "PREFECT_SERVER_ANALYTICS_ENABLED": "false",
    "PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS": "180",
}


def prepare(environ: MutableMapping[str, str] = os.environ, root: Path = PROJECT_ROOT) -> None:
    """Set bantin's defaults in `environ` (the process environment), keeping what is already set."""
    home = default_prefect_home(root)
    if home is not None:
        environ.setdefault("PREFECT_HOME", str(home))
    for key, value in DEFAULTS.items():
        environ.setdefault(key, value)
