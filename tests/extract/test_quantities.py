"""Quantity rules: Vietnamese number format, units, qualifiers, exclusions, seeds."""

import pytest
from locations import RAW

from bantin.extract.measures import phrase
from bantin.extract.quantities import find_quantities, parse_number


@pytest.mark.parametrize(
    ("raw", "scale", "value"),
    [("7.900", None, 7900.0), ("230.000", None, 230000.0), ("1,5", "triệu", 1_500_000.0),
     ("1.234,5", None, 1234.5), ("25", "tỷ", 25e9), ("3", "nghìn", 3000.0), ("2", "ngàn", 2000.0)],
)
def test_parse_number(raw, scale, value):
    assert parse_number(raw, scale) == value


@pytest.mark.parametrize(
    ("sentence", "value", "unit", "qualifier", "mention"),  # unit: the phrase, unit and noun joined
    [
        ("đã bàn giao 7.900 công dân nhập ngũ cho các đơn vị", 7900, "công dân", None, "7.900 công dân"),
        ("tổ chức được 1.931 buổi tuyên truyền với", 1931, "buổi tuyên truyền", None, "1.931 buổi tuyên truyền"),
        ("với 230.000 lượt người tham gia", 230000, "lượt người", None, "230.000 lượt người"),
        ("hoàn thành 100% chỉ tiêu giao nhận quân", 100, "%", None, "100%"),
        ("với hơn 18.000 đội viên;", 18000, "đội viên", "hơn", "hơn 18.000 đội viên"),
        ("bố trí 461 đồng chí Công an chính quy đảm nhiệm", 461, "đồng chí Công an chính quy", None,
         "461 đồng chí Công an chính quy"),
        ("xác định 9 nhiệm vụ công tác trọng tâm để tập trung", 9, "nhiệm vụ công tác trọng tâm", None,
         "9 nhiệm vụ công tác trọng tâm"),
        ("lập 18.161 biên bản kiểm tra, hướng dẫn", 18161, "biên bản kiểm tra", None, "18.161 biên bản kiểm tra"),
        ("bảo đảm quốc phòng 2 xã Hang Kia, Pà Cò", 2, "xã", None, "2 xã"),
        ("tuyên truyền cho 36.259 người tham gia phòng", 36259, "người", None, "36.259 người"),
        ("tại 130 xã trên địa bàn", 130, "xã", None, "130 xã"),
        ("đăng tải hơn 265 bài trên trang", 265, "bài", "hơn", "hơn 265 bài"),
        ("Đã phát trên 1.480 tin trong chuyên mục", 1480, "tin", "trên", "trên 1.480 tin"),
        ("hỗ trợ khoảng 1,5 triệu đồng mỗi hộ", 1_500_000, "đồng", "khoảng", "khoảng 1,5 triệu đồng"),
        ("gần như 90% hộ dân", 90, "%", "gần như", "gần như 90%"),
        ("Có gần 300 hộ gia đình được hỗ trợ", 300, "hộ gia đình", "gần", "gần 300 hộ gia đình"),
        ("xảy ra 12 vụ tai nạn giao thông", 12, "vụ tai nạn giao thông", None, "12 vụ tai nạn giao thông"),
        ("đạt 95,5% kế hoạch", 95.5, "%", None, "95,5%"),
        ("tổng số 200 người", 200, "người", None, "200 người"),
        ("Năm 2019, có 30 người tham gia", 30, "người", None, "30 người"),
    ],
)
def test_quantities(sentence, value, unit, qualifier, mention):
    got = find_quantities(sentence)
    assert len(got) == 1, got
    assert set(got[0]) == {"value", "unit", "noun", "qualifier", "mention"}
    assert {**got[0], "unit": phrase(got[0]), "noun": None} == {"value": float(value), "unit": unit, "noun": None,
                                                               "qualifier": qualifier, "mention": mention}


