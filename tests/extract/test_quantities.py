"""Quantity rules: Vietnamese number format, units, qualifiers, exclusions, seeds."""

import pytest
from locations import RAW

from bantin.extract import number_words
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
    assert _seed_quantities("004_e5b9de7fa5e357f6.txt") == [
        (265.0, "bài"), (1480.0, "tin"), (84.0, "tin"), (2.0, "nhiệm vụ chiến lược")]   # `hai nhiệm vụ`: in words


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # a range gives both ends (tests/realgold/GUIDE.md), the low end with the high end's unit
        ("Mỗi tổ có từ 4 đến 7 thành viên.", [(4.0, "thành viên", None), (7.0, "thành viên", None)]),
        ("tỷ lệ phiếu bầu đạt từ 65% đến 98%.", [(65.0, "%", None), (98.0, "%", None)]),
        ("mức hỗ trợ từ 1,5 đến 2 triệu đồng/người", [(1.5e6, "đồng", None), (2e6, "đồng", None)]),
        ("giảm 2 - 3%/năm", [(2.0, "%", None), (3.0, "%", None)]),
        # ages are left out; lengths and areas are measures with a unit
        ("chiến sĩ Lò Văn A (21 tuổi) được khen", []),
        ("tuyến biên giới dài 96 km với 12 mốc", [(96.0, "km", None), (12.0, "mốc", None)]),
        ("diện tích 14,2 km2, dân số 21.050 người", [(14.2, "km²", None), (21050.0, "người", None)]),
        ("khai hoang 30 ha rừng", [(30.0, "ha rừng", None)]),
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


def _rows(sentence: str) -> list[tuple[float, str, str | None]]:
    return [(q["value"], phrase(q), q["qualifier"]) for q in find_quantities(sentence)]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # counts in words; never `một` alone, `năm`/`tư` only inside a compound
        ("quan hệ giữa hai nước.", [(2, "nước", None)]),
        ("Hai bên thống nhất tăng cường hợp tác", [(2, "bên", None)]),
        ("lấy lời khai của ba người liên quan", [(3, "người liên quan", None)]),
        ("với hơn một trăm vai diễn, vở diễn", [(100, "vai diễn", "hơn")]),
        ("có hai mươi lăm hộ dân", [(25, "hộ dân", None)]),
        ("ẩn gần chục người lao ra", [(10, "người lao", "gần")]),
        ("bị hãm hại hai đến ba lần một tuần", [(2, "lần", None), (3, "lần", None)]),
        ("có một người bị thương", []),
        ("làm năm mẫu ruộng", []),                          # `năm` alone is too often the year
        ("đã ở đây hai năm", []),                           # a duration
        ("sang thăm Ba Lan", []),                           # a name
        ("Trưởng ban Trương Văn Bốn yêu cầu các ngành", []),
        ("ba mẹ đều làm ruộng", []),                        # `ba` = father
        ("lúa đã chín rộ", []),                             # `chín` = ripe
        ("lần thứ hai tổ chức", []),                        # an ordinal
        # `hàng chục/trăm/nghìn`: 10/100/1000 with qualifier `hàng`, times a scale word after it
        ("hàng chục cán bộ, chiến sỹ Đồn Biên phòng", [(10, "cán bộ", "hàng")]),
        ("hàng chục ngàn người phải rời bỏ nhà cửa", [(10000, "người", "hàng")]),
        ("với hàng trăm triệu bảng giá trị", [(1e8, "bảng giá trị", "hàng")]),
        ("khớp vài chục nghìn cổ phiếu", []),               # vague
    ],
)
def test_counts_in_words(sentence, expected):
    assert _rows(sentence) == [(float(v), u, q) for v, u, q in expected]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # ranges: both ends, the low end takes the high end's scale when it is the smaller number
        ("hỗ trợ 4-6 triệu đồng mỗi hộ", [(4e6, "đồng", None), (6e6, "đồng", None)]),
        ("lượng mưa phổ biến từ 15-30mm, cục bộ trên 70mm.", [(15, "mm", None), (30, "mm", None), (70, "mm", "trên")]),
        ("lượng mưa phổ biến 50 – 150 mm.", [(50, "mm", None), (150, "mm", None)]),
        ("tìm thấy hài cốt của 3 - 4 người đàn ông", [(3, "người đàn ông", None), (4, "người đàn ông", None)]),
        ("ông cho biết 13 trong số 14 tên lửa của Iran", [(13, "tên lửa", None), (14, "tên lửa", None)]),
        ("chiến thắng 5-0 trước Vallecano", []),           # a score: the first is not the smaller
        ("Chiều 3-4, ông Văn cho biết", []),                # a date: no unit after it
        ("thu 9.800 tỷ trong tổng số 20% thanh tra", [(20, "%", None)]),  # two kinds of figure
        # part of a whole: both; all of a whole: one; a half and dates: none
        ("đơn giản hóa 44/85 thủ tục hành chính", [(44, "thủ tục hành chính", None), (85, "thủ tục hành chính", None)]),
        ("đã thảm nhựa 2,22/2,83 km", [(2.22, "km", None), (2.83, "km", None)]),
        ("mặt đường hoàn thành 3.700/9.800m, nền", [(3700, "m", None), (9800, "m", None)]),
        ("và 1/2 xô canh", []),
        ("sáng 2/9 người dân đổ ra đường", []),
        # units glued to the number
        ("diện tích khoảng 15.000m2. Đồng thời", [(15000, "m²", "khoảng")]),
        ("phát hiện 2kg thịt bò", [(2, "kg thịt bò", None)]),
        ("dung tích 1.198cc, làm mát", [(1198, "cc", None)]),
        ("cấp 9 (75-88km/h), giật cấp 11", [(75, "km/h", None), (88, "km/h", None)]),
        ("hàng trăm nghìn mét vuông hang", [(1e5, "m² hang", "hàng")]),
    ],
)
def test_ranges_parts_and_glued_units(sentence, expected):
    assert _rows(sentence) == [(float(v), u, q) for v, u, q in expected]


