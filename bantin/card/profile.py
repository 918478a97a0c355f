"""Column profiles of a published table: type label, null rate, coverage and an example value.

Why one module: the dataset card and `bantin stats` both report how complete each column is;
computing it once keeps the two from disagreeing. Coverage counts a value as present only when
it is non-null AND non-empty (an empty string or an empty list carries no information).
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass
from datetime import date, datetime

import pyarrow as pa
import pyarrow.compute as pc

from schemas import Column, Table

SPACE_RE = re.compile(r"\s+")
EXAMPLE_CHARS = 60


@dataclass(frozen=True)
class ColumnProfile:
    name: str
    type: str
    description: str
    nullable: bool
    rows: int
    null_rate: float | None  # None when the table has no rows
    coverage: float | None
    example: str | None
    example_from_data: bool


def type_label(t: pa.DataType) -> str:
    """A short readable arrow type: list<string>, timestamp[us, UTC], struct<word, ...>."""
    if pa.types.is_list(t) or pa.types.is_large_list(t):
        return f"list<{type_label(t.value_type)}>"
    if pa.types.is_struct(t):
        return "struct<" + ", ".join(t.field(i).name for i in range(t.num_fields)) + ">"
    if pa.types.is_timestamp(t):
        return f"timestamp[{t.unit}, {t.tz}]" if t.tz else f"timestamp[{t.unit}]"
    return str(t)


def _empty_mask(arr: pa.ChunkedArray) -> pa.ChunkedArray | None:
    t = arr.type
    if pa.types.is_string(t) or pa.types.is_large_string(t):
        return pc.equal(pc.utf8_length(pc.utf8_trim_whitespace(arr)), 0)
    if pa.types.is_list(t) or pa.types.is_large_list(t):
        return pc.equal(pc.list_value_length(arr), 0)
    return None


def coverage(arr: pa.ChunkedArray) -> float | None:
    """Share of rows whose value is non-null and non-empty; None for an empty column."""
    n = len(arr)
    if n == 0:
        return None
    missing = arr.null_count
    mask = _empty_mask(arr)
    if mask is not None:
        missing += pc.sum(pc.fill_null(mask, False)).as_py() or 0
    return (n - missing) / n


def _jsonable(v: object) -> object:
    if isinstance(v, (datetime, date)):
        return v.isoformat()
    if isinstance(v, dict):
        return {k: _jsonable(x) for k, x in v.items()}
    if isinstance(v, list):
        return [_jsonable(x) for x in v]
    return v


def format_value(v: object, limit: int = EXAMPLE_CHARS) -> str:
    """One value on one line, shortened with an ellipsis past `limit` characters."""
    if isinstance(v, str):
        text = SPACE_RE.sub(" ", v).strip()
    elif isinstance(v, float) and v.is_integer():
        text = str(int(v))
    elif isinstance(v, (list, dict)):
        text = json.dumps(_jsonable(v), ensure_ascii=False)
    elif isinstance(v, (datetime, date)):
        text = v.isoformat()
    else:
        text = str(v)
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def first_present(arr: pa.ChunkedArray) -> object | None:
    """The first non-null, non-empty value of a column (in row order), without converting the
    whole column to Python (raw_text of a large corpus is big)."""
    present = pc.is_valid(arr)
    mask = _empty_mask(arr)
    if mask is not None:
        present = pc.and_(present, pc.invert(pc.fill_null(mask, True)))
    i = pc.index(present, True).as_py()
    return None if i is None or i < 0 else arr[i].as_py()


def profile_column(col: Column, data: pa.Table | None) -> ColumnProfile:
    arr = data.column(col.name) if data is not None and col.name in data.column_names else None
    rows = len(arr) if arr is not None else 0
    value = first_present(arr) if arr is not None else None
    from_data = value is not None
    example = format_value(value) if from_data else col.example
    return ColumnProfile(
        name=col.name, type=type_label(col.type), description=col.description, nullable=col.nullable,
        rows=rows, null_rate=(arr.null_count / rows) if rows else None,
        coverage=coverage(arr) if arr is not None else None,
        example=example, example_from_data=from_data,
    )


def profile_table(table: Table, data: pa.Table | None) -> list[ColumnProfile]:
    """A profile for every declared column of `table` (data may be None or empty)."""
    return [profile_column(c, data) for c in table.columns]


def percent(x: float | None) -> str:
    """0.0 -> '0%', 0.25 -> '25%', 0.333 -> '33.3%', None -> '–'."""
    if x is None:
        return "–"
    p = round(x * 100, 1)
    return f"{p:g}%"
