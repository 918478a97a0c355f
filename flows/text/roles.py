"""Give every line (or sentence of a flattened page) of an article exactly one role and a rule id.

Why passes instead of one big if-chain: line rules (furniture recognisable alone) run first and
win; corpus repeats come next; then the structure of the page (section, title, duplicates,
captions, tail bylines, lead, subheadings) is read from what is left. Anything unclaimed stays
`body`: dropping a real sentence is worse than keeping a piece of furniture.

Units and line numbers: normally a unit is a raw line (`text.split('\\n')`) and `line_no` is its
index. A one-line dump (the whole page flattened into a single long line) is cut into sentences
(`split='sentence'`); then `line_no` numbers all units in order, each sentence keeps its
trailing spaces, and `reconstruct` gives back the raw text (sentences of one raw line are
concatenated, raw lines are joined by '\\n').
"""
from __future__ import annotations

import re

from flows.model import LineDecision
from flows.text.normalize import fingerprint, repair_line
from flows.text.rules_context import (
    CAPTION_CUE_RE, OUTLET_PREFIX_RE, TERMINAL_RE, edge_key, is_headline_like, is_name_like,
    is_prose, is_protected, is_section_label, is_subheading_like, is_title_shape,
)
from flows.text.rules_line import LINE_RULES as _LINE_RULES
from flows.text.rules_page import PAGE_RULES
from flows.text.rules_zone import is_nav_header
from flows.text.zones import footer_pass, header_pass

LINE_RULES = (*_LINE_RULES, *PAGE_RULES)

DUMP_MIN_CHARS = 400
ABBREV_RE = re.compile(r"(\b[A-ZĐ][A-Za-zĐđ]{0,3}|\b\w)\.$")  # TP. / Tp. / TS. / A. before a split
SENTENCE_END_RE = re.compile(r"[.!?…]+[\"”’)\]]*\s+(?=[\"“(\[\w])")
_IMAGE = r"(?:\S+\.(?:jpe?g|JPE?G|png|PNG|gif|webp)|(?:IMG|DSC|DJI)_?\d+)"
_DATETIME = r"\d{1,2}/\d{1,2}/\d{4}\s*-\s*\d{1,2}:\d{2}"
_NAV_HEAD = r"(?:Tin|Bài|Bài viết|Các tin|Các bài)\s(?:liên quan|khác|cùng chuyên mục)|Xem thêm|Đọc thêm"
# In a flattened page, furniture starts where these openers stand (case-sensitive on purpose).
SPLIT_BEFORE_RE = re.compile(
    r"\s(?=(BÌNH LUẬN|Bình luận \(\d+\)|Gửi bình luận|Chia sẻ bài viết|Chia sẻ:|Loading\.\.\.|Please enter your"
    r"|Newer news items|Older news items|Written by|Nguồn:|Tags:|Từ khóa:|Từ khoá:|©|Bản quyền|Giấy phép số"
    r"|(?:Số )?[Ll]ượt (?:xem|đọc|thích):|Trang chủ\s*[>»›|/]|\([\w.-]{2,30}\.(?:vn|com|net)\)\s*[-–]"
    rf"|(?:Thứ (?:Hai|Ba|Tư|Năm|Sáu|Bảy)|Chủ nhật),?\s*\d{{1,2}}[/-]|{_NAV_HEAD}|{_IMAGE}\s))"
    rf"|(?<!,)\s(?={_DATETIME})")
SPLIT_AFTER_RE = re.compile(rf"(?:{_DATETIME}|(?<=\s){_IMAGE}|^{_IMAGE}|(?<=\s)(?:{_NAV_HEAD}))\s+")
CAPS_WORD_RE = re.compile(r"\S+")
KEPT = ("lead", "body", "subheading")
IMAGE_MARKER_RULES = ("image.file_name", "duplicate.title", "photo_credit.line")


def split_sentences(line: str) -> list[str]:
    """Cut a flattened page into sentences; ''.join(result) == line."""
    cuts = {0, len(line)}
    for m in SENTENCE_END_RE.finditer(line):
        if not ABBREV_RE.search(line[: m.start() + 1]):
            cuts.add(m.end())
    cuts.update(m.start() + 1 for m in SPLIT_BEFORE_RE.finditer(line))
    cuts.update(m.end() for m in SPLIT_AFTER_RE.finditer(line))
    banner = _caps_banner_end(line)
    if banner:
        cuts.add(banner)
    bounds = sorted(cuts)
    return [line[a:b] for a, b in zip(bounds, bounds[1:]) if b > a]


def _caps_banner_end(line: str) -> int:
    """End of a run of >= 3 ALL-CAPS words opening a flattened page (the outlet banner); 0 if none."""
    run, end = 0, 0
    for m in CAPS_WORD_RE.finditer(line):
        letters = [ch for ch in m.group() if ch.isalpha()]
        if not letters or not all(ch.isupper() for ch in letters):
            break
        run, end = run + 1, m.end()
    return end + 1 if run >= 3 and end < len(line) and line[end:end + 1].isspace() else 0


