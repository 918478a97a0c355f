"""Date rules: datelines, lead dates, year resolution from evidence only, event dates, seeds."""
from datetime import date, datetime, timedelta, timezone

import pytest
from locations import RAW

from bantin.extract.dates import (
    dateline_in,
    dateline_prefix,
    find_dates,
    image_dates,
    lead_date,
    parse_dateline,
    year_from_review,
)

VN = timezone(timedelta(hours=7))


def _lines(name: str) -> list[str]:
    return [ln for ln in (RAW / name).read_text(encoding="utf-8").splitlines() if ln.strip()]


@pytest.mark.parametrize(
    ("dateline", "day", "at"),
    [
        ("30/01/2023 - 05:30", date(2023, 1, 30), datetime(2023, 1, 30, 5, 30, tzinfo=VN)),
        ("Thứ Hai, 30/01/2023 05:30 (GMT+7)", date(2023, 1, 30), datetime(2023, 1, 30, 5, 30, tzinfo=VN)),
        ("Cập nhật: 08:15 ngày 12/03/2024", date(2024, 3, 12), datetime(2024, 3, 12, 8, 15, tzinfo=VN)),
        ("15:20 | 04/05/2022", date(2022, 5, 4), datetime(2022, 5, 4, 15, 20, tzinfo=VN)),
        ("Chủ nhật, 5-3-2023, 7h05", date(2023, 3, 5), datetime(2023, 3, 5, 7, 5, tzinfo=VN)),
        ("Ngày 5 tháng 3 năm 2020", date(2020, 3, 5), None),
        ("04/05/2022", date(2022, 5, 4), None),
        ("Đăng lúc 3 Tháng 4, 2021 bởi admin", date(2021, 4, 3), None),           # WordPress style
        ("Ngày đăng: Chủ nhật, 14 Tháng 2 2021 16:45", date(2021, 2, 14),
         datetime(2021, 2, 14, 16, 45, tzinfo=VN)),                              # Joomla style
    ],
)
def test_parse_dateline(dateline, day, at):
    assert parse_dateline(dateline) == (day, at)


@pytest.mark.parametrize(
    ("dateline", "arrived"),
    [("12/3", None), ("31/02/2020 10:00", None), ("01/01/1930", None),
     ("30/01/2023 - 05:30", date(2023, 1, 29))],  # after the file arrived
)
def test_parse_dateline_rejects(dateline, arrived):
    assert parse_dateline(dateline, arrived) is None


@pytest.mark.parametrize(
    ("lead", "expected"),
    [
        ("Chiều 27/12, Ban Chỉ đạo tổ chức", (27, 12, None)),
        ("(THTG) Ngày 11-11, Ban thường vụ", (11, 11, None)),
        ("(*) – Ngày 26/02/2020, tổ chức hội nghị", (26, 2, 2020)),
        ("Ngày 17/9/2019, Ban Chấp hành", (17, 9, 2019)),
        ("BDK - Sáng nay (12/3), đoàn công tác", (12, 3, None)),
        ("Sáng 5 tháng 3 năm 2020, hội nghị", (5, 3, 2020)),
        ("Hà Nội - Chiều 12/3, Bộ Công an", (12, 3, None)),   # place dateline before the date
        ("VOV.VN - Sáng 12/3, đoàn", (12, 3, None)),
        ("Kết luận số 249-KL/TU ngày 17/9/2019", None),  # not an opening event date
        ("Những năm qua, các thế lực", None),
        ("Ngày 31/2, hội nghị", None),                   # no such day
    ],
)
def test_lead_date(lead, expected):
    assert lead_date(lead) == expected


def test_image_dates():
    assert image_dates(["vlcsnap-2020-11-11-14h39m56s038", "IMG_20191227_101010.jpg", "anh1.jpg"]) == [
        date(2020, 11, 11), date(2019, 12, 27)]


def test_year_from_image_file_near_the_day():
    got = find_dates(dateline=None, lead="Chiều 30/12, hội nghị", body=[],
                     image_files=["IMG_20210102_0900.jpg"], arrived=date(2021, 2, 1))
    assert (got.published_date, got.date_source) == (date(2020, 12, 30), "photo_filename")


