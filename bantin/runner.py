"""The one step order of a run: scan -> corpus pass -> plan -> process -> assemble -> validate -> write.

Why one runner: the Prefect flow, the tests and the benchmarks must run the same steps in the same
order on the same data; they differ only in *where* a step runs. That is the executor's business
(`bantin/executors.py`): `Inline` runs everything in this process; the Prefect flow passes one that
turns each step into a task and sends the batches to worker processes or a Dask cluster
(`flows/pipeline.py`). Every decision about data is made by the steps, never by the executor.

Memory: every per-file structure (the scan's file list, the corpus keys, the plan, the batch
summaries, the previous state) lives in `_build`'s frame only, so all of it is freed before
validation, the flow process's heaviest step. The steps themselves, one function each, are
`bantin/steps.py`.
"""
from __future__ import annotations

import logging
import os
import shutil
import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

import pyarrow as pa
import pyarrow.compute as pc

import schemas
from bantin import memory, preflight, progress
from bantin.build import assemble, batching, finalise, parts, process
from bantin.build import plan as planning
from bantin.build.corpus import CorpusContext
from bantin.card.files import Drawn, draw_card_files, write_card_files
from bantin.errors import QualityGateError, disk_full
from bantin.executors import Executor, Inline
from bantin.ingest import names
from bantin.ingest.files import ScanResult
from bantin.ingest.inputs import Inputs, Keyed
from bantin.publish import lock, report
from bantin.publish import snapshot as snap
from bantin.records import InputFile
from bantin.settings import Settings
from bantin.steps import corpus_settings, corpus_step, process_step, publish_step, scan_step, validate_step  # noqa: F401
from bantin.validate import accounting
from bantin.validate.gate import ValidationReport
from bantin.version import pipeline_version
from bantin.vi import nercache

STEPS = ("scan", "corpus", "process", "assemble", "validate", "write")
PUBLISHED = (*schemas.ARTICLE_TABLES, "quarantine", "state")


# ------------------------------------------------------------------ the run


@dataclass
class Outcome:
    """What a run did: its summary (manifest.json) and the validation report (None when there
    was nothing to do)."""

    summary: dict
    validation: ValidationReport | None


class GateFailed(QualityGateError):
    """The quality gate failed: nothing was published. Carries the summary for the artifacts."""

    def __init__(self, message: str, outcome: Outcome) -> None:
        super().__init__(message)
        self.outcome = outcome


@contextmanager
def _timed(timings: dict, peaks: dict, stage: str, display: progress.Display):
    """Seconds of `stage` into `timings`, and this process's own peak RSS during it (MB; VmHWM
    reset at its start, see bantin.memory) into `peaks`; the display shows the stage."""
    memory.reset_peak()
    t0 = time.perf_counter()
    with display.stage(stage):
        yield
    timings[stage] = round(timings.get(stage, 0.0) + time.perf_counter() - t0, 3)
    peak = memory.peak_mb()
    peaks[stage] = max(peaks.get(stage) or 0.0, peak) if peak is not None else None


def run(s: Settings, executor: Executor | None = None, *, run_id: str | None = None,
        log: logging.Logger | logging.LoggerAdapter | None = None,
        display: progress.Display | None = None) -> Outcome:
    """Process `s.raw_dir` into a validated snapshot under `s.out_dir`, every step in STEPS order.

    Raises GateFailed (nothing published) when a suite fails on the tables to publish, UsageError
    for a configuration that cannot work, DiskFullError (the previous snapshot stays current)."""
    preflight.check(s.raw_dir, s.out_dir, check_lock=False)  # exit 2 with a sentence, before any work
    with lock.exclusive(s.out_dir):
        try:
            return _run(s, executor or Inline(), run_id=run_id, log=log or logging.getLogger("bantin"),
                        display=display or progress.Quiet())
        except Exception as exc:
            if (full := disk_full(exc)) is None:
                raise
            snap.recover(s.out_dir)  # frees the staging space; the current snapshot was never touched
            raise full from exc