@pytest.mark.parametrize(
    "sentence",
    [
        "Năm 2023, Vùng 2 Hải quân đã tiếp nhận",         # a capitalised word before: a name
        "tổ chức tại Landmark 72 Tower",
        "mẫu iPhone 7 Plus đã rơi vào",
        "Sư đoàn Không quân 372 chủ trì lễ",               # a military unit with its arm
        "Giám đốc Bệnh viện Quân y 175 thăm hỏi",
        "chung cư Minh Thành (173 Lê Văn Lương, quận 7)",  # an address
        "Sudoku kỳ 2648 chính xác",
        "Chuyên đề 2 hướng dẫn thực hiện",
        "Điển hình 5 giờ 30 sáng nay",                     # minutes
        "tâm bão ở vào khoảng 11,2 độ Vĩ Bắc",             # a coordinate
        "giật cấp 16 đổ bộ vào",                           # a wind force
        "mô hình chính quyền địa phương 2 cấp",            # a tier, not a count
        "trong vòng 8 tiếng đã đạt",                       # a duration
        "cầu Km0+897 và Km5+069 vẫn chậm",             # a chainage
    ],
)
def test_names_and_positions_are_not_figures(sentence):
    assert find_quantities(sentence) == []


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Có 4 người chết, 3 người bị thương", [(4, "người", None), (3, "người", None)]),   # verbs end the noun
        ("làm rõ 6 đối tượng nêu trên", [(6, "đối tượng", None)]),
        ("ra mắt 12 Ban Chỉ huy Phòng thủ khu vực", [(12, "Ban Chỉ huy Phòng thủ khu", None)]),  # 6 words at most
        ("Hơn 300 hộ dân được hỗ trợ", [(300, "hộ dân", "hơn")]),     # a qualifier opens the sentence
        ("đã trao trả cho Mỹ 994 hòm đựng hài cốt", [(994, "hòm đựng hài cốt", None)]),   # a name as object
        ("viện trợ cho Ukraine 400 triệu USD", [(4e8, "USD", None)]),
        ("dài 93,35 km bao gồm 2 hầm", [(93.35, "km", None), (2, "hầm", None)]),
        ("thực hiện cơ chế thu vào NSNN 75% tiền lãi dầu", [(75, "%", None)]),   # a share after an acronym
        ("tăng trưởng GDP 7% năm nay", [(7, "%", None)]),
        ("với hàng nghìn ngày công của bộ đội", [(1000, "ngày công", "hàng")]),  # work days: a count
        ("hoàn thành trong 5 ngày", []),
    ],
)
def test_capitals_and_verbs_around_figures(sentence, expected):
    assert _rows(sentence) == [(float(v), u, q) for v, u, q in expected]


@pytest.mark.parametrize(("words", "value"), [
    ("hai", 2), ("mười", 10), ("mười hai", 12), ("hai mươi", 20), ("hai mươi lăm", 25), ("hai mươi tư", 24),
    ("một trăm", 100), ("ba trăm nghìn", 300_000), ("hai triệu", 2e6), ("hai năm", None), ("mươi", None),
])
def test_parse_number_words(words, value):
    assert number_words.parse(words.split()) == (None if value is None else float(value))
