"""Great Expectations suites, declared as data beside the pyarrow schemas.

Why declarative specs instead of GE objects: the same declaration drives two checkers. The fast
per-row checker (`bantin.validate.gate.row_failures`, polars, no GE) quarantines the articles that
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

from dataclasses import dataclass, field
from typing import Any

import pyarrow as pa

from schemas import TABLES
from schemas._base import Table

#: Tables whose rows belong to one article (row-level failures blame `article_id`).
ARTICLE_TABLES = ("articles", "lines", "people", "organisations", "legal_refs", "quantities", "periods", "acronyms")

#: pandas dtype names GE sees for non-nullable numeric Arrow columns (nullable ones may turn float).
_PANDAS_DTYPES = {pa.int32(): "int32", pa.int64(): "int64", pa.float64(): "float64"}


@dataclass(frozen=True)
class Runtime:
    """A kwarg value known only at validation time: `article_ids` (ids in the articles table),
    `tomorrow` (a date), `provinces` / `provinces_2025` (gazetteer names)."""

    name: str


@dataclass(frozen=True)
class ExpectationSpec:
    """One expectation: GE class name (in `great_expectations.expectations`), its kwargs, a
    sentence for people, whether a failing row condemns its article, and whether it applies to
    every element of a list column (`each`: the column is exploded before checking)."""

    expectation: str
    kwargs: dict[str, Any] = field(default_factory=dict)
    description: str = ""
    row_level: bool = False
    each: bool = False

    @property
    def columns(self) -> tuple[str, ...]:
        kw = self.kwargs
        if "column" in kw:
            return (kw["column"],)
        if "column_list" in kw and self.expectation != "ExpectTableColumnsToMatchOrderedList":
            return tuple(kw["column_list"])
        if "column_A" in kw:
            return (kw["column_A"], kw["column_B"])
        return ()

    @property
    def runtime(self) -> tuple[str, ...]:
        """Names of the Runtime values this spec needs."""
        return tuple(v.name for v in self.kwargs.values() if isinstance(v, Runtime))


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
    from schemas.suites_rules import RULES

    return derived_specs(TABLES[table]) + list(RULES.get(table, ()))
