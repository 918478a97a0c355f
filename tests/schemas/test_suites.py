"""Tests for schemas/suites.py and schemas/suites_rules.py: the declarations themselves."""
from __future__ import annotations

import re
import unicodedata

import polars as pl
import pytest
from locations import RAW

import schemas
from bantin.validate.rows import ROW_CHECKS
from schemas.suites import ExpectationSpec, Runtime, suite_specs
from schemas.suites_rules import (
    ARTICLE_ID_REGEX,
    BOILERPLATE_PATTERNS,
    DOC_TYPES,
    RULES,
    SYMBOL_REGEX,
)

SEEDS = sorted((RAW).glob("*.txt"))
TABLE_NAMES = list(schemas.TABLES)
ALL_SPECS = [(t, s) for t in TABLE_NAMES for s in suite_specs(t)]
SEED_LINES = [ln.strip() for p in SEEDS for ln in p.read_text(encoding="utf-8").splitlines() if ln.strip()]


@pytest.mark.parametrize("table", TABLE_NAMES)
def test_suite_requires_every_non_nullable_column(table):
    specs = suite_specs(table)
    not_null = {s.kwargs["column"] for s in specs if s.expectation == "ExpectColumnValuesToNotBeNull"}
    assert not_null == {c.name for c in schemas.TABLES[table].columns if not c.nullable}


@pytest.mark.parametrize("table", TABLE_NAMES)
def test_suite_checks_the_key_and_the_column_list(table):
    t = schemas.TABLES[table]
    specs = suite_specs(table)
    keys = [s for s in specs if s.expectation in ("ExpectColumnValuesToBeUnique", "ExpectCompoundColumnsToBeUnique")]
    assert [s.columns for s in keys] == [t.key]
    (cols,) = [s for s in specs if s.expectation == "ExpectTableColumnsToMatchOrderedList"]
    assert cols.kwargs["column_list"] == t.names


@pytest.mark.parametrize("table, spec", ALL_SPECS, ids=[f"{t}:{s.description}" for t, s in ALL_SPECS])
def test_spec_names_real_columns_and_has_a_row_checker(table, spec):
    assert set(spec.columns) <= set(schemas.TABLES[table].names)
    assert spec.description.startswith(table)
    if spec.row_level:
        assert spec.expectation in ROW_CHECKS
    if spec.each:
        assert str(schemas.TABLES[table].column(spec.columns[0]).type).startswith("list")


def test_rules_only_for_declared_tables_and_descriptions_unique():
    assert set(RULES) <= set(schemas.TABLES)
    for table in TABLE_NAMES:
        descriptions = [s.description for s in suite_specs(table)]
        assert len(descriptions) == len(set(descriptions)), table


def test_runtime_placeholders_are_known():
    names = {n for _, s in ALL_SPECS for n in s.runtime}
    assert names == {"article_ids", "tomorrow", "provinces", "provinces_2025", "issuer_names", "units"}
    assert ExpectationSpec("X", {"value_set": Runtime("article_ids")}).runtime == ("article_ids",)


def test_every_long_table_checks_referential_integrity():
    for table in ("lines", "people", "organisations", "legal_refs", "quantities", "periods", "acronyms"):
        assert any(s.kwargs.get("value_set") == Runtime("article_ids") and s.row_level for s in suite_specs(table))


REGEXES = sorted({s.kwargs["regex"] for _, s in ALL_SPECS if "regex" in s.kwargs} | set(BOILERPLATE_PATTERNS))


@pytest.mark.parametrize("regex", REGEXES)
def test_regex_means_the_same_in_python_and_polars(regex):
    """GE (pandas) uses Python `re`, row_failures uses polars (Rust regex): they must agree."""
    samples = SEED_LINES + ["e6de8c14b1126a16", "28-NQ/TW", "NQ/TW-28", "x\ufffdy", "Leave a reply", "0" * 64]
    in_python = [re.search(regex, s) is not None for s in samples]
    in_polars = pl.Series(samples).str.contains(regex).to_list()
    assert in_python == in_polars
    assert unicodedata.is_normalized("NFC", regex)


@pytest.mark.parametrize("pattern", [p for p in BOILERPLATE_PATTERNS if any(re.search(p, ln) for ln in SEED_LINES)])
def test_boilerplate_pattern_matches_a_seed_furniture_line_and_no_prose(pattern):
    hits = [ln for ln in SEED_LINES if re.search(pattern, ln)]
    assert all(len(ln.split()) < 8 for ln in hits), hits  # furniture lines are short, prose is not


def test_boilerplate_patterns_cover_the_seed_furniture():
    furniture = ["BÌNH LUẬN", "Loading...", "Please enter your comment!", "Chia sẻ bài viết", "Newer news items:",
                 "Older news items:", "vlcsnap-2020-11-11-14h45m43s186"]
    assert all(ln in SEED_LINES for ln in furniture)
    assert all(any(re.search(p, ln) for p in BOILERPLATE_PATTERNS) for ln in furniture)


@pytest.mark.parametrize("text, ok", [
    ("28-NQ/TW", True), ("249-KL/TU", True), ("26-Ctr/TU", True), ("05/2020/NĐ-CP", True),
    ("NQ/TW-28", False), ("48", False), ("-NQ/TW", False), ("28-", False),
])
def test_symbol_regex(text, ok):
    assert (re.search(SYMBOL_REGEX, text) is not None) == ok


@pytest.mark.parametrize("text, ok", [
    ("e6de8c14b1126a16", True), ("E6DE8C14B1126A16", False), ("e6de8c14b1126a1", False), ("e6de8c14b1126a16f", False),
])
def test_article_id_regex(text, ok):
    assert (re.search(ARTICLE_ID_REGEX, text) is not None) == ok


def test_doc_types_cover_the_seed_mentions():
    for doc_type in ("Nghị quyết", "Chỉ thị", "Kết luận", "Chương trình hành động"):
        assert any(doc_type in ln for ln in SEED_LINES)
        assert doc_type in DOC_TYPES


def test_unknown_table_has_no_suite():
    with pytest.raises(KeyError):
        suite_specs("nope")


def test_value_sets_cover_what_the_extractors_emit():
    """The suites are an independent check, but must accept every value the extractors can emit."""
    from bantin.extract import legal
    from bantin.vi.language import detect_language
    from schemas.suites_rules import LANGUAGES

    assert set(legal.DOC_TYPES) <= set(DOC_TYPES)
    texts = [SEEDS[0].read_text(encoding="utf-8"), "The committee met on Monday to review the plan for the year.", ""]
    assert {detect_language(t) for t in texts} <= set(LANGUAGES)
