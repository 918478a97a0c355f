"""JSON Schema export: mapping rules, no drift from schemas/, and real JSONL rows validate."""
from __future__ import annotations

import json
from pathlib import Path

import dataset_factory
import jsonschema
import pyarrow as pa
import pytest

import schemas
from bantin.build.finalise import write_jsonl
from schemas import jsonschema as js
from schemas._base import Column, Table

VALIDATOR = jsonschema.Draft202012Validator
FORMATS = VALIDATOR.FORMAT_CHECKER


def _validator(name: str) -> jsonschema.Draft202012Validator:
    schema = json.loads((js.DEFAULT_DEST / f"{name}{js.SUFFIX}").read_text(encoding="utf-8"))
    return VALIDATOR(schema, format_checker=FORMATS)


def _jsonl_rows(table: pa.Table, tmp_path: Path) -> list[dict]:
    """Serialise exactly as the writer does (polars write_ndjson) and read the lines back."""
    path = tmp_path / "rows.jsonl"
    with open(path, "wb") as fh:
        write_jsonl(table, fh)
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


@pytest.mark.parametrize(
    ("arrow_type", "expected"),
    [
        (pa.string(), {"type": "string"}),
        (pa.int32(), {"type": "integer"}),
        (pa.int64(), {"type": "integer"}),
        (pa.float64(), {"type": "number"}),
        (pa.bool_(), {"type": "boolean"}),
        (pa.date32(), {"type": "string", "format": "date"}),
        (pa.timestamp("us", tz="UTC"), {"type": "string", "format": "date-time"}),
        (pa.list_(pa.string()), {"type": "array", "items": {"type": ["string", "null"]}}),
        (pa.list_(pa.field("d", pa.date32(), nullable=False)), {"type": "array", "items": {"type": "string", "format": "date"}}),
    ],
)
def test_type_mapping(arrow_type, expected):
    assert js.type_schema(arrow_type) == expected


def test_struct_maps_to_closed_object():
    got = js.type_schema(pa.struct([pa.field("word", pa.string()), pa.field("n", pa.int32(), nullable=False)]))
    assert got == {"type": "object", "properties": {"word": {"type": ["string", "null"]}, "n": {"type": "integer"}},
                   "required": ["word", "n"], "additionalProperties": False}


def test_unknown_arrow_type_is_an_error_not_a_guess():
    with pytest.raises(TypeError):
        js.type_schema(pa.binary())


@pytest.mark.parametrize(
    ("column", "expected"),
    [
        (Column("n", pa.float64(), "", example="7900"), 7900.0),
        (Column("n", pa.int32(), "", example="12"), 12),
        (Column("p", pa.list_(pa.string()), "", example="['Quảng Bình']"), ["Quảng Bình"]),
        (Column("d", pa.date32(), "", example="2023-01-30"), "2023-01-30"),
        (Column("n", pa.int32(), "", example="many"), None),
        (Column("p", pa.list_(pa.string()), "", example="Quảng Bình"), None),
    ],
)
def test_examples_are_typed_or_dropped(column, expected):
    assert js.typed_example(column) == expected


def test_nullability_and_required():
    t = Table("t", "demo", (Column("a", pa.string(), "A", nullable=False), Column("b", pa.int32(), "B")))
    s = js.to_json_schema(t)
    assert s["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert s["properties"]["a"]["type"] == "string"
    assert s["properties"]["b"]["type"] == ["integer", "null"]
    assert s["required"] == ["a", "b"] and s["additionalProperties"] is False


@pytest.mark.parametrize("name", list(schemas.TABLES))
def test_committed_file_equals_a_fresh_export(name):
    committed = (js.DEFAULT_DEST / f"{name}{js.SUFFIX}").read_text(encoding="utf-8")
    assert committed == js.render(schemas.TABLES[name]), "run `python -m schemas.jsonschema` and commit"


def test_no_stale_schema_files():
    on_disk = {p.name for p in js.DEFAULT_DEST.glob(f"*{js.SUFFIX}")}
    assert on_disk == {f"{n}{js.SUFFIX}" for n in schemas.TABLES}


def test_export_writes_every_table(tmp_path):
    paths = js.export(tmp_path)
    assert sorted(p.name for p in paths) == sorted(f"{n}{js.SUFFIX}" for n in schemas.TABLES)
    for p in paths:
        VALIDATOR.check_schema(json.loads(p.read_text(encoding="utf-8")))


@pytest.mark.parametrize("name", ["articles", "people", "legal_refs", "quantities", "lines", "quarantine"])
def test_rows_serialised_by_the_writer_validate(name, tmp_path):
    table = dataset_factory.build_tables()[name]
    rows = _jsonl_rows(table, tmp_path)
    assert len(rows) == table.num_rows > 0
    v = _validator(name)
    for row in rows:
        errors = [e.message for e in v.iter_errors(row)]
        assert errors == [], errors


def test_damaged_words_and_timestamps_validate(tmp_path):
    row = dict(dataset_factory.ARTICLES[0], damaged_words=[{"word": "Đng", "candidate": "Đảng", "line_no": 3}],
               event_dates=[dataset_factory.NOW.date()])
    [obj] = _jsonl_rows(schemas.ARTICLES.from_rows([row]), tmp_path)
    assert obj["processed_at"].endswith("+00:00")
    assert list(_validator("articles").iter_errors(obj)) == []


@pytest.mark.parametrize(
    ("change", "fragment"),
    [
        ({"n_words": "12"}, "is not of type 'integer'"),
        ({"published_date": "2023-13-45"}, "is not a 'date'"),
        ({"processed_at": "yesterday"}, "is not a 'date-time'"),
        ({"provinces": "Bến Tre"}, "is not of type 'array'"),
        ({"unexpected": 1}, "Additional properties are not allowed"),
        ({"body": None}, "None is not of type 'string'"),
    ],
)
def test_invalid_rows_are_rejected(change, fragment, tmp_path):
    [obj] = _jsonl_rows(schemas.ARTICLES.from_rows(dataset_factory.ARTICLES[:1]), tmp_path)
    obj.update(change)
    messages = [e.message for e in _validator("articles").iter_errors(obj)]
    assert any(fragment in m for m in messages), messages


def test_missing_column_is_rejected(tmp_path):
    [obj] = _jsonl_rows(schemas.ARTICLES.from_rows(dataset_factory.ARTICLES[:1]), tmp_path)
    del obj["title"]
    assert any("'title' is a required property" in e.message for e in _validator("articles").iter_errors(obj))
