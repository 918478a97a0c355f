"""Give every line (or sentence of a flattened page) of an article exactly one role and a rule id.

Why passes instead of one big if-chain: line rules (furniture recognisable alone) run first, in
the order of `rules.catalogue.LINE_ORDER`, and the first that matches wins; corpus repeats come
next; then the structure of the page (section, title, duplicates, captions, tail bylines, lead,
subheadings) is read from what is left. Anything unclaimed stays
`body`: dropping a real sentence is worse than keeping a piece of furniture.

Units and line numbers: the passes read raw lines (`text.split('\\n')`), except a one-line dump
(the whole page flattened into a single long line), which is cut into sentences first. Then
`bantin.clean.pieces.refine` cuts every kept line that holds several sentences into sentence
units and claims the furniture glued inside it. `line_no` numbers all units in order, `raw_line`
says which raw line a unit is (part of), each sentence keeps its trailing spaces, and
`units.reconstruct` gives back the raw text.
"""
from __future__ import annotations

import unicodedata
from collections import Counter

from bantin.clean import captionmodel, frequency
from bantin.clean.pieces import credit_claims, refine
from bantin.clean.repair import fingerprint, repair_line
from bantin.clean.rules.captions import CAPTION_CUE_RE, is_bare_caption
from bantin.clean.rules.catalogue import LINE_RULES
from bantin.clean.rules.credits import is_name_like, is_name_pair, is_post_signature, is_signature
from bantin.clean.rules.media import is_player
from bantin.clean.rules.navigation import is_nav_header
from bantin.clean.rules.structure import (
    OUTLET_PREFIX_RE,
    TERMINAL_RE,
    edge_key,
    is_copy_worthy,
    is_headline_like,
    is_prose,
    is_protected,
    is_pull_quote,
    is_row_label,
    is_subheading_like,
)
from bantin.clean.units import split_units
from bantin.clean.wrap import joined_view, wrap_heads
from bantin.clean.zones import INNER_SENTENCE_RE, choose_title, footer_pass
from bantin.records import LineDecision

BULLET_CATEGORIES = ("So", "Sm", "Mn", "Cf")  # emoji, arrows, variation selectors, joiners
NUMBER_SIGNS = "+±−"  # math symbols (Sm) that may open a line as a number's sign
IMAGE_MARKER_RULES = ("image.file_name", "duplicate.title", "photo_credit.line")
# Markers a picture or a video leaves in the text; a sentence glued to one of them is its caption.
MEDIA_MARKER_RULES = ("image.file_name", "ui.player")
CAPTION_MAX_WORDS = 30


class _Page:
    """Mutable working state of one classification."""

    def __init__(self, text: str) -> None:
        self.units = split_units(text)
        self.line_clean = [repair_line(u) for u, _, _ in self.units]
        lines_only = all(kind == "line" for _, kind, _ in self.units)
        self.heads = (wrap_heads(self.line_clean, _claimed) if lines_only
                      else [None] * len(self.units))
        self.clean = joined_view(self.line_clean, self.heads)  # what the passes classify
        self.role: list[str | None] = [None] * len(self.units)
        self.rule: list[str | None] = [None] * len(self.units)

    def set(self, i: int, role: str, rule: str) -> None:
        self.role[i], self.rule[i] = role, rule

    def free(self) -> list[int]:
        return [i for i, r in enumerate(self.role) if r is None]

    def next_non_empty(self, i: int) -> int | None:
        return next((j for j in range(i + 1, len(self.clean)) if self.clean[j]), None)

    def prev_non_empty(self, i: int) -> int | None:
        return next((j for j in range(i - 1, -1, -1) if self.clean[j]), None)


def strip_bullet(text: str) -> str:
    """The line without the emoji or symbol bullets opening it (`👉 Xem thêm: …`, `▶ Tin liên quan`,
    `▪ Từ khóa: …`): furniture keeps its role behind a decoration; body text never loses a word."""
    k = 0
    while k < len(text) and (unicodedata.category(text[k]) in BULLET_CATEGORIES or text[k] in "•◦▪" or
                             (text[k].isspace() and k > 0)):
        if text[k] in NUMBER_SIGNS and text[k + 1:k + 2].isdigit():
            break  # `+200` in a price table: the sign of a number, not a bullet
        k += 1
    return text[k:]


def _claimed(text: str) -> bool:
    """Furniture on its own; a caption ending with its credit may still end a wrapped caption."""
    return any(r.match(text) for r in LINE_RULES if r.role != "caption")


