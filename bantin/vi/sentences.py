"""Rule-based Vietnamese sentence splitter.

Why not underthesea's `sent_tokenize`: the splitter decides both `n_sentences` and the NER
batches (NER fed sentence by sentence is ~7x faster than whole articles), so it must be cheap
and predictable. A boundary is `.`, `!`, `?`, `…` (plus closing quotes/brackets) followed by
whitespace and an uppercase letter (or an opening quote before one), or the end of a paragraph.
Not boundaries: abbreviations (`TP.`, `ThS.`, `PGS.TS.`), numbers (`7.900`, `1,5`: no space
follows), list markers (`1. Quán triệt`), anything inside a balanced short quotation, and the
`./.` end mark, which closes its sentence as one unit. Linear in the length of the text: a
"sentence" longer than MAX_SENTENCE_CHARS is cut (`_capped`), so no rule reads more at once.
"""
from __future__ import annotations

import bisect
import re

from bantin.vi.names import UPPER

# Tokens that end with a period but do not end a sentence (matched case-sensitively).
ABBREVIATIONS = frozenset(
    """TP Tp TX Q P H X GS PGS TS ThS Th.S Ths BS BSCKI BSCKII KS CN NCS TTND Mr Mrs Ms Dr St
    PGS.TS GS.TS TS.BS ThS.BS Th.S.BS GS.TSKH TSKH Nxb NXB tr Tr v.v""".split()
)
#: Capitalised times of day that open a dated sentence (`Sáng 27/6, …`), longest alternatives first.
TIMES_OF_DAY = ("Rạng sáng", "Sáng sớm", "Chiều tối", "Tối muộn", "Sáng", "Chiều", "Tối", "Trưa", "Đêm")
PARAGRAPH_RE = re.compile(r"\n")
BOUNDARY_RE = re.compile(r"(?:\./\.|[.!?…]+)[\"”’'»)\]]*")
NEXT_START_RE = re.compile(rf"\s+[\"“‘'«(\[]?[{UPPER}]")
LIST_MARKER_RE = re.compile(r"^\s*(?:\d{1,2}|[IVXLC]{1,5}|[a-zđ])[.)]$")
QUOTE_RE = re.compile(r"“[^“”\n]{0,400}”|\"[^\"\n]{0,400}\"")
_TOKEN_BEFORE_RE = re.compile(r"(?<!\S)(\S+)$")
TOKEN_WINDOW = 40  # an abbreviation is shorter than this
LIST_MARKER_CHARS = 16  # a list marker (`1.`, `IV)`) opens a paragraph within this many characters
#: Longer sentences are cut (`_capped`): real ones are a few hundred characters, the longest seen
#: in the development corpus about 2,000.
MAX_SENTENCE_CHARS = 4000


def _quoted_spans(text: str) -> list[tuple[int, int]]:
    return [(m.start() + 1, m.end() - 1) for m in QUOTE_RE.finditer(text)]


def _in_quote(starts: list[int], quotes: list[tuple[int, int]], start: int, end: int) -> bool:
    """Whether [start, end) lies inside one quoted span (spans do not overlap: one bisect)."""
    i = bisect.bisect_right(starts, start) - 1
    return i >= 0 and quotes[i][0] <= start and end <= quotes[i][1]


def _is_boundary(text: str, m: re.Match, quotes: list[tuple[int, int]], starts: list[int]) -> bool:
    end = m.end()
    if _in_quote(starts, quotes, m.start(), end):
        return False
    if end < len(text) and not NEXT_START_RE.match(text, end):
        return False
    if m.group(0).startswith(".") and not m.group(0).startswith(".."):
        # Only the token right before the full stop matters: looked up in place, in a bounded
        # window (copying and searching the whole prefix at every full stop was quadratic).
        before = _TOKEN_BEFORE_RE.search(text, max(0, m.start() - TOKEN_WINDOW), m.start())
        token = before.group(1).lstrip("(“\"") if before else ""
        if token in ABBREVIATIONS:
            return False
        if m.end() <= LIST_MARKER_CHARS and LIST_MARKER_RE.match(text, 0, m.end()):
            return False
    return True


def _split_paragraph(par: str) -> list[str]:
    quotes = _quoted_spans(par)
    starts = [s for s, _ in quotes]
    out, start = [], 0
    for m in BOUNDARY_RE.finditer(par):
        if _is_boundary(par, m, quotes, starts):
            piece = par[start:m.end()].strip()
            if piece:
                out.extend(_capped(piece))
            start = m.end()
    tail = par[start:].strip()
    if tail:
        out.extend(_capped(tail))
    return out


def _capped(sentence: str) -> list[str]:
    """A "sentence" longer than MAX_SENTENCE_CHARS (a page without full stops, a 1 MB word) cut
    at the last space before each limit, or at the limit when there is none: the extraction
    rules and NER then never read more than that much at once."""
    if len(sentence) <= MAX_SENTENCE_CHARS:
        return [sentence]
    out, pos = [], 0
    while len(sentence) - pos > MAX_SENTENCE_CHARS:
        cut = sentence.rfind(" ", pos + 1, pos + MAX_SENTENCE_CHARS)
        cut = cut if cut > pos else pos + MAX_SENTENCE_CHARS
        out.append(sentence[pos:cut].strip())
        pos = cut
    out.append(sentence[pos:].strip())
    return [p for p in out if p]


def split_sentences(text: str) -> list[str]:
    """Sentences of `text` in order; every line (blank-line separated or not) is split alone."""
    sentences: list[str] = []
    for par in PARAGRAPH_RE.split(text):
        sentences += _split_paragraph(par)
    return sentences
