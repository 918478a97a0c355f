"""The quality gate: every table's Great Expectations suite, its results and the Data Docs.

Why a gate apart from the row checks (`bantin.validate.rows`): the published tables must pass the
full GE suites, whose JSON results and Data Docs are the audit trail users read; a suite that
fails stops the run before anything is published. GE is imported lazily (~5 s), and this is the
only place Arrow tables become pandas frames.
"""
from __future__ import annotations

import time
from dataclasses import dataclass, field
from pathlib import Path

import pyarrow as pa

from bantin.validate.rows import resolve, runtime_values
from schemas.suites import suite_specs


@dataclass
class SuiteResult:
    table: str
    success: bool
    evaluated: int
    successful: int
    failed: list[str]  # descriptions of the failed expectations
    skipped: list[str]  # "description (why)" of expectations not run
    details: list[dict] = field(default_factory=list)  # per expectation: description, type, success, observed


@dataclass
class ValidationReport:
    success: bool
    suites: list[SuiteResult]
    index_html: Path
    summary_json: Path
    seconds: float = 0.0
    data_docs: str = "native"  # "native": GE's site under quality_dir/gx too; else why it is missing

    def to_markdown(self) -> str:
        """Per-suite pass/fail table (for the Prefect artifact; the caller links the published
        index.html, since `index_html` is in the pre-publish directory)."""
        lines = ["| suite | status | evaluated | passed | failed | skipped |", "|---|---|---:|---:|---:|---:|"]
        for s in self.suites:
            lines.append(f"| {s.table} | {'✅ pass' if s.success else '❌ FAIL'} | {s.evaluated} | "
                         f"{s.successful} | {len(s.failed)} | {len(s.skipped)} |")
        bad = [f"- **{s.table}**: {d}" for s in self.suites for d in s.failed]
        skipped = [f"- {s.table}: {d}" for s in self.suites for d in s.skipped]
        if bad:
            lines += ["", "Failed expectations:", "", *bad]
        if skipped:
            lines += ["", "Skipped expectations:", "", *skipped]
        return "\n".join(lines)


# ---------------------------------------------------------------- GE suites


def run_suites(tables: dict[str, pa.Table | Path], *, quality_dir: Path, run_id: str | None = None,
               chunk_bytes: int | None = None) -> ValidationReport:
    """Run one GE suite per table present, write `quality_dir/validation/<table>.json`,
    `quality_dir/summary.json`, GE's Data Docs under `quality_dir/gx/` and a self-contained
    `quality_dir/index.html` listing every suite and expectation.

    A table given as the path of a Parquet file is validated in chunks of about `chunk_bytes`
    (`validate_chunks`), so memory does not grow with the table."""
    from bantin import memory
    from bantin.validate import docs as validate_docs
    from bantin.validate import gx as validate_gx

    t0 = time.perf_counter()
    quality_dir = Path(quality_dir)
    (quality_dir / "validation").mkdir(parents=True, exist_ok=True)
    values, missing = runtime_values(_ids_only(tables))
    runner = validate_gx.Runner(quality_dir / "gx", run_id)  # imports GE first: its classes are frozen too
    with memory.frozen():  # each table's and batch's collection walks only what validation made
        suites = _run_tables(tables, runner, values, missing, quality_dir, chunk_bytes)
        data_docs = runner.build_docs()
    report = ValidationReport(
        success=all(s.success for s in suites), suites=suites, index_html=quality_dir / "index.html",
        summary_json=quality_dir / "summary.json", data_docs=data_docs)
    report.seconds = round(time.perf_counter() - t0, 3)
    validate_docs.write_summary(report, run_id)
    validate_docs.write_index(report, run_id, runner.docs_pages())
    return report


def _run_tables(tables: dict[str, pa.Table | Path], runner, values: dict, missing: dict, quality_dir: Path,
                chunk_bytes: int | None) -> list[SuiteResult]:
    """Each table's suite, chunk by chunk (`validate_chunks`), its raw GE results written to
    `quality_dir/validation/<table>.json`."""
    from bantin import memory
    from bantin.validate import chunks as validate_chunks
    from bantin.validate import docs as validate_docs

    sets = {n: values[n] for n in validate_chunks.CORPUS_SETS if n in values}  # Arrow arrays (runtime_values)
    suites: list[SuiteResult] = []
    for name in _ordered(tables):
        plan = []
        for spec in suite_specs(name):
            kwargs = resolve(spec, values)
            why = None if kwargs is not None else "; ".join(missing[n] for n in spec.runtime if n in missing)
            plan.append((spec, kwargs, why))
        per_chunk, rows = [], []
        with validate_docs.JsonObjectWriter(quality_dir / "validation" / f"{name}.json") as raw:
            table_chunks = validate_chunks.chunks(tables[name], chunk_bytes or validate_chunks.CHUNK_BYTES)
            for k, chunk in enumerate(table_chunks):
                bounded = validate_chunks.bounded_plan(plan, chunk, sets)
                d, r = runner.run_table(name, chunk, bounded, suffix=f"__chunk{k + 1}" if k else "")
                per_chunk.append(d)
                rows.append(chunk.num_rows)
                for batch, result in r.items():
                    raw.add(batch, result)
                del chunk, r
        details = validate_chunks.with_global_uniqueness(validate_chunks.merge(per_chunk, rows), tables[name],
                                                         len(per_chunk))
        suites.append(_suite_result(name, details))
        memory.release()  # the next table starts from this one's pages, not its high-water mark
    return suites


def _ids_only(tables: dict[str, pa.Table | Path]) -> dict[str, pa.Table]:
    """What `runtime_values` reads: the article ids (only that column of a file)."""
    arts = tables.get("articles")
    if arts is None:
        return {}
    if isinstance(arts, pa.Table):
        return {"articles": arts}
    import pyarrow.parquet as pq

    return {"articles": pq.read_table(arts, columns=["article_id"])}


def _ordered(tables: dict) -> list[str]:
    from schemas import TABLES

    return [n for n in TABLES if n in tables]  # a table without a declaration has no suite


def _suite_result(table: str, details: list[dict]) -> SuiteResult:
    ran = [d for d in details if d["status"] != "skipped"]
    return SuiteResult(
        table=table,
        success=all(d["status"] == "pass" for d in ran),
        evaluated=len(ran),
        successful=sum(d["status"] == "pass" for d in ran),
        failed=[d["description"] for d in ran if d["status"] != "pass"],
        skipped=[f"{d['description']} ({d['observed']})" for d in details if d["status"] == "skipped"],
        details=details,
    )


