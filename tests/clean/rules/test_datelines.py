"""bantin/clean/rules/datelines.py: every example of its rules is a test case (near misses included)."""
from __future__ import annotations

import pytest
from rule_examples import (
    check_inline_example,
    check_line_example,
    check_wins_in_document,
    inline_cases,
    line_cases,
    positive_line_cases,
)

from bantin.clean.rules import datelines
from bantin.clean.rules.datelines import is_meta_bar


@pytest.mark.parametrize(("rule_id", "text", "role"), line_cases(datelines.RULES))
def test_line_rule_examples(rule_id: str, text: str, role: str) -> None:
    check_line_example(rule_id, text, role)


@pytest.mark.parametrize(("rule_id", "text", "role"), positive_line_cases(datelines.RULES))
def test_line_rule_positive_examples_win_in_a_document(rule_id: str, text: str, role: str) -> None:
    check_wins_in_document(rule_id, text, role)


@pytest.mark.parametrize(("line", "bar"), [
    ("Trần Nguyên | 22/05/2025 09:15 | 826 lượt xem", True),  # a name, a date, a counter
    ("22/05/2025 09:15 | Lượt xem: 12", True),
    ("Trần Nguyên | 826 lượt xem", False),  # no date or time
    ("Trần Nguyên | 22/05/2025 | Hội nghị tổng kết", False),  # a part that is none of them
])
def test_a_meta_bar_is_dates_counters_and_names(line: str, bar: bool) -> None:
    assert is_meta_bar(line) == bar


@pytest.mark.parametrize(("rule_id", "doc", "role"), inline_cases(datelines.RULES))
def test_inline_rule_examples(rule_id: str, doc: str, role: str) -> None:
    check_inline_example(rule_id, doc, role)
