"""Great Expectations suites, declared as data beside the pyarrow schemas.

Why declarative specs instead of GE objects: the same declaration drives two checkers. The fast
per-row checker (`bantin.validate.rows.row_failures`, polars, no GE) quarantines the articles that
fail a row-level spec before publishing; the GE run (`run_suites`) re-checks everything on pandas
and renders Data Docs. Importing GE here would cost ~5 s on every `import schemas`.

Part of every suite is derived from the table declaration (column list, not-null for non-nullable
columns, uniqueness of the key, dtype of non-nullable numeric columns), so a schema change cannot
leave its suite behind; the rest is hand-written per table in `schemas/suites_rules.py`.

`row_level=True` marks a check about one row (so about one article): failing rows blame their
`article_id` and the article is quarantined. Table-level checks (column list, dtypes) and the
checks on `quarantine` and `state` can only fail the quality gate.
"""
from __future__ import annotations

import pyarrow as pa

from schemas import ARTICLE_TABLES, TABLES
from schemas._base import Table
from schemas.expectations import ExpectationSpec, Runtime
from schemas.suites_rules import RULES

__all__ = ["ARTICLE_TABLES", "ExpectationSpec", "Runtime", "derived_specs", "suite_specs"]

#: pandas dtype names GE sees for non-nullable numeric Arrow columns (nullable ones may turn float).
_PANDAS_DTYPES = {pa.int32(): "int32", pa.int64(): "int64", pa.float64(): "float64"}


def derived_specs(table: Table) -> list[ExpectationSpec]:
    """Specs that follow from the declaration alone."""
    row = table.name in ARTICLE_TABLES
    specs = [ExpectationSpec("ExpectTableColumnsToMatchOrderedList", {"column_list": table.names},
                             f"{table.name}: columns are exactly {', '.join(table.names)}")]
    for c in table.columns:
        if not c.nullable:
            specs.append(ExpectationSpec("ExpectColumnValuesToNotBeNull", {"column": c.name},
                                         f"{table.name}.{c.name} is never null", row_level=row))
    for c in table.columns:
        if not c.nullable and c.type in _PANDAS_DTYPES:
            specs.append(ExpectationSpec("ExpectColumnValuesToBeOfType", {"column": c.name, "type_": _PANDAS_DTYPES[c.type]},
                                         f"{table.name}.{c.name} has type {c.type}"))
    if len(table.key) == 1:
        specs.append(ExpectationSpec("ExpectColumnValuesToBeUnique", {"column": table.key[0]},
                                     f"{table.name}.{table.key[0]} is unique", row_level=row))
    elif table.key:
        specs.append(ExpectationSpec("ExpectCompoundColumnsToBeUnique", {"column_list": list(table.key)},
                                     f"{table.name}: ({', '.join(table.key)}) is unique", row_level=row))
    return specs


def suite_specs(table: str) -> list[ExpectationSpec]:
    """Every expectation of the suite for `table` (a name in `schemas.TABLES`)."""
    return derived_specs(TABLES[table]) + list(RULES.get(table, ()))
