"""Validate stage: row-level failures (fast, polars) and the Great Expectations quality gate.

Why two checkers over one declaration (`schemas/suites.py`): the pipeline must quarantine the few
articles that fail a row-level expectation *before* publishing, cheaply and per article, while the
published tables must also pass the full GE suites, whose JSON results and Data Docs are the audit
trail users read. `row_failures` never imports GE (it is ~5 s to import); `run_suites` imports it
lazily and is the only place Arrow tables become pandas frames.
"""
from __future__ import annotations

import importlib
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import polars as pl
import pyarrow as pa
import pyarrow.compute as pc

from schemas._base import TZ
from schemas.suites import ARTICLE_TABLES, ExpectationSpec, Runtime, suite_specs


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


# ---------------------------------------------------------------- runtime values


def runtime_values(tables: dict[str, pa.Table]) -> tuple[dict[str, Any], dict[str, str]]:
    """Values of the `Runtime` placeholders, and why any of them is unavailable."""
    values: dict[str, Any] = {"tomorrow": datetime.now(ZoneInfo(TZ)).date() + timedelta(days=1)}
    missing: dict[str, str] = {}
    if "articles" in tables:
        # An Arrow array, not a Python list: at 100,000 articles a list of ids costs ~10 MB for
        # the whole validation; checks cut it to each chunk's ids (validate_chunks.bounded_plan).
        ids = tables["articles"].column("article_id").drop_null().unique()
        values["article_ids"] = ids.take(pc.array_sort_indices(ids))
    else:
        missing["article_ids"] = "the articles table was not given"
    try:  # via sys.modules, so a test can swap in a tiny gazetteer
        gazetteer = importlib.import_module("flows.text.gazetteer")
        values["provinces"] = list(gazetteer.PROVINCES)
        values["provinces_2025"] = list(gazetteer.PROVINCES_2025)
    except (ImportError, AttributeError) as e:  # another module's job: skip only its checks
        missing["provinces"] = missing["provinces_2025"] = f"gazetteer not importable: {e}"
    return values, missing


def resolve(spec: ExpectationSpec, values: dict[str, Any]) -> dict[str, Any] | None:
    """kwargs with Runtime placeholders filled in, or None when a value is unavailable."""
    if any(name not in values for name in spec.runtime):
        return None
    return {k: (values[v.name] if isinstance(v, Runtime) else v) for k, v in spec.kwargs.items()}


# ---------------------------------------------------------------- row-level checks (polars)

Check = Callable[[pl.DataFrame, dict[str, Any]], pl.Expr]


def _is_float(df: pl.DataFrame, col: str) -> bool:
    return df.schema[col].is_float()


def _not_null(df: pl.DataFrame, kw: dict) -> pl.Expr:
    c = pl.col(kw["column"])  # NaN counts as null, as it does for GE on pandas
    return (c.is_null() | c.is_nan()) if _is_float(df, kw["column"]) else c.is_null()


def _between(df: pl.DataFrame, kw: dict) -> pl.Expr:
    c, bad = pl.col(kw["column"]), pl.lit(False)
    if kw.get("min_value") is not None:
        bad = bad | ((c <= kw["min_value"]) if kw.get("strict_min") else (c < kw["min_value"]))
    if kw.get("max_value") is not None:
        bad = bad | ((c >= kw["max_value"]) if kw.get("strict_max") else (c > kw["max_value"]))
    if _is_float(df, kw["column"]):
        bad = bad | c.is_nan()  # stricter than GE (which treats NaN as null): NaN is not finite
    return bad.fill_null(False)


def _in_set(df: pl.DataFrame, kw: dict) -> pl.Expr:
    col, vs = kw["column"], kw["value_set"]
    # the article ids come as an Arrow array (runtime_values), declared sets as Python lists
    allowed = pl.Series(vs).cast(df.schema[col]) if isinstance(vs, pa.Array) else pl.Series(list(vs), dtype=df.schema[col])
    return (pl.col(col).is_not_null() & ~pl.col(col).is_in(allowed.implode())).fill_null(False)


def _matches(df: pl.DataFrame, kw: dict) -> pl.Expr:
    c = pl.col(kw["column"])
    return (c.is_not_null() & ~c.str.contains(kw["regex"])).fill_null(False)


def _not_matches(df: pl.DataFrame, kw: dict) -> pl.Expr:
    return pl.col(kw["column"]).str.contains(kw["regex"]).fill_null(False)