def _run(s: Settings, executor: Executor, *, run_id: str | None, log, display: progress.Display) -> Outcome:
    version = pipeline_version()
    timings: dict[str, float] = {}
    peaks: dict[str, float | None] = {}
    recovered = snap.recover(s.out_dir)
    if recovered:
        log.warning("Removed %d unfinished snapshot(s) left by an interrupted run: %s", len(recovered), recovered)
    b = _build(s, executor, log, timings, peaks, display, version=version, run_id=run_id)
    memory.release()  # the pages of the per-file lists just freed, before validation needs them
    log.info("flow process RSS after the build stages: %s MB", memory.rss_mb())
    if b.snapshot_id is None:
        log.info("Nothing new or changed: no NLP work done; the current snapshot stays as it is.")
        summary = report.unchanged_summary(s.out_dir, b.plan, version=version, run_id=run_id, timings=timings,
                                           peaks=peaks)
        summary["skipped_dirs"] = dict(b.skipped)
        return Outcome(summary, None)
    quality_dir = s.out_dir / snap.SNAPSHOTS / f"{snap.TMP_PREFIX}quality-{b.snapshot_id}"
    card_dir = s.out_dir / snap.SNAPSHOTS / f"{snap.TMP_PREFIX}card-{b.snapshot_id}"
    paths = {n: b.built / f"{n}.parquet" for n in PUBLISHED}
    # The card's profiles and charts need the tables, not the verdict: drawn in a thread while the
    # gate validates (in a process of its own when one was prewarmed: bantin/validate/background.py).
    pool = ThreadPoolExecutor(1, thread_name_prefix="bantin-card")
    try:
        drawing = pool.submit(draw_card_files, paths, card_dir)
        with _timed(timings, peaks, "validate", display):
            validation = executor.call("validate", validate_step, paths, quality_dir, run_id)
        log.info("validate: %s", "passed" if validation.success else "FAILED")
        summary = report.summary(b.plan, b.counts, b.quarantine, validation, timings, b.stage_secs,
                                 version=version, run_id=run_id, snapshot_id=b.snapshot_id, ignored=b.ignored)
        summary.update(b.placement)  # where the batches ran
        summary["skipped_dirs"] = dict(b.skipped)  # directories the scan could not or would not enter
        summary["peak_rss_mb"] = peaks  # the flow process's own peak per stage (None off Linux)
        summary["corpus_settings"] = corpus_settings(s)  # what lets a no-change re-run skip the corpus pass
        if not validation.success:
            shutil.rmtree(b.work, ignore_errors=True)
            error = report.gate_error(validation, quality_dir)
            raise GateFailed(str(error), Outcome(summary, validation))
        # The stable path (through the `current` link), absolute: the snapshot it resolves to
        # today is pruned a few runs later.
        summary["quality_index"] = os.path.abspath(s.out_dir / "quality" / "index.html")
        with _timed(timings, peaks, "write", display), memory.frozen():  # the card's collections: its own objects
            published = _write(s, executor, b, paths, quality_dir, card_dir, drawing.result(), summary)
    finally:
        pool.shutdown(wait=True)  # the thread never writes on after the run
        shutil.rmtree(card_dir, ignore_errors=True)  # published: its files now live in the snapshot
    summary["timings"] = timings
    summary["snapshot"] = str(published.resolve())
    log.info("write: snapshot %s published; timings %s", published.name, timings)
    log.info("peak RSS of the flow process per stage (MB): %s", peaks)
    return Outcome(summary, validation)


@dataclass(frozen=True)
class _Built:
    """What the rest of the run needs from scan -> assemble: a few counts and the small
    quarantine table, never the per-file lists (they die with `_build`'s frame)."""

    plan: dict
    snapshot_id: str | None  # None: nothing to do (the current snapshot stays)
    work: Path | None = None
    built: Path | None = None
    counts: dict = field(default_factory=dict)
    quarantine: pa.Table | None = None
    stage_secs: dict = field(default_factory=dict)
    placement: dict = field(default_factory=dict)
    ignored: int = 0
    skipped: tuple = ()  # (directory, why) the scan could not or would not enter


