"""Keeping text rules linear in the length of what they read.

Why: an input is not a well-formed article. A 5 MB page flattened into one line, or a 1 MB
"word" of repeated characters, turned rules that are instant on real text into minutes: a
search for "the text before this number ends with `từ`" copied and scanned the whole prefix
at every number (quadratic), and a pattern that begins with an unbounded repeat (`\\s*`, `\\S+`,
`[^\\W\\d_]{2,}`) was retried from every character of a long run. Two conventions fix that:

- a pattern that begins with an unbounded repeat starts with a lookbehind for the same class
  (`(?<!\\s)\\s*,`, `(?<!\\S)\\S+\\.pdf`), so a match can only start where the run starts; the
  leftmost match is the same, only the hopeless retries inside the run are gone;
- "does the text end with X just before position p" is `ends_with(X, text, p)`: X (anchored
  with `$`) is searched only in the WINDOW characters before p, in place (`pos`/`endpos` keep
  `$`, `\\b` and lookbehinds exact, and nothing is copied).

`tests/test_linear_time.py` runs the whole cleaning and extraction on hostile shapes at two
sizes and fails when the time grows faster than the input.
"""
from __future__ import annotations

import re

#: Characters before a position that an `ends_with` pattern may need (its longest match).
WINDOW = 120


def ends_with(pattern: re.Pattern, text: str, end: int, window: int = WINDOW) -> re.Match | None:
    """`pattern` (ending in `$`) matched against `text[:end]`, looking only at its last
    `window` characters; positions in the match are positions in `text`."""
    return pattern.search(text, max(0, end - window), end)