def test_image_file_too_far_from_the_day_is_not_evidence():
    got = find_dates(dateline=None, lead="Chiều 30/6, hội nghị", body=[],
                     image_files=["IMG_20210102_0900.jpg"], arrived=None)
    assert (got.published_date, got.date_source) == (None, None)


def test_year_from_same_day_written_in_full_elsewhere():
    got = find_dates(dateline=None, lead="Chiều 27/12, hội nghị tổng kết",
                     body=["Hội nghị ngày 27/12/2019 đã thống nhất."], image_files=[], arrived=None)
    assert (got.published_date, got.date_source) == (date(2019, 12, 27), "body")


def test_referenced_years_alone_do_not_give_a_year():
    got = find_dates(dateline=None, lead="Chiều 27/12, tổng kết giai đoạn 2015 - 2020.",
                     body=["năm 2020 là thời điểm diễn ra nhiều sự kiện"], image_files=[], arrived=None)
    assert (got.published_date, got.published_at, got.date_source) == (None, None, None)


def test_dateline_wins_and_event_dates_are_full_dates():
    got = find_dates(dateline="30/01/2023 - 05:30", lead="Ngày 28/1, hội nghị",
                     body=["ban hành ngày 20/6/2014", "Nghị quyết ngày 25/10/2017 và ngày 20/6/2014",
                           "thành lập Đảng 3/2/1930", "số 03/2019/NĐ-CP"],
                     image_files=[], arrived=date(2023, 2, 1))
    assert got.date_source == "dateline"
    assert got.published_at == datetime(2023, 1, 30, 5, 30, tzinfo=VN)
    assert got.event_dates == (date(1930, 2, 3), date(2014, 6, 20), date(2017, 10, 25))


def test_lead_date_after_arrival_is_rejected():
    got = find_dates(dateline=None, lead="Ngày 26/02/2020, hội nghị", body=[], image_files=[],
                     arrived=date(2020, 1, 1))
    assert (got.published_date, got.date_source) == (None, None)


def test_seed_000_december_event_without_year_stays_empty():
    lines = _lines("000_e6de8c14b1126a16.txt")
    got = find_dates(dateline=None, lead=lines[1], body=lines[2:], image_files=[], arrived=date(2025, 1, 1))
    assert (got.published_date, got.date_source, got.event_dates) == (None, None, ())


def test_lead_date_that_is_a_cited_documents_issue_date_is_not_the_publication_date():
    lead = "Ngày 17/9/2019, Tỉnh ủy ban hành Kết luận số 249-KL/TU."
    body = ["Thực hiện Kết luận số 249-KL/TU ngày 17/9/2019 của Tỉnh ủy."]
    got = find_dates(dateline=None, lead=lead, body=body, image_files=[], arrived=None)
    assert (got.published_date, got.date_source, got.event_dates) == (None, None, (date(2019, 9, 17),))
    got = find_dates(dateline=None, lead="Ngày 17/9/2019, Tỉnh ủy họp.", body=body[:0], image_files=[],
                     arrived=None)
    assert (got.published_date, got.date_source) == (date(2019, 9, 17), "body")


def test_seed_001_lead_date_is_the_conclusions_issue_date():
    lines = _lines("001_0bd30eea7aaaa816.txt")
    got = find_dates(dateline=None, lead=lines[1], body=lines[2:], image_files=[], arrived=date(2025, 1, 1))
    assert (got.published_date, got.date_source) == (None, None)
    assert got.event_dates == (date(2013, 10, 25), date(2014, 6, 20), date(2014, 11, 5),
                               date(2017, 10, 25), date(2019, 9, 17))


def test_seed_002_anonymous_marker_then_full_date():
    lines = _lines("002_16866fc71d093ade.txt")
    lead = next(ln for ln in lines if ln.startswith("(*)"))
    got = find_dates(dateline=None, lead=lead, body=[], image_files=[], arrived=date(2025, 1, 1))
    assert (got.published_date, got.date_source) == (date(2020, 2, 26), "body")


def test_seed_003_year_from_camera_file_names():
    lines = _lines("003_59b5e6cddb52a0b1.txt")
    images = [ln for ln in lines if ln.startswith("vlcsnap")]
    got = find_dates(dateline=None, lead=lines[1], body=lines[2:], image_files=images, arrived=date(2025, 1, 1))
    assert (got.published_date, got.published_at, got.date_source) == (date(2020, 11, 11), None, "photo_filename")
    assert got.event_dates == (date(2020, 11, 11),)


