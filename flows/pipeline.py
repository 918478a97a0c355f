"""The Prefect flow: `bantin.runner`'s steps as task runs, the artifacts, the temporary API server.

Why here and only here: orchestration concerns (task runners, retries, artifacts, run ids, the
deployment) stay at the edge; the step order and every decision about data are the runner's
(`bantin/runner.py`), which the tests and benchmarks call directly.
"""
from __future__ import annotations

import os
from contextlib import contextmanager
from pathlib import Path

from prefect import flow, get_run_logger
from prefect.artifacts import create_markdown_artifact, create_table_artifact
from prefect.context import refresh_global_settings_context
from prefect.logging.handlers import APILogWorker
from prefect.runtime import flow_run
from prefect.settings import PREFECT_API_URL, PREFECT_UI_URL, get_current_settings, temporary_settings
from prefect.task_runners import ProcessPoolTaskRunner

from bantin import runner
from bantin.publish import report
from bantin.settings import Settings
from bantin.vi import nlp
from flows import console, lifecycle, submit, tasks
from flows.server import TemporaryServer

FLOW_NAME = "bantin"
DEPLOYMENT_NAME = "hourly"


def _artifacts(summary: dict, validation) -> None:
    """A markdown and a table artifact per run (and where the Data Docs are, when published)."""
    validation_md = validation.to_markdown() if validation is not None else None
    md = report.markdown(summary, validation_md)
    if not summary.get("changed", True):
        md = "**Nothing new or changed: no NLP work was done; the current snapshot stays.**\n\n" + md
    create_markdown_artifact(key="bantin-run-summary", markdown=md, description="bantin run summary")
    create_table_artifact(key="bantin-table-counts", table=report.table_rows(summary),
                          description="Rows per table in the published snapshot")
    create_table_artifact(key="bantin-run-metrics", table=report.metric_rows(summary),
                          description="Inputs new/changed/deleted/quarantined, seconds per stage, validation")
    if summary.get("quality_index"):
        create_markdown_artifact(key="bantin-data-docs", markdown=report.data_docs_markdown(summary, validation_md),
                                 description="Where this run's Great Expectations Data Docs are, and their summary")


@flow(name=FLOW_NAME, log_prints=True,
      task_runner=ProcessPoolTaskRunner(initializer=lifecycle.worker_init, initargs=(nlp.warm,)))
def bantin_pipeline(
    raw_dir: str = "raw",
    out_dir: str = "output",
    full: bool = False,
    batch_size: int = 64,
    max_bytes: int = Settings.max_bytes,
    boilerplate_min_docs: int = Settings.boilerplate_min_docs,
    keep_snapshots: int = Settings.keep_snapshots,
    inline_max: int = Settings.inline_max,
    max_pending: int = 0,
    file_timeout: float = Settings.file_timeout,
) -> dict:
    """Process `raw_dir` into a validated snapshot under `out_dir` (`bantin.runner.run`, each
    step a task run); returns the run summary.

    Up to `inline_max` files to process run in the flow process instead of worker processes;
    at most `max_pending` batches are submitted ahead (0: PER_WORKER per core, flows/submit.py)."""
    s = Settings(raw_dir=Path(raw_dir), out_dir=Path(out_dir), full=full, batch_size=batch_size,
                 max_bytes=max_bytes, boilerplate_min_docs=boilerplate_min_docs, keep_snapshots=keep_snapshots,
                 file_timeout=file_timeout)
    executor = tasks.PrefectExecutor(inline_max=inline_max, window=max_pending or submit.window_for(None))
    try:
        outcome = runner.run(s, executor, run_id=str(flow_run.id) if flow_run.id else None, log=get_run_logger(),
                             display=console.current())
    except runner.GateFailed as failed:
        _artifacts(failed.outcome.summary, failed.outcome.validation)
        raise
    _artifacts(outcome.summary, outcome.validation)
    return outcome.summary


def task_runner(workers: int | None = None, dask: str | None = None):
    """Local worker processes by default; `dask="local"` for a LocalCluster, or a scheduler
    address (tcp://host:8786) for an existing Dask cluster."""
    if dask:
        from prefect_dask import DaskTaskRunner

        if dask == "local":
            return DaskTaskRunner(cluster_kwargs={"n_workers": workers or 2, "threads_per_worker": 1,
                                                  "processes": True, "dashboard_address": None})
        return DaskTaskRunner(address=dask)
    return ProcessPoolTaskRunner(max_workers=workers, initializer=lifecycle.worker_init, initargs=(nlp.warm,))


@contextmanager
def _api_server(server: TemporaryServer | None = None):
    """Make sure the flow and its worker processes talk to ONE Prefect API.

    With no PREFECT_API_URL, Prefect starts a temporary server per process, so every worker
    process would start its own. One temporary (SQLite) server is used for the whole run:
    `server`, launched by the caller before its imports (see `flows.server`), or one launched
    here; its URL is exported to the flow and the workers while it lasts."""
    if get_current_settings().api.url:
        if server is not None:
            server.stop()  # a profile names an API after all: use that one
        yield None
        return
    server = server or TemporaryServer.launch(force=True)
    assert server is not None
    previous = os.environ.get("PREFECT_API_URL")
    try:
        url = server.wait(timeout=get_current_settings().server.ephemeral.startup_timeout_seconds)
        # Also in the environment and Prefect's global settings: threads Prefect starts outside this
        # context (the process pool's message forwarder) read the API from there, and would
        # otherwise boot a second temporary server. PREFECT_UI_URL empty: this server has no UI and
        # stops with the run, so Prefect must not print a `View at http://127.0.0.1:<port>/runs/...`
        # link to it (the CLI prints how to get one).
        os.environ["PREFECT_API_URL"] = url
        refresh_global_settings_context()
        with temporary_settings(updates={PREFECT_API_URL: url, PREFECT_UI_URL: ""}):
            try:
                yield url
            finally:
                APILogWorker.drain_all(timeout=10)  # send the last log lines before the server goes
    finally:
        if previous is None:
            os.environ.pop("PREFECT_API_URL", None)
        else:
            os.environ["PREFECT_API_URL"] = previous
        refresh_global_settings_context()
        server.stop()


def run(settings: Settings, server: TemporaryServer | None = None) -> dict:
    """Run the flow once with the task runner the settings ask for (used by `bantin run`);
    `server`: a temporary API server the caller launched before importing this module."""
    task_runner_ = task_runner(settings.workers, settings.dask_address)
    # The terminal display opens before the flow starts its task runner, so that the worker
    # processes inherit its pipe (flows/console.py).
    with _api_server(server), console.opened():
        return bantin_pipeline.with_options(task_runner=task_runner_)(
            raw_dir=str(settings.raw_dir), out_dir=str(settings.out_dir), full=settings.full,
            batch_size=settings.batch_size, max_bytes=settings.max_bytes, file_timeout=settings.file_timeout,
            boilerplate_min_docs=settings.boilerplate_min_docs, keep_snapshots=settings.keep_snapshots,
            # an explicit Dask cluster always gets the batches, however few the files
            inline_max=0 if settings.dask_address else settings.inline_max,
            max_pending=settings.max_pending or submit.window_for(
                settings.workers, remote=bool(settings.dask_address) and settings.dask_address != "local"),
        )
