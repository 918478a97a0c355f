"""Duplicates: exact groups with aliases, near duplicates linked with MinHash/LSH."""
from __future__ import annotations

import hashlib

import pytest
from locations import SEEDS

from bantin.dedup.keys import exact_key, shingles
from tests.dedup.oracles import exact_groups, near_duplicates

TEXTS = [p.read_text(encoding="utf-8") for p in SEEDS]
HEADER = "Trang chủ | Thời sự | Xã hội | Đăng nhập\nCập nhật lúc 08:15 ngày 03/01/2021"
FOOTER = ("Bản quyền thuộc về Báo điện tử của tỉnh. Ghi rõ nguồn khi phát hành lại thông tin "
          "từ trang này.\nChia sẻ: Facebook Zalo Twitter In bài")


def aid(text: str) -> str:
    return hashlib.sha256(text.encode()).hexdigest()[:16]


def republished(text: str) -> str:
    """The same article on another portal: other furniture, one paragraph edited (a clause of
    ten words rewritten in the middle of the longest paragraph)."""
    paras = [p for p in text.split("\n") if p.strip()]
    i = max(range(1, len(paras)), key=lambda j: len(paras[j]))
    words = paras[i].split()
    mid = len(words) // 2
    words[mid:mid + 10] = "theo báo cáo mới nhất của cơ quan chức năng địa phương".split()
    paras[i] = " ".join(words)
    return "\n".join([HEADER, *paras, FOOTER])


def test_two_copies_of_a_seed_are_one_group_with_an_alias():
    items = [(aid(TEXTS[0]), "b/second name.txt", TEXTS[0]), (aid(TEXTS[1]), "x.txt", TEXTS[1]),
             (aid(TEXTS[0]), "a/first.txt", TEXTS[0])]
    assert exact_groups(items) == {aid(TEXTS[0]): ["b/second name.txt"]}


def test_exact_groups_canonical_is_first_by_source_file_whatever_the_input_order():
    t = TEXTS[2]
    items = [("id-z", "z.txt", t), ("id-m", "m.txt", t + "\n"), ("id-a", "a.txt", t.replace("\n", "\r\n"))]
    assert exact_groups(items) == {"id-a": ["m.txt", "z.txt"]}


@pytest.mark.parametrize(
    ("a", "b", "same"),
    [
        ("Hà  Nội\n\nhôm nay", "Hà Nội hôm nay", True),  # whitespace only
        ("Hà Nội", "Ha\u0300 Nội", True),  # NFD vs NFC
        ("Hà Nội", "Hà Nội.", False),
        ("Hà Nội", "hà nội", False),  # case is content
    ],
)
def test_exact_key(a, b, same):
    assert (exact_key(a) == exact_key(b)) is same


def test_empty_texts_are_never_grouped():
    assert exact_groups([("1", "a.txt", ""), ("2", "b.txt", "  \n"), ("3", "c.txt", "")]) == {}


def test_distinct_seeds_are_not_exact_duplicates():
    assert exact_groups([(aid(t), p.name, t) for t, p in zip(TEXTS, SEEDS)]) == {}


@pytest.mark.parametrize("i", range(len(TEXTS)))
def test_republished_seed_is_a_near_duplicate_of_the_original(i):
    items = [(aid(t), t) for t in TEXTS] + [("copy", republished(TEXTS[i]))]
    assert near_duplicates(items) == {"copy": aid(TEXTS[i])}


def test_different_seeds_are_not_linked():
    assert near_duplicates([(aid(t), t) for t in TEXTS]) == {}


def test_links_go_to_the_earliest_similar_article_in_input_order():
    t = TEXTS[3]
    items = [("first", republished(t)), ("second", t), ("third", republished(t) + "\nThêm một dòng.")]
    assert near_duplicates(items) == {"second": "first", "third": "first"}


def test_exact_duplicates_are_not_double_counted_as_near():
    t = TEXTS[0]
    assert near_duplicates([("a", t), ("b", t), ("c", " ".join(t.split()))]) == {}


def test_near_duplicates_is_deterministic():
    items = [(aid(t), t) for t in TEXTS] + [(f"r{i}", republished(t)) for i, t in enumerate(TEXTS)]
    assert near_duplicates(items) == near_duplicates(items) == {f"r{i}": aid(t) for i, t in enumerate(TEXTS)}


@pytest.mark.parametrize(
    ("text", "k", "expected"),
    [
        ("Một hai ba", 5, {"một hai ba"}),
        ("", 5, set()),
        ("A b, c. D", 3, {"a b c", "b c d"}),
    ],
)
def test_shingles(text, k, expected):
    assert shingles(text, k) == expected
