"""Header and footer passes of `bantin.clean.classify.classify` (their rules: `rules/structure.py`).

Why a title is chosen, not taken: above the title stand banners, menus and breadcrumbs nobody
has listed, so the first line is often not the title. The title is the LAST headline-like line
of the header zone (everything before the first paragraph of running text) that is not a
banner, menu, section label, name or picture caption; the free lines above it are header
furniture. Below the story (after its last paragraph and an end marker such as the byline or a
share bar) headline-like lines are links and footer-like lines are the site footer.
"""
from __future__ import annotations

import re
from typing import Protocol

from bantin.clean.rules.base import n_words
from bantin.clean.rules.credits import is_name_like, is_tail_source
from bantin.clean.rules.navigation import has_nav_separators
from bantin.clean.rules.structure import (
    DIGIT_RE,
    OUTLET_PREFIX_RE,
    TERMINAL_RE,
    is_banner_like,
    is_footer_like,
    is_headline_like,
    is_org_name,
    is_prose,
    is_section_label,
    is_title_shape,
)
from bantin.clean.rules.ui import footer_hits

HEADER_MAX_UNITS = 10
# A footer line is an address block, a licence, a copyright: a flattened page that glued the whole
# story to its footer is longer, and is cut into sentences instead of dropped whole.
FOOTER_MAX_CHARS = 600
# A sentence ending inside the line (`… tỉnh nhà. Sau đó …`), not an abbreviation (`TP. Huế`).
INNER_SENTENCE_RE = re.compile(r"(?<![^\W\d_])[^\W\d_]{2,}[.!?…][\"”’)]?\s+\S")
MENU_RUN_RE = re.compile(r"^(Trang chủ|TRANG CHỦ|Home|HOME)\s+[A-ZĐ]")
IMAGE_ROLES = ("image_file", "photo_credit")
END_ROLES = frozenset({"byline", "source_credit", "share_prompt", "comment_prompt", "navigation", "ui_text",
                       "counter", "dateline", "section"})


class Page(Protocol):
    clean: list[str]
    role: list[str | None]

    def set(self, i: int, role: str, rule: str) -> None: ...
    def prev_non_empty(self, i: int) -> int | None: ...


def _is_paragraph(c: str) -> bool:
    """Running text: prose that is not headline-shaped, opens with an outlet tag or holds a sentence end;
    never a run opening with a menu's `Trang chủ` that ends no sentence (a flattened menu)."""
    if MENU_RUN_RE.match(c) and not TERMINAL_RE.search(c) and not INNER_SENTENCE_RE.search(c):
        return False
    return is_prose(c) and (not is_title_shape(c) or bool(OUTLET_PREFIX_RE.match(c))
                            or bool(INNER_SENTENCE_RE.search(c)))


def header_zone(p: Page) -> list[int]:
    """Non-empty units before the first free paragraph of running text (at most HEADER_MAX_UNITS free ones)."""
    out: list[int] = []
    free = 0  # lines a rule already claimed (menus, widgets, datelines) do not use up the zone
    for i, c in enumerate(p.clean):
        if not c:
            continue
        if free >= HEADER_MAX_UNITS or (p.role[i] is None and _is_paragraph(c)):
            break
        out.append(i)
        free += p.role[i] is None
    return out


def _candidate(p: Page, i: int) -> bool:
    c = p.clean[i]
    prev = p.prev_non_empty(i)
    return (p.role[i] is None and is_title_shape(c) and n_words(c) >= 4 and not is_section_label(c)
            and not is_name_like(c) and not has_nav_separators(c) and not is_banner_like(c)
            and not (prev is not None and p.role[prev] in IMAGE_ROLES))


def _banner_run(p: Page, zone: list[int]) -> None:
    """Without a title candidate, still drop the banners and menus that open the page."""
    for i in zone:
        c = p.clean[i]
        if p.role[i] is not None:
            continue
        if has_nav_separators(c) and not is_section_label(c):
            p.set(i, "navigation", "header.menu")
        elif is_banner_like(c):
            p.set(i, "ui_text", "header.banner")
        else:
            return


def header_pass(p: Page) -> int | None:
    """Choose the title in the header zone and give the furniture around it a role; None if no candidate."""
    zone = header_zone(p)
    candidates = [i for i in zone if _candidate(p, i)]
    if not candidates:
        _banner_run(p, zone)
        return None
    title = candidates[-1]
    p.set(title, "title", "structure.title")
    before = [i for i in zone if i < title and p.role[i] is None]
    for i in before:
        c = p.clean[i]
        adjacent_label = (i == before[-1] and n_words(c) <= 4 and not DIGIT_RE.search(c)
                          and not has_nav_separators(c) and not is_banner_like(c))
        if is_section_label(c) or adjacent_label:
            p.set(i, "section", "structure.section")
        elif has_nav_separators(c):
            p.set(i, "navigation", "header.menu")
        else:
            p.set(i, "ui_text", "header.banner")
    for i in zone:
        c = p.clean[i]
        if i < title or p.role[i] is not None:
            continue
        if is_name_like(c):
            p.set(i, "byline", "byline.head_name")
        elif n_words(c) <= 3 and not TERMINAL_RE.search(c) and not DIGIT_RE.search(c):
            p.set(i, "ui_text", "header.short")
    return title


def _story_end(p: Page) -> int:
    """Index of the last free paragraph that ends like a sentence and is not footer text; -1 if none."""
    for i in range(len(p.clean) - 1, -1, -1):
        c = p.clean[i]
        if (c and p.role[i] is None and is_prose(c) and (TERMINAL_RE.search(c) or n_words(c) > 35)
                and not is_footer_like(c)):
            return i
    return -1


def footer_pass(p: Page) -> None:
    """Roles for the free lines after the story: author names, site footer, link lists, short labels."""
    last = _story_end(p)
    if last < 0:
        return
    ended = False
    for i in range(last + 1, len(p.clean)):
        c = p.clean[i]
        if not c:
            continue
        if p.role[i] is not None:
            ended = ended or p.role[i] in END_ROLES
            continue
        if is_tail_source(c):  # `… Hoàng Cường Theo Philstar`: a credit to an outlet no list names
            p.set(i, "source_credit", "source.tail_piece")
        elif is_name_like(c) or (not ended and is_org_name(c)):
            p.set(i, "byline", "byline.tail_name")
        elif len(c) <= FOOTER_MAX_CHARS and is_footer_like(c) and (ended or sum(footer_hits(c)) >= 2):
            p.set(i, "ui_text", "footer.info")
        elif ended and is_headline_like(c) and not TERMINAL_RE.search(c) and n_words(c) >= 4:
            p.set(i, "navigation", "footer.link_list")
        elif ended and n_words(c) <= 3 and not TERMINAL_RE.search(c):
            p.set(i, "ui_text", "footer.after_end")
        else:
            continue
        ended = True
