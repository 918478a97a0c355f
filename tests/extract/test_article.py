"""Golden-file test of the extract stage on the five seeds.

Each seed goes through the real pure path (ingest.load -> clean, with corpus repeats over raw/
-> extract) and its fields and long tables are compared exactly with tests/golden/extract/<stem>.json.
After an intended change, regenerate with `BANTIN_UPDATE_GOLDEN=1 pytest tests/extract/test_article.py`
and review the diff: the golden files are the record of what the extractor outputs.
"""
from __future__ import annotations

import json
import os
from dataclasses import replace
from datetime import date, datetime
from pathlib import Path

import pytest
from locations import DEV_CORPUS, ROOT

from bantin.build.corpus import corpus_context
from bantin.clean import document as clean_stage
from bantin.extract import article as extract_stage
from bantin.ingest import files as ingest
from bantin.records import RawDoc
from bantin.settings import DEFAULT_MAX_BYTES
from schemas.lines import KEPT_ROLES

RAW = ROOT / "raw"
GOLDEN = ROOT / "tests" / "golden" / "extract"
UPDATE = os.environ.get("BANTIN_UPDATE_GOLDEN") == "1"
TABLES = ("people", "organisations", "legal_refs", "quantities", "periods", "acronyms")


def _plain(value):
    if isinstance(value, (date, datetime)):
        return value.isoformat()
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    return value


@pytest.fixture(scope="module")
def extractions() -> dict[str, dict]:
    files = ingest.scan(RAW).files
    ctx = corpus_context(list(files), min_docs=3, max_bytes=DEFAULT_MAX_BYTES)
    out = {}
    for f in files:
        raw = ingest.load(f)
        assert isinstance(raw, RawDoc)
        ex = extract_stage.extract(clean_stage.clean(raw, ctx.facts), arrived=None)
        out[Path(f.source_file).stem] = _plain({"fields": ex.fields, **{t: getattr(ex, t) for t in TABLES}})
    return out


def test_every_seed_has_a_golden_extraction():
    """Guards the parametrized test below: an empty glob would collect no case at all."""
    seeds = sorted(p.stem for p in RAW.glob("*.txt"))
    assert len(seeds) == 5
    assert sorted(p.stem for p in GOLDEN.glob("*.json")) == seeds