def _line_rules(p: _Page, repeated: frozenset[str]) -> None:
    for i, c in enumerate(p.clean):
        if not c:
            if p.heads[i] is None:
                p.set(i, "empty", "empty")
            else:
                p.set(i, "wrapped", "wrap.continued")  # takes its paragraph's role at the end
            continue
        rule = next((r for r in LINE_RULES if r.match(c)), None)
        bare = strip_bullet(c)
        if rule is None and bare != c and bare:
            rule = next((r for r in LINE_RULES if r.match(bare)), None)
        if rule is not None:
            p.set(i, rule.role, rule.id)
        elif repeated and fingerprint(c) in repeated and not is_protected(c):
            p.set(i, "ui_text", "corpus.repeated")


CREDIT_LINE_RULES = ("photo_credit.line", "caption.photo_credit")  # a line rule may claim `- Ảnh: X` first


def _dump_credits(p: _Page) -> None:
    """In a flattened page, captions and their credits are sentences among the others: claim them
    before the page structure is read, so that a caption opening the page is not taken for its
    banner or title (the same rules as for the sentences of kept lines: `pieces.credit_claims`)."""
    sentence = [kind == "sentence" for _, kind, _ in p.units]
    if not any(sentence):
        return
    claims = credit_claims(p.clean, [raw for _, _, raw in p.units],
                           [s and (p.role[i] is None or p.rule[i] in CREDIT_LINE_RULES) for i, s in enumerate(sentence)])
    for i, role, rule in claims:
        p.set(i, role, rule)


def _duplicates(p: _Page, title: int | None) -> None:
    title_key = edge_key(p.clean[title]) if title is not None else None
    for i in p.free():
        j = p.next_non_empty(i)
        if (j is not None and p.role[j] is None and is_copy_worthy(p.clean[i]) and edge_key(p.clean[i]) == edge_key(p.clean[j])
                and len(p.clean[i].split()) <= CAPTION_MAX_WORDS and edge_key(p.clean[i]) != title_key):
            p.set(i, "caption", "caption.repeated")
    seen: set[str] = set()
    counts = Counter(edge_key(c) for c in p.clean if c)
    earlier: list[str] = []
    for i, c in enumerate(p.clean):
        if c and p.role[i] is None and is_pull_quote(c, earlier):
            p.set(i, "duplicate", "duplicate.pull_quote")
        elif c:
            earlier.append(edge_key(c))
        if not c or p.role[i] not in (None, "caption", "title"):
            continue
        key = edge_key(c)
        if p.role[i] != "title" and key and key == title_key:
            p.set(i, "duplicate", "duplicate.title")
        elif (p.role[i] != "title" and key and key in seen and is_copy_worthy(c) and not is_row_label(c)
              and not _formula(p, i, counts)):
            p.set(i, "duplicate", "duplicate.repeat")
        seen.add(key)


FORMULA_MAX_WORDS = 20


def _formula(p: _Page, i: int, counts: Counter) -> bool:
    """A short sentence of a flattened page said again amid sentences said once (`Từ ngày 28 đến
    ngày 30 nhiều mây, có mưa nhỏ rải rác.` for each region of a forecast): a formula of the story.
    A copy comes in a run (a paragraph or a page printed twice), so a neighbour repeats too."""
    if p.units[i][1] != "sentence" or len(p.clean[i].split()) >= FORMULA_MAX_WORDS:
        return False
    around = [j for j in (p.prev_non_empty(i), p.next_non_empty(i)) if j is not None]
    return not any(counts[edge_key(p.clean[j])] > 1 for j in around)


def _captions_and_lists(p: _Page) -> None:
    in_list = False
    for i, c in enumerate(p.clean):
        if not c:
            continue
        if p.role[i] == "navigation" and is_nav_header(c):
            in_list = True
            continue
        if p.role[i] is not None:
            in_list = in_list and p.role[i] == "navigation"
            continue
        if in_list and is_headline_like(c) and not TERMINAL_RE.search(c.rstrip("?")):  # titles may ask
            p.set(i, "navigation", "navigation.list")
            continue
        in_list = False
        prev, nxt = p.prev_non_empty(i), p.next_non_empty(i)
        after_image = prev is not None and p.rule[prev] in IMAGE_MARKER_RULES and not _closed_picture(p, prev)
        if after_image and nxt is not None and p.rule[nxt] == "photo_credit.line" and len(c.split()) <= 40:
            p.set(i, "caption", "caption.before_credit")
        elif (after_image and len(c.split()) <= CAPTION_MAX_WORDS
                and (not TERMINAL_RE.search(c) or CAPTION_CUE_RE.match(c))):
            p.set(i, "caption", "caption.after_image")
        elif _glued_caption(p, i, prev):
            p.set(i, "caption", "caption.glued")


