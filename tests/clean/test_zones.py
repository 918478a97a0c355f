"""Header and footer zones: title chosen among headline-like lines, furniture around the story dropped.

The zones are rules, so pages are classified without the caption model (`learned=False`), which
may overturn a story verdict afterwards (tests/clean/test_captionmodel.py)."""
from __future__ import annotations

from bantin.clean.classify import classify
from bantin.clean.units import per_raw_line

TITLE = "Sở Y tế kiểm tra công tác phòng chống dịch sốt xuất huyết tại huyện Cam Lộ"
LEAD = ("QTTV - Chiều 13/7, đoàn công tác của Sở Y tế do Phó Giám đốc Lê Văn Quang làm trưởng đoàn "
        "đã kiểm tra công tác phòng chống dịch bệnh tại huyện.")
BODY = "Theo báo cáo, từ đầu năm đến nay toàn huyện ghi nhận 45 ca mắc sốt xuất huyết, tăng 20 ca so với cùng kỳ."


def _roles(text: str) -> list[tuple[str, str]]:
    return [(d.role, d.clean_text) for d in per_raw_line(classify(text, learned=False)) if d.role != "empty"]


def test_title_is_the_last_headline_below_banner_and_menu() -> None:
    page = "\n".join(["ĐÀI PHÁT THANH - TRUYỀN HÌNH TỈNH QUẢNG TRỊ", "Thời sự  Kinh tế  Xã hội  Văn hóa",
                      "Tìm kiếm", "", TITLE, "Minh Trí", "Thứ sáu, 14/07/2023 - 15:20", LEAD, BODY])
    roles = _roles(page)
    assert roles[3] == ("title", TITLE)
    # banner, menu (items set apart by wide gaps), search widget
    assert [r for r, _ in roles[:3]] == ["ui_text", "navigation", "ui_text"]
    assert [r for r, _ in roles[4:]] == ["byline", "dateline", "lead", "body"]


def test_the_headline_right_above_the_date_stamp_wins_over_a_sapo_without_a_stop() -> None:
    """baomoi's layout (bm2025-c53651907): headline, relative stamp, related tally, then a sapo with
    no full stop, which is headline-shaped too; the last headline-shaped line took the title, and the
    headline was dropped as a banner."""
    headline = "Hà Nội điều chỉnh hướng đi cho phương tiện khi sửa cầu Trần Nhật Duật"
    sapo = "Sở Xây dựng Hà Nội vừa thông báo điều chỉnh tổ chức giao thông một số tuyến phố"
    roles = _roles(f"{headline}\n11 giờ trước\n39 liên quan Gốc\n{sapo}\n{BODY}")
    assert roles == [("title", headline), ("dateline", "11 giờ trước"), ("counter", "39 liên quan Gốc"),
                     ("lead", sapo), ("body", BODY)]


def test_headline_starting_with_an_office_is_still_the_title() -> None:
    title = "UBND tỉnh họp bàn giải pháp thúc đẩy giải ngân vốn đầu tư công"
    roles = _roles(f"Trang chủ\nTin tức - Sự kiện\n{title}\n14/07/2023\n{LEAD}\n{BODY}")
    assert roles[2] == ("title", title) and roles[0][0] == "navigation" and roles[1][0] == "section"


def test_a_first_paragraph_without_final_period_does_not_open_a_header_zone() -> None:
    lead = "Ngày 5/3, hội nghị tổng kết công tác an ninh trật tự năm 2022 đã diễn ra tại tỉnh nhà. (0)"
    roles = _roles(f"Tiêu đề bài viết về an ninh trật tự\n{lead}\nĐường dây nóng tòa soạn")
    assert [r for r, _ in roles] == ["title", "lead", "body"]


