"""bantin/clean/rules/structure.py: every example of its rules is a test case (near misses included)."""
from __future__ import annotations

import pytest
from rule_examples import check_context_example, context_cases

from bantin.clean.rules import structure
from bantin.clean.rules.structure import is_banner_like, is_copy_worthy, is_footer_like, is_org_name, is_row_label


@pytest.mark.parametrize(("rule_id", "doc", "role"), context_cases(structure.RULES))
def test_context_rule_examples(rule_id: str, doc: str, role: str) -> None:
    check_context_example(rule_id, doc, role)


def test_line_shape_predicates() -> None:
    title = "Sở Y tế kiểm tra công tác phòng chống dịch sốt xuất huyết tại huyện Cam Lộ"
    body = "Theo báo cáo, từ đầu năm đến nay toàn huyện ghi nhận 45 ca mắc sốt xuất huyết, tăng 20 ca so với cùng kỳ."
    assert is_org_name("Báo Yên Bái điện tử") and is_org_name("Cổng thông tin điện tử huyện Quảng Ninh")
    assert not is_org_name("UBND tỉnh Khánh Hòa triển khai nhiệm vụ năm 2024")
    assert is_banner_like("CỔNG THÔNG TIN ĐIỆN TỬ") and not is_banner_like(title)
    assert is_footer_like("Tổng biên tập: Lê Văn A") and not is_footer_like(body)


@pytest.mark.parametrize(("text", "copy", "label"), [
    ("Đoàn TNCS Hồ Chí Minh phường Võ Cường tổ chức Đại hội", True, False),  # a copied headline
    ("Gió nhẹ.", False, False),  # a forecast repeats it on purpose
    ("84,4 86,4 +200 +200", False, True),  # a table row of figures
    ("TP Hồ Chí Minh", True, True),  # a row label: worded, but printed again on purpose
])
def test_what_a_repeat_may_be(text: str, copy: bool, label: bool) -> None:
    assert (is_copy_worthy(text), is_row_label(text)) == (copy, label)
