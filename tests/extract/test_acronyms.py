"""Acronym rules: in-text definitions checked by initials, dictionary fallback, seeds."""

import pytest
from locations import RAW

from bantin.extract.acronyms import DICTIONARY, find_acronyms, spells


def _by_acronym(text: str) -> dict[str, tuple[str, str]]:
    return {a["acronym"]: (a["expansion"], a["source"]) for a in find_acronyms(text)}


@pytest.mark.parametrize(
    ("text", "acronym", "expansion"),
    [
        ("bảo vệ an ninh quốc gia (ANQG) trong tình hình mới", "ANQG", "an ninh quốc gia"),
        ("gây mất an ninh trật tự (ANTT) vẫn còn", "ANTT", "an ninh trật tự"),
        ("Trưởng Ban Chỉ đạo (BCĐ) 138 tỉnh", "BCĐ", "Ban Chỉ đạo"),
        ("nhiệm vụ Quốc phòng - an ninh (QP-AN) của tỉnh", "QP-AN", "Quốc phòng - an ninh"),
        ("Cổng thông tin điện tử (TTĐT) tỉnh", "TTĐT", "thông tin điện tử"),
        ("ANTQ (an ninh Tổ quốc) là", "ANTQ", "an ninh Tổ quốc"),
        # `&` is the word `và`; long acronyms may skip a word or two inside the run
        ("Sở Văn hóa và Thể thao (VH&TT) tỉnh", "VH&TT", "Văn hóa và Thể thao"),
        ("Sở Văn hóa, Thể thao (VH&TT) tỉnh", "VH&TT", "Văn hóa, Thể thao"),
        ("Phòng chống buôn lậu và gian lận thương mại (CBL&GLTM) làm", "CBL&GLTM",
         "chống buôn lậu và gian lận thương mại"),
        ("tổ công tác xử lý vi phạm về trật tự đô thị (XLVPTTĐT) của quận", "XLVPTTĐT",
         "xử lý vi phạm về trật tự đô thị"),
    ],
)
def test_in_text_definitions(text, acronym, expansion):
    assert _by_acronym(text)[acronym] == (expansion, "in_text")


@pytest.mark.parametrize(
    ("text", "acronym"),
    [
        ("phong trào toàn dân bảo vệ Tổ quốc (ANTQ) năm 2019", "ANTQ"),  # initials B-V-T-Q: a slip
        ("HĐND, UBND tỉnh", "UBND"),
    ],
)
def test_dictionary_fallback(text, acronym):
    assert _by_acronym(text)[acronym] == (DICTIONARY[acronym], "dictionary")


@pytest.mark.parametrize(
    ("text", "absent"),
    [
        ("Nghị quyết số 28-NQ/TW ngày 25/10/2013", "TW"),   # inside a document symbol
        ("Kế hoạch số 79/KH-UBND", "UBND"),
        ("UBNDX là chuỗi lạ", "UBND"),                        # not a whole word
        ("(THTG) Ngày 11-11, Ban thường vụ", "THTG"),         # outlet marker, nothing defines it
        ("Ủy ban nhân dân tỉnh", "UBND"),                     # the expansion alone is not a use
        ("thu hút vốn đầu tư trực tiếp nước ngoài (FDI) tăng", "FDI"),  # English initials: a gloss
        ("vì sự phát triển bền vững (SDG) của", "SDG"),                  # gloss, no dictionary entry
        ("phong trào toàn dân bảo vệ quốc gia (ANQG) ở", "ANQG"),       # skip budget 1 < 2 words
    ],
)
def test_not_acronyms(text, absent):
    assert absent not in _by_acronym(text) or _by_acronym(text)[absent][1] == "dictionary"


@pytest.mark.parametrize(
    ("text", "absent"),
    [
        ("thu hút vốn đầu tư trực tiếp nước ngoài (FDI) tăng", "FDI"),
        ("vì sự phát triển bền vững (SDG) của", "SDG"),
    ],
)
def test_glosses_are_not_definitions(text, absent):
    assert absent not in _by_acronym(text)


@pytest.mark.parametrize(
    ("expansion", "acronym", "exact", "expected"),
    [
        ("an ninh trật tự", "ANTT", True, True),
        ("giáo dục và đào tạo", "GD&ĐT", True, True),
        ("giáo dục đào tạo", "GD&ĐT", False, True),        # `&` may be absent
        ("an ninh trật tự", "ANTQ", False, False),
        ("tội phạm dùng công nghệ cao", "TPCNC", False, True),  # 5 letters: 1 skip allowed
        ("tội phạm dùng công nghệ cao", "TPCNC", True, False),
        ("tội phạm sử dụng công nghệ cao", "TPCNC", False, False),  # 2 skips > budget 1
        ("Ủy ban nhân dân", "UBND", True, True),             # tone and hook marks ignored
        ("Trung ương", "TW", True, True),                    # W stands for Ư
        ("an ninh quốc gia thêm", "ANQG", False, False),   # the last word must match
    ],
)
def test_spells(expansion, acronym, exact, expected):
    assert spells(expansion, acronym, exact=exact) is expected


@pytest.mark.parametrize("acronym", sorted(DICTIONARY))
def test_dictionary_expansions_spell_their_acronym(acronym):
    assert spells(DICTIONARY[acronym], acronym, exact=True)


@pytest.mark.parametrize(
    ("text", "absent"),
    [
        ("Nghị quyết số 28-NQ/TW ngày 25/10/2013", "TW"),    ],
)
def test_symbol_issuers_are_not_acronyms(text, absent):
    assert absent not in _by_acronym(text)


def test_seed_002_antq_slip_falls_back_to_dictionary():
    text = (RAW / "002_16866fc71d093ade.txt").read_text(encoding="utf-8")
    got = _by_acronym(text)
    assert got["ANTQ"] == ("an ninh Tổ quốc", "dictionary")
    assert got["BCĐ"] == ("Ban Chỉ đạo", "in_text")
    assert got["ANTT"] == ("an ninh trật tự", "dictionary")


def test_seed_004_definitions_and_order():
    text = (RAW / "004_e5b9de7fa5e357f6.txt").read_text(encoding="utf-8")
    got = find_acronyms(text)
    assert [a["acronym"] for a in got] == ["ANTT", "ANQG", "UBND", "MTTQ"]
    assert [a["source"] for a in got] == ["in_text", "in_text", "dictionary", "dictionary"]


def test_seed_000_dictionary_in_order_of_use():
    text = (RAW / "000_e6de8c14b1126a16.txt").read_text(encoding="utf-8")
    assert [a["acronym"] for a in find_acronyms(text)] == ["UVBCH", "TW", "BTV", "HĐND", "UBND", "KVPT"]


@pytest.mark.parametrize(
    ("name", "expected"),
    [("000_e6de8c14b1126a16.txt", []), ("002_16866fc71d093ade.txt", ["BCĐ", "ANTQ"]),
     ("004_e5b9de7fa5e357f6.txt", ["ANTT", "ANQG"]), ("001_0bd30eea7aaaa816.txt", [])],
)
def test_defined_only_keeps_bracketed_acronyms(name, expected):
    text = (RAW / name).read_text(encoding="utf-8")
    assert [a["acronym"] for a in find_acronyms(text, defined_only=True)] == expected
