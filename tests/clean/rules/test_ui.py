"""bantin/clean/rules/ui.py: every example of its rules is a test case (near misses included)."""
from __future__ import annotations

import pytest
from rule_examples import (
    check_line_example,
    check_wins_in_document,
    line_cases,
    positive_line_cases,
)

from bantin.clean.rules import ui
from bantin.clean.rules.ui import footer_hits, is_widget_bar


@pytest.mark.parametrize(("rule_id", "text", "role"), line_cases(ui.RULES))
def test_line_rule_examples(rule_id: str, text: str, role: str) -> None:
    check_line_example(rule_id, text, role)


@pytest.mark.parametrize(("rule_id", "text", "role"), positive_line_cases(ui.RULES))
def test_line_rule_positive_examples_win_in_a_document(rule_id: str, text: str, role: str) -> None:
    check_wins_in_document(rule_id, text, role)


@pytest.mark.parametrize(("line", "bar"), [
    ("Chia sẻ | Bình luận | 1.234 lượt xem", True),  # share, comment and counter rules claim the parts
    ("Tin liên quan   Loading...", True),  # a navigation link and a widget
    ("« Bài trước   Bài sau »", True),  # bar words behind their arrows
    ("Chia sẻ | Hội nghị tổng kết công tác năm 2022", False),
])
def test_a_widget_bar_is_parts_that_are_furniture_alone(line: str, bar: bool) -> None:
    assert is_widget_bar(line) == bar


def test_footer_hits_count_distinct_cues() -> None:
    assert footer_hits("Tổng biên tập: A. Tổng biên tập: B. Điện thoại: 1. Fax: 2") == (1, 2)
    assert footer_hits("Hội nghị tổng kết công tác năm 2022.") == (0, 0)
