"""Decoding: BOMs, UTF-16, mojibake, legacy Vietnamese encodings, binary and invalid bytes."""
from __future__ import annotations

import codecs
import unicodedata

import ftfy.bad_codecs  # noqa: F401  (registers 'sloppy-windows-1252')
import pytest
from locations import SEEDS

from bantin.ingest.decode import DecodeError, decode, decode_legacy, sniff_binary
from bantin.ingest.legacy_vn import decode_tcvn3, decode_vni, encode_cp1258, encode_tcvn3, encode_vni

SENTENCE = ("Chiều 27/12, đồng chí Nguyễn Thị Thanh, Bí thư Tỉnh ủy, chủ trì hội nghị tổng kết "
            "công tác quốc phòng, an ninh năm 2020 của tỉnh Quảng Bình; được đánh giá cao.")


def nfc(s: str) -> str:
    return unicodedata.normalize("NFC", s)


def seed_text(i: int = 2) -> str:
    return nfc(SEEDS[i].read_text(encoding="utf-8"))


@pytest.mark.parametrize("seed", SEEDS, ids=lambda p: p.name)
def test_seeds_decode_as_plain_utf8(seed):
    data = seed.read_bytes()
    assert decode(data) == (data.decode("utf-8"), "utf-8", ())


@pytest.mark.parametrize(
    ("bom", "codec", "encoding", "repairs"),
    [
        (codecs.BOM_UTF8, "utf-8", "utf-8", ("bom",)),
        (codecs.BOM_UTF16_LE, "utf-16-le", "utf-16-le", ("bom", "utf16")),
        (codecs.BOM_UTF16_BE, "utf-16-be", "utf-16-be", ("bom", "utf16")),
        (codecs.BOM_UTF32_LE, "utf-32-le", "utf-32-le", ("bom", "utf32")),
    ],
)
def test_byte_order_marks(bom, codec, encoding, repairs):
    text = seed_text()
    assert decode(bom + text.encode(codec)) == (text, encoding, repairs)


@pytest.mark.parametrize("wrong_codec", ["sloppy-windows-1252", "latin-1"])
@pytest.mark.parametrize("i", range(len(SEEDS)))
def test_mojibake_is_repaired_and_flagged(i, wrong_codec):
    text = seed_text(i)
    mojibake = text.encode("utf-8").decode(wrong_codec).encode("utf-8")
    assert decode(mojibake) == (text, "utf-8", ("mojibake",))


def test_partial_mojibake_marker_without_improvement_is_left_alone():
    # "Ã" followed by "©" in a real text about a copyright: no better Vietnamese after repair.
    text = "Bản quyền thuộc về Báo tỉnh. TÃ© ©"
    assert decode(text.encode("utf-8")) == (text, "utf-8", ())


def test_cp1258_encoder_uses_tone_mark_bytes():
    assert encode_cp1258("Việt") == b"Vi\xea\xf2t"  # ê + combining dot below (0xF2)
    assert unicodedata.normalize("NFC", encode_cp1258("Việt").decode("cp1258")) == "Việt"


@pytest.mark.parametrize("i", range(len(SEEDS)))
def test_windows_1258_seed_decodes(i):
    text = seed_text(i)
    assert decode(encode_cp1258(text)) == (text, "cp1258", ("cp1258",))


@pytest.mark.parametrize("i", range(len(SEEDS)))
def test_vni_seed_round_trip(i):
    text = seed_text(i)
    assert decode(encode_vni(text)) == (text, "vni", ("vni",))


@pytest.mark.parametrize("i", range(len(SEEDS)))
def test_tcvn3_seed_round_trip_up_to_capitals_with_tones(i):
    # TCVN3 has no capitals with a tone mark (a separate capitals font drew them).
    text = seed_text(i)
    out, enc, repairs = decode(encode_tcvn3(text))
    assert (enc, repairs) == ("tcvn3", ("tcvn3",))
    assert out.lower() == text.lower()


def test_tcvn3_sentence_round_trip_exact():
    assert decode(encode_tcvn3(SENTENCE))[0] == SENTENCE


