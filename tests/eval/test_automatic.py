"""Automatic scores from metadata, on crafted rows and texts (not from the corpus)."""
from __future__ import annotations

from datetime import date

import pytest

from bantin.eval import automatic
from bantin.eval.automatic import FolderMeta
from bantin.eval.realgold import ALL_FOLDERS


def _pred(**kw) -> dict:
    return {"title": None, "published_date": None, "date_source": None, "outlet": None, "authors": [], **kw}


def test_every_folder_has_metadata_rules() -> None:
    assert set(automatic.FOLDER_META) == set(ALL_FOLDERS)


@pytest.mark.parametrize("value, expected", [
    ("2025-11-01T18:30:00.000Z", date(2025, 11, 2)),  # UTC: +7 h crosses midnight
    ("2016-11-02, 11:23:00+00:00", date(2016, 11, 2)),  # labelled +00:00 but local: as written
    ("2025-06-28T09:00:00+07:00", date(2025, 6, 28)),
    ("5/11/2013 9:15", date(2013, 11, 5)), ("", None), (None, None), ("hôm qua", None),
])
def test_metadata_dates(value, expected) -> None:
    assert automatic.metadata_date(value) == expected


@pytest.mark.parametrize("text, stated", [
    ("Tiêu đề\n24/10/2025\nNội dung", True),
    ("Thứ Sáu, 24/10/2025 10:30\nNội dung", True),
    ("Nội dung … 10:30 24-10-2025 … tiếp", True),
    ("Sáng 24/10/2025, lực lượng chức năng kiểm tra", False),  # an event date in the story
    ("Ngày 4/10/2025 và 24/10/2024", False),
])
def test_a_text_states_its_date(text, stated) -> None:
    assert automatic.states_date(text, date(2025, 10, 24)) is stated


@pytest.mark.parametrize("byline, names", [
    ("Tin, ảnh: HOÀNG TÁ", ["HOÀNG TÁ"]), ("PHƯƠNG NAM - CHÍNH THÀNH", ["PHƯƠNG NAM", "CHÍNH THÀNH"]),
    ("HIẾU MINH-VĂN CHINH", ["HIẾU MINH", "VĂN CHINH"]), ("Lưu Sơn/VOV-TP.HCM", ["Lưu Sơn"]),
    ("(TTXVN/Vietnam+)", []), ("PV", []), ("TNĐT", []), ("PV - A.HIỀN", ["A.HIỀN"]),
    ("Theo Minh Khôi (Tiền Phong)", ["Minh Khôi"]), ("Thu Hà - Theo Dân Trí", ["Thu Hà"]),
    ("Quang Sáng-Khoa Điềm/VOV-Tây Nguyên", ["Quang Sáng", "Khoa Điềm"]), ("D.Thu", ["D.Thu"]),
    ("Thế Đoàn/Báo Tin tức và Dân tộc", ["Thế Đoàn"]), ("Theo Baochinhphu.vn", []), ("Theo Đài KTTV tỉnh", []),
    ("L.Vũ (th)", ["L.Vũ"]),
])
def test_byline_names(byline, names) -> None:
    assert automatic.byline_names(byline) == names


def test_a_title_must_start_a_line() -> None:
    assert automatic.heads_a_line("Cháy kho  hàng\nNội dung", "Cháy kho hàng")
    assert automatic.heads_a_line("Mở đầu.\nCháy kho hàngSáng nay …", "Cháy kho hàng")  # glued to the lead
    assert not automatic.heads_a_line("Sáng nay, Cháy kho hàng là chuyện lạ", "Cháy kho hàng")
    assert not automatic.heads_a_line("Nội dung", "")


def test_mentions_needs_whole_words() -> None:
    keys = frozenset({"dantri"})
    assert automatic.mentions("Dân trí Sáng nay, …", keys)
    assert automatic.mentions("(Dantri.com.vn) - Sáng nay", keys)
    assert not automatic.mentions("người dân trình báo sự việc", keys)


META = FolderMeta(outlet_key="outlet", outlet_recall=True, author_key="author")
TEXT = "Cháy kho hàng ở ngoại thành\n24/10/2025\nDân trí Sáng nay, một kho hàng bị cháy.\nTin, ảnh: MINH AN"
ROW = {"title": "Cháy kho hàng  ở ngoại thành", "published_at": "24/10/2025 08:00",
       "outlet": "dantri.com.vn", "author": "Tin, ảnh: MINH AN"}


def test_a_file_where_everything_is_right() -> None:
    pred = _pred(title="Cháy kho hàng ở ngoại thành", published_date="2025-10-24", date_source="dateline",
                 outlet="Báo điện tử Dân trí", authors=["Minh An"])
    out = automatic.score_file(META, ROW, TEXT, pred)
    for name in automatic.AUTO_FIELDS:
        c = out[name]
        assert (c.tp, c.fp, c.r_tp, c.fn, c.files) == (1, 0, 1, 0, 1), name


def test_a_file_where_everything_is_wrong_or_missing() -> None:
    pred = _pred(title="Tin liên quan", published_date="2025-10-20", date_source="dateline",
                 outlet="Báo Thanh Niên", authors=["Lê Văn Hùng"])
    out = automatic.score_file(META, ROW, TEXT, pred)
    assert (out["title"].fp, out["title"].fn) == (1, 1)
    assert (out["published_date"].fp, out["published_date"].fn) == (1, 1)
    assert (out["outlet"].fp, out["outlet"].fn) == (1, 1)
    assert (out["authors"].fp, out["authors"].fn) == (1, 1)


def test_fields_the_text_cannot_hold_are_not_scored_for_recall() -> None:
    text = "Sáng 24/10/2025, Cháy kho hàng ở ngoại thành."  # no headline, date stamp, outlet or byline
    pred = _pred(published_date="2025-10-24", date_source="body")
    out = automatic.score_file(META, ROW, text, pred)
    assert out["title"].files == 0 and out["authors"].files == 0
    assert out["published_date"].precision is None and out["published_date"].recall is None  # a body date
    assert out["outlet"].files == 1 and out["outlet"].recall is None and out["outlet"].precision is None
    only_p = automatic.score_file(FolderMeta(outlet_key="outlet"), ROW, TEXT, _pred(outlet="Dân trí"))
    assert only_p["outlet"].precision == 1.0 and only_p["outlet"].recall is None


def test_counts_add_up() -> None:
    a, b = automatic.AutoCounts(1, 0, 1, 1, 2), automatic.AutoCounts(0, 1, 0, 0, 1)
    a.add(b)
    assert a.to_json() == {"precision": 0.5, "recall": 0.5, "tp": 1, "fp": 1, "recall_tp": 1, "fn": 1, "files": 3}
