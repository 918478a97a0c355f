"""Detect damaged Vietnamese words (letters dropped by the source site: `Chp`, `Đng`).

Why syllable structure: every Vietnamese word is onset + (glide) + vowel nucleus + coda + tone,
from small closed sets, so a token that fits no such shape is either foreign, a code or damaged.
Precision first: a token is reported only when it has no vowel at all (nothing Vietnamese or
English looks like that) or when the article itself contains a clear repair (a valid word from
which the damaged one is obtained by deleting one or two letters, in the same word context).
Acronyms, codes (`26-Ctr/TU`), numbers and words with foreign letters are skipped.
"""
from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence

from bantin.records import DamagedWord, LineDecision
from schemas.lines import KEPT_ROLES

TONE_MARKS = {"\u0300", "\u0301", "\u0303", "\u0309", "\u0323"}
ONSET = r"(ngh|ng|nh|ch|gh|gi|kh|ph|th|tr|qu|b|c|d|đ|g|h|k|l|m|n|p|r|s|t|v|x)?"
NUCLEI = (
    "a ă â e ê i o ô ơ u ư y ai ao au ay âu ây eo êu ia iê iu oa oă oe oi ôi ơi ua uâ uê ui uô uơ uy "
    "ưa ưi ươ ưu yê iêu yêu oai oay oao oeo uây uôi uya uyê uyu ươi ươu"
).split()
NUCLEUS = "(" + "|".join(sorted(NUCLEI, key=len, reverse=True)) + ")"
CODA = r"(ch|ng|nh|c|m|n|p|t)?"
SYLLABLE_RE = re.compile(f"^{ONSET}{NUCLEUS}{CODA}$")
VOWEL_RE = re.compile("[aăâeêioôơuưy]")
# A word token standing alone: not glued to digits, slashes, hyphens or dots (codes like 26-Ctr/TU).
TOKEN_RE = re.compile(r"(?<![\w/.@-])[^\W\d_]{2,}(?![\w/@-]|\.\w)")
FOREIGN_RE = re.compile("[fjwz]", re.IGNORECASE)


def base_form(word: str) -> str:
    """Lowercase NFC word without tone marks (vowel quality marks kept)."""
    decomposed = unicodedata.normalize("NFD", word.lower())
    return unicodedata.normalize("NFC", "".join(ch for ch in decomposed if ch not in TONE_MARKS))


FRONT_VOWELS = ("i", "e", "ê", "y")


def is_valid_syllable(word: str) -> bool:
    """Onset + nucleus + coda from the closed sets, with the gh/ngh/k vs g/ng/c spelling rule."""
    m = SYLLABLE_RE.match(base_form(word))
    if not m:
        return False
    onset, nucleus = m.group(1) or "", m.group(2)
    front = nucleus.startswith(FRONT_VOWELS)
    if onset in ("gh", "ngh") and not nucleus.startswith(FRONT_VOWELS[:3]):
        return False
    if onset == "k" and not front:
        return False
    return not (onset in ("c", "ng") and front)


def _checkable(word: str) -> bool:
    """Skip acronyms (ANTQ, TTĐT), mixed case (ThS, iPhone) and words with foreign letters."""
    if word[1:] != word[1:].lower() or FOREIGN_RE.search(word):
        return False
    return True


def _is_subsequence(short: str, long: str) -> bool:
    it = iter(long)
    return all(ch in it for ch in short)


def _candidate(word: str, context: tuple[str, str], vocab: dict[str, set[tuple[str, str]]]) -> str | None:
    """The unique valid word in the article that `word` is, minus 1-2 letters, in the same context."""
    low = word.lower()
    options = [
        w for w in vocab
        if 1 <= len(w) - len(low) <= 2 and w[0] == low[0] and _is_subsequence(low, w)
    ]
    prev, nxt = context
    both = [w for w in options if (prev, nxt) in vocab[w]]
    either = [w for w in options if any(p == prev or n == nxt for p, n in vocab[w])]
    pick = both if both else either
    if len(pick) != 1:
        return None
    best = pick[0]
    return best[0].upper() + best[1:] if word[0].isupper() else best


def _tokens(text: str) -> list[tuple[str, str, str]]:
    """(word, previous word, next word) for the standalone word tokens of a line."""
    words = [m.group(0) for m in TOKEN_RE.finditer(text)]
    return [(w, words[k - 1].lower() if k else "", words[k + 1].lower() if k + 1 < len(words) else "")
            for k, w in enumerate(words)]


def find_damaged(lines: Sequence[LineDecision]) -> list[DamagedWord]:
    """Invalid syllables in the kept lines, each with a repair candidate when one is clear."""
    kept = [ln for ln in lines if ln.role in KEPT_ROLES]
    vocab: dict[str, set[tuple[str, str]]] = {}
    for ln in kept:
        for w, prev, nxt in _tokens(ln.clean_text):
            if is_valid_syllable(w):
                vocab.setdefault(w.lower(), set()).add((prev, nxt))
    found: list[DamagedWord] = []
    seen: set[tuple[str, int]] = set()
    for ln in kept:
        for w, prev, nxt in _tokens(ln.clean_text):
            if not _checkable(w) or is_valid_syllable(w) or (w, ln.line_no) in seen:
                continue
            candidate = _candidate(w, (prev, nxt), vocab)
            if candidate is None and VOWEL_RE.search(base_form(w)):
                continue  # has vowels and no clear repair: likely a foreign or loan word
            seen.add((w, ln.line_no))
            found.append(DamagedWord(word=w, candidate=candidate, line_no=ln.line_no))
    return found