def test_seed_003_without_images_has_no_year():
    lines = _lines("003_59b5e6cddb52a0b1.txt")
    got = find_dates(dateline=None, lead=lines[1], body=[], image_files=[], arrived=None)
    assert (got.published_date, got.date_source) == (None, None)


def test_seed_004_dateline():
    lines = _lines("004_e5b9de7fa5e357f6.txt")
    got = find_dates(dateline=lines[1], lead=lines[2], body=lines[3:], image_files=[], arrived=date(2025, 1, 1))
    assert got.published_date == date(2023, 1, 30)
    assert got.published_at == datetime(2023, 1, 30, 5, 30, tzinfo=VN)
    assert got.published_at.utcoffset() == timedelta(hours=7)
    assert got.date_source == "dateline"
    assert got.event_dates == ()


@pytest.mark.parametrize(
    ("lead", "day", "month", "expected"),
    [
        ("Sáng 20/12, Công an huyện tổ chức hội nghị tổng kết công tác năm 2021.", 20, 12, date(2021, 12, 20)),
        ("Ngày 8/1, Hội Nông dân tổng kết phong trào thi đua năm 2022, triển khai nhiệm vụ năm 2023",
         8, 1, date(2023, 1, 8)),                       # early next year
        ("Chiều 28/12, tỉnh tổng kết giai đoạn 2016 - 2020", 28, 12, None),  # a period: no year
        ("Sáng 15/6, sơ kết 6 tháng đầu năm 2022", 15, 6, None),             # no review, mid-year
        ("Sáng 14/7, tổng kết công tác năm 2021", 14, 7, None),              # month says nothing
        ("Ngày 2/11, tổng kết năm 2019 và tổng kết năm 2020", 2, 11, None),  # two years: unsure
    ],
)
def test_year_from_review(lead, day, month, expected):
    assert year_from_review(lead, day, month) == expected


def test_review_year_resolves_a_yearless_lead():
    got = find_dates(dateline=None, lead="Sáng 12/12, Đồn Biên phòng tổng kết công tác năm 2022.",
                     body=[], image_files=[])
    assert (got.published_date, got.date_source) == (date(2022, 12, 12), "body")


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Thứ Tư, 05/03/2025, 14:10 [GMT+7]", date(2025, 3, 5)),       # a dateline in the title slot
        ("7 Tháng Mười Hai, 2024", date(2024, 12, 7)),                 # month as a word
        ("20 tháng Tư năm 2023", date(2023, 4, 20)),
        ("Mục tin » An ninh Ngày đăng: 09/01/2025 | Lượt xem: 51 Sáng 8/1", date(2025, 1, 9)),  # labelled
        ("Cập nhật lúc 07:45 ngày 02/02/2024", date(2024, 2, 2)),
        ("Ngày 9/4/2024, Bộ Chỉ huy tổ chức hội nghị", None),          # running text, not a dateline
        ("Đại hội nhiệm kỳ 2020 - 2025", None),
        ("Số 12/2024", None),
    ],
)
def test_dateline_in(line, expected):
    from bantin.extract.dates import dateline_in
    found = dateline_in(line)
    assert (parse_dateline(found)[0] if found else None) == expected


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("24-03-2025 - 14:22 | Pháp luật", "24-03-2025 - 14:22"),   # date, time, then the section
        ("24/03/2025 | TP HCM 31°C", None),                          # weather bar: no time before the label
        ("Ngày 9/4 | Hội nghị", None),
    ],
)
def test_dateline_with_trailing_label(line, expected):
    assert dateline_in(line) == expected


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Thứ Ba, 28/01/2025 | 15:06 ĐBP - Sáng 27/1, Đảng ủy Quân sự tỉnh tổ chức hội nghị.", "Thứ Ba, 28/01/2025 | 15:06"),
        ("Chủ nhật, 5-1-2025 Sáng nay, tỉnh tổ chức.", "Chủ nhật, 5-1-2025"),
        ("Ngày 26/02/2020, tổ chức hội nghị tổng kết.", None),       # running text dates an event
        ("Thứ Ba, 28/01 tỉnh tổ chức", None),                       # no year: not the page's stamp
        # vietnam-news: the story dates its event, a clause goes on after the comma
        ("Chủ nhật, ngày 20-11-2016, Chánh văn phòng công tố khu vực trung tâm Seoul kết luận.", None),
        ("Thứ Ba, 05/11/2024, 08:20 [GMT+7] Sáng nay, tỉnh tổ chức.", "Thứ Ba, 05/11/2024, 08:20"),
    ],
)
def test_dateline_prefix(line, expected):
    assert dateline_prefix(line) == expected


