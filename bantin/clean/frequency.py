"""What corpus frequency may decide, and what it may not.

Why a module of its own: `corpus.repeated` (a short line found in many stories of the corpus) is
the one rule that reads other files, so it is the one that can be wrong about *this* file: one
reporter signs many stories, a story printed on several pages repeats its own headline and
headings. The passes of `classify` mark repeated lines first (they must not take a site's
furniture for a title or a lead); these functions then give back what the page's structure reads
as the title, a byline or story text. They work on `classify`'s page state (`_Page`).
"""
from __future__ import annotations

import re

from bantin.clean.rules.credits import is_name_like
from bantin.clean.rules.structure import is_prose, is_subheading_like, is_title_shape

# What a repeated heading inside a story never holds, and a repeated widget does: a label
# (`Đường dây nóng:`) or a long number (a phone, a code).
LABEL_OR_NUMBER_RE = re.compile(r":|\d{3,}")


def repeated_title(p, lead: int) -> int | None:
    """Frequency alone never takes the title: a title-shaped line that only `corpus.repeated`
    claimed, the last line above the story's first paragraph that is not other furniture, is the
    headline (a story printed on
    several pages of the corpus repeats its own title)."""
    if not is_prose(p.clean[lead]):
        return None
    above = p.prev_non_empty(lead)
    while above is not None and p.role[above] is not None and p.rule[above] != "corpus.repeated":
        above = p.prev_non_empty(above)  # over the furniture between headline and lead (counters, dates)
    if above is not None and p.rule[above] == "corpus.repeated" and is_title_shape(p.clean[above]):
        p.set(above, "title", "structure.title")
        return above
    return None


def release_repeats(p, title: int | None) -> None:
    """Frequency alone never removes what the page's structure reads as story or byline: a line
    only `corpus.repeated` claimed is released when it is a sentence or a heading inside the story
    (between its first and last paragraphs), and is the byline when it is a name after the story.
    (One reporter signs many stories; a story printed on several pages repeats its headings.)"""
    start = title if title is not None else -1
    prose = [i for i in p.free() if i > start and is_prose(p.clean[i])]
    if not prose:
        return
    first, last = prose[0], prose[-1]
    for i, rule in enumerate(p.rule):
        if rule != "corpus.repeated":
            continue
        c = p.clean[i]
        if first < i < last and (is_prose(c) or (is_subheading_like(c) and not LABEL_OR_NUMBER_RE.search(c))):
            p.role[i] = p.rule[i] = None
        elif i > last and is_name_like(c):
            p.set(i, "byline", "byline.tail_name")
