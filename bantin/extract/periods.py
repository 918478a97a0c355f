"""Multi-year periods named in the text: `giai đoạn 2015 - 2020` -> (2015, 2020).

Why a separate rule: periods are what provincial reports are organised by (plans, terms of
office, reviews), and they are evidence for resolving a year-less date. Accepted forms:
`YYYY - YYYY` with any dash and spacing (optionally after `giai đoạn`, `nhiệm kỳ`, `thời kỳ`,
`năm`), and `từ (năm) YYYY đến (năm) YYYY`. Both years must lie in 1945..2100 with start < end
and a span of at most 50 years. A range glued to a `/` or a digit (`12/2015-2020`, a document
symbol or date) is not a period. One row per (start, end), first mention kept.
"""
from __future__ import annotations

import re

_YEAR = r"(?:19|20|21)\d\d"
_PREFIX = r"(?:(?:giai đoạn|nhiệm kỳ|thời kỳ|khóa|khoá|năm học|năm)\s+)?"
DASH_PERIOD_RE = re.compile(
    rf"(?<![\w/.-])(?i:{_PREFIX})(?P<start>{_YEAR})\s*[-–—]\s*(?P<end>{_YEAR})(?![\w/]|[.,]\d|-\d)"
)
FROM_TO_RE = re.compile(
    rf"(?<![^\W\d_])(?i:từ)\s+(?i:năm\s+)?(?P<start>{_YEAR})\s+(?i:đến|tới)\s+(?i:năm\s+)?"
    rf"(?P<end>{_YEAR})(?![\w/]|[.,]\d)"
)
MIN_YEAR, MAX_YEAR, MAX_SPAN = 1945, 2100, 50


def find_periods(text: str) -> list[dict]:
    """Periods in `text` as {start_year, end_year, mention}, in order of first mention."""
    hits = sorted(
        (m for rx in (DASH_PERIOD_RE, FROM_TO_RE) for m in rx.finditer(text)), key=lambda m: m.start()
    )
    out: dict[tuple[int, int], dict] = {}
    for m in hits:
        start, end = int(m.group("start")), int(m.group("end"))
        if not (MIN_YEAR <= start < end <= MAX_YEAR and end - start <= MAX_SPAN):
            continue
        out.setdefault((start, end), {"start_year": start, "end_year": end, "mention": m.group(0)})
    return list(out.values())
