"""Row-level checks: which articles fail a row-level expectation, in polars, without GE.

Why apart from the gate: the pipeline quarantines the few articles whose rows fail a row-level
expectation *before* publishing, cheaply and per batch in the workers, so these checks decide
which rows are published (they are part of `pipeline_version`); the Great Expectations gate
(`bantin.validate.gate`) then checks the published tables as a whole. Both read the same
declarations (`schemas/suites.py`). Importing GE takes ~5 s, so nothing here imports it.
"""
from __future__ import annotations

import importlib
from collections.abc import Callable
from datetime import datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

import polars as pl
import pyarrow as pa
import pyarrow.compute as pc

from schemas import ARTICLE_TABLES
from schemas._base import TZ
from schemas.expectations import ExpectationSpec, Runtime
from schemas.suites import suite_specs

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
        gazetteer = importlib.import_module("bantin.vi.gazetteer")
        values["provinces"] = list(gazetteer.PROVINCES)
        values["provinces_2025"] = list(gazetteer.PROVINCES_2025)
    except (ImportError, AttributeError) as e:  # another module's job: skip only its checks
        missing["provinces"] = missing["provinces_2025"] = f"gazetteer not importable: {e}"
    for name, module, attr in (("issuer_names", "bantin.extract.issuers", "NAMES"),
                               ("units", "bantin.extract.measures", "UNITS")):
        try:
            values[name] = sorted(getattr(importlib.import_module(module), attr))
        except (ImportError, AttributeError) as e:
            missing[name] = f"{module} not importable: {e}"
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
