"""bantin/clean/rules/navigation.py: every example of its rules is a test case (near misses included)."""
from __future__ import annotations

import pytest
from rule_examples import (
    check_context_example,
    check_inline_example,
    check_line_example,
    check_wins_in_document,
    context_cases,
    inline_cases,
    line_cases,
    positive_line_cases,
)

from bantin.clean.rules import navigation
from bantin.clean.rules.navigation import is_nav_header


@pytest.mark.parametrize(("rule_id", "text", "role"), line_cases(navigation.RULES))
def test_line_rule_examples(rule_id: str, text: str, role: str) -> None:
    check_line_example(rule_id, text, role)


@pytest.mark.parametrize(("rule_id", "text", "role"), positive_line_cases(navigation.RULES))
def test_line_rule_positive_examples_win_in_a_document(rule_id: str, text: str, role: str) -> None:
    check_wins_in_document(rule_id, text, role)


@pytest.mark.parametrize(("rule_id", "doc", "role"), context_cases(navigation.RULES))
def test_context_rule_examples(rule_id: str, doc: str, role: str) -> None:
    check_context_example(rule_id, doc, role)


@pytest.mark.parametrize(("line", "header"), [
    ("Tin liên quan", True), ("Các tin khác:", True),
    ("Xem thêm: Bến Tre ra quân trấn áp tội phạm", False),  # a link after the colon
    ("Trang chủ > Tin tức", False),  # a breadcrumb
])
def test_a_list_header_is_short_and_links_nowhere(line: str, header: bool) -> None:
    assert is_nav_header(line) == header


@pytest.mark.parametrize(("rule_id", "doc", "role"), inline_cases(navigation.RULES))
def test_inline_rule_examples(rule_id: str, doc: str, role: str) -> None:
    check_inline_example(rule_id, doc, role)