def test_footer_after_the_byline_is_dropped_but_a_closing_list_is_kept() -> None:
    page = "\n".join([TITLE, LEAD, "Các biện pháp cần triển khai ngay:", "Phun hóa chất tại các ổ dịch",
                      "Tăng cường truyền thông đến từng hộ gia đình", BODY, "Minh Trí",
                      "Trung tâm y tế huyện tổ chức tập huấn phòng chống dịch", "Cam Lộ ra quân diệt lăng quăng",
                      "Góp ý", "Đài Phát thanh - Truyền hình Quảng Trị. Điện thoại: 0233 3852 471"])
    roles = _roles(page)
    assert [r for r, _ in roles[2:5]] == ["body", "subheading", "subheading"]
    assert [r for r, _ in roles[6:]] == ["byline", "navigation", "navigation", "ui_text", "ui_text"]


def test_office_credit_right_after_the_story_is_a_byline() -> None:
    assert _roles(f"{TITLE}\n{LEAD}\n{BODY}\nVăn phòng UBND tỉnh")[-1] == ("byline", "Văn phòng UBND tỉnh")



def test_a_story_glued_to_its_footer_is_cut_into_sentences_not_dropped_whole() -> None:
    """A flattened page (shape of vietnam-news, vnn-bb36e8bad11ca555): the story's paragraphs and the
    paper's address block glued into one line. Its footer cues once dropped the whole story."""
    story = " ".join([BODY] * 6)  # well over FOOTER_MAX_CHARS of story
    glued = f"{story}Quỹ Nhân ái - Báo điện tử.Địa chỉ: Số 48 Giảng Võ, Hà Nội. Tel: 04.3736.6491. Email: qna@example.vn"
    decisions = [d for d in classify(f"{TITLE}\n{LEAD}\n{glued}") if d.role != "empty"]
    kept = " ".join(d.clean_text for d in decisions if d.role in ("lead", "body"))
    assert BODY in kept and not any(d.rule == "footer.info" for d in decisions)


def test_a_short_footer_line_below_the_story_is_still_dropped() -> None:
    footer = "Địa chỉ: Số 48 Giảng Võ, Hà Nội. Tel: 04.3736.6491. Email: qna@example.vn"
    roles = _roles(f"{TITLE}\n{LEAD}\n{BODY}\n{footer}")
    assert roles[-1] == ("ui_text", footer)


def test_an_aggregators_related_tally_under_the_headline_is_not_the_title() -> None:
    """baomoi: headline, relative time, `<n> liên quan Gốc`, sapo. The tally is four title-shaped
    tokens; unclaimed it was chosen as the title and the headline became a banner."""
    headline = "Phân luồng giao thông tại một số tuyến phố khu vực Hợp Giang, phường Thục Phán từ ngày 3/11/2025"
    lead = ("Nhằm giải quyết ùn tắc giao thông cục bộ, đặc biệt vào khung giờ cao điểm, UBND phường Thục Phán "
            "tổ chức phân luồng giao thông tại một số tuyến phố.")
    for tally in ("1 liên quan Gốc", "1 đăng lại 12 liên quan Gốc"):
        roles = _roles(f"{headline}\n11 giờ trước\n{tally}\n{lead}\n{BODY}")
        assert roles[:3] == [("title", headline), ("dateline", "11 giờ trước"), ("counter", tally)]


def test_a_credit_to_an_unlisted_outlet_after_the_story_is_a_source_credit_not_a_byline() -> None:
    """VietnameseMDS (flattened): `… lợi ích quốc gia. Hoàng Cường Theo Philstar`. `Theo Philstar` is
    capitalised like a name, but it credits an outlet no list names; the reporter stays the byline."""
    flat = (f"{LEAD} {BODY} Hàn Quốc tuyên bố rằng nước này không chấp nhận việc can thiệp vào lĩnh vực xuất "
            "khẩu vũ khí mà Seoul coi là lợi ích quốc gia. Máy bay có thể hoạt động cả ngày lẫn đêm trong "
            "mọi điều kiện thời tiết. Hoàng Cường Theo Philstar")
    units = [(d.role, d.clean_text.strip()) for d in classify(flat, learned=False)]
    assert units[-2:] == [("byline", "Hoàng Cường"), ("source_credit", "Theo Philstar")]
    lines = _roles(f"{TITLE}\n{LEAD}\n{BODY}\nHoàng Cường\nTheo Philstar")
    assert lines[-2:] == [("byline", "Hoàng Cường"), ("source_credit", "Theo Philstar")]
