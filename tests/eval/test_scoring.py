"""Scoring conventions of `bantin eval` (bantin/eval/scoring.py)."""
import pytest

from bantin.eval.scoring import (
    Counts,
    contains_either,
    defined_acronyms,
    norm,
    norm_org,
    score_scalar,
    score_set,
    word_prefix_either,
)


@pytest.mark.parametrize(
    ("a", "b"),
    [("Khánh Hoà", "khánh hòa"), ("Quốc phòng – An ninh", "quốc phòng - an ninh"), ("Tỉnh  uỷ", "tỉnh ủy")],
)
def test_norm_equates_spellings(a, b):
    assert norm(a) == norm(b)


@pytest.mark.parametrize(
    ("pred", "gold", "tp", "fp", "fn"),
    [
        ("Báo A", "Báo A", 1, 0, 0),
        ("Báo A", "Báo B", 0, 1, 1),   # a wrong value costs precision and recall
        ("Báo A", None, 0, 1, 0),
        (None, "Báo B", 0, 0, 1),
        (None, None, 0, 0, 0),
    ],
)
def test_score_scalar(pred, gold, tp, fp, fn):
    c = score_scalar(pred, gold).counts
    assert (c.tp, c.fp, c.fn) == (tp, fp, fn)


def test_score_set_is_one_to_one_and_prefers_exact_matches():
    res = score_set(["ban chỉ đạo", "ban chỉ đạo 138"], ["ban chỉ đạo 138"], contains_either)
    assert (res.counts.tp, res.counts.fp, res.counts.fn) == (1, 1, 0)
    assert res.spurious == ["ban chỉ đạo"]


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [("ban chỉ đạo", "ban chỉ đạo 138", True), ("bộ", "bộ công an", True), ("an", "ban chỉ đạo", False)],
)
def test_contains_either_on_word_boundaries(a, b, expected):
    assert contains_either(a, b) is expected


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [("cán bộ", "cán bộ, chiến sĩ", True), ("công dân nhập ngũ", "công dân", True),
     ("lượt người", "lượt cán bộ", False), ("%", "%", True)],
)
def test_word_prefix_either(a, b, expected):
    assert word_prefix_either(a, b) is expected


def test_norm_org_expands_standard_acronyms():
    assert norm_org("UBND tỉnh") == norm_org("Ủy ban nhân dân tỉnh")


def test_only_defined_acronyms_are_scored():
    rows = [{"acronym": "ANQG", "expansion": "an ninh quốc gia", "source": "in_text"},
            {"acronym": "UBND", "expansion": "Ủy ban nhân dân", "source": "dictionary"},
            {"acronym": "ANTQ", "expansion": "an ninh Tổ quốc", "source": "dictionary"}]
    kept = defined_acronyms(rows, "bảo vệ Tổ quốc (ANTQ), UBND tỉnh")
    assert [r["acronym"] for r in kept] == ["ANQG", "ANTQ"]


def test_counts_empty_field_scores_one():
    c = Counts()
    assert (c.precision, c.recall) == (1.0, 1.0)