def _not_matches_any(df: pl.DataFrame, kw: dict) -> pl.Expr:
    c = pl.col(kw["column"])
    return pl.any_horizontal([c.str.contains(r) for r in kw["regex_list"]]).fill_null(False)


def _pair_greater(df: pl.DataFrame, kw: dict) -> pl.Expr:
    a, b = pl.col(kw["column_A"]), pl.col(kw["column_B"])
    return ((a < b) if kw.get("or_equal") else (a <= b)).fill_null(False)


ROW_CHECKS: dict[str, Check] = {
    "ExpectColumnValuesToNotBeNull": _not_null,
    "ExpectColumnValuesToBeUnique": lambda df, kw: pl.col(kw["column"]).is_duplicated() & pl.col(kw["column"]).is_not_null(),
    "ExpectCompoundColumnsToBeUnique": lambda df, kw: pl.struct(kw["column_list"]).is_duplicated(),
    "ExpectColumnValuesToBeBetween": _between,
    "ExpectColumnValuesToBeInSet": _in_set,
    "ExpectColumnValuesToMatchRegex": _matches,
    "ExpectColumnValuesToNotMatchRegex": _not_matches,
    "ExpectColumnValuesToNotMatchRegexList": _not_matches_any,
    "ExpectColumnPairValuesAToBeGreaterThanB": _pair_greater,
}


def failing_ids(table: pa.Table, spec: ExpectationSpec, kwargs: dict[str, Any]) -> set[str]:
    """article_ids of the rows of `table` that fail `spec` (row-level specs only)."""
    cols = list(dict.fromkeys(["article_id", *spec.columns]))
    df = pl.from_arrow(table.select(cols))
    assert isinstance(df, pl.DataFrame)
    if spec.each:  # a list column: every element must pass; the row fails if one does not
        df = df.explode(spec.columns[0]).filter(pl.col(spec.columns[0]).is_not_null())
    bad = df.filter(ROW_CHECKS[spec.expectation](df, kwargs))
    return set(bad.get_column("article_id").drop_nulls().to_list())


def row_failures(tables: dict[str, pa.Table]) -> dict[str, list[str]]:
    """article_id -> descriptions of the row-level expectations its rows fail, over the articles
    table and the long tables (a bad long-table row blames its article). Pure and GE-free."""
    values, _ = runtime_values(tables)
    out: dict[str, list[str]] = {}
    for name in ARTICLE_TABLES:
        table = tables.get(name)
        if table is None or table.num_rows == 0:
            continue
        for spec in suite_specs(name):
            kwargs = resolve(spec, values) if spec.row_level else None
            if kwargs is None:
                continue
            for aid in sorted(failing_ids(table, spec, kwargs)):
                reasons = out.setdefault(aid, [])
                if spec.description not in reasons:
                    reasons.append(spec.description)
    return out


# ---------------------------------------------------------------- GE suites


def run_suites(tables: dict[str, pa.Table | Path], *, quality_dir: Path, run_id: str | None = None,
               chunk_bytes: int | None = None) -> ValidationReport:
    """Run one GE suite per table present, write `quality_dir/validation/<table>.json`,
    `quality_dir/summary.json`, GE's Data Docs under `quality_dir/gx/` and a self-contained
    `quality_dir/index.html` listing every suite and expectation.

    A table given as the path of a Parquet file is validated in chunks of about `chunk_bytes`
    (`validate_chunks`), so memory does not grow with the table."""
    from flows.stages import memory, validate_chunks, validate_docs, validate_gx

    t0 = time.perf_counter()
    quality_dir = Path(quality_dir)
    (quality_dir / "validation").mkdir(parents=True, exist_ok=True)
    values, missing = runtime_values(_ids_only(tables))
    runner = validate_gx.Runner(quality_dir / "gx", run_id)
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
    data_docs = runner.build_docs()
    report = ValidationReport(
        success=all(s.success for s in suites), suites=suites, index_html=quality_dir / "index.html",
        summary_json=quality_dir / "summary.json", data_docs=data_docs)
    report.seconds = round(time.perf_counter() - t0, 3)
    validate_docs.write_summary(report, run_id)
    validate_docs.write_index(report, run_id, runner.docs_pages())
    return report


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


__all__ = ["ROW_CHECKS", "SuiteResult", "ValidationReport", "failing_ids", "resolve", "row_failures",
           "run_suites", "runtime_values"]
