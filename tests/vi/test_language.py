"""Language check and Vietnamese syllable validity, on the seeds and crafted strings."""
from __future__ import annotations

import pytest
from locations import SEEDS

from bantin.vi.language import detect_language, is_vietnamese_syllable, non_ascii_syllable_share

ENGLISH = (
    "The provincial people's committee said on Monday that the new bridge over the river will be "
    "opened to traffic in the spring, and that the work has been finished ahead of schedule by the "
    "contractors who were hired for it."
)
FRENCH = ("Le comité populaire de la province a annoncé lundi que le nouveau pont sur la rivière "
          "sera ouvert à la circulation au printemps prochain.")


@pytest.mark.parametrize("seed", SEEDS, ids=lambda p: p.name)
def test_seeds_are_vietnamese(seed):
    assert detect_language(seed.read_text(encoding="utf-8")) == "vi"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (ENGLISH, "en"),
        (FRENCH, "unknown"),
        ("Hà Nội", "unknown"),  # too short to say
        ("", "unknown"),
        ("12 345 678 / 2024 - 15", "unknown"),
        ("Ủy ban nhân dân tỉnh Quảng Bình tổ chức hội nghị tổng kết công tác năm 2023.", "vi"),
        # Mojibake of the sentence above is not Vietnamese.
        ("á»¦y ban nhÃ¢n dÃ¢n tá»‰nh Quáº£ng BÃ¬nh tá»• chá»©c há»™i nghá»‹ tá»•ng káº¿t.", "unknown"),
    ],
)
def test_detect_language(text, expected):
    assert detect_language(text) == expected


@pytest.mark.parametrize(
    ("word", "valid"),
    [
        ("nghiêng", True), ("Nguyễn", True), ("được", True), ("khuya", True), ("ĐẢNG", True),
        ("quốc", True), ("giữ", True), ("ý", True), ("Hµ", False), ("Vieät", False), ("nhÃ¢n", False), ("Néi", False), ("tá»‰nh", False),
        ("café", False), ("strength", False), ("ạá", False),
    ],
)
def test_is_vietnamese_syllable(word, valid):
    assert is_vietnamese_syllable(word) is valid


def test_non_ascii_share_counts_only_non_ascii_words():
    assert non_ascii_syllable_share("plain ascii only") == (0.0, 0)
    share, n = non_ascii_syllable_share("Việt Nam Hµ Néi")
    assert n == 3 and share == pytest.approx(1 / 3)
