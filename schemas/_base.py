"""Helpers to declare a table once: pyarrow types, nullability and a human description per column.

Why: `schemas/` is the single source of every table. Writers, Great Expectations suites, the
exported JSON Schema files and the dataset card are all derived from these declarations, so a
column documented here cannot drift from the column written.
"""
from __future__ import annotations

from dataclasses import dataclass

import pyarrow as pa

TZ = "Asia/Ho_Chi_Minh"
TIMESTAMP = pa.timestamp("us", tz="UTC")
STR_LIST = pa.list_(pa.string())


@dataclass(frozen=True)
class Column:
    name: str
    type: pa.DataType
    description: str
    nullable: bool = True
    example: str | None = None

    def field(self) -> pa.Field:
        meta = {b"description": self.description.encode()}
        if self.example is not None:
            meta[b"example"] = self.example.encode()
        return pa.field(self.name, self.type, nullable=self.nullable, metadata=meta)


@dataclass(frozen=True)
class Table:
    """One output table: name, key columns and column declarations."""

    name: str
    description: str
    columns: tuple[Column, ...]
    key: tuple[str, ...] = ()

    @property
    def schema(self) -> pa.Schema:
        return pa.schema([c.field() for c in self.columns], metadata={b"table": self.name.encode()})

    @property
    def names(self) -> list[str]:
        return [c.name for c in self.columns]

    def column(self, name: str) -> Column:
        for c in self.columns:
            if c.name == name:
                return c
        raise KeyError(name)

    def empty(self) -> pa.Table:
        return self.schema.empty_table()

    def from_rows(self, rows: list[dict]) -> pa.Table:
        """Build a table from dict rows, casting to the declared schema (missing keys -> null)."""
        data = {c.name: [r.get(c.name) for r in rows] for c in self.columns}
        return pa.Table.from_pydict(data, schema=self.schema)
