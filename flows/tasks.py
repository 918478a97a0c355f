"""Thin Prefect tasks around the pure stages. Retries only where I/O can fail transiently.

Why thin: the stages are tested without Prefect; these wrappers add retries, names and caching
policy, nothing else.
"""
from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from prefect import task

from bantin.records import InputFile
from bantin.settings import Settings
from bantin.build import corpus
from bantin.ingest import files as ingest
from bantin.build import process
from bantin.validate import gate as validate
from bantin.publish import snapshot as write


@task(name="scan", retries=2, retry_delay_seconds=[1, 5])
def scan_inputs(settings: Settings) -> ingest.ScanResult:
    return ingest.scan(settings.raw_dir, max_bytes=settings.max_bytes)


@task(name="fingerprint-corpus", retries=2, retry_delay_seconds=[1, 5])
def fingerprint_corpus(files: Sequence[InputFile], settings: Settings) -> corpus.CorpusContext:
    # The fingerprints spill next to the snapshots (a killed run's leftovers are removed by
    # write.recover, like any staging directory), not to a /tmp that may be in RAM.
    spill = settings.out_dir / write.SNAPSHOTS
    spill.mkdir(parents=True, exist_ok=True)
    return corpus.corpus_context(files, min_docs=settings.boilerplate_min_docs, max_bytes=settings.max_bytes,
                                 spill_dir=spill)


@task(name="process-batch")
def process_batch(files: list[InputFile], repeated: frozenset[str], version: str, run_id: str | None,
                  max_bytes: int, parts_dir: Path, batch_no: int) -> process.BatchSummary:
    return process.process_to_parts(files, repeated=repeated, version=version, run_id=run_id, max_bytes=max_bytes,
                                    parts_dir=parts_dir, batch_no=batch_no)


@task(name="validate")
def run_suites(tables: dict, quality_dir: Path, run_id: str | None) -> validate.ValidationReport:
    return validate.run_suites(tables, quality_dir=quality_dir, run_id=run_id)


@task(name="publish", retries=2, retry_delay_seconds=[1, 5])
def publish(out_dir: Path, tables: dict, **kwargs) -> Path:
    return write.publish(out_dir, tables, **kwargs)
