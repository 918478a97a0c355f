"""The Prefect flow: scan -> corpus pass -> plan -> process batches in workers -> assemble ->
validate -> publish one snapshot -> artifacts.

Why here and only here: orchestration concerns (task runners, retries, artifacts, run ids, the
deployment) stay at the edge; every decision about data is made by the pure stages it calls.
"""
from __future__ import annotations

import shutil
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
from prefect import flow, get_run_logger
from prefect.artifacts import create_link_artifact, create_markdown_artifact, create_table_artifact
from prefect.logging.handlers import APILogWorker
from prefect.runtime import flow_run
from prefect.settings import PREFECT_API_URL, get_current_settings, temporary_settings
from prefect.task_runners import ProcessPoolTaskRunner

from flows import submit, tasks

from bantin.vi import nlp
from bantin.ingest.inputs import Inputs, Keyed
from bantin.records import InputFile
from flows.server import TemporaryServer
from bantin.settings import Settings
from bantin.build import assemble
from bantin.card import files as card_files
from bantin.build import finalise
from bantin.publish import lock
from bantin import memory
from bantin.build import parts
from bantin.build import process
from bantin.publish import report
from bantin.publish import snapshot as write
from bantin.build import plan as planning
from bantin.version import pipeline_version

FLOW_NAME = "bantin"
DEPLOYMENT_NAME = "hourly"


@contextmanager
def _timed(timings: dict, stage: str, peaks: dict | None = None):
    """Seconds of `stage` into `timings`; with `peaks`, also the flow process's own peak RSS
    during the stage (MB; VmHWM reset at its start, see bantin.memory)."""
    if peaks is not None:
        memory.reset_peak()
    t0 = time.perf_counter()
    yield
    timings[stage] = round(timings.get(stage, 0.0) + time.perf_counter() - t0, 3)
    if peaks is not None:
        peak = memory.peak_mb()
        peaks[stage] = max(peaks.get(stage) or 0.0, peak) if peak is not None else None


def _artifacts(summary: dict, validation) -> None:
    """A markdown and a table artifact per run (and a link to the Data Docs when published)."""
    md = report.markdown(summary, validation.to_markdown() if validation is not None else None)
    if not summary.get("changed", True):
        md = "**Nothing new or changed: no NLP work was done; the current snapshot stays.**\n\n" + md
    create_markdown_artifact(key="bantin-run-summary", markdown=md, description="bantin run summary")
    create_table_artifact(key="bantin-table-counts", table=report.table_rows(summary),
                          description="Rows per table in the published snapshot")
    create_table_artifact(key="bantin-run-metrics", table=report.metric_rows(summary),
                          description="Inputs new/changed/deleted/quarantined, seconds per stage, validation")
    if summary.get("quality_index"):
        create_link_artifact(key="bantin-data-docs", link="file://" + summary["quality_index"],
                             description="Great Expectations Data Docs for this run")


def _batches(files: Inputs, size: int) -> Iterator[list[InputFile]]:
    """The files to process, `size` at a time, each batch turned into records only when it is
    submitted (the file list itself stays Arrow columns: bantin/ingest/inputs.py)."""
    for i in range(0, len(files), size):
        yield list(files[i : i + size])


