"""Acronym rules: in-text definitions checked by initials, dictionary fallback, seeds."""
from pathlib import Path

import pytest

from flows.text.acronyms import DICTIONARY, find_acronyms

RAW = Path(__file__).resolve().parents[2] / "raw"


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
    ],
)
def test_in_text_definitions(text, acronym, expansion):
    assert _by_acronym(text)[acronym] == (expansion, "in_text")


@pytest.mark.parametrize(
    ("text", "acronym"),
    [
        ("phong trào toàn dân bảo vệ Tổ quốc (ANTQ) năm 2019", "ANTQ"),  # initials B-V-T-Q: a slip
        ("thu hút đầu tư trực tiếp nước ngoài (FDI).", "FDI"),            # English initials
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
    ],
)
def test_not_acronyms(text, absent):
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
     ("004_e5b9de7fa5e357f6.txt", ["ANTT", "ANQG"]), ("001_0bd30eea7aaaa816.txt", ["FDI"])],
)
def test_defined_only_keeps_bracketed_acronyms(name, expected):
    text = (RAW / name).read_text(encoding="utf-8")
    assert [a["acronym"] for a in find_acronyms(text, defined_only=True)] == expected
