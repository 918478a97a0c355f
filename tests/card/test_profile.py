"""Column profiles shared by the dataset card and `bantin stats`."""
from __future__ import annotations

from datetime import date

import pyarrow as pa
import pytest

import schemas
from bantin.card import profile


def _chunked(values, type_):
    return pa.chunked_array([pa.array(values[:2], type_), pa.array(values[2:], type_)])


@pytest.mark.parametrize(
    ("arrow_type", "label"),
    [
        (pa.string(), "string"),
        (pa.list_(pa.string()), "list<string>"),
        (pa.timestamp("us", tz="UTC"), "timestamp[us, UTC]"),
        (pa.timestamp("us"), "timestamp[us]"),
        (schemas.ARTICLES.column("damaged_words").type, "list<struct<word, candidate, line_no>>"),
    ],
)
def test_type_label(arrow_type, label):
    assert profile.type_label(arrow_type) == label


@pytest.mark.parametrize(
    ("values", "type_", "expected"),
    [
        (["a", None, "", "  ", "b"], pa.string(), 0.4),        # empty and blank text are missing
        ([["x"], [], None, ["y", "z"]], pa.list_(pa.string()), 0.5),  # empty list is missing
        ([1, None, 0, 3], pa.int32(), 0.75),                   # 0 is a value
        ([], pa.string(), None),
    ],
)
def test_coverage(values, type_, expected):
    assert profile.coverage(_chunked(values, type_)) == expected


@pytest.mark.parametrize(
    ("values", "type_", "expected"),
    [
        ([None, "", " ", "Bến Tre"], pa.string(), "Bến Tre"),
        ([None, [], ["Hòa Bình"], ["x"]], pa.list_(pa.string()), ["Hòa Bình"]),
        ([None, None, date(2023, 1, 30)], pa.date32(), date(2023, 1, 30)),
        ([None, None], pa.string(), None),
    ],
)
def test_first_present_skips_null_and_empty(values, type_, expected):
    assert profile.first_present(_chunked(values, type_)) == expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("a\n\nb  c", "a b c"),
        (7900.0, "7900"),
        (1.5, "1.5"),
        (["Quảng Bình"], '["Quảng Bình"]'),
        ([date(2023, 1, 30)], '["2023-01-30"]'),
        ("x" * 100, "x" * 59 + "…"),
    ],
)
def test_format_value(value, expected):
    assert profile.format_value(value) == expected


@pytest.mark.parametrize(("share", "text"), [(0.0, "0%"), (0.25, "25%"), (1 / 3, "33.3%"), (1.0, "100%"), (None, "–")])
def test_percent(share, text):
    assert profile.percent(share) == text


def test_profile_table_uses_schema_example_without_data():
    [name] = [p for p in profile.profile_table(schemas.PEOPLE, schemas.PEOPLE.empty()) if p.name == "name"]
    assert (name.example, name.example_from_data, name.null_rate, name.coverage) == ("Nguyễn Văn Danh", False, None, None)