def _build(s: Settings, executor: Executor, log, timings: dict, peaks: dict, display: progress.Display, *,
           version: str, run_id: str | None) -> _Built:
    """scan -> corpus pass -> plan -> process batches -> assemble, into the tables under `built`."""
    with _timed(timings, peaks, "scan", display):
        scanned = executor.call("scan", scan_step, s)
        memory.release()  # the walk's entries and records are gone; only the file table stays
    log.info("scan: %d input files, %d ignored (not .txt), %d quarantined", len(scanned.files),
             len(scanned.ignored), len(scanned.quarantined))
    if scanned.skipped:  # what is under these was not seen at all: say so loudly
        log.warning("scan: %d director(ies) not read: %s", len(scanned.skipped),
                    "; ".join(f"{d} ({why})" for d, why in scanned.skipped[:20]))
    prev_state, prev_q = snap.read_table(s.out_dir, "state"), snap.read_table(s.out_dir, "quarantine")
    same_corpus = not s.full and snap.read_manifest(s.out_dir).get("corpus_settings") == corpus_settings(s)
    if same_corpus and (p := planning.unchanged_plan(scanned.files, prev_state, version=version,
                                                     quarantined=scanned.quarantined,
                                                     unseen=[d for d, _ in scanned.skipped])):
        log.info("plan (incremental): all %d inputs unchanged, corpus pass not needed", len(p.keep))
        return _Built(plan=p.summary(), snapshot_id=None, skipped=scanned.skipped)
    with _timed(timings, peaks, "corpus", display):
        ctx = executor.call("corpus", corpus_step, scanned.files, s)
    log.info("corpus: %d boilerplate line(s); %d folder(s) print no headline, no title taken there%s",
             len(ctx.facts.repeated), len(ctx.facts.headless),
             f" ({', '.join(sorted(ctx.facts.headless))})" if ctx.facts.headless else "")
    snap.pause_point("scan")
    p = planning.make_plan(scanned.files, prev_state, version=version, context_keys=ctx.context_keys,
                           full=s.full, quarantined=scanned.quarantined, unseen=[d for d, _ in scanned.skipped])
    kept_state = planning.kept_state(prev_state, p.keep) if p.keep else None
    known = planning.known_articles(kept_state, p.todo.column("content_sha256"))
    todo, identical = assemble.split_identical(p.todo, known)
    log.info("plan (%s): %d new, %d changed, %d unchanged, %d deleted -> %d to process",
             p.mode, len(p.new), len(p.changed), len(p.keep), len(p.deleted), len(todo))
    if planning.is_noop(p):
        return _Built(plan=p.summary(), snapshot_id=None, skipped=scanned.skipped)
    memory.release()  # the scan's, corpus pass's and plan's transient columns: their pages go back
    snapshot_id = snap.new_snapshot_id(run_id)
    work = s.out_dir / snap.SNAPSHOTS / f"{snap.TMP_PREFIX}work-{snapshot_id}"
    parts_dir, built = work / "parts", work / "built"
    kept_q = (planning.carry_over_files(snap.current_snapshot(s.out_dir), kept_state, prev_q, parts_dir)
              if kept_state is not None else None)
    nercache.prepare(parts_dir, snap.current_snapshot(s.out_dir))  # the NER cache the batches read
    reporting = progress.directory(parts_dir)  # the batches count their inputs there as they go
    sizes = batching.batch_sizes(len(todo), executor.parallelism(len(todo)), s.batch_size)
    with _timed(timings, peaks, "process", display), display.articles(len(todo), reporting):
        calls = ((b, ctx.facts, version, run_id, s.max_bytes, s.file_timeout, parts_dir, i)
                 for i, b in enumerate(_batches(todo, sizes)))
        results = list(executor.map(process_step, calls, len(sizes), len(todo)))
    stage_secs = report.sum_seconds(r.seconds for r in results)
    placement = executor.describe()
    log.info("process: %d articles, %d quarantined in %d batch(es) (%s); %s",
             sum(r.n_articles for r in results), sum(len(r.quarantined) for r in results), len(results),
             ", ".join(f"{k} {v}" for k, v in placement.items()), stage_secs)
    with _timed(timings, peaks, "assemble", display):
        d, counts = _assemble(s, p, scanned, ctx, results, kept_state, kept_q, parts_dir, built,
                              identical=identical, version=version, run_id=run_id)
        accounting.check_built(built)  # each input in exactly one place, or nothing is published
    return _Built(plan=p.summary(), snapshot_id=snapshot_id, work=work, built=built, counts=counts,
                  quarantine=d.quarantine, stage_secs=stage_secs, placement=placement,
                  ignored=len(scanned.ignored), skipped=scanned.skipped)


