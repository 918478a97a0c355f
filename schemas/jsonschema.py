"""Export JSON Schema (draft 2020-12) files from the pyarrow table declarations.

Why: JSONL consumers (jq pipelines, other languages, API gateways) validate rows without
pyarrow. The files are generated from `schemas.TABLES`, committed under schemas/json/, and a test
fails when a declaration changes without re-exporting (`python -m schemas.jsonschema`).

Mapping follows what the writer emits (polars `write_ndjson`): dates as "YYYY-MM-DD"
(format date), timestamps as RFC 3339 with an offset (format date-time), lists as arrays, structs
as objects; a nullable column's type is `[<type>, "null"]`. Every column is written on every row
(null included), so every column is required and no other key is allowed.
"""
from __future__ import annotations

import ast
import json
import sys
from pathlib import Path

import pyarrow as pa

from schemas._base import Column, Table

DRAFT = "https://json-schema.org/draft/2020-12/schema"
ID_BASE = "urn:bantin:schema:"
DEFAULT_DEST = Path(__file__).resolve().parent / "json"
SUFFIX = ".schema.json"


def _nullable(schema: dict, nullable: bool) -> dict:
    if not nullable:
        return schema
    t = schema["type"]
    return {**schema, "type": [*(t if isinstance(t, list) else [t]), "null"]}


def type_schema(t: pa.DataType) -> dict:
    """JSON Schema of one (non-null) arrow value."""
    if pa.types.is_string(t) or pa.types.is_large_string(t):
        return {"type": "string"}
    if pa.types.is_boolean(t):
        return {"type": "boolean"}
    if pa.types.is_integer(t):
        return {"type": "integer"}
    if pa.types.is_floating(t) or pa.types.is_decimal(t):
        return {"type": "number"}
    if pa.types.is_date(t):
        return {"type": "string", "format": "date"}
    if pa.types.is_timestamp(t):
        return {"type": "string", "format": "date-time"}
    if pa.types.is_list(t) or pa.types.is_large_list(t):
        item = t.value_field
        return {"type": "array", "items": _nullable(type_schema(item.type), item.nullable)}
    if pa.types.is_struct(t):
        fields = [t.field(i) for i in range(t.num_fields)]
        return {
            "type": "object",
            "properties": {f.name: _nullable(type_schema(f.type), f.nullable) for f in fields},
            "required": [f.name for f in fields],
            "additionalProperties": False,
        }
    raise TypeError(f"no JSON Schema mapping for arrow type {t}")


def typed_example(col: Column) -> object | None:
    """The declared example (a string) as a JSON value of the column's type, or None.

    Examples are written for people ("['Quảng Bình']", "7900"); a JSON Schema `examples` entry
    must be a value of the column's type, so convert or drop it rather than publish a wrong one.
    """
    if col.example is None:
        return None
    t = col.type
    try:
        if pa.types.is_integer(t):
            return int(col.example)
        if pa.types.is_floating(t):
            return float(col.example)
        if pa.types.is_list(t):
            value = ast.literal_eval(col.example)
            return list(value) if isinstance(value, (list, tuple)) else None
        if pa.types.is_boolean(t):
            return {"true": True, "false": False}.get(col.example.lower())
    except (ValueError, SyntaxError):
        return None
    return col.example


def column_schema(col: Column) -> dict:
    schema = {"description": col.description, **_nullable(type_schema(col.type), col.nullable)}
    example = typed_example(col)
    if example is not None:
        schema["examples"] = [example]
    return schema


def to_json_schema(table: Table) -> dict:
    """One row of `table` as a JSON object, in draft 2020-12."""
    return {
        "$schema": DRAFT,
        "$id": f"{ID_BASE}{table.name}",
        "title": table.name,
        "description": table.description,
        "type": "object",
        "properties": {c.name: column_schema(c) for c in table.columns},
        "required": table.names,
        "additionalProperties": False,
        "x-primary-key": list(table.key),
    }


def render(table: Table) -> str:
    """Stable text of the file: sorted nothing (column order is meaningful), UTF-8, newline at end."""
    return json.dumps(to_json_schema(table), indent=2, ensure_ascii=False) + "\n"


def export(dest: Path = DEFAULT_DEST) -> list[Path]:
    """Write `<table>.schema.json` for every table in schemas.TABLES; return the paths written."""
    from schemas import TABLES

    dest.mkdir(parents=True, exist_ok=True)
    paths = []
    for name, table in TABLES.items():
        path = dest / f"{name}{SUFFIX}"
        path.write_text(render(table), encoding="utf-8")
        paths.append(path)
    return paths


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    dest = Path(argv[0]) if argv else DEFAULT_DEST
    for p in export(dest):
        print(p)
    return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