@pytest.mark.parametrize("stem", sorted(p.stem for p in RAW.glob("*.txt")))
def test_extraction_matches_golden(extractions, stem):
    path = GOLDEN / f"{stem}.json"
    got = extractions[stem]
    if UPDATE:
        GOLDEN.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps(got, ensure_ascii=False, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    expected = json.loads(path.read_text(encoding="utf-8"))
    assert got == expected


def test_quantities_are_unique_per_mention(extractions):
    for stem, ex in extractions.items():
        mentions = [q["mention"] for q in ex["quantities"]]
        assert len(mentions) == len(set(mentions)), stem


# --- crafted pages: which lines feed which rule --------------------------------------------
from bantin.records import CleanDoc, LineDecision  # noqa: E402


def _doc(rows: list[tuple[str, str]]) -> CleanDoc:
    """A cleaned page from (role, text) rows; title/captions as the clean stage would set them."""
    lines = tuple(LineDecision(i, t, t, role, "test") for i, (role, t) in enumerate(rows))
    raw = RawDoc(source_file="x.txt", content_sha256="0" * 64, size_bytes=1, mtime=None,
                 text="\n".join(t for _, t in rows))
    title = next((t for r, t in rows if r == "title"), None)
    captions = tuple(t for r, t in rows if r == "caption")
    body = "\n\n".join(t for r, t in rows if r in KEPT_ROLES)
    return CleanDoc(raw=raw, lines=lines, body=body, title=title, section=None, captions=captions, repairs=())


STORY = ("body", "Sáng 3/3, huyện Đông Sơn tổ chức lễ giao nhận quân cho 215 thanh niên lên đường nhập ngũ.")
# Sentences of a qdnd gold-price page's story, under its price table.
MORE = ("Giá vàng thế giới tăng nhẹ, với vàng giao ngay tăng 16 USD lên 2.694,8 USD/ounce.",
        "Các nhà đầu tư đang lo ngại về lời tuyên thệ của ông Donald Trump, người sắp nhậm chức.")


@pytest.mark.parametrize(
    ("rows", "story"),
    [
        # a menu bar read as the lead and a byline under the headline do not cut the story short
        ([("lead", "Trang chủ | Thời sự | Kinh tế | Xã hội | Quốc phòng"), ("subheading", "Lễ giao quân"),
          ("body", "Mai Hương"), STORY, ("body", "Mai Hương"), ("body", "Tỉnh Hà Nam: tin khác")],
         ["Lễ giao quân", "Mai Hương", STORY[1]]),
        # a byline after prose closes the story; what follows is furniture
        ([("lead", STORY[1]), ("body", "Lê Hoa - Trần Bình"), ("body", "Hà Nam khen thưởng 30 tập thể.")],
         [STORY[1]]),
        # ... but a line that only reads like one, with sentences of the story after it, closes
        # nothing (qdnd: a gold shop's name in a price table, `Bảo Tín Minh Châu`)
        ([("lead", STORY[1]), ("body", "Bảo Tín Minh Châu"), ("body", MORE[0]), ("body", MORE[1])],
         [STORY[1], "Bảo Tín Minh Châu", *MORE]),
    ],
)
def test_story_lines(rows, story):
    assert extract_stage.story_lines(_doc(rows)) == story


@pytest.mark.parametrize(("after", "goes_on"), [(list(MORE), True), (MORE[:1], False), ([], False)])
def test_reporters_names_on_a_line_sign_an_item_when_the_story_goes_on(after, goes_on):
    """`byline.name_pair` (baomoi 2025's digests sign each item `Lê Thủy - Hoàng Vũ`): with two
    sentences of the story after it, it signs one item and the story goes on; else it ends it."""
    rows = [("lead", STORY[1]), ("byline", "Lê Thủy - Hoàng Vũ"), *(("body", t) for t in after)]
    doc = _doc(rows)
    lines = tuple(replace(ln, rule="byline.name_pair") if ln.role == "byline" else ln for ln in doc.lines)
    expected = [STORY[1], *after] if goes_on else [STORY[1]]
    assert extract_stage.story_lines(replace(doc, lines=lines)) == expected
    assert extract_stage.extract(replace(doc, lines=lines)).fields["authors"] == ["Lê Thủy", "Hoàng Vũ"]


def test_a_price_table_does_not_end_a_real_story():
    """qdnd, a gold-price page: its table's shop names (`Bảo Tín Minh Châu`) read like a byline;
    the people and figures of the world-market paragraphs under the table are the story's."""
    assert DEV_CORPUS.is_dir(), f"the development corpus must be at {DEV_CORPUS}"
    path = DEV_CORPUS / "qdnd_mourinhan8" / "qdnd-52184f030e.txt"
    page = next(f for f in ingest.scan(path.parent).files if f.source_file == path.name)
    ex = extract_stage.extract(clean_stage.clean(ingest.load(page)))
    names = {p["name"] for p in ex.people}
    assert {"Donald Trump", "Bart Melek"} <= names
    assert (2694.8, "USD") in {(q["value"], q["unit"]) for q in ex.quantities}


def test_an_item_signature_does_not_end_the_story_and_signs_its_item():
    """A digest (baomoi 2014): initials in brackets close each item (`byline.item_piece`); the story
    goes on after them, and each signs as an author. A byline of the story's end still closes it."""
    items = ["Phim phát sóng lúc 21 giờ 30 mỗi ngày trên kênh Let's Viet từ ngày 9.4.", "(N.V)",
             "Phim Những ngọn nến lung linh gồm 30 tập, do Lasta sản xuất.", "(P.C.Tùng)"]
    roles = ["lead", "byline", "body", "byline"]
    doc = _doc(list(zip(roles, items)))
    lines = tuple(replace(ln, rule="byline.item_piece") if ln.role == "byline" else ln for ln in doc.lines)
    digest = replace(doc, lines=lines)
    assert extract_stage.story_lines(digest) == [items[0], items[2]]
    assert extract_stage.extract(digest).fields["authors"] == ["N.V", "P.C.Tùng"]
    assert extract_stage.story_lines(doc) == [items[0]]  # the same lines as plain bylines end it


@pytest.mark.parametrize(
    ("rows", "title", "published"),
    [
        # the title slot holds the dateline: the headline above it is used, and it dates the page
        ([("ui_text", "Đông Sơn tiễn 215 thanh niên lên đường nhập ngũ"), ("title", "Thứ Hai, 03/03/2025 - 08:10"), STORY],
         "Đông Sơn tiễn 215 thanh niên lên đường nhập ngũ", "2025-03-03"),
        ([("ui_text", "TRANG CHỦ"), ("title", "3 Tháng Ba, 2025"), STORY], None, "2025-03-03"),
        # a labelled date inside a flattened head line
        ([("title", "Đông Sơn tiễn 215 thanh niên"), ("lead", "Tin tức » Quân sự Ngày đăng: 04/03/2025 | Lượt xem: 90 "
          "Sáng 3/3, huyện Đông Sơn tổ chức lễ giao nhận quân.")], "Đông Sơn tiễn 215 thanh niên", "2025-03-04"),
    ],
)
def test_title_and_dateline_from_a_misread_head(rows, title, published):
    ex = extract_stage.extract(_doc(rows))
    assert ex.fields["title"] == title
    assert ex.fields["published_date"].isoformat() == published
    assert ex.fields["date_source"] == "dateline"


def test_credits_from_misfiled_lines_and_captions():
    doc = _doc([("section", "Thu Hà (TTXVN/Vietnam+)"), ("title", "Đông Sơn tiễn 215 thanh niên"),
                ("lead", STORY[1]), ("body", "Quang cảnh buổi lễ (Ảnh: Lê Khoa) Sau đó, các tân binh lên xe."),
                ("caption", "Tân binh chào người thân. ẢNH: MINH TÚ")])
    ex = extract_stage.extract(doc)
    assert ex.fields["authors"] == ["Thu Hà"]
    assert sorted(ex.fields["photographers"]) == ["Lê Khoa", "Minh Tú"]
    assert all(p["name"] not in ("Lê Khoa", "Minh Tú") for p in ex.people)


def test_captions_give_no_provinces_and_cities_imply_theirs():
    doc = _doc([("title", "Móng Cái sắp xếp đơn vị hành chính"),
                ("lead", "Thành phố Móng Cái vừa hoàn thành sắp xếp 3 xã, phường theo kế hoạch."),
                ("caption", "Thanh niên huyện Củ Chi (TP.HCM) lên đường."),
                ("body", "Theo đó, thành phố Móng Cái giảm 2 đơn vị hành chính cấp xã.")])
    assert extract_stage.extract(doc).fields["provinces"] == ["Quảng Ninh"]


LEAD = ("lead", "Sáng 15/2, các huyện của tỉnh Nghệ An đồng loạt tổ chức lễ giao nhận quân năm 2025.")


@pytest.mark.parametrize(
    ("rows", "title", "section"),
    [
        # a masthead read as the title: the headline followed by the dateline is used instead
        ([("title", "Dân trí"), ("subheading", "Xã hội › Chính trị"),
          ("body", "Gần 1.200 thanh niên lên đường nhập ngũ ở Nghệ An"), ("dateline", "Thứ bảy, 15/02/2025 - 10:48"), LEAD],
         "Gần 1.200 thanh niên lên đường nhập ngũ ở Nghệ An", "Chính trị"),
        # a section label right above the headline, whatever role it was given
        ([("ui_text", "PHÁP LUẬT"), ("title", "Bắt nhóm thiếu niên mang hung khí lúc rạng sáng"), LEAD],
         "Bắt nhóm thiếu niên mang hung khí lúc rạng sáng", "PHÁP LUẬT"),
        # ... but not an outlet masthead
        ([("ui_text", "BÁO HÀ TĨNH ĐIỆN TỬ"), ("title", "Bắt nhóm thiếu niên mang hung khí lúc rạng sáng"), LEAD],
         "Bắt nhóm thiếu niên mang hung khí lúc rạng sáng", None),
        # emoji framing a shared post's headline
        ([("title", "⚠️ CẢNH BÁO: GIẢ DANH CÁN BỘ CÔNG AN ⚠️"), LEAD], "CẢNH BÁO: GIẢ DANH CÁN BỘ CÔNG AN", None),
        # a flattened breadcrumb glued to the headline
        ([("lead", "Đây là bộ nhớ cache của trang."),
          ("body", "Trang chủ / Quốc phòng - An ninh Đảng ủy Quân sự tỉnh quán triệt nghị quyết năm 2025"),
          ("body", "Thứ Ba, 28/01/2025 | 15:06 ĐBP - Sáng 27/1, Đảng ủy Quân sự tỉnh tổ chức hội nghị.")],
         "Đảng ủy Quân sự tỉnh quán triệt nghị quyết năm 2025", "Quốc phòng - An ninh"),
    ],
)
def test_head_layout_rules(rows, title, section):
    ex = extract_stage.extract(_doc(rows))
    assert (ex.fields["title"], ex.fields["section"]) == (title, section)


def test_weekday_dateline_glued_to_a_story_line_dates_the_page():
    rows = [("lead", "Đây là bộ nhớ cache của trang."),
            ("body", "Thứ Ba, 28/01/2025 | 15:06 ĐBP - Sáng 27/1, Đảng ủy Quân sự tỉnh tổ chức hội nghị.")]
    ex = extract_stage.extract(_doc(rows))
    assert (ex.fields["published_date"], ex.fields["date_source"]) == (date(2025, 1, 28), "dateline")


@pytest.mark.parametrize(
    ("rows", "authors"),
    [
        # bylines after the comments or the related links sign comments or the footer
        ([LEAD, ("byline", "NGỌC HÀ - HOÀNG PHƯƠNG"), ("comment_prompt", "Bình luận"),
          ("navigation", "Bài viết cùng chuyên mục"), ("byline", "BÁO CÔNG AN ĐÀ NẴNG")], ["Ngọc Hà", "Hoàng Phương"]),
        ([LEAD, ("counter", "👍❤️ 1,2K"), ("byline", "Nguyễn Thị Hoa"), ("navigation", "1 tuần Thích Phản hồi")], []),
        # a bare name next to the dateline, confirmed by the photo credit
        ([("ui_text", "NGỌC THÙY"), ("dateline", "11/12/2024 07:48"), ("title", "HĐND tỉnh chất vấn về tội phạm công nghệ cao"),
          LEAD, ("caption", "Quang cảnh phiên chất vấn. Ảnh: Ngọc Thùy")], ["Ngọc Thùy"]),
        ([("ui_text", "THỜI SỰ"), ("dateline", "11/12/2024 07:48"), ("title", "HĐND tỉnh chất vấn về tội phạm công nghệ cao"),
          LEAD], []),
    ],
)
def test_article_bylines(rows, authors):
    assert extract_stage.extract(_doc(rows)).fields["authors"] == authors


@pytest.mark.parametrize(
    ("lines", "expected"),
    [
        (["các bị can khai nhận mỗi người được hưởng từ 15% đến", "20% số tiền chiếm đoạt."],
         ["các bị can khai nhận mỗi người được hưởng từ 15% đến 20% số tiền chiếm đoạt."]),
        (["Công an TP vừa khởi tố vụ án, bắt tạm giam", "năm người trong đường dây lừa đảo."],
         ["Công an TP vừa khởi tố vụ án, bắt tạm giam năm người trong đường dây lừa đảo."]),
        (["Những điểm mới cốt lõi", "1. Chiến lược xác định mục tiêu."], ["Những điểm mới cốt lõi", "1. Chiến lược xác định mục tiêu."]),
        (["Hội nghị đã kết thúc tốt đẹp sau một ngày làm việc.", "sau đó đoàn về thăm xã."],
         ["Hội nghị đã kết thúc tốt đẹp sau một ngày làm việc.", "sau đó đoàn về thăm xã."]),
        (["Kết quả tuyển quân năm nay của toàn tỉnh đạt cao", "2. Nhiệm vụ năm tới"],
         ["Kết quả tuyển quân năm nay của toàn tỉnh đạt cao", "2. Nhiệm vụ năm tới"]),
    ],
)
def test_unwrap(lines, expected):
    assert extract_stage.unwrap(lines) == expected
