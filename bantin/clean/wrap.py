"""Hard-wrapped text: join the raw lines of one wrapped paragraph before roles are decided.

Why: print, e-paper and PDF-to-text pages break every paragraph at a fixed width, mid-sentence
(`… Bộ Chỉ huy Quân sự tỉnh Sơn La tổ chức` / `hội nghị sơ kết 5 năm …`). Judged line by line, the
pieces look like titles, subheadings or banners, the header zone ends in the wrong place and lead
fragments are dropped. Judged as one paragraph they are plainly running text. The lines keep their
own `line_no` and text (lines.parquet still reproduces the raw file); every line of a wrapped
paragraph gets the role of the paragraph.

A line continues the previous one only when the break is certainly not a paragraph end: the
previous line does not end a sentence (or a label, `:`), the next one starts with a lowercase
letter, neither is page furniture on its own, and neither is a menu-like line with wide gaps.
A drop cap (`N` alone above `gày 9-4, …`) is glued to its word without a space. In a page that
is plainly hard-wrapped, a full-width line also continues before a capital (see `wrap_heads`).
"""
from __future__ import annotations

import re
from typing import Callable

from bantin.clean.rules.base import n_words

# The previous line ends a sentence, a label or a list item: never a wrap.
END_RE = re.compile(r"[.!?…:;][\"”’)\]]*$")
WIDE_GAP_RE = re.compile(r"\S\s{2,}\S|\t")
DROP_CAP_RE = re.compile(r"^[A-ZÀ-ỸĐ]$")
# A caption's closing credit (`… Ảnh: QUANG HUY`): the picture block ends there.
CREDIT_END_RE = re.compile(r"\b(ảnh|ẢNH|Ảnh|nguồn|Nguồn|Photo)\s*:\s*[^.:;]{1,50}\)?$")
MIN_WRAP_WORDS = 4
MIN_WRAPS = 3  # lowercase continuations that show a page is hard-wrapped
WIDTH_SHARE = 0.85  # a line this close to the wrap width was broken by the width, not by the author


def _continues(prev: str, nxt: str) -> bool:
    """True when `nxt` is the rest of the sentence broken at the end of `prev`."""
    if not prev or not nxt or not nxt[0].islower() or END_RE.search(prev):
        return False
    if WIDE_GAP_RE.search(prev) or WIDE_GAP_RE.search(nxt):
        return False
    return n_words(prev) >= MIN_WRAP_WORDS or bool(DROP_CAP_RE.match(prev))


def wrap_heads(clean: list[str], claimed: Callable[[str], bool]) -> list[int | None]:
    """For every line, the index of the first line of its wrapped paragraph (None: its own head).

    `clean` holds the repaired lines; `claimed(line)` says whether a line rule recognises the line
    alone as furniture (such a line never joins a paragraph). Blank lines break paragraphs.
    In a page that is plainly hard-wrapped (MIN_WRAPS lowercase continuations and more), a break
    before a capital (a name: `… chiến sĩ Đồn` / `Biên phòng Ba Sơn …`) is also a wrap when the line
    before it is as long as the page's wrapped lines (a title or subheading stops short of the width).
    """
    joins = [i for i in range(1, len(clean)) if _continues(clean[i - 1], clean[i])
             and not claimed(clean[i - 1]) and not claimed(clean[i])]
    non_empty = sum(1 for c in clean if c)
    if len(joins) >= MIN_WRAPS and len(joins) * 5 >= non_empty:
        widths = sorted(len(clean[i - 1]) for i in joins)
        width = widths[len(widths) // 2]
        joins += [i for i in range(1, len(clean)) if i not in joins
                  and _continues_capital(clean[i - 1], clean[i], width) and not claimed(clean[i - 1])
                  and not claimed(clean[i])]
    heads: list[int | None] = [None] * len(clean)
    for i in sorted(joins):
        heads[i] = heads[i - 1] if heads[i - 1] is not None else i - 1
    return heads


def _continues_capital(prev: str, nxt: str, width: int) -> bool:
    """A break before a capital inside a hard-wrapped page: the previous line fills the width."""
    if not prev or not nxt or not nxt[0].isupper() or END_RE.search(prev) or n_words(prev) < MIN_WRAP_WORDS:
        return False
    if WIDE_GAP_RE.search(prev) or WIDE_GAP_RE.search(nxt) or CREDIT_END_RE.search(prev):
        return False
    return len(prev) >= WIDTH_SHARE * width


def joined_view(clean: list[str], heads: list[int | None]) -> list[str]:
    """Classification text: a head carries its whole paragraph, its continuation lines are blank."""
    view = list(clean)
    for i, h in enumerate(heads):
        if h is None:
            continue
        glue = "" if DROP_CAP_RE.match(clean[i - 1]) and heads[i - 1] is None else " "
        view[h] = f"{view[h]}{glue}{clean[i]}"
        view[i] = ""
    return view
