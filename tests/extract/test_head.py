"""Page-head rules (bantin/extract/head.py): headline, section and dateline from layout."""
from __future__ import annotations

import pytest

from bantin.extract import head
from bantin.records import CleanDoc, LineDecision, RawDoc
from schemas.lines import KEPT_ROLES


def _doc(rows: list[tuple[str, str]]) -> CleanDoc:
    lines = tuple(LineDecision(i, t, t, role, "test") for i, (role, t) in enumerate(rows))
    raw = RawDoc(source_file="x.txt", content_sha256="0" * 64, size_bytes=1, mtime=None,
                 text="\n".join(t for _, t in rows))
    title = next((t for r, t in rows if r == "title"), None)
    body = "\n\n".join(t for r, t in rows if r in KEPT_ROLES)
    return CleanDoc(raw=raw, lines=lines, body=body, title=title, section=None, captions=(), repairs=())


LEAD = ("lead", "Sáng 15/2, các huyện của tỉnh Nghệ An đồng loạt tổ chức lễ giao nhận quân năm 2025.")
HEADLINE = "Gần 1.200 thanh niên lên đường nhập ngũ ở Nghệ An"


@pytest.mark.parametrize(
    ("rows", "expected"),
    [
        ([("title", HEADLINE), LEAD], HEADLINE),
        # too short for a headline: the headline-then-dateline line wins
        ([("title", "Dân trí"), ("body", HEADLINE), ("dateline", "Thứ bảy, 15/02/2025 - 10:48"), LEAD], HEADLINE),
        # too short, and no headline-then-dateline layout: kept as it is
        ([("title", "Dân trí"), LEAD], "Dân trí"),
        # a breadcrumb line above the dateline is not a headline
        ([("ui_text", "Trang chủ > Chính trị > Xây dựng Đảng Hà Tĩnh sơ kết 5 năm"),
          ("dateline", "Thứ Tư, 17/05/2023 - 10:05"), LEAD], None),
        ([("title", "🔴 TRỰC TIẾP: Lễ giao nhận quân năm 2025 🔴"), LEAD], "TRỰC TIẾP: Lễ giao nhận quân năm 2025"),
        ([("title", '"Lá chắn thép" nơi biên giới phía Bắc'), LEAD], '"Lá chắn thép" nơi biên giới phía Bắc'),
    ],
)
def test_title(rows, expected):
    assert head.title(_doc(rows)) == expected


@pytest.mark.parametrize(
    ("rows", "expected"),
    [
        ([("dateline", "Thứ Hai, 16/06/2025 | 10:42"), LEAD], "Thứ Hai, 16/06/2025 | 10:42"),
        ([("ui_text", "24-03-2025 - 14:22 | Pháp luật"), ("title", HEADLINE), LEAD], "24-03-2025 - 14:22"),
        ([("lead", "Đây là bộ nhớ cache của trang."),
          ("body", "Thứ Ba, 28/01/2025 | 15:06 ĐBP - Sáng 27/1, Đảng ủy tổ chức hội nghị.")], "Thứ Ba, 28/01/2025 | 15:06"),
        ([LEAD, ("body", "Ngày 26/02/2020, tỉnh tổ chức hội nghị tổng kết công tác.")], None),
    ],
)
def test_dateline(rows, expected):
    doc = _doc(rows)
    lead = next(iter(doc.texts("lead")), None)
    assert head.dateline(doc, lead) == expected


@pytest.mark.parametrize(
    ("line", "expected"),
    [("Công an tỉnh bắt giữ hai đối tượng vận chuyển ma túy qua biên giới.", True),
     ("Bắt giữ hai đối tượng vận chuyển ma túy qua biên giới", False), ("Quang cảnh hội nghị.", False)],
)
def test_prose(line, expected):
    assert head.prose(line) is expected
