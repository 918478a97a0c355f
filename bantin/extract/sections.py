"""The site section an article is filed under (`Quốc phòng - An ninh`), from its page marks.

Evidence, strongest first:
1. a labelled section line: `Chuyên mục: Quốc phòng - An ninh`, `Danh mục: Pháp luật`;
2. the last element of a breadcrumb before the story: `Trang chủ > Thời sự > Quốc phòng - An
   ninh`, `Bạn đang ở: Trang chủ » Tin tức » An ninh - Trật tự`, `Trang chủ / Quốc phòng an ninh /
   Các quân khu`. A breadcrumb has at least one `>`, `»`, `›`, `→` or spaced `/`; a menu bar
   (`Thời sự | Video | ...`) is not one. An element equal to the title (some breadcrumbs end
   with the headline) is skipped, and a last element longer than a section name is no evidence;
3. a flattened breadcrumb glued to the headline (`Trang chủ / Quốc phòng - An ninh Đảng ủy ...`);
4. a section-shaped line right above the headline (`PHÁP LUẬT`), whatever role cleaning gave it;
5. a standalone section line found by the line classifier (`Biên giới biển đảo`).
Why breadcrumbs before standalone lines: a menu item is easily mistaken for a standalone label,
whereas a breadcrumb names the very section of this page.
"""
from __future__ import annotations

import re
from collections.abc import Sequence

from bantin.vi.names import LOWER, UPPER

LABEL_RE = re.compile(r"^\s*(?:Chuyên mục|Danh mục|Mục|Chuyên đề)\s*:\s*(?P<name>\S.{0,60}?)\s*$", re.I)
BREADCRUMB_PREFIX_RE = re.compile(r"^\s*(?:Bạn đang ở|Vị trí|You are here)\s*:\s*", re.I)
BREADCRUMB_SEP_RE = re.compile(r"(?<!\s)(?:\s*(?:>|»|›|→)\s*|\s+/\s+)")
MAX_SECTION_WORDS = 7
_UP, _LO = UPPER, LOWER
_SIDE = rf"[{_UP}][{_LO}]+(?:\s[{_LO}]+){{0,3}}"
GLUED_RE = re.compile(rf"^(?P<section>{_SIDE}\s[-–]\s{_SIDE})\s(?P<title>[{_UP}0-9].+)$")
GLUED_TITLE_MIN_WORDS = 5
MENU_PUNCT_RE = re.compile(r"[|•·>»›→/©@#]|\s{2,}")
# A menu bar: 4+ short items separated by `|`, `•` or runs of 2+ spaces, no sentence punctuation.
MENU_SEP_RE = re.compile(r"\s*[|•·]\s*|\s{2,}")
MENU_ITEM_MAX_WORDS = 6


def _norm(text: str) -> str:
    return " ".join(text.split()).casefold()


def is_menu_bar(line: str) -> bool:
    """True for a navigation bar (`Trang chủ | Thời sự | Chính trị | Kinh tế`).

    Why extraction checks this itself: a menu bar misread as the lead would open the story
    early (so a byline under the title closes it) and hide the breadcrumb that follows it.
    """
    items = [p for p in MENU_SEP_RE.split(line.strip()) if p.strip()]
    if len(items) < 4 or line.rstrip().endswith((".", "!", "?", "…", '"', "”")):
        return False
    return all(len(p.split()) <= MENU_ITEM_MAX_WORDS for p in items)


def labelled_section(line: str) -> str | None:
    m = LABEL_RE.match(line)
    return m.group("name") if m else None


def breadcrumb_section(line: str, title: str | None = None) -> str | None:
    """The last element of a breadcrumb line (see module docstring), else None."""
    if "|" in line:
        return None
    parts = [p.strip() for p in BREADCRUMB_SEP_RE.split(BREADCRUMB_PREFIX_RE.sub("", line)) if p.strip()]
    if len(parts) < 2 or not all(any(ch.isalpha() for ch in p) for p in parts):
        return None  # `00:00 / 02:47` is a player clock
    if title and _norm(parts[-1]) == _norm(title):
        parts.pop()
    last = parts[-1] if len(parts) >= 1 else None
    if not last or _words(last) > MAX_SECTION_WORDS or last.endswith((".", "!", "?")):
        return None
    return last


def _words(text: str) -> int:
    """Words of a label, not counting its dashes (`Quốc phòng - An ninh - Đối ngoại` has 6)."""
    return sum(1 for w in text.split() if any(ch.isalpha() for ch in w))


def glued_breadcrumb(line: str) -> tuple[str, str] | None:
    """(section, headline) of a flattened `Trang chủ / Quốc phòng - An ninh Đảng ủy Quân sự tỉnh
    quán triệt ...` line: a breadcrumb whose last element, a two-sided `X - Y` section name in
    sentence case, runs straight into the headline (the next capitalised word starts it)."""
    if "|" in line:
        return None
    seps = list(BREADCRUMB_SEP_RE.finditer(line))
    if not seps:
        return None
    m = GLUED_RE.match(line[seps[-1].end():].strip())
    if not m or _words(m.group("title")) < GLUED_TITLE_MIN_WORDS or m.group("title").endswith("."):
        return None
    return m.group("section"), m.group("title").strip()


def section_shaped(line: str) -> bool:
    """A short standalone label (`PHÁP LUẬT`, `Thời sự - An ninh trật tự`): 1-7 words, no digits,
    no sentence or menu punctuation."""
    text = line.strip()
    return (bool(text) and 1 <= _words(text) <= MAX_SECTION_WORDS and not any(ch.isdigit() for ch in text)
            and not text.endswith((".", "!", "?", ":", "…", '"', "”")) and not MENU_PUNCT_RE.search(text)
            and text[0].isupper() and not is_menu_bar(text))


def find_section(
    *, head_lines: Sequence[str], section_lines: Sequence[str], title: str | None = None,
    before_title: str | None = None,
) -> str | None:
    """Section of an article; `head_lines`: non-story lines before the lead (breadcrumb candidates);
    `before_title`: the line right above the headline, where pages print the section label
    (`PHÁP LUẬT`), the most specific of several stacked labels."""
    for line in list(section_lines) + list(head_lines):
        if name := labelled_section(line):
            return name
    for line in head_lines:
        if name := breadcrumb_section(line, title):
            return name
    for line in head_lines:
        if glued := glued_breadcrumb(line):
            return glued[0]
    if before_title and section_shaped(before_title):
        return before_title.strip()
    return next((s for s in section_lines if s.strip()), None)
