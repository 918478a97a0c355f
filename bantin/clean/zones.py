"""Header and footer passes of `bantin.clean.classify.classify`, and the title choice (rules: `rules/structure.py`).

Why a title is chosen, not taken: above the title stand banners, menus and breadcrumbs nobody
has listed, so the first line is often not the title. The title is the LAST headline-like line
of the header zone (everything before the first paragraph of running text) that is not a
banner, menu, section label, name or picture caption, or the last one right above the page's date
stamp when there is one (a sapo with no full stop below the stamp is headline-like too); the free
lines above it are header furniture. Below the story (after its last paragraph and an end marker
such as the byline or a share bar) headline-like lines are links and footer-like lines are the
site footer.
"""
from __future__ import annotations

import re
from typing import Protocol

from bantin.clean import frequency
from bantin.clean.rules.base import n_words
from bantin.clean.rules.credits import is_name_like, is_tail_source
from bantin.clean.rules.datelines import story_prefix_end
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
    units: list[tuple[str, str, int]]  # (raw text, split kind, raw line): bantin.clean.units.split_units

    def set(self, i: int, role: str, rule: str) -> None: ...
    def prev_non_empty(self, i: int) -> int | None: ...
    def next_non_empty(self, i: int) -> int | None: ...
    def free(self) -> list[int]: ...


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


def _headless_opener(p: Page, zone: list[int]) -> None:
    """On a site that prints no headline, heading-shaped lines before the first paragraph are the
    story's: its first subheading, and above it the top picture's caption when two open the page
    (`Nơi anh Hậu quyên sinh` / `Bài 3: Không có tiền mua nổi áo quan …`) or when the heading is
    glued to the story's first sentence on a flattened line (`… đống sắt vụn Chiếc máy bay …`: a
    heading has a line of its own)."""
    free = [i for i in zone if p.role[i] is None]
    heads = [i for i in free if _candidate(p, i) and not story_prefix_end(p.clean[i])]  # `Dân trí …`: the lead
    glued = bool(heads) and p.units[heads[0]][1] == "sentence"
    if glued or (len(free) == 2 and heads == free):
        p.set(heads.pop(0), "caption", "caption.headless_top")
    for i in heads:
        p.set(i, "subheading", "structure.subheading")


def _above_the_stamp(p: Page, candidates: list[int]) -> int | None:
    """The last candidate right above the page's date stamp (`11 giờ trước`, `Thứ Ba, 28/01/2025`):
    headline, then stamp is the common layout, and a sapo with no full stop under the stamp is
    headline-shaped too (baomoi: headline, `11 giờ trước`, `39 liên quan Gốc`, sapo)."""
    stamped = [i for i in candidates if (j := p.next_non_empty(i)) is not None and p.role[j] == "dateline"]
    return stamped[-1] if stamped else None


def header_pass(p: Page, *, headless: bool = False) -> int | None:
    """Choose the title in the header zone and give the furniture around it a role; None if no
    candidate, or when the page's site prints no headline (`headless`: only banners and menus)."""
    zone = header_zone(p)
    if headless:
        _banner_run(p, zone)
        _headless_opener(p, zone)
        return None
    candidates = [i for i in zone if _candidate(p, i)]
    if not candidates:
        _banner_run(p, zone)
        return None
    stamped = _above_the_stamp(p, candidates)
    title = candidates[-1] if stamped is None else stamped
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


def choose_title(p: Page, *, headless: bool = False) -> int | None:
    """The title's unit, or None: the header pass's choice; without one, the first free unit when
    it is headline-shaped (after a section label standing above it), or a repeated headline
    (`frequency.repeated_title`). None on a site that prints no headline (`headless`)."""
    chosen = header_pass(p, headless=headless)
    if headless:  # the site prints no headline: the opener is the story's (bantin.clean.sites)
        return None
    if chosen is not None:
        return chosen
    free = p.free()
    if not free:
        return None
    first = free[0]
    if is_section_label(p.clean[first]) and len(free) > 1:
        p.set(first, "section", "structure.section")
        first = free[1]
    elif (len(free) > 1 and _very_short(p.clean[first]) and is_title_shape(p.clean[free[1]])
          and not is_prose(p.clean[first])):
        # two headline-like lines at the top: the first, very short one is a section label
        p.set(first, "section", "structure.section")
        first = free[1]
    if is_title_shape(p.clean[first]):
        p.set(first, "title", "structure.title")
        return first
    return frequency.repeated_title(p, first)


def _very_short(text: str) -> bool:
    return len(text.split()) <= 3 and not TERMINAL_RE.search(text)


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