@pytest.mark.parametrize(
    "sentence",
    [
        "Chiều 27/12, Ban Chỉ đạo họp",              # day/month
        "Ngày 17/9/2019, ban hành",                   # full date
        "(THTG) Ngày 11-11, Ban thường vụ",           # dashed date
        "30/01/2023 - 05:30",                         # dateline and time
        "lúc 14h30 tại hội trường",                   # time
        "giai đoạn 2015 - 2020",                      # period years
        "năm 2020 là thời điểm",                      # year
        "Kết luận số 249-KL/TU",                      # document symbol
        "thực hiện Chỉ thị 48",                       # document number
        "Nghị quyết số 08 của Tỉnh ủy",
        "1. Quán triệt và thực hiện",                 # list marker
        "lần thứ 3 tổ chức",                          # ordinal
        "Trưởng Ban Chỉ đạo (BCĐ) 138 tỉnh",          # organisation number
        "BCĐ 138 các huyện",
        "được Quân khu 4 đánh giá cao",
        "Nghị quyết Trung ương 8 khóa XI",
        "qua 10 năm thực hiện Chỉ thị",               # duration
        "sau 4 năm hoạt động",
        "kỷ niệm 15 năm Ngày hội",
        "vlcsnap-2020-11-11-14h39m56s038",            # camera file name
        "0",                                          # page furniture, no unit
        "thu 3.5 tỷ",                                 # ambiguous decimal point: skipped
        "phòng chống Covid-19 hiệu quả",
    ],
)
def test_not_quantities(sentence):
    assert find_quantities(sentence) == []


def _seed_quantities(name: str) -> list[tuple[float, str]]:
    text = (RAW / name).read_text(encoding="utf-8")
    return [(q["value"], phrase(q)) for line in text.splitlines() for q in find_quantities(line)]


def test_seed_000():
    assert _seed_quantities("000_e6de8c14b1126a16.txt") == [
        (9.0, "nhiệm vụ công tác trọng tâm"), (100.0, "%"), (7900.0, "công dân")]


def test_seed_002():
    got = _seed_quantities("002_16866fc71d093ade.txt")
    assert (1931.0, "buổi tuyên truyền") in got
    assert (230000.0, "lượt người") in got
    assert (18000.0, "đội viên") in got
    assert (36259.0, "người") in got
    assert (24.0, "xã trọng điểm") in got
    assert not any(v in (138.0, 15.0, 2019.0, 2020.0, 26.0) for v, _ in got)


def test_seed_003_has_no_figures():
    assert _seed_quantities("003_59b5e6cddb52a0b1.txt") == []


def test_seed_004():
    assert _seed_quantities("004_e5b9de7fa5e357f6.txt") == [(265.0, "bài"), (1480.0, "tin"), (84.0, "tin")]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # ranges give no single value
        ("Mỗi tổ có từ 4 đến 7 thành viên.", []),
        ("tỷ lệ phiếu bầu đạt từ 65% đến 98%.", []),
        ("mức hỗ trợ từ 1,5 đến 2 triệu đồng/người", []),
        ("giảm 2 - 3%/năm", []),
        # ages, lengths and areas are measurements
        ("chiến sĩ Lò Văn A (21 tuổi) được khen", []),
        ("tuyến biên giới dài 96 km với 12 mốc", [(12.0, "mốc", None)]),
        ("diện tích 14,2 km2, dân số 21.050 người", [(21050.0, "người", None)]),
        ("khai hoang 30 ha rừng", []),
        # page counters inside a line
        ("Lượt xem: 215 Sáng 3/3", []),
        # all N of N is a count; `24/24 giờ` a duration; `12/12` a date
        ("15/15 xã đạt chuẩn", [(15.0, "xã", None)]),
        ("trực 24/24 giờ", []),
        ("ngày 12/12, tổ chức", []),
        # `từ N ... trở lên` is `ít nhất`
        ("thôn có từ 300 hộ trở lên", [(300.0, "hộ", "ít nhất")]),
    ],
)
def test_exclusions_and_shapes(sentence, expected):
    assert [(q["value"], phrase(q), q["qualifier"]) for q in find_quantities(sentence)] == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("chiếm đoạt hơn 12 tỉ đồng của 47 bị hại ở nhiều tỉnh", [(12e9, "đồng", "hơn"), (47, "bị hại", None)]),
        ("khởi tố 6 bị can về tội lừa đảo", [(6, "bị can", None)]),
        ("thu giữ 30 bánh heroin qua biên giới", [(30, "bánh heroin", None)]),   # `qua` ends the noun
        ("thu hồi hơn 3,6 tỷ đồng trả cho người dân", [(3.6e9, "đồng", "hơn")]),  # money ends the noun
        ("bố trí 461 đồng chí tham gia", [(461, "đồng chí", None)]),             # not money
        ("trang đã xuất hiện vào 3 thg 3, 2025 02:11:47 GMT", []),              # `thg` = month
    ],
)
def test_unit_boundaries(sentence, expected):
    got = [(q["value"], phrase(q), q["qualifier"]) for q in find_quantities(sentence)]
    assert got == [(float(v), u, q) for v, u, q in expected]
