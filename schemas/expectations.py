"""The shape of one expectation, shared by the derived and the hand-written suites.

Why a module of its own: `schemas/suites.py` derives part of every suite from the table
declarations and adds the hand-written rules of `schemas/suites_rules.py`; both build
`ExpectationSpec`s, so the record lives below both of them.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


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