def _closed_picture(p: _Page, marker: int) -> bool:
    """A credit printed right under a picture's file name or its caption closes the picture: what
    follows is text (often a subheading, which must not be taken for a second caption)."""
    before = p.prev_non_empty(marker)
    return (p.rule[marker] == "photo_credit.line" and before is not None
            and p.role[before] in ("image_file", "caption"))


def _glued_caption(p: _Page, i: int, prev: int | None) -> bool:
    """One short sentence printed on the very next line after a picture's file name or a player, and
    set apart from what follows (a blank line, another picture, the end): the caption, even with a
    full stop. A paragraph that runs on without a break after it stays body."""
    if prev is None or prev != i - 1 or not _media_marker(p, prev):
        return False
    c = p.clean[i]
    if len(c.split()) > CAPTION_MAX_WORDS or INNER_SENTENCE_RE.search(c) or p.heads[i] is not None:
        return False
    nxt = i + 1
    return (nxt >= len(p.clean) or (not p.clean[nxt] and p.heads[nxt] is None)
            or _media_marker(p, nxt) or p.rule[nxt] == "photo_credit.line")


def _media_marker(p: _Page, i: int) -> bool:
    """A picture's file name or a player's furniture (whichever rule claimed a bare timecode)."""
    return p.rule[i] in MEDIA_MARKER_RULES or (p.role[i] == "ui_text" and is_player(p.clean[i]))


def _body(p: _Page, title: int | None) -> None:
    frequency.release_repeats(p, title)
    free = p.free()
    prose = [i for i in free if is_prose(p.clean[i]) and not is_post_signature(p.clean[i])]
    last_prose = prose[-1] if prose else -1
    for i in free:
        c = p.clean[i]
        if i > last_prose and (is_name_like(c) or is_signature(c) or is_post_signature(c)):  # `D.Thu`, `Thế Đoàn/Báo X`
            p.set(i, "byline", "byline.tail_name")
        elif p.units[i][1] == "line" and is_name_pair(c) and _after_sentence(p, i):
            p.set(i, "byline", "byline.name_pair")
    start = title if title is not None else -1
    lead = next((i for i in p.free() if i > start and (OUTLET_PREFIX_RE.match(p.clean[i])
                                                        or is_prose(p.clean[i]))), None)
    if lead is not None:
        rule = "lead.outlet_prefix" if OUTLET_PREFIX_RE.match(p.clean[lead]) else "structure.lead"
        p.set(lead, "lead", rule)
    for i in p.free():
        c = p.clean[i]
        inside = lead is not None and lead < i < last_prose
        if inside and p.clean[i] == p.line_clean[i] and p.units[i][1] == "line" and is_bare_caption(c):
            p.set(i, "caption", "caption.bare")
        elif inside and is_subheading_like(c) and not is_name_like(c):
            p.set(i, "subheading", "structure.subheading")
        else:
            p.set(i, "body", "default.body")


def _after_sentence(p: _Page, i: int) -> bool:
    """The nearest non-empty unit above `i` is a paragraph that ends a sentence (`… lắm rồi…”`)."""
    j = next((j for j in range(i - 1, -1, -1) if p.clean[j].strip()), None)
    return j is not None and is_prose(p.clean[j]) and bool(TERMINAL_RE.search(p.clean[j].rstrip()))


def classify(text: str, *, repeated: frozenset[str] = frozenset(), learned: bool = True,
             headless: bool = False) -> list[LineDecision]:
    """One LineDecision per unit of `text` (see the module docstring for units and line_no).
    `headless`: the page's site prints no headline, so no line is taken for the title.
    `learned=False` leaves out the caption model (bantin.clean.captionmodel): its training reads
    the rules' decisions alone. A hard-wrapped page never gets it (see that module)."""
    p = _Page(text)
    _line_rules(p, repeated)
    _dump_credits(p)
    title = choose_title(p, headless=headless)
    _duplicates(p, title)
    _captions_and_lists(p)
    footer_pass(p)
    _body(p, title)
    for i, h in enumerate(p.heads):
        if h is not None:
            p.set(i, p.role[h] or "body", p.rule[h] or "default.body")
    lines = refine([
        LineDecision(line_no=i, text=u, clean_text=p.line_clean[i], role=p.role[i] or "body",
                     rule=p.rule[i] or "default.body", split=kind, raw_line=raw_line)
        for i, (u, kind, raw_line) in enumerate(p.units)
    ])
    return captionmodel.apply(lines) if learned and not _hard_wrapped(p) else lines


def _hard_wrapped(p: _Page) -> bool:
    return any(h is not None for h in p.heads)


def is_hard_wrapped(text: str) -> bool:
    """The page's paragraphs are hard-wrapped over several lines (the caption model stays off)."""
    return _hard_wrapped(_Page(text))


