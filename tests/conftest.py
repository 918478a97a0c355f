"""Shared fixtures. One session-scoped Prefect test harness serves every flow test.

Prefect settings are set in the environment before Prefect is imported, so the temporary
server does not phone home and has time to start on a slow CI machine.
"""
from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from locations import RAW, ROOT, SEEDS  # noqa: F401  (ROOT, RAW: used by fixtures below)

os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")
os.environ.setdefault("PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS", "180")
os.environ.setdefault("PREFECT_LOGGING_LEVEL", "WARNING")



@pytest.fixture(scope="session")
def prefect_harness():
    """A temporary Prefect server (SQLite) for the whole session; started on first use."""
    from prefect.testing.utilities import prefect_test_harness

    with prefect_test_harness(server_startup_timeout=180):
        yield


@pytest.fixture
def seed_dir(tmp_path: Path) -> Path:
    """A private copy of raw/ (the five seeds) that a test may change."""
    d = tmp_path / "raw"
    d.mkdir()
    for p in SEEDS:
        shutil.copy2(p, d / p.name)
    return d


@pytest.fixture(scope="session")
def real_runs():
    """Each real-corpus folder cleaned and extracted at most once per session (~15-30 s each):
    `realrun.run_folders` is memoised for the rest of the session, so the quality gate
    (tests/eval/test_real_quality.py) and the `bantin eval --real` command tests share the work."""
    from bantin.eval import realrun

    cache: dict = {}
    original = realrun.run_folders

    def cached(jobs, workers=1):
        todo = [job for job in jobs if (str(job[0]), job[1]) not in cache]
        for job, run in zip(todo, original(todo, workers)):
            cache[(str(job[0]), job[1])] = run
        return [cache[(str(d), gold)] for d, gold in jobs]

    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(realrun, "run_folders", cached)
        yield cache
