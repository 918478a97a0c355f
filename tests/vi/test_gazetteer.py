"""Gazetteer: tables built from underthesea's mapping, aliases, false positives, localities, seeds."""

import pytest
from locations import RAW

from bantin.vi.gazetteer import (
    PROVINCES,
    PROVINCES_2025,
    canonical_province,
    find_localities,
    find_provinces,
    is_locality,
    to_2025,
)


def test_tables_have_63_and_34_units():
    assert len(PROVINCES) == len(set(PROVINCES)) == 63
    assert len(PROVINCES_2025) == len(set(PROVINCES_2025)) == 34
    assert {"Thừa Thiên Huế", "Hồ Chí Minh", "Bà Rịa - Vũng Tàu", "Hòa Bình"} <= set(PROVINCES)
    assert "Huế" in PROVINCES_2025 and "Huế" not in PROVINCES
    assert {to_2025(p) for p in PROVINCES} == set(PROVINCES_2025)


@pytest.mark.parametrize(
    ("old", "new"),
    [("Bến Tre", "Vĩnh Long"), ("Quảng Bình", "Quảng Trị"), ("Tiền Giang", "Đồng Tháp"),
     ("Ninh Bình", "Ninh Bình"), ("Hòa Bình", "Phú Thọ"), ("Thừa Thiên Huế", "Huế"),
     ("Khánh Hoà", "Khánh Hòa"), ("TP.HCM", "Hồ Chí Minh"), ("Bà Rịa-Vũng Tàu", "Hồ Chí Minh"),
     ("Gotham", None)],
)
def test_to_2025(old, new):
    assert to_2025(old) == new


@pytest.mark.parametrize(
    ("alias", "canonical"),
    [("TP.HCM", "Hồ Chí Minh"), ("TPHCM", "Hồ Chí Minh"), ("TP Hồ Chí Minh", None),
     ("Thừa Thiên - Huế", "Thừa Thiên Huế"), ("Huế", "Thừa Thiên Huế"), ("Thanh Hoá", "Thanh Hóa"),
     ("Hoà Bình", "Hòa Bình"), ("Bà Rịa – Vũng Tàu", "Bà Rịa - Vũng Tàu"), ("Bắc Cạn", "Bắc Kạn")],
)
def test_canonical_province(alias, canonical):
    assert canonical_province(alias) == canonical


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Ban Chấp hành Đảng bộ tỉnh Hòa Bình (khóa XVI)", ["Hòa Bình"]),
        ("Tỉnh uỷ Tiền Giang tổng kết Chỉ thị", ["Tiền Giang"]),          # inside an organisation
        ("TP. Bến Tre tổ chức thực hiện", ["Bến Tre"]),                   # city named like its province
        ("Công ty Xăng dầu Quảng Bình", ["Quảng Bình"]),
        ("Ninh Bình là tỉnh đầu tiên", ["Ninh Bình"]),
        ("Tại Quảng Ninh, đoàn công tác", ["Quảng Ninh"]),
        ("Bí thư Tỉnh ủy Bến Tre Lê Đức Thọ phát biểu", ["Bến Tre"]),
        ("TP.HCM, Bà Rịa-Vũng Tàu và Thừa Thiên - Huế", ["Hồ Chí Minh", "Bà Rịa - Vũng Tàu", "Thừa Thiên Huế"]),
        ("Khánh Hoà, Thanh Hoá và Khánh Hòa", ["Khánh Hòa", "Thanh Hóa"]),
        ("Thành phố Hồ Chí Minh và cố đô Huế", ["Hồ Chí Minh", "Thừa Thiên Huế"]),
        ("Đài PT-TH Long An", ["Long An"]),
    ],
)
def test_find_provinces(text, expected):
    assert find_provinces(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "ông Nguyễn Hà Nam phát biểu",          # part of a person's name
        "ông Hà Nam phát biểu",                 # honorific
        "Trần Bình Định, Phó Chủ tịch",
        "học tập và làm theo tư tưởng Hồ Chí Minh",
        "chị Huế cho biết",
        "Ảnh: Nguyễn Thị Huế",
        "khu vực châu Á - Thái Bình Dương",     # Pacific Ocean
        "diễn biến hòa bình",                   # peace, lower case
        "Ban Chỉ đạo Quốc phòng - An ninh tỉnh",  # `tỉnh` alone
        "nbtv.vn",
    ],
)
def test_not_provinces(text):
    assert find_provinces(text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("thị trấn Nông trường Việt Trung (huyện Bố Trạch)", ["thị trấn Nông trường Việt Trung", "huyện Bố Trạch"]),
        ("TP. Bến Tre", ["thành phố Bến Tre"]),
        ("bảo đảm quốc phòng 2 xã Hang Kia, Pà Cò, huyện Mai Châu.", ["xã Hang Kia", "xã Pà Cò", "huyện Mai Châu"]),
        ("phát triển kinh tế - xã hội Quảng Bình", []),  # `xã hội` is "society"
        ("UBND thị xã Hoà Bình", ["thị xã Hòa Bình"]),  # not in the data: capitalised-name fallback
        ("phường 5, Quận 1", ["phường 5", "quận 1"]),
        ("xã Tân Phú Đông tổ chức", ["xã Tân Phú Đông"]),
        ("các huyện, thành phố và xã, phường", []),
        ("TP. Hà Nội và TP.HCM", []),                   # centrally-run cities are provinces
        ("Huyện ủy Bố Trạch", []),
        ("xã (huyện ), thị trấn", []),
    ],
)
def test_find_localities(text, expected):
    assert find_localities(text) == expected


@pytest.mark.parametrize(
    ("name", "provinces", "localities"),
    [
        ("000_e6de8c14b1126a16.txt", ["Ninh Bình"], []),
        ("001_0bd30eea7aaaa816.txt", ["Hòa Bình"], ["xã Hang Kia", "xã Pà Cò", "huyện Mai Châu"]),
        ("002_16866fc71d093ade.txt", ["Quảng Bình"], ["thị trấn Nông trường Việt Trung", "huyện Bố Trạch"]),
        ("003_59b5e6cddb52a0b1.txt", ["Tiền Giang"], []),
        ("004_e5b9de7fa5e357f6.txt", ["Bến Tre"], ["thành phố Bến Tre"]),
    ],
)
def test_seeds(name, provinces, localities):
    text = (RAW / name).read_text(encoding="utf-8")
    assert find_provinces(text) == provinces
    assert find_localities(text) == localities


@pytest.mark.parametrize(
    ("text", "provinces"),
    [
        ("thành phố Cẩm Phả và thị xã Quảng Yên", ["Quảng Ninh"]),   # a provincial city, not a town
        ("TP. Tuy Hòa tổ chức", ["Phú Yên"]),
        ("huyện Bát Xát, xã Y Tý", []),                                # districts and communes do not
    ],
)
def test_provinces_of_cities(text, provinces):
    from bantin.vi.gazetteer import provinces_of_cities
    assert provinces_of_cities(find_localities(text)) == provinces


def test_province_after_a_youth_union_word():
    assert find_provinces("Ban Thường vụ Tỉnh Đoàn Nghệ An tổ chức gặp mặt") == ["Nghệ An"]


@pytest.mark.parametrize(("name", "is_one"), [("Hoàng Mai", True), ("hoàng mai", True), ("Nguyễn Văn Danh", False)])
def test_is_locality_reads_the_gazetteer_in_any_case(name, is_one) -> None:
    assert is_locality(name) is is_one
