"""People named in an enumeration: `các ca sĩ, nghệ sĩ: Phương Vy, Hà Anh Tuấn, Phương Linh`.

Why: casts, squads and line-ups list names with nothing but commas between them, and only the
first (or none) has a role noun or a post; stage names (`Phương Vy`, `Công Vinh`) have no surname
either. An enumeration counts as a list of people when one of its items is already a person
(found by the other rules) or a role noun stands right before it; then every item that is a
whole name (2-4 capitalised words) is a person too. An item that is not name-like (one word, an
acronym, a province or country) ends the enumeration: `Justin Bieber, EXO, One Direction` stops
at `EXO`, so a band's name is not taken for a person.
"""
from __future__ import annotations

import re
from collections.abc import Sequence

from bantin.extract.posts import HEAD_RE
from bantin.vi.gazetteer import canonical_province
from bantin.vi.other_names import CUE_WORDS, WORD_RE
from bantin.vi.person_cues import NOT_PEOPLE, ORG_FIRST, ROLE_NOUNS

# Between two items: a comma, `và`, `hay`, `cùng`, optionally after a bracket (`(SN 2005), `).
SEP_RE = re.compile(r"(?:\s*\([^()]{0,60}\))?\s*(?:,\s*(?:và\s+)?|\s+(?:và|hay|cùng|với)\s+)")
# A role noun (or a list-opening word) right before the first item, maybe with a colon or with
# `như`/`gồm` after a few words: `các diễn viên: Ngọc Hiếu`, `các danh thủ Huỳnh Đức`, `bạn
# diễn Hữu Nghĩa`, `các huyền thoại MU như Ryan Giggs`.
_LIST_WORDS = {*ROLE_NOUNS, *(w.strip() for w in CUE_WORDS), "bạn diễn", "khách mời", "thành viên", "huyền thoại"}
_ROLE_ALT = "|".join(re.escape(w) for w in sorted(_LIST_WORDS, key=len, reverse=True))
LIST_CUE_RE = re.compile(rf"(?<![\w])(?i:{_ROLE_ALT})(?:\s*:|(?:\s+\S+){{0,2}}\s+(?:như|gồm|là)\s*:?)?\s*$")
MIN_WORDS, MAX_WORDS = 2, 4


def _runs(text: str) -> list[tuple[int, int, list[str]]]:
    """(start, end, words) of runs of capitalised words separated by single spaces."""
    runs: list[tuple[int, int, list[str]]] = []
    for w in WORD_RE.finditer(text):
        word = w.group(0)
        if not word[0].isupper():
            continue
        if runs and text[runs[-1][1]:w.start()] == " ":
            s, _, words = runs[-1]
            runs[-1] = (s, w.end(), [*words, word])
        else:
            runs.append((w.start(), w.end(), [word]))
    return runs


def _name_like(words: list[str]) -> bool:
    """2-4 capitalised words, no acronym, not a province, country or organisation. (A country word
    opening the run is not checked: `Đức Tuấn`, `Anh Tuấn`, `Nhật Tinh Anh` are given names.)"""
    name = " ".join(words)
    return MIN_WORDS <= len(words) <= MAX_WORDS \
        and all(len(p) == 1 or p[1:].islower() for w in words for p in re.split(r"['’-]", w) if p) \
        and words[0] not in ORG_FIRST \
        and name not in NOT_PEOPLE and not canonical_province(name)


def _chains(text: str) -> list[list[tuple[int, int, list[str]]]]:
    """Enumerations: name-like runs joined by separators only."""
    chains: list[list[tuple[int, int, list[str]]]] = []
    prev_end = None
    for run in _runs(text):
        if not _name_like(run[2]) or HEAD_RE.match(text, run[0]):  # `Phó Giám đốc` is a post
            prev_end = None
            continue
        joined = prev_end is not None and SEP_RE.fullmatch(text, prev_end, run[0])
        if joined:
            chains[-1].append(run)
        else:
            chains.append([run])
        prev_end = run[1]
    return [c for c in chains if len(c) >= 2]


def list_people(text: str, people: Sequence[tuple[int, int]]) -> list[tuple[str, int, int]]:
    """(name, start, end) of the enumerated names in `text` that are not among `people` (spans
    of the persons already found in it)."""
    out = []
    for chain in _chains(text):
        anchored = any(s < e2 and e > s2 for s, e, _ in chain for s2, e2 in people)
        first = chain[0][0]
        cued = LIST_CUE_RE.search(text, max(0, first - 40), first)
        if not (anchored or cued):
            continue
        out += [(" ".join(words), s, e) for s, e, words in chain
                if not any(s < e2 and e > s2 for s2, e2 in people)]
    return out
