"""Damaged-word detection: invalid Vietnamese syllables in kept lines, with context repairs."""
from __future__ import annotations

from pathlib import Path

import pytest
from locations import RAW

from bantin.clean.classify import classify
from bantin.clean.damaged import find_damaged, is_valid_syllable
from bantin.records import DamagedWord


@pytest.mark.parametrize("word", ["Chấp", "Đảng", "nghiêng", "khuyết", "quốc", "giữ", "thủy", "hòa", "Ủy", "oanh",
                                  "người", "chuyện", "gì", "xoăn", "khoẻ"])
def test_valid_syllables(word: str) -> None:
    assert is_valid_syllable(word)


@pytest.mark.parametrize("word", ["Chp", "Đng", "Ctr", "hnh", "comment", "Please", "nghy"])
def test_invalid_syllables(word: str) -> None:
    assert not is_valid_syllable(word)


def test_seed_001_damaged_words_with_candidates_from_context() -> None:
    decisions = classify((RAW / "001_0bd30eea7aaaa816.txt").read_text(encoding="utf-8"))
    assert find_damaged(decisions) == [
        DamagedWord(word="Chp", candidate="Chấp", line_no=2),
        DamagedWord(word="Đng", candidate="Đảng", line_no=2),
    ]


@pytest.mark.parametrize("path", sorted(RAW.glob("*.txt")), ids=lambda p: p.name[:3])
def test_no_false_alarm_on_other_seeds(path: Path) -> None:
    found = find_damaged(classify(path.read_text(encoding="utf-8")))
    assert all(w.word in ("Chp", "Đng") for w in found)


def test_skips_acronyms_codes_numbers_and_loan_words() -> None:
    text = ("Tiêu đề bài viết về hội nghị an ninh\n"
            "Ban Chỉ đạo ANTQ, UBND, HĐND triển khai Chương trình số 26-Ctr/TU năm 2020 và ứng dụng online, "
            "ThS Nguyễn Văn A trình bày qua Zoom với 300 đại biểu tham dự hội nghị.")
    assert find_damaged(classify(text)) == []


def test_no_candidate_when_context_is_ambiguous() -> None:
    text = ("Tiêu đề bài viết về hội nghị an ninh\n"
            "Đồng chí Đng phát biểu, sau đó Đảng bộ và đông đảo nhân dân đến đúng giờ đứng chào cờ.")
    assert find_damaged(classify(text)) == [DamagedWord(word="Đng", candidate=None, line_no=1)]


def test_only_kept_lines_are_checked() -> None:
    text = "Tiêu đề bài viết về hội nghị an ninh\nNgày 5/3, hội nghị đã diễn ra tốt đẹp.\nPlease enter your comment!"
    assert find_damaged(classify(text)) == []
