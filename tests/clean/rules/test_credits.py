"""bantin/clean/rules/credits.py: every example of its rules is a test case (near misses included)."""
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

from bantin.clean.rules import credits
from bantin.clean.rules.credits import is_name_like, is_signature


@pytest.mark.parametrize(("rule_id", "text", "role"), line_cases(credits.RULES))
def test_line_rule_examples(rule_id: str, text: str, role: str) -> None:
    check_line_example(rule_id, text, role)


@pytest.mark.parametrize(("rule_id", "text", "role"), positive_line_cases(credits.RULES))
def test_line_rule_positive_examples_win_in_a_document(rule_id: str, text: str, role: str) -> None:
    check_wins_in_document(rule_id, text, role)


@pytest.mark.parametrize(("rule_id", "doc", "role"), context_cases(credits.RULES))
def test_context_rule_examples(rule_id: str, doc: str, role: str) -> None:
    check_context_example(rule_id, doc, role)


@pytest.mark.parametrize(("text", "name"), [
    ("Đặng Hà", True), ("ĐẶNG HÀ", True), ("PV", True), ("Minh Anh - Thu Hà", True),
    ("Nguyễn Giang (nbtv.vn)", True), ("Đại úy LÊ MINH ĐỨC", True), ("Quang Vinh/TTXVN", True),
    ("Đặng hà", False), ("Hội nghị tổng kết công tác", False), ("Ngày 5/3", False),
])
def test_name_shapes(text: str, name: bool) -> None:
    assert is_name_like(text) == name


@pytest.mark.parametrize(("text", "signature"), [
    ("Vũ Hạnh/VOV online", True), ("Q.M", True), ("Huyền Chi - Nguyễn Dương", True),
    # two names joined by a bare dash, with the outlet and its bureau after the slash
    ("Quang Sáng-Khoa Điềm/VOV-Tây Nguyên", True), ("PHƯƠNG NAM-CHÍNH THÀNH", True),
    ("G.Thùy - H.Lân", True), ("P.Thảo - Thế Kha", True),  # initials in a pair
    ("Lực lượng chức năng kiểm tra hiện trường", False), ("Hội nghị tổng kết công tác năm 2025", False),
])
def test_signatures(text: str, signature: bool) -> None:
    assert is_signature(text) == signature


@pytest.mark.parametrize(("rule_id", "doc", "role"), inline_cases(credits.RULES))
def test_inline_rule_examples(rule_id: str, doc: str, role: str) -> None:
    check_inline_example(rule_id, doc, role)
