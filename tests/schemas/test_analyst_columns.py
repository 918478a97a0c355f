"""Columns an analyst reads without the docs, on the tables a real run makes from the seeds:
local time for published_at, null for "no value", issuer names, figures as value + unit + noun."""
from __future__ import annotations

from datetime import datetime

import dataset_factory
import polars as pl
import pytest

from bantin.extract import issuers, measures


@pytest.fixture(scope="module")
def seed():
    return {name: pl.from_arrow(t) for name, t in dataset_factory.seed_tables().items()}


def _article(seed, prefix: str) -> dict:
    return seed["articles"].filter(pl.col("source_file").str.starts_with(prefix)).row(0, named=True)


def test_published_at_is_in_vietnams_zone(seed):
    assert seed["articles"].schema["published_at"] == pl.Datetime("us", "Asia/Ho_Chi_Minh")
    at = _article(seed, "004")["published_at"]  # dateline `30/01/2023 - 05:30`
    assert (at.replace(tzinfo=None), str(at.tzinfo)) == (datetime(2023, 1, 30, 5, 30), "Asia/Ho_Chi_Minh")
    arrow = dataset_factory.seed_tables()["articles"]
    assert str(arrow.schema.field("published_at").type) == "timestamp[us, tz=Asia/Ho_Chi_Minh]"


def test_no_date_is_null_and_every_source_says_what_it_is(seed):
    arts = seed["articles"]
    assert set(arts["date_source"].drop_nulls()) <= {"dateline", "body", "photo_filename"}
    assert (arts["date_source"].is_null() == arts["published_date"].is_null()).all()
    assert arts["date_source"].null_count() >= 1  # seeds 000 and 001 give no publication date
    assert _article(seed, "003")["date_source"] == "photo_filename"  # `Ngày 11-11` + vlcsnap-2020-11-11


def test_every_issuer_code_has_its_full_name(seed):
    refs = seed["legal_refs"].filter(pl.col("issuer").is_not_null())
    assert refs.height > 0 and refs["issuer_name"].null_count() == 0
    assert set(refs["issuer_name"]) <= issuers.NAMES
    assert ("08-NQ/TU", "TU", "Tỉnh ủy") in set(refs.select("symbol", "issuer", "issuer_name").iter_rows())


def test_figures_are_value_unit_and_noun(seed):
    q = seed["quantities"]
    assert set(q["unit"].drop_nulls()) <= measures.UNITS
    assert (q["unit"].is_not_null() | q["noun"].is_not_null()).all()
    assert (1931.0, None, "buổi tuyên truyền") in set(q.select("value", "unit", "noun").iter_rows())
