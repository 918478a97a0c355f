"""Counts written in words: `hai đối tượng` -> 2, `hơn một trăm vai diễn` -> 100, `hàng chục người` -> 10.

Why: the annotation guide (tests/realgold/GUIDE.md) counts figures written in words as figures,
and news prose writes small counts in words (`hai nước`, `ba người`), round ones with `hàng`
(`hàng chục cán bộ`, `hàng trăm triệu bảng`). `quantities.find_quantities` reads digits; this
module reads the words and leaves the counted noun to the same reader of noun phrases.

The rules, precision first:
- `một` alone is never a figure (it is the article `a`); `một trăm`, `một triệu` are;
- `năm` alone is the year/`năm` of durations and `tư` alone is `private`/`fourth`: both count only
  inside a compound (`hai mươi lăm`, `năm trăm`, `hai mươi tư`);
- a capitalised number word before or after a capitalised word is a name (`Ba Lan`, `Hai Bà
  Trưng`, `Trương Văn Bốn`);
- after an auxiliary (`đã chín`, `đang tám`) the word is a verb or adjective (`chín` = ripe);
- `ba`/`má` before kin words and pronouns is `father` (`ba mẹ`, `ba tôi`);
- `hàng chục/trăm/nghìn/ngàn/triệu/tỷ` is 10/100/1000... with qualifier `hàng`, and a scale word
  after it multiplies (`hàng chục ngàn người` -> 10000); `chục` alone after a qualifier counts 10
  (`gần chục người`).
"""
from __future__ import annotations

import re

DIGIT_WORDS = {"một": 1, "hai": 2, "ba": 3, "bốn": 4, "tư": 4, "năm": 5, "lăm": 5, "nhăm": 5, "sáu": 6,
               "bảy": 7, "bẩy": 7, "tám": 8, "chín": 9, "mốt": 1}
#: Digit words that are a figure on their own (see the module docstring for the others).
ALONE = frozenset("hai ba bốn sáu bảy bẩy tám chín mười".split())
SCALE_WORDS = {"nghìn": 1e3, "ngàn": 1e3, "triệu": 1e6, "tỷ": 1e9, "tỉ": 1e9}
HANG_WORDS = {"chục": 10, "trăm": 100, "nghìn": 1e3, "ngàn": 1e3, "triệu": 1e6, "tỷ": 1e9, "tỉ": 1e9}
#: Words that make a number word a verb or an adjective (`lúa đã chín`).
AUXILIARIES = frozenset("đã đang sẽ chưa rất khá vừa mới hơi quá".split())
#: After `ba` these make it `father` (`ba mẹ`, `ba tôi`), not 3.
NOT_AFTER_BA = frozenset("mẹ má tôi em anh chị ơi nó con cháu của".split())
#: `chục` alone is a figure only after one of these (`gần chục người`); `vài chục` stays vague.
CHUC_QUALIFIERS = frozenset("gần hơn khoảng trên ngót".split())
#: `vài chục nghìn`, `mấy chục`: vague amounts, no figure.
VAGUE = frozenset("vài mấy dăm".split())
WORD = r"[^\W\d_]+"
#: A run of number words, read left to right by `parse`; the lookbehind keeps it linear.
RUN_RE = re.compile(
    r"(?<![^\W\d_])(?:hàng\s+(?:chục|trăm|nghìn|ngàn|triệu|tỷ|tỉ)|chục|"
    r"(?:một|hai|ba|bốn|tư|năm|sáu|bảy|bẩy|tám|chín|mười)(?:\s+(?:mươi|mười|trăm|linh|lẻ|một|mốt|hai|ba|bốn|tư|"
    r"năm|lăm|nhăm|sáu|bảy|bẩy|tám|chín))*)"
    r"(?:\s+(?:nghìn|ngàn|triệu|tỷ|tỉ))*(?![^\W\d_])",
    re.IGNORECASE,
)
PREV_WORD_RE = re.compile(r"(" + WORD + r")\s+$")
NEXT_WORD_RE = re.compile(r"\s+(" + WORD + r")")


def parse(words: list[str]) -> float | None:
    """Value of a run of Vietnamese number words (`hai mươi lăm` -> 25, `ba trăm nghìn` -> 300000),
    None when the run is not a number (`mươi` first, `linh` last)."""
    total, group, current = 0.0, 0.0, None
    for w in words:
        if w in DIGIT_WORDS:
            if current is not None:
                return None
            current = float(DIGIT_WORDS[w])
        elif w == "mười":
            if current is not None:
                return None
            group += 10
        elif w == "mươi":
            if current is None:
                return None
            group, current = group + current * 10, None
        elif w == "trăm":
            group, current = (group + (current if current is not None else 1)) * 100, None
        elif w in ("linh", "lẻ"):
            if current is not None:
                return None
        elif w in SCALE_WORDS:
            total += (group + (current or 0)) * SCALE_WORDS[w] or SCALE_WORDS[w]
            group, current = 0.0, None
        else:
            return None
    return total + group + (current or 0)


def find(sentence: str) -> list[tuple[int, int, float, str | None]]:
    """(start, end, value, qualifier) of the number-word runs of a sentence that may count
    something; whether a counted noun follows is `quantities`' to decide."""
    out = []
    for m in RUN_RE.finditer(sentence):
        words = m.group(0).split()
        low = [w.lower() for w in words]
        if low[0] == "hàng":
            value = float(HANG_WORDS[low[1]])
            for w in low[2:]:
                value *= SCALE_WORDS[w]
            out.append((m.start(), m.end(), value, "hàng"))
            continue
        if low[0] == "chục":
            prev = PREV_WORD_RE.search(sentence, max(0, m.start() - 20), m.start())
            before = prev.group(1).lower() if prev else ""
            if before in VAGUE or (len(low) == 1 and before not in CHUC_QUALIFIERS):
                continue
            value = 10.0
            for w in low[1:]:
                value *= SCALE_WORDS[w]
            out.append((m.start(), m.end(), value, None))
            continue
        if len(low) == 1 and low[0] not in ALONE:
            continue
        if words[0][0].isupper() and (n := NEXT_WORD_RE.match(sentence, m.end())) and n.group(1)[0].isupper():
            continue
        prev = PREV_WORD_RE.search(sentence, max(0, m.start() - 20), m.start())
        if prev and (prev.group(1).lower() in AUXILIARIES or (words[0][0].isupper() and prev.group(1)[0].isupper())):
            continue   # `đã chín`; a capitalised word after a capitalised one ends a name (`Trương Văn Bốn`)
        if low == ["ba"] and (n := NEXT_WORD_RE.match(sentence, m.end())) and n.group(1).lower() in NOT_AFTER_BA:
            continue
        value = parse(low)
        if value is None or value == 1:
            continue
        out.append((m.start(), m.end(), value, None))
    return out