@pytest.mark.parametrize(
    ("second", "expected"),
    [
        ("Sáng 27/6/2025, Bộ trưởng chủ trì hội nghị.", (date(2025, 6, 27), "body")),
        ("Chiều ngày 25/6/2025, hơn 700 nhà bán hàng dự.", (date(2025, 6, 25), "body")),
        ("Sáng 27/6, Bộ trưởng chủ trì hội nghị.", (None, None)),  # no year this far down
        ("Bộ trưởng chủ trì hội nghị sáng 27/6/2025.", (None, None)),  # not opening the paragraph
    ],
)
def test_date_opening_the_paragraph_after_a_sapo(second, expected):
    lead = "Tại hội nghị, các chuyên gia đã cung cấp cái nhìn sâu sắc."
    got = find_dates(dateline=None, lead=lead, body=[lead, second, "Sáng 28/6/2025, tiếp tục."], image_files=[],
                     arrived=date(2025, 7, 1))
    assert (got.published_date, got.date_source) == expected


@pytest.mark.parametrize(
    ("between", "expected"),
    [
        # a caption with no stop between sapo and story (baomoi-NER, flattened): looked over
        ("Bộ Công Thương tổ chức hội nghị tập huấn chuyên sâu về phân cấp, phân quyền đối với địa phương",
         date(2025, 6, 27)),
        ("Hướng dẫn thực hiện 13 chuyên đề", date(2025, 6, 27)),  # a heading, likewise
        ("Hội nghị diễn ra trong hai ngày.", None),  # a sentence: the story has started, no date there
    ],
)
def test_date_opening_the_paragraph_after_a_caption_below_the_sapo(between, expected):
    lead = "Tại hội nghị, các chuyên gia đã cung cấp cái nhìn sâu sắc."
    body = [lead, between, "Sáng 27/6/2025, tại trụ sở Bộ Công Thương, Bộ trưởng chủ trì hội nghị."]
    got = find_dates(dateline=None, lead=lead, body=body, image_files=[], arrived=date(2025, 7, 1))
    assert got.published_date == expected


@pytest.mark.parametrize(
    "title, lead, expected",
    [
        # a real baomoi page (bm2025-c53652042): headline and first sentence name the same day
        ("Phân luồng giao thông tại một số tuyến phố khu vực Hợp Giang, phường Thục Phán từ ngày 3/11/2025",
         "Nhằm giải quyết ùn tắc giao thông cục bộ, UBND phường Thục Phán tổ chức phân luồng giao thông "
         "tại một số tuyến phố thuộc khu vực Hợp Giang từ ngày 3/11/2025. Thời gian áp dụng từ ngày 03/11/2025.",
         date(2025, 11, 3)),
        # the lead alone names a full date: a document's or a past event's, not taken
        ("Phân luồng giao thông tại khu vực Hợp Giang",
         "UBND phường tổ chức phân luồng giao thông từ ngày 3/11/2025.", None),
        # the headline's date is only in the lead's second sentence
        ("Bản tin thời tiết ngày 3/11/2025",
         "Theo dự báo, trời nhiều mây. Ngày 3/11/2025 có mưa rào.", None),
        # two dates echoed: which day the story is about is not said
        ("Từ 1/11/2025 đến 3/11/2025 cấm đường", "Từ ngày 1/11/2025 đến ngày 3/11/2025, cấm đường.", None),
        # the echoed day is the issue date of the decision the story quotes: it dates the document
        ("Quyết định số 12/QĐ-UBND ngày 3/11/2025", "Quyết định số 12/QĐ-UBND ngày 3/11/2025 của UBND tỉnh.", None),
    ],
)
def test_a_full_date_echoed_by_the_headline_dates_the_story(title, lead, expected):
    got = find_dates(dateline=None, lead=lead, body=[lead], image_files=[], arrived=date(2026, 1, 1), title=title)
    assert got.published_date == expected
    assert got.date_source == ("body" if expected else None)
