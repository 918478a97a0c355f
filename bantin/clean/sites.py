"""What the other pages of a site say about one page: a site that prints no headline.

Why: some sources keep the story without its headline (a scrape of the article body alone). The
first line of such a page is the story's first subheading, a series label (`Bài 3: …`) or a
caption, and nothing on the page tells it from a headline followed by its lead: on the real
development pages, what follows a false title is shaped like what follows a true one. What the
other pages of the same site open with does tell: where a site prints its headlines, nearly every
page opens with a headline-shaped line (399 of 400 baomoi 2025 pages); where it does not, few
do (at most 31% in the development corpus, and those are the false titles). So a folder in
which fewer than `min_share` of at least `min_pages` pages open with a headline prints none, and
the cleaner takes no title on its pages (an empty title beats a wrong one).

The site is the file's folder, with no site list: pages of one source belong in one folder (a
folder that mixes sites keeps the page-level rules unless most of its pages open with no headline).
The test is the raw text's opening lines, so the corpus pass, which reads every file anyway,
decides it without cleaning anything.
"""
from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from pathlib import PurePosixPath

from bantin.clean.rules.structure import is_prose, is_title_shape

#: The page's first non-empty lines looked at (a menu or a date line may come before the headline).
OPENING_LINES = 5
#: A headline has at least this many words of letters (a shorter opener is a label, a masthead or
#: a date line such as `Thứ Ba, 04/11/2025 08:15`).
MIN_HEADLINE_WORDS = 4
WORD_RE = re.compile(r"[^\W\d_]+")


def site_of(source_file: str) -> str:
    """The folder of a file (relative, `/`-separated; `.` for files at the top of the raw directory)."""
    return PurePosixPath(source_file).parent.as_posix()


def is_headless(source_file: str, headless: frozenset[str]) -> bool:
    """Whether the file's site is one of the `headless` sites (`SiteTally.headless`)."""
    return bool(headless) and site_of(source_file) in headless


def opens_with_headline(text: str) -> bool:
    """A headline-shaped line among the page's first lines, before its first sentence of prose."""
    seen = 0
    for line in _lines(text):
        line = line.strip()
        if not line:
            continue
        if is_title_shape(line) and len(WORD_RE.findall(line)) >= MIN_HEADLINE_WORDS:
            return True
        seen += 1
        if seen >= OPENING_LINES or is_prose(line):
            return False
    return False


def _lines(text: str) -> Iterator[str]:
    """The text's lines, read one at a time (only the first few are wanted; a page may be megabytes)."""
    start = 0
    while start <= len(text):
        end = text.find("\n", start)
        if end < 0:
            yield text[start:]
            return
        yield text[start:end]
        start = end + 1


class SiteTally:
    """Pages and pages opening with a headline, per site, counted as the corpus pass reads them."""

    def __init__(self) -> None:
        self.pages: Counter[str] = Counter()
        self.headed: Counter[str] = Counter()

    def add(self, source_file: str, text: str) -> None:
        site = site_of(source_file)
        self.pages[site] += 1
        self.headed[site] += opens_with_headline(text)

    def headless(self, *, min_pages: int, min_share: float) -> frozenset[str]:
        """The sites with at least `min_pages` pages, fewer than `min_share` of which open with a headline."""
        return frozenset(site for site, n in self.pages.items()
                         if n >= min_pages and self.headed[site] < min_share * n)
