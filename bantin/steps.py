"""The steps an executor runs, one function each: what a step does, not when (`bantin.runner`).

Why apart from the runner: a step may run in a task, in a worker process or in a Dask worker,
so each is a plain module-level function (picklable by reference) that raises only what the edge
can explain: a full disk inside any of them becomes a `DiskFullError` at once (`_step`), which
is neither retried nor printed as a traceback.
"""
from __future__ import annotations

import functools
from collections.abc import Sequence
from pathlib import Path

from bantin.build import process
from bantin.build.corpus import CorpusContext, corpus_context
from bantin.clean.document import CorpusFacts
from bantin.errors import disk_full
from bantin.ingest.files import ScanResult, scan
from bantin.publish import snapshot as snap
from bantin.records import InputFile
from bantin.settings import Settings
from bantin.validate.background import run_suites
from bantin.validate.gate import ValidationReport


def _step(fn):
    """A full disk inside a step (a task, maybe in a worker) is a DiskFullError at once: not
    retried, and explained in one sentence instead of a traceback."""
    @functools.wraps(fn)
    def run_step(*args, **kwargs):
        try:
            return fn(*args, **kwargs)
        except OSError as exc:
            if (full := disk_full(exc)) is None:
                raise
            raise full from exc
    return run_step


@_step
def scan_step(s: Settings) -> ScanResult:
    return scan(s.raw_dir, max_bytes=s.max_bytes)


def corpus_settings(s: Settings) -> dict:
    """The settings the corpus pass reads besides the files: recorded in manifest.json, so that a
    later run whose inputs are all unchanged knows the pass would give the same answer."""
    return {"boilerplate_min_docs": s.boilerplate_min_docs, "max_bytes": s.max_bytes,
            "headline_min_pages": s.headline_min_pages, "headline_min_share": s.headline_min_share}


@_step
def corpus_step(files: Sequence[InputFile], s: Settings) -> CorpusContext:
    # The fingerprints spill next to the snapshots (a killed run's leftovers are removed by
    # snapshot.recover, like any staging directory), not to a /tmp that may be in RAM.
    spill = s.out_dir / snap.SNAPSHOTS
    spill.mkdir(parents=True, exist_ok=True)
    return corpus_context(files, min_docs=s.boilerplate_min_docs, max_bytes=s.max_bytes, spill_dir=spill,
                          headline_min_pages=s.headline_min_pages, headline_min_share=s.headline_min_share)


@_step
def process_step(files: list[InputFile], facts: CorpusFacts, version: str, run_id: str | None, max_bytes: int,
                 file_timeout: float, parts_dir: Path, batch_no: int) -> process.BatchSummary:
    return process.process_to_parts(files, facts=facts, version=version, run_id=run_id, max_bytes=max_bytes,
                                    file_timeout=file_timeout, parts_dir=parts_dir, batch_no=batch_no)


@_step
def validate_step(tables: dict[str, Path], quality_dir: Path, run_id: str | None) -> ValidationReport:
    return run_suites(tables, quality_dir=quality_dir, run_id=run_id)  # in the prewarmed process, if one waits


@_step
def publish_step(out_dir: Path, **kwargs) -> Path:
    return snap.publish(out_dir, **kwargs)
