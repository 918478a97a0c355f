"""Text repair: each repair on crafted strings, reported ids, idempotence, the seeds."""
from __future__ import annotations

import unicodedata
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from locations import RAW

from bantin.clean.repair import fingerprint, fix_tone_marks, nfc_view, repair, repair_line


@pytest.mark.parametrize(
    ("text", "expected", "repairs"),
    [
        ("hoà bình", "hòa bình", ("tone_marks",)),
        ("Uỷ ban nhân dân", "Ủy ban nhân dân", ("tone_marks",)),
        ("thuỷ lợi, khoẻ mạnh", "thủy lợi, khỏe mạnh", ("tone_marks",)),
        ("HOÀ BÌNH", "HÒA BÌNH", ("tone_marks",)),
        ("quý, hoàng, thuyết, gìn", "quý, hoàng, thuyết, gìn", ()),
        (unicodedata.normalize("NFD", "Đảng bộ"), "Đảng bộ", ("nfc",)),
        ("an\u00a0ninh", "an ninh", ("nbsp",)),
        ("an\u200bninh\u00ad", "anninh", ("zero_width",)),
        ("a\x07b", "ab", ("control",)),
        ("dòng cuối   \nhai", "dòng cuối\nhai", ("trailing_space",)),
        ("Triá»\x83n khai hÃ²a bÃ¬nh", "Triển khai hòa bình", ("mojibake",)),
        ("Café and naïve résumé", "Café and naïve résumé", ()),
        ("e\x07\u0301", "é", ("control", "nfc")),  # found by hypothesis: strip before composing
        ("o\u200bà", "òa", ("zero_width", "tone_marks")),
    ],
)
def test_repair_table(text: str, expected: str, repairs: tuple[str, ...]) -> None:
    assert repair(text) == (expected, repairs)


def test_punctuation_spacing_is_untouched() -> None:
    # underthesea.text_normalize would re-space this to "a , b"; we must not.
    assert repair("Ban Chỉ đạo (BCĐ) 138, tỉnh.")[0] == "Ban Chỉ đạo (BCĐ) 138, tỉnh."


def test_fix_tone_marks_keeps_other_characters() -> None:
    assert fix_tone_marks("Tỉnh uỷ: 12 (hoà)!") == "Tỉnh ủy: 12 (hòa)!"


@pytest.mark.parametrize("path", sorted(RAW.glob("*.txt")), ids=lambda p: p.name[:3])
def test_repair_seed_is_idempotent_nfc_and_keeps_lines(path: Path) -> None:
    raw = path.read_text(encoding="utf-8")
    fixed, _ = repair(raw)
    assert repair(fixed) == (fixed, ())
    assert unicodedata.is_normalized("NFC", fixed)
    assert fixed.count("\n") == raw.count("\n")


def test_seed_003_reports_old_style_tone_marks() -> None:
    fixed, repairs = repair((RAW / "003_59b5e6cddb52a0b1.txt").read_text(encoding="utf-8"))
    assert "tone_marks" in repairs and "Tỉnh ủy Tiền Giang" in fixed and "uỷ" not in fixed


def test_repair_line_strips_and_repairs() -> None:
    assert repair_line("  Tỉnh uỷ\u00a0 ") == "Tỉnh ủy"


def test_fingerprint_ignores_case_digits_punctuation_and_is_stable() -> None:
    assert fingerprint("Bình luận (3)") == fingerprint("BÌNH  LUẬN (12)")
    assert fingerprint("Bình luận") != fingerprint("Chia sẻ")
    assert fingerprint("Bình luận") == "caacda7b9aa85876"  # pinned: same key in every process
    assert fingerprint("12/03 ...") == ""


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="hkngtrquyoaeàáảãạèéẻẽẹỳýỷỹỵòóỏõọ HOÀUỶ-.1\u0300\u0301", max_size=60))
def test_tone_fix_on_candidate_words_equals_the_fix_on_every_word(text):
    from bantin.clean import repair as normalize

    every_word = normalize.WORD_RE.sub(lambda m: normalize._fix_tone(m.group(0)), text)
    assert normalize.fix_tone_marks(text) == every_word


@pytest.mark.parametrize("raw, clean", [
    ("Tin\x1b[2J\x1b[H\x1b[31;1m nóng\x1b[0m", "Tin nóng"),  # CSI: screen clear, cursor home, colours
    ("\x1b]0;pwned\x07Tiêu đề", "Tiêu đề"),  # OSC window title, ended by BEL
    ("Xem \x1b]8;;http://evil/\x1b\\liên kết\x1b]8;;\x1b\\ này", "Xem liên kết này"),  # OSC 8 link: its text stays
    ("a\x9b31mb", "ab"),  # the one-byte C1 CSI
    ("Reset\x1bc máy", "Reset máy"),  # a short ESC sequence
])
def test_terminal_escape_sequences_are_dropped_whole(raw, clean):
    """Not only the ESC byte (that left `[2J[H[31;1m` in titles): the whole sequence."""
    out, applied = repair(raw)
    assert out == clean and "ansi" in applied


def test_bidi_controls_are_dropped_and_recorded():
    out, applied = repair("Tiêu \u202eđề\u202c \u2066bài\u2069 \u200fviết")
    assert out == "Tiêu đề bài viết" and "bidi" in applied


def test_text_without_escapes_is_untouched_by_these_repairs():
    text = "Giá 3 [triệu] đồng; [31m] là chữ, không phải mã."
    assert repair(text) == (text, ())


@pytest.mark.parametrize("text", ["Công an tỉnh Quảng Trị.", "Thượng tá Lê Văn Hùng – Trưởng phòng", "ASCII only"])
def test_nfc_view_maps_every_composed_character_to_the_raw_one(text: str) -> None:
    raw = unicodedata.normalize("NFD", text)
    view, at = nfc_view(raw)
    assert view == unicodedata.normalize("NFC", text)
    if at is None:
        assert raw == view
    else:
        assert len(at) == len(view) + 1 and at[-1] == len(raw)
        assert all(unicodedata.normalize("NFC", raw[a:b]) == view[k] for k, (a, b) in enumerate(zip(at, at[1:])))