@flow(name=FLOW_NAME, task_runner=ProcessPoolTaskRunner(initializer=nlp.warm), log_prints=True)
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
) -> dict:
    """Process `raw_dir` into a validated snapshot under `out_dir`; returns the run summary.

    Up to `inline_max` files to process run in the flow process instead of worker processes;
    at most `max_pending` batches are submitted ahead (0: PER_WORKER per core, flows/submit.py)."""
    log = get_run_logger()
    s = Settings(raw_dir=Path(raw_dir), out_dir=Path(out_dir), full=full, batch_size=batch_size,
                 max_bytes=max_bytes, boilerplate_min_docs=boilerplate_min_docs, keep_snapshots=keep_snapshots)
    run_id = str(flow_run.id) if flow_run.id else None
    version = pipeline_version()
    timings: dict[str, float] = {}
    peaks: dict[str, float | None] = {}
    s.out_dir.mkdir(parents=True, exist_ok=True)
    with lock.exclusive(s.out_dir):
        recovered = write.recover(s.out_dir)
        if recovered:
            log.warning("Removed %d unfinished snapshot(s) left by an interrupted run: %s", len(recovered), recovered)
        b = _build(s, log, timings, peaks, version=version, run_id=run_id, inline_max=inline_max,
                   max_pending=max_pending)
        memory.release()  # the pages of the per-file lists just freed, before validation needs them
        log.info("flow process RSS after the build stages: %s MB", memory.rss_mb())
        if b.snapshot_id is None:
            log.info("Nothing new or changed: no NLP work done; the current snapshot stays as it is.")
            summary = {"run_id": run_id, "pipeline_version": version, "mode": b.plan["mode"],
                       "articles": _rows(s.out_dir, "articles"), "processed": 0,
                       "quarantined": _rows(s.out_dir, "quarantine"),
                       "snapshot": str(write.current_snapshot(s.out_dir)), "timings": timings,
                       "peak_rss_mb": peaks, "plan": b.plan, "changed": False}
            _artifacts(summary, None)
            return summary
        quality_dir = s.out_dir / write.SNAPSHOTS / f"{write.TMP_PREFIX}quality-{b.snapshot_id}"
        paths = {n: b.built / f"{n}.parquet" for n in (*assemble.ARTICLE_TABLES, "quarantine", "state")}
        with _timed(timings, "validate", peaks):
            validation = tasks.run_suites(paths, quality_dir, run_id)
        log.info("validate: %s", "passed" if validation.success else "FAILED")
        summary = report.summary(b.plan, b.counts, b.quarantine, validation, timings, b.stage_secs, version=version,
                                 run_id=run_id, snapshot_id=b.snapshot_id, ignored=b.ignored)
        summary["executor"] = b.executor  # where the batches ran: "flow process" or "task runner"
        summary["max_pending"] = b.window if b.executor == "task runner" else None  # batches in flight at most
        summary["peak_rss_mb"] = peaks  # the flow process's own peak per stage (None off Linux)
        if not validation.success:
            _artifacts(summary, validation)
            shutil.rmtree(b.work, ignore_errors=True)
            raise report.gate_error(validation, quality_dir)
        with _timed(timings, "write", peaks):
            files = {src: s.raw_dir / src for src in b.quarantine.column("source_file").to_pylist()}
            card_dir = s.out_dir / write.SNAPSHOTS / f"{write.TMP_PREFIX}card-{b.snapshot_id}"
            card_files.write_card_files(paths, card_dir, summary=summary)
            extra = {"quality": quality_dir, "README.md": card_dir / "README.md",
                     "card.html": card_dir / "card.html", "charts": card_dir / "charts",
                     "internal": b.built / "internal"}
            snap = tasks.publish(s.out_dir, {}, snapshot_id=b.snapshot_id, manifest=summary,
                                 quarantine_files=files, extra_files=extra,
                                 keep=s.keep_snapshots, built_dir=b.built)
            shutil.rmtree(card_dir, ignore_errors=True)  # its files now live in the snapshot
            shutil.rmtree(b.work, ignore_errors=True)
        summary["timings"] = timings
        summary["snapshot"] = str(snap)
        log.info("write: snapshot %s published; timings %s", snap.name, timings)
        log.info("peak RSS of the flow process per stage (MB): %s", peaks)
        summary["quality_index"] = str((s.out_dir / "quality" / "index.html").resolve())
        _artifacts(summary, validation)
        return summary


@dataclass(frozen=True)
class _Built:
    """What the rest of the run needs from scan -> assemble: a few counts and the small quarantine
    table, never the per-file lists (they die with `_build`'s frame, before validation)."""

    plan: dict
    snapshot_id: str | None  # None: nothing to do (the current snapshot stays)
    work: Path | None = None
    built: Path | None = None
    counts: dict = field(default_factory=dict)
    quarantine: pa.Table | None = None
    stage_secs: dict = field(default_factory=dict)
    executor: str = ""
    window: int = 0
    ignored: int = 0


