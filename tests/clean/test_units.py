"""One-line dumps: a flattened page is cut where furniture starts, and the cut is lossless."""
from __future__ import annotations

from bantin.clean.classify import classify
from bantin.clean.cuts import split_sentences
from bantin.clean.units import reconstruct

STORY = ("Sáng 12/5, Ban Chỉ huy Quân sự huyện tổ chức diễn tập chiến đấu phòng thủ xã năm 2024. "
         "Cuộc diễn tập có sự tham gia của 350 cán bộ, chiến sĩ và dân quân tự vệ trên địa bàn. ")
MORE = ("Qua diễn tập, các lực lượng đã nâng cao khả năng phối hợp, xử lý tình huống. "
        "Ban Chỉ huy đề nghị các xã rút kinh nghiệm, tiếp tục huấn luyện trong năm tới. ")
PAGE = ("Cổng Thông tin điện tử huyện Mường Nhé Trang chủ Giới thiệu Tin tức » Quốc phòng "
        "Diễn tập phòng thủ xã năm 2024 Cập nhật: 12/05/2024 | Lượt xem: 1.020 " + STORY +
        "Dân quân xã Sen Thượng diễn tập (Ảnh: Minh Khôi) " + MORE +
        "Tác giả: Hoàng Anh Theo Báo Điện Biên Phủ Chia sẻ In bài Gửi email Các tin khác "
        "Huyện ra quân huấn luyện năm 2024 (02/03/2024) Hội nghị quân sự cuối năm (20/12/2023) "
        "Cơ quan chủ quản: UBND huyện Mường Nhé. Địa chỉ: Tổ 3, thị trấn Mường Nhé. Điện thoại: 0215.3836.111.")


def test_cuts_are_lossless_and_fall_before_labels_and_after_counts() -> None:
    units = split_sentences(PAGE)
    assert "".join(units) == PAGE
    starts = [u.split(":")[0] for u in units]
    for label in ("Cập nhật", "Lượt xem", "Tác giả", "Cơ quan chủ quản", "Địa chỉ", "Điện thoại"):
        assert label in starts, label
    assert ["Dân quân xã Sen Thượng diễn tập ", "(Ảnh: Minh Khôi) "] == units[units.index("(Ảnh: Minh Khôi) ") - 1:][:2]
    assert "Huyện ra quân huấn luyện năm 2024 (02/03/2024) " in units


def test_flattened_page_keeps_the_story_and_drops_the_furniture() -> None:
    decisions = classify(PAGE)
    assert reconstruct(decisions) == PAGE
    by_text = {d.text.strip(): d.role for d in decisions}
    kept = "".join(d.text for d in decisions if d.role in ("lead", "body", "subheading"))
    assert kept == STORY + MORE
    for furniture in ("Lượt xem: 1.020", "Tác giả: Hoàng Anh", "Chia sẻ", "In bài", "Gửi email",
                      "Địa chỉ: Tổ 3, thị trấn Mường Nhé.", "Điện thoại: 0215.3836.111."):
        assert by_text[furniture] not in ("lead", "body", "subheading"), furniture
    assert by_text["Dân quân xã Sen Thượng diễn tập"] == "caption"  # the sentence before its credit
    assert by_text["(Ảnh: Minh Khôi)"] == "photo_credit"


# --- unit_spans: where each unit sits in the reconstructed text --------------------------------

from hypothesis import HealthCheck, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from bantin.clean.units import unit_spans  # noqa: E402
from bantin.records import LineDecision  # noqa: E402

SPAN_SETTINGS = settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
WORD = st.text(alphabet=st.sampled_from(list("aăâbcdđeêhiklmnoôơtuưyàáạảãệ AĐ0123456789\u00a0\t\r")),
               min_size=1, max_size=12)
# A flattened page: >= 400 characters on one line, so classify cuts it into sentences.
DUMP = st.lists(st.tuples(WORD, st.sampled_from([". ", "! ", "? ", " ", ", ", ": "])), min_size=60, max_size=120).map(
    lambda parts: "".join(w + sep for w, sep in parts))
BLANK = st.text(alphabet=" \t\r\n", max_size=5)  # blank lines around a dump keep it a dump
TEXT = st.one_of(st.text(max_size=300), DUMP, st.tuples(BLANK, DUMP, BLANK).map("\n".join))
DECISION = st.builds(lambda text, split: LineDecision(0, text, text, "body", "r", split),
                     st.text(alphabet=st.characters(blacklist_characters="\n"), max_size=20),
                     st.sampled_from(["line", "sentence"]))


def _check_spans(decisions: list[LineDecision]) -> None:
    text = reconstruct(decisions)
    spans = unit_spans(decisions)
    assert len(spans) == len(decisions)
    covered = [False] * len(text)
    for (a, b), d in zip(spans, decisions):
        assert text[a:b] == d.text
        covered[a:b] = [True] * (b - a)
    assert all(ch == "\n" for ch, c in zip(text, covered) if not c)  # only the row joins are uncovered
    assert [b for a, b in spans] == sorted(b for a, b in spans)


@SPAN_SETTINGS
@given(TEXT)
def test_unit_spans_round_trip_on_classified_text(text: str) -> None:
    decisions = list(classify(text))
    assert reconstruct(decisions) == text
    _check_spans(decisions)


@SPAN_SETTINGS
@given(st.lists(DECISION, max_size=30))
def test_unit_spans_round_trip_on_any_decisions(decisions: list[LineDecision]) -> None:
    _check_spans(decisions)


def test_unit_spans_of_a_flattened_page() -> None:
    text = "\n \n" + PAGE + "\n"
    decisions = list(classify(text))
    assert sum(d.split == "sentence" for d in decisions) > 10
    assert [text[a:b] for a, b in unit_spans(decisions)] == [d.text for d in decisions]