@pytest.mark.parametrize(
    ("legacy", "fn", "expected"),
    [
        # Strings as they appear in old documents, independent of our encoders.
        ("Céng hoµ x· héi chñ nghÜa ViÖt Nam", decode_tcvn3, "Cộng hoà xã hội chủ nghĩa Việt Nam"),
        ("§¶ng bé tØnh Qu¶ng B×nh ®\xadîc", decode_tcvn3, "Đảng bộ tỉnh Quảng Bình được"),
        ("Coäng hoaø xaõ hoäi chuû nghóa Vieät Nam", decode_vni, "Cộng hoà xã hội chủ nghĩa Việt Nam"),
        ("Tieáng Vieät, ñöôïc, Ñoàng, VIEÄT NAM, Bình Ñònh", decode_vni,
         "Tiếng Việt, được, Đồng, VIỆT NAM, Bình Định"),
    ],
)
def test_legacy_maps_on_known_strings(legacy, fn, expected):
    assert fn(legacy.encode("cp1252")) == nfc(expected)


@pytest.mark.parametrize(
    "data",
    [
        "Le comité a annoncé lundi que le pont sera ouvert".encode("latin-1"),  # not Vietnamese
        encode_cp1258("Hà Nội"),  # too little evidence
        encode_vni("Hà Nội"),
    ],
)
def test_legacy_decoding_refused_when_not_certain(data):
    assert decode_legacy(data) is None
    with pytest.raises(DecodeError) as exc:
        decode(data)
    assert exc.value.reason == "undecodable"


@pytest.mark.parametrize("where", [0.1, 0.5, 0.9])
def test_invalid_utf8_in_the_middle_is_quarantined_with_offset(where):
    data = seed_text().encode("utf-8")
    # Cut at a character boundary so the inserted bytes are the only invalid ones.
    cut = len(data[: int(len(data) * where)].decode("utf-8", errors="ignore").encode("utf-8"))
    bad = data[:cut] + b"\xff\xfe\x80" + data[cut:]
    with pytest.raises(DecodeError) as exc:
        decode(bad)
    assert exc.value.reason == "undecodable"
    assert f"byte offset {cut} " in exc.value.detail
    line = data[:cut].count(b"\n") + 1
    assert f"line {line}:" in exc.value.detail


def test_invalid_utf8_after_a_bom_reports_file_offset():
    with pytest.raises(DecodeError) as exc:
        decode(codecs.BOM_UTF8 + b"abc\xc3(def")
    assert "byte offset 6 " in exc.value.detail


@pytest.mark.parametrize(
    ("data", "fragment"),
    [
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)), "PNG image"),
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n", "PDF document"),
        (b"PK\x03\x04\x14\x00\x06\x00", "ZIP archive"),
        ("Tin tức\x00 hôm nay".encode("utf-8"), "NUL bytes (first at byte offset 9)"),
        (b"text \x01\x02\x03\x04\x05 more", "control characters"),
    ],
)
def test_binary_is_refused(data, fragment):
    assert fragment in (sniff_binary(data) or "")
    with pytest.raises(DecodeError) as exc:
        decode(data)
    assert exc.value.reason == "binary"
    assert fragment in exc.value.detail


@pytest.mark.parametrize("text", ["a\tb\fc\r\nd", "\x1b[0m escape once"])
def test_ordinary_control_characters_are_text(text):
    assert sniff_binary(text.encode()) is None


@pytest.mark.parametrize("bom,codec", [(codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16-le")])
def test_mojibake_behind_a_bom_is_repaired_too(bom, codec):
    text = seed_text(0)
    mojibake = text.encode("utf-8").decode("sloppy-windows-1252")
    out, _, repairs = decode(bom + mojibake.encode(codec))
    assert out == text and repairs[-1] == "mojibake" and repairs[0] == "bom"


@pytest.mark.parametrize("bom,codec", [(codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16-le")])
def test_nul_characters_behind_a_bom_are_binary(bom, codec):
    with pytest.raises(DecodeError) as exc:
        decode(bom + "Tin\x00\x00\x00 tức\x00".encode(codec))
    assert exc.value.reason == "binary"
