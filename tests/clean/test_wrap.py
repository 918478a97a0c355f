"""Hard-wrapped paragraphs: joined for classification, every raw line kept with its paragraph's role."""
from __future__ import annotations

import pytest

from bantin.clean.classify import classify
from bantin.clean.units import reconstruct
from bantin.clean.wrap import joined_view, wrap_heads
from schemas.lines import KEPT_ROLES

# A crafted print-edition page: masthead, title, byline, a drop cap, lines broken at ~45 columns.
PRINT_PAGE = "\n".join([
    "BÁO BIÊN PHÒNG",                                          # 0
    "Đồn Biên phòng Ba Sơn giúp dân vượt lũ",                  # 1 title
    "Bài và ảnh: MINH TRÍ",                                    # 2
    "T",                                                       # 3 drop cap
    "rong trận lũ cuối tháng 9, cán bộ, chiến sĩ Đồn",         # 4
    "Biên phòng Ba Sơn đã giúp 120 hộ dân di dời tài",         # 5 starts uppercase: a new unit
    "sản đến nơi an toàn, không để xảy ra thiệt hại",          # 6
    "về người.",                                               # 7
    "Tổ công tác của đồn trực 24/24 giờ tại các điểm",         # 8
    "xung yếu, kịp thời hỗ trợ người dân khi nước lên.",      # 9
    "Chiến sĩ đồn giúp người dân xã Ba Sơn chuyển",            # 10 caption, wrapped
    "lúa lên chỗ cao. Ảnh: MINH TRÍ",                          # 11
    "Chủ động phương án ứng phó khi có thiên tai lớn",          # 12 subheading, full width after a credit
    "Thời gian tới, đồn tiếp tục phối hợp với chính",          # 13
    "quyền địa phương khắc phục hậu quả sau lũ.",              # 14
])


def test_wrapped_lines_share_their_paragraphs_role_and_nothing_is_dropped() -> None:
    decisions = classify(PRINT_PAGE)
    roles = [d.role for d in decisions]
    assert reconstruct(decisions) == PRINT_PAGE
    assert roles[1] == "title"
    assert roles[3:5] == ["lead", "lead"]  # the drop cap joins the lead it opens
    assert all(r in KEPT_ROLES for r in roles[3:10] + roles[12:15])
    assert roles[10:12] == ["caption", "caption"]
    assert [d.clean_text for d in decisions][4] == "rong trận lũ cuối tháng 9, cán bộ, chiến sĩ Đồn"  # text per line


@pytest.mark.parametrize(("lines", "heads"), [
    (["Ban Chỉ huy Quân sự huyện tổ chức", "diễn tập năm 2024."], [None, 0]),      # lowercase after a mid-sentence break
    (["Ban Chỉ huy Quân sự huyện tổ chức diễn tập.", "năm sau tiếp tục."], [None, None]),  # sentence ended
    (["Tin liên quan", "xã Ba Sơn"], [None, None]),                              # short prev: not a wrap
    (["Thời sự   Kinh tế   Xã hội   Văn hóa", "thể thao"], [None, None]),        # menu gaps
    (["Lễ giao nhận quân diễn ra tại", "img_1234.jpg"], [None, None]),           # furniture never joins
    (["Công an tỉnh tổ chức hội nghị tổng kết", "", "năm 2024."], [None, None, None]),  # blank line breaks
    (["N", "gày 9-4, tỉnh tổ chức hội nghị"], [None, 0]),                        # drop cap
])
def test_wrap_heads(lines: list[str], heads: list[int | None]) -> None:
    from bantin.clean.classify import _claimed

    assert wrap_heads(lines, _claimed) == heads


def test_joined_view_glues_a_drop_cap_without_a_space() -> None:
    view = joined_view(["N", "gày 9-4, tỉnh tổ chức", "hội nghị tổng kết."], [None, 0, 0])
    assert view == ["Ngày 9-4, tỉnh tổ chức hội nghị tổng kết.", "", ""]
