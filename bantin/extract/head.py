"""Head of a cleaned page: headline, section and dateline, read from layout.

Why a module of its own: misread and flattened pages put the head's parts in the wrong roles
(a masthead in the title slot, the section label as furniture, the dateline glued to the lead);
these rules look at positions (the line above the headline, the line before the dateline) rather
than at the roles alone. Split out of `bantin.extract.article`, which assembles every field.
"""
from __future__ import annotations

import re
import unicodedata

from bantin.extract import dates, outlets, sections
from bantin.records import CleanDoc
from schemas.lines import KEPT_ROLES

PROSE_MIN_WORDS = 8
PROSE_ENDS = (".", "!", "?", "…", '"', "”", ":", ";")
HEADLINE_WORDS = (5, 30)
BREADCRUMB_MARK_RE = re.compile(r"\s(?:>|»|›|→)\s")
HEAD_SCAN_LINES = 15
# Unicode categories of symbols and emoji framing a social-media headline (`⚠️ CẢNH BÁO ... ⚠️`):
# other symbols, modifier symbols, combining marks (the emoji variation selector), format chars.
DECORATION_CATEGORIES = ("So", "Sk", "Mn", "Cf")


def prose(line: str) -> bool:
    """A sentence of the story (ends like a sentence, several words), not a title or a label."""
    return len(line.split()) >= PROSE_MIN_WORDS and line.rstrip().endswith(PROSE_ENDS)


def head_lines(doc: CleanDoc) -> list[str]:
    """Non-story lines before the story (menu bars read as story lines included)."""
    head = []
    for ln in doc.lines:
        if ln.role in KEPT_ROLES and not sections.is_menu_bar(ln.clean_text):
            break
        if ln.role not in ("title", "empty"):
            head.append(ln.clean_text)
    return head


def _title_at(doc: CleanDoc, title: str | None) -> int | None:
    """Index of the line holding the headline (the cleaned title line, or the line it was found in)."""
    if not title:
        return None
    return next((i for i, ln in enumerate(doc.lines) if ln.role == "title" and ln.clean_text.strip() == title),
                next((i for i, ln in enumerate(doc.lines[:HEAD_SCAN_LINES]) if title in ln.clean_text), None))


def section(doc: CleanDoc, title: str | None) -> str | None:
    """Section from labelled lines, a breadcrumb before the story or the headline, a label right
    above the headline, or the classifier's label."""
    head = head_lines(doc)
    at = _title_at(doc, title)
    above = [ln.clean_text for ln in doc.lines[:at] if ln.clean_text.strip()] if at is not None else []
    head += [t for t in above if t not in head and not prose(t)]
    glued = [ln.clean_text for ln in doc.lines[:HEAD_SCAN_LINES] if sections.glued_breadcrumb(ln.clean_text)]
    return sections.find_section(head_lines=head + glued, section_lines=doc.texts("section"), title=title,
                                 before_title=above[-1] if above and not outlets.is_outlet_name(above[-1]) else None)


def dateline(doc: CleanDoc, lead: str | None) -> str | None:
    """The dateline line, else a dateline standing in the title slot, the page head or the lead
    (`dates.dateline_in`): flattened and misread pages put it there."""
    # the outlet or place tag cut off the lead (`dateline.story_prefix`) is a dateline without a date
    if found := next((ln.clean_text for ln in doc.lines
                      if ln.role == "dateline" and ln.rule != "dateline.story_prefix"), None):
        return found
    candidates = ([doc.title] if doc.title else []) + head_lines(doc) + ([lead] if lead else [])
    if found := next((d for line in candidates if (d := dates.dateline_in(line))), None):
        return found
    top = [ln.clean_text for ln in doc.lines[:HEAD_SCAN_LINES]]
    return next((d for line in top if (d := dates.dateline_prefix(line))), None)


def title(doc: CleanDoc) -> str | None:
    """The headline, decoration (`⚠️`) stripped; see `_raw_title`."""
    title = _raw_title(doc)
    return _strip_decoration(title) or None if title else title


def _strip_decoration(text: str) -> str:
    """The text without emoji/symbols (and spaces) at either end; quotes and brackets are kept."""
    def deco(ch: str) -> bool:
        return ch.isspace() or unicodedata.category(ch) in DECORATION_CATEGORIES
    start, end = 0, len(text)
    while start < end and deco(text[start]):
        start += 1
    while end > start and deco(text[end - 1]):
        end -= 1
    return text[start:end]


def _found_headline(doc: CleanDoc) -> str | None:
    """A headline the page head shows by layout: glued to a flattened breadcrumb, or a
    headline-shaped line whose next non-empty line is a dateline."""
    lines = [ln for ln in doc.lines[:HEAD_SCAN_LINES] if ln.clean_text.strip()]
    for i, ln in enumerate(lines):
        if glued := sections.glued_breadcrumb(ln.clean_text):
            return glued[1]
        nxt = lines[i + 1] if i + 1 < len(lines) else None
        if nxt and (nxt.role == "dateline" or dates.dateline_in(nxt.clean_text)) and _headline_shaped(ln.clean_text):
            return ln.clean_text.strip()
    return None


def _raw_title(doc: CleanDoc) -> str | None:
    """The cleaned title; when there is none or it is too short for a headline (a masthead such
    as `Dân trí` or an affiliation read as the title), a headline found by layout
    (`_found_headline`); when it is only a dateline (a misread header), the headline-shaped
    line right above it (headline-then-dateline is the common layout), else None."""
    misread = bool(doc.title) and dates.dateline_in(doc.title) == doc.title.strip()
    if not misread and (not doc.title or len(doc.title.split()) < HEADLINE_WORDS[0]):
        return _found_headline(doc) or doc.title
    if not misread:
        return doc.title
    at = next((i for i, ln in enumerate(doc.lines) if ln.role == "title"), None)
    above = [ln for ln in doc.lines[:at] if ln.clean_text.strip()] if at is not None else []
    return above[-1].clean_text.strip() if above and _headline_shaped(above[-1].clean_text) else None


def _headline_shaped(line: str) -> bool:
    """5-30 words, not a sentence, a menu bar, a breadcrumb or a shouting masthead."""
    text = line.strip()
    return (HEADLINE_WORDS[0] <= len(text.split()) <= HEADLINE_WORDS[1] and not text.endswith(".")
            and not text.isupper() and not sections.is_menu_bar(text) and not BREADCRUMB_MARK_RE.search(text)
            and sections.breadcrumb_section(text) is None and dates.dateline_in(text) is None)