def _batches(files: Inputs, sizes: list[int]) -> Iterator[list[InputFile]]:
    """The files to process in consecutive batches of `sizes`, each batch turned into records
    only when it is submitted (the file list itself stays Arrow columns: bantin/ingest/inputs.py)."""
    start = 0
    for size in sizes:
        yield list(files[start: start + size])
        start += size


def _assemble(s: Settings, p, scanned: ScanResult, ctx: CorpusContext, results: list, kept_state, kept_q,
              parts_dir: Path, built: Path, *, identical: dict, version: str, run_id: str | None):
    """Decide from the batch summaries (and the carried-over articles' index), then stream the
    parts into the tables to publish under `built`."""
    sha = Keyed(pa.concat_arrays([scanned.files.column("source_file"),
                                  pa.array([q.source_file for q in scanned.quarantined], pa.string())]),
                pa.concat_arrays([scanned.files.column("content_sha256"),
                                  pa.array([q.content_sha256 for q in scanned.quarantined], pa.string())]))
    order = [parts.CARRY, *(r.part for r in results)]
    index = pa.concat_tables([process.summary_index(parts.part_path(parts_dir, parts.INDEX, parts.CARRY)),
                              *(r.index for r in results)])
    quarantined = planning.fresh_quarantine(p, scanned.quarantined) + [q for r in results for q in r.quarantined]
    d = assemble.decide(
        index, {aid: why for r in results for aid, why in r.failures.items()}, quarantined,
        kept_quarantine=kept_q, kept_state=kept_state, identical=identical, sha_by_file=sha,
        context_keys=ctx.context_keys, version=version, run_id=run_id, near_dup_threshold=s.near_dup_threshold,
        signature_files=parts.part_files(parts_dir, parts.INDEX, order), spill_dir=parts_dir)
    counts = finalise.finalise(parts_dir, order, d, built)
    # The NER cache for the next run: nothing carried over means every entry still needed was used.
    nercache.merge(parts_dir, built, prune=kept_state is None)
    counts.update(d.counts)
    # Inputs folded into another article as exact duplicates, counted where every input is
    # accounted for (state: article, alias or quarantine), so articles + aliases + quarantined
    # adds up to the inputs in every summary.
    counts["aliases"] = pc.sum(pc.equal(d.state.column("outcome"), "alias")).as_py() or 0
    return d, counts


def _write(s: Settings, executor: Executor, b: _Built, paths: dict[str, Path], quality_dir: Path, card_dir: Path,
           drawn: Drawn, summary: dict) -> Path:
    """The dataset card, then the snapshot with everything in it, switched to in one rename."""
    # The bytes of each quarantined input that was read (it has a hash), found again from its
    # stored name; `publish` copies only regular files inside raw/ of at most max_bytes.
    q = b.quarantine.select(["source_file", "content_sha256"]).to_pylist()
    files = {r["source_file"]: Path(names.path_of(s.raw_dir, r["source_file"])) for r in q if r["content_sha256"]}
    write_card_files(paths, card_dir, summary=summary, drawn=drawn)
    extra = {"quality": quality_dir, "README.md": card_dir / "README.md", "card.html": card_dir / "card.html",
             "charts": card_dir / "charts", "internal": b.built / "internal"}
    published = executor.call("write", publish_step, s.out_dir, snapshot_id=b.snapshot_id, manifest=summary,
                              quarantine_files=files, extra_files=extra, keep=s.keep_snapshots,
                              raw_root=s.raw_dir, max_bytes=s.max_bytes,
                              built_dir=b.built)
    shutil.rmtree(b.work, ignore_errors=True)
    return published