def split_units(text: str) -> list[tuple[str, str]]:
    """(raw unit text, split kind) for every unit of the document."""
    lines = text.split("\n")
    non_empty = [ln for ln in lines if ln.strip()]
    if len(non_empty) == 1 and len(non_empty[0]) >= DUMP_MIN_CHARS:
        units: list[tuple[str, str]] = []
        for ln in lines:
            if ln.strip():
                units.extend((s, "sentence") for s in split_sentences(ln))
            else:
                units.append((ln, "line"))
        return units
    return [(ln, "line") for ln in lines]


def reconstruct(decisions: list[LineDecision]) -> str:
    """The raw text back from the decisions (inverse of split_units)."""
    rows: list[str] = []
    prev_sentence = False
    for d in decisions:
        if d.split == "sentence" and prev_sentence:
            rows[-1] += d.text
        else:
            rows.append(d.text)
        prev_sentence = d.split == "sentence"
    return "\n".join(rows)


class _Page:
    """Mutable working state of one classification."""

    def __init__(self, text: str) -> None:
        self.units = split_units(text)
        self.clean = [repair_line(u) for u, _ in self.units]
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


def _line_rules(p: _Page, repeated: frozenset[str]) -> None:
    for i, c in enumerate(p.clean):
        if not c:
            p.set(i, "empty", "empty")
            continue
        rule = next((r for r in LINE_RULES if r.match(c)), None)
        if rule is not None:
            p.set(i, rule.role, rule.id)
        elif repeated and fingerprint(c) in repeated and not is_protected(c):
            p.set(i, "ui_text", "corpus.repeated")


def _title(p: _Page) -> int | None:
    chosen = header_pass(p)
    if chosen is not None:
        return chosen
    free = p.free()
    if not free:
        return None
    first = free[0]
    if is_section_label(p.clean[first]) and len(free) > 1:
        p.set(first, "section", "structure.section")
        first = free[1]
    elif (len(free) > 1 and _n_short(p.clean[first]) and _is_title(p.clean[free[1]])
          and not is_prose(p.clean[first])):
        # two headline-like lines at the top: the first, very short one is a section label
        p.set(first, "section", "structure.section")
        first = free[1]
    if _is_title(p.clean[first]):
        p.set(first, "title", "structure.title")
        return first
    return None


def _n_short(text: str) -> bool:
    return len(text.split()) <= 3 and not TERMINAL_RE.search(text)


_is_title = is_title_shape


def _duplicates(p: _Page, title: int | None) -> None:
    title_key = edge_key(p.clean[title]) if title is not None else None
    for i in p.free():
        j = p.next_non_empty(i)
        if (j is not None and p.role[j] is None and edge_key(p.clean[i]) == edge_key(p.clean[j])
                and len(p.clean[i].split()) <= 50 and edge_key(p.clean[i]) != title_key):
            p.set(i, "caption", "caption.repeated")
    seen: set[str] = set()
    for i, c in enumerate(p.clean):
        if not c or p.role[i] not in (None, "caption", "title"):
            continue
        key = edge_key(c)
        if p.role[i] != "title" and key and key == title_key:
            p.set(i, "duplicate", "duplicate.title")
        elif p.role[i] != "title" and key and key in seen:
            p.set(i, "duplicate", "duplicate.repeat")
        seen.add(key)


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
        if in_list and is_headline_like(c) and not TERMINAL_RE.search(c):
            p.set(i, "navigation", "navigation.list")
            continue
        in_list = False
        prev = p.prev_non_empty(i)
        if (prev is not None and p.rule[prev] in IMAGE_MARKER_RULES and len(c.split()) <= 30
                and (not TERMINAL_RE.search(c) or CAPTION_CUE_RE.match(c))):
            p.set(i, "caption", "caption.after_image")


def _body(p: _Page, title: int | None) -> None:
    free = p.free()
    prose = [i for i in free if is_prose(p.clean[i])]
    last_prose = prose[-1] if prose else -1
    for i in free:
        if i > last_prose and is_name_like(p.clean[i]):
            p.set(i, "byline", "byline.tail_name")
    start = title if title is not None else -1
    lead = next((i for i in p.free() if i > start and (OUTLET_PREFIX_RE.match(p.clean[i])
                                                        or is_prose(p.clean[i]))), None)
    if lead is not None:
        rule = "lead.outlet_prefix" if OUTLET_PREFIX_RE.match(p.clean[lead]) else "structure.lead"
        p.set(lead, "lead", rule)
    for i in p.free():
        c = p.clean[i]
        if (lead is not None and lead < i < last_prose and is_subheading_like(c)
                and not is_name_like(c)):
            p.set(i, "subheading", "structure.subheading")
        else:
            p.set(i, "body", "default.body")


def classify(text: str, *, repeated: frozenset[str] = frozenset()) -> list[LineDecision]:
    """One LineDecision per unit of `text` (see the module docstring for units and line_no)."""
    p = _Page(text)
    _line_rules(p, repeated)
    title = _title(p)
    _duplicates(p, title)
    _captions_and_lists(p)
    footer_pass(p)
    _body(p, title)
    return [
        LineDecision(line_no=i, text=u, clean_text=p.clean[i], role=p.role[i] or "body",
                     rule=p.rule[i] or "default.body", split=kind)
        for i, (u, kind) in enumerate(p.units)
    ]


def kept_text(decisions: list[LineDecision]) -> list[str]:
    """Clean text of the kept units (lead, body, subheading), in order."""
    return [d.clean_text for d in decisions if d.role in KEPT]