def _build(s: Settings, log, timings: dict, peaks: dict, *, version: str, run_id: str | None, inline_max: int,
           max_pending: int) -> _Built:
    """scan -> corpus pass -> plan -> process batches -> assemble, into the tables under `built`.

    Why a function of its own: every per-file structure (the scan's file list, the corpus keys,
    the plan, the batch summaries, the previous state) is a local here, so all of it is freed
    when it returns, before validation (the flow process's heaviest stage) starts; held through
    it, they made the flow process's peak grow by ~1 KB per input file."""
    with _timed(timings, "scan", peaks):
        scan = tasks.scan_inputs(s)
        memory.release()  # the walk's entries and records are gone; only the file table stays
    log.info("scan: %d input files, %d ignored (not .txt), %d quarantined", len(scan.files),
             len(scan.ignored), len(scan.quarantined))
    with _timed(timings, "corpus", peaks):
        ctx = tasks.fingerprint_corpus(scan.files, s)
    prev_state, prev_q = write.read_table(s.out_dir, "state"), write.read_table(s.out_dir, "quarantine")
    write.pause_point("scan")
    p = planning.make_plan(scan.files, prev_state, version=version,
                           context_keys=ctx.context_keys, full=s.full, quarantined=scan.quarantined)
    kept_state = planning.kept_state(prev_state, p.keep) if p.keep else None
    known = planning.known_articles(kept_state, p.todo.column("content_sha256"))
    todo, identical = assemble.split_identical(p.todo, known)
    log.info("plan (%s): %d new, %d changed, %d unchanged, %d deleted -> %d to process",
             p.mode, len(p.new), len(p.changed), len(p.keep), len(p.deleted), len(todo))
    if planning.is_noop(p):
        return _Built(plan=p.summary(), snapshot_id=None)
    memory.release()  # the scan's, corpus pass's and plan's transient columns: their pages go back
    snapshot_id = write.new_snapshot_id(run_id)
    work = s.out_dir / write.SNAPSHOTS / f"{write.TMP_PREFIX}work-{snapshot_id}"
    parts_dir, built = work / "parts", work / "built"
    kept_q = (planning.carry_over_files(write.current_snapshot(s.out_dir), kept_state, prev_q, parts_dir)
              if kept_state is not None else None)
    with _timed(timings, "process", peaks):
        batches, n_batches = _batches(todo, s.batch_size), -(-len(todo) // s.batch_size)
        executor = "flow process" if len(todo) <= inline_max else "task runner"
        window = max_pending or submit.window_for(None)
        if executor == "flow process":
            # A handful of files: starting a worker process (imports, model load) would cost
            # more than their NLP, so the batch runs in the flow process.
            results = [tasks.process_batch(b, ctx.repeated, version, run_id, s.max_bytes, parts_dir, i)
                       for i, b in enumerate(batches)]
            write.pause_point("process")
        else:
            def submit_batch(item: tuple[int, list]):
                i, b = item
                future = tasks.process_batch.submit(b, ctx.repeated, version, run_id, s.max_bytes, parts_dir, i)
                if i == 0:
                    write.pause_point("process")  # crash tests: killed while the first batch runs
                return future

            # At most `window` batches in flight: the pending calls do not pile up with the corpus.
            results = list(report.progress(submit.windowed(enumerate(batches), submit_batch, window),
                                           n_batches, "NLP batches"))
    stage_secs = report.sum_seconds(r.seconds for r in results)
    log.info("process: %d articles, %d quarantined in %d batch(es) in the %s%s; %s",
             sum(r.n_articles for r in results), sum(len(r.quarantined) for r in results), len(results),
             executor, f" (at most {window} in flight)" if executor == "task runner" else "", stage_secs)
    with _timed(timings, "assemble", peaks):
        asm = _assemble(s, p, scan, ctx, results, kept_state, kept_q, parts_dir, built, identical=identical,
                        version=version, run_id=run_id)
    return _Built(plan=p.summary(), snapshot_id=snapshot_id, work=work, built=built, counts=asm.counts,
                  quarantine=asm.tables["quarantine"], stage_secs=stage_secs, executor=executor, window=window,
                  ignored=len(scan.ignored))


def _rows(out_dir: Path, name: str) -> int:
    cur = write.current_snapshot(out_dir)
    path = cur / f"{name}.parquet" if cur is not None else None
    return pq.ParquetFile(path).metadata.num_rows if path is not None and path.exists() else 0


def _assemble(s: Settings, p, scan, ctx, results: list, kept_state, kept_q, parts_dir: Path, built: Path, *,
              identical: dict, version: str, run_id: str | None) -> assemble.Assembled:
    """Decide from the batch summaries (and the carried-over articles' index), then stream the
    parts into the tables to publish under `built`."""
    sha = Keyed(pa.concat_arrays([scan.files.column("source_file"),
                                  pa.array([q.source_file for q in scan.quarantined], pa.string())]),
                pa.concat_arrays([scan.files.column("content_sha256"),
                                  pa.array([q.content_sha256 for q in scan.quarantined], pa.string())]))
    order = [parts.CARRY, *(r.part for r in results)]
    kept_index = process.summary_index(parts.part_path(parts_dir, parts.INDEX, parts.CARRY))
    index = pa.concat_tables([kept_index, *(r.index for r in results)])
    failures = {aid: why for r in results for aid, why in r.failures.items()}
    d = assemble.decide(
        index, failures, planning.fresh_quarantine(p, scan.quarantined) + [q for r in results for q in r.quarantined],
        kept_quarantine=kept_q, kept_state=kept_state, identical=identical, sha_by_file=sha,
        context_keys=ctx.context_keys, version=version, run_id=run_id, near_dup_threshold=s.near_dup_threshold,
        signature_files=parts.part_files(parts_dir, parts.INDEX, order), spill_dir=parts_dir)
    counts = finalise.finalise(parts_dir, order, d, built)
    counts.update(d.counts)
    return assemble.Assembled(tables={"quarantine": d.quarantine, "state": d.state},
                              quarantined_now=d.quarantined_now, counts=counts)


def task_runner(workers: int | None = None, dask: str | None = None):
    """Local worker processes by default; `dask="local"` for a LocalCluster, or a scheduler
    address (tcp://host:8786) for an existing Dask cluster."""
    if dask:
        from prefect_dask import DaskTaskRunner

        if dask == "local":
            return DaskTaskRunner(cluster_kwargs={"n_workers": workers or 2, "threads_per_worker": 1,
                                                  "processes": True, "dashboard_address": None})
        return DaskTaskRunner(address=dask)
    return ProcessPoolTaskRunner(max_workers=workers, initializer=nlp.warm)


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
    try:
        url = server.wait(timeout=get_current_settings().server.ephemeral.startup_timeout_seconds)
        with temporary_settings(updates={PREFECT_API_URL: url}):
            try:
                yield url
            finally:
                APILogWorker.drain_all(timeout=10)  # send the last log lines before the server goes
    finally:
        server.stop()


def run(settings: Settings, server: TemporaryServer | None = None) -> dict:
    """Run the flow once with the task runner the settings ask for (used by `bantin run`);
    `server`: a temporary API server the caller launched before importing this module."""
    runner = task_runner(settings.workers, settings.dask_address)
    with _api_server(server):
        return bantin_pipeline.with_options(task_runner=runner)(
            raw_dir=str(settings.raw_dir), out_dir=str(settings.out_dir), full=settings.full,
            batch_size=settings.batch_size, max_bytes=settings.max_bytes,
            boilerplate_min_docs=settings.boilerplate_min_docs, keep_snapshots=settings.keep_snapshots,
            # an explicit Dask cluster always gets the batches, however few the files
            inline_max=0 if settings.dask_address else settings.inline_max,
            max_pending=settings.max_pending or submit.window_for(
                settings.workers, remote=bool(settings.dask_address) and settings.dask_address != "local"),
        )
