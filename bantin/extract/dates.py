"""Publication and event dates of an article, with where each came from.

Order of evidence, strongest first:
1. `dateline`: a full date, with its time when given (`30/01/2023 - 05:30`, `Thứ Hai,
   30/01/2023 05:30 (GMT+7)`, `Cập nhật: 08:15 ngày 12/03/2024`, `15:20 | 04/05/2022`) ->
   `published_at` in +07:00 and `published_date`; source `dateline`.
2. The lead's opening event date (`Chiều 27/12,`, `(THTG) Ngày 11-11,`, `Ngày 17/9/2019,`).
   Reports are written on the day of the event or the day after, so it stands for the date.
   - with a year -> source `body`;
   - without one the year comes ONLY from evidence, never from today's date:
     a) a camera/image file name with a date (`vlcsnap-2020-11-11-14h39m56s038`,
        `IMG_20201111_...`) within 31 days of the day -> that year, source `photo_filename`;
     b) the same day and month written with a year elsewhere in the article -> source `body`;
     c) a year-end review named in the lead (`tổng kết công tác năm 2023` on 15/11) -> that
        year for October-December, the next one for January-March; source `body`.
   Years merely referenced in the text (`giai đoạn 2015 - 2020`, `năm 2020 là thời điểm...`)
   are NOT used: a review of "2015 - 2020" held on 27 December may be in 2019 (seed 000 is:
   its speaker sets tasks for "năm 2020" ahead) or 2020, and an empty date beats a wrong one.
3. A full date that both the headline and the lead's first sentence name -> source `body`.
A lead date that is the issue date of a document the article cites (`Ngày 17/9/2019, ... ban
hành Kết luận số 249-KL/TU` + `Kết luận số 249-KL/TU ngày 17/9/2019`) dates that document, not
the report: seed 001 is an implementing instruction published later. It stays an event date.
Dates before 1945 or after the file's arrival date are rejected for publication.

`event_dates` are all full dates written in the text (`ngày 20/6/2014`, `25/10/2017`, `ngày 5
tháng 3 năm 2020`), plus the lead date once its year is resolved; unique, sorted, 1900..2100
(historical dates such as 3/2/1930 are legitimate events).
"""
from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date, datetime, timedelta, timezone

from bantin.extract.legal import find_legal_refs
from bantin.records import DateFinding
from bantin.vi.sentences import TIMES_OF_DAY, split_sentences

VN_TZ = timezone(timedelta(hours=7))
MIN_PUBLISHED = date(1945, 1, 1)
EVENT_YEARS = (1900, 2100)
IMAGE_WINDOW_DAYS = 31
#: date_source of a year read from a camera file name; date_source is None when there is no date.
PHOTO_FILENAME = "photo_filename"

FULL_DATE_RE = re.compile(
    r"(?<![\d/.-])(?P<d>\d{1,2})\s*(?P<sep>[/-])\s*(?P<m>\d{1,2})\s*(?P=sep)\s*(?P<y>\d{4})(?![\d/])"
    r"|(?<![^\W\d_])(?P<d2>\d{1,2})\s+tháng\s+(?P<m2>\d{1,2})\s*(?:,\s*)?(?:năm\s+)?(?P<y2>(?:19|20)\d\d)(?!\d)",
    re.IGNORECASE,
)
TIME_RE = re.compile(r"(?<!\d)(?P<h>[01]?\d|2[0-3])\s*[:hH]\s*(?P<min>[0-5]\d)(?!\d)")
LEAD_PREFIX_RE = re.compile(
    r"^\s*(?:\([^()\n]{1,30}\)\s*(?:[-–—]\s*)?|[A-ZĐ][\w.&]{1,15}(?:\s+[A-ZĐ][\w.&]*){0,3}\s*[-–—]\s+)?"
)
LEAD_DATE_RE = re.compile(
    r"(?:(?:" + "|".join((*TIMES_OF_DAY, "Ngày", "Hôm nay", "Hôm qua")) + ")"
    r"(?:\s+(?:nay|qua|mai))?\s*(?:\(\s*)?(?:ngày\s+)?)"
    r"(?:(?P<d>\d{1,2})\s*(?P<sep>[/-])\s*(?P<m>\d{1,2})(?:\s*(?P=sep)\s*(?P<y>\d{4}))?"
    r"|(?P<d2>\d{1,2})\s+tháng\s+(?P<m2>\d{1,2})(?:\s*(?:,\s*)?năm\s+(?P<y2>\d{4}))?)"
    r"(?![\d/-])"
)
# How a paragraph that is a sentence ends; a caption or a heading between sapo and story does not.
SENTENCE_END = (".", "!", "?", "…", ":")
# A year-end review names the year it reviews: `hội nghị tổng kết công tác biên phòng năm 2023`.
REVIEW_YEAR_RE = re.compile(
    r"(?i:tổng kết)(?:(?![.;!?]).){0,80}?(?i:năm)\s+(?P<y>(?:19|20)\d\d)(?!\s*[-–—]\s*\d)(?![\d/])"
)
REVIEW_LATE, REVIEW_EARLY = (10, 11, 12), (1, 2, 3)
# Month written as a word (`11 Tháng Hai, 2025`, `5 tháng Mười Một 2024`): some CMS datelines.
MONTH_WORDS = {"một": 1, "giêng": 1, "hai": 2, "ba": 3, "tư": 4, "bốn": 4, "năm": 5, "sáu": 6, "bảy": 7,
               "tám": 8, "chín": 9, "mười": 10, "mười một": 11, "mười hai": 12, "chạp": 12}
_MONTH_ALT = "|".join(sorted(MONTH_WORDS, key=len, reverse=True))
WORD_MONTH_DATE_RE = re.compile(
    rf"(?<![^\W\d_])(?P<d>\d{{1,2}})\s+tháng\s+(?P<mw>{_MONTH_ALT})(?![^\W\d_])\s*,?\s*(?:năm\s+)?"
    rf"(?P<y>(?:19|20)\d\d)(?!\d)",
    re.IGNORECASE,
)
# A labelled publication date inside a longer line (`... Ngày đăng: 18/03/2024 | Lượt xem: 412`).
DATE_LABEL_RE = re.compile(
    r"(?<![^\W\d_])(?:Ngày đăng|Đăng ngày|Ngày cập nhật|Cập nhật|Ngày xuất bản|Xuất bản|Đăng lúc|"
    r"Thời gian đăng|Ngày viết|Được đăng ngày|Đăng vào|Posted on|Published)\s*:?\s*(?:lúc\s+)?",
    re.IGNORECASE,
)
# What a dateline-shaped line may hold besides its date: weekday, time, zone, separators.
DATELINE_FILLER_RE = re.compile(
    r"(?i:thứ\s+(?:hai|ba|tư|năm|sáu|bảy)|chủ\s+nhật|ngày|lúc|gmt\s*[+-]\s*\d{1,2}|utc\s*[+-]?\s*\d{0,2}|"
    r"sáng|chiều|am|pm)|\d{1,2}\s*[:hH]\s*\d{2}|[\s,|/()\[\]–—:.-]+"
)
DATELINE_MAX_CHARS = 60
# A short label after the last `|` of a dated line (its section), not more of the date.
TRAILING_LABEL_RE = re.compile(r"(?<!\s)\s*\|\s*[^\W\d_][^\d|:]{0,30}$")
WEEKDAY_DATELINE_RE = re.compile(
    r"^\s*(?:Thứ\s+(?:[Hh]ai|[Bb]a|[Tt]ư|[Nn]ăm|[Ss]áu|[Bb]ảy|[2-7])|Chủ\s+[Nn]hật)\s*,\s*"
    r"(?:ngày\s+)?\d{1,2}[/-]\d{1,2}[/-](?:19|20)\d{2}(?:\s*[|,-]?\s*\d{1,2}:\d{2})?(?!\s*,\s*[^\W\d_])"
)
IMAGE_DATE_RE = re.compile(
    r"(?<!\d)(?P<y>(?:19|20)\d\d)[-_.]?(?P<m>[01]\d)[-_.]?(?P<d>[0-3]\d)(?!\d)"
)


def _date(y: int, m: int, d: int) -> date | None:
    try:
        return date(y, m, d)
    except ValueError:
        return None


def _groups(m: re.Match) -> tuple[str | None, str | None, str | None]:
    if m.group("d"):
        return m.group("d"), m.group("m"), m.group("y")
    return m.group("d2"), m.group("m2"), m.group("y2")


def full_dates(text: str) -> list[tuple[date, int, int]]:
    """Every valid full date in `text` with its span."""
    out = []
    for m in FULL_DATE_RE.finditer(text):
        d, mo, y = _groups(m)
        value = _date(int(y), int(mo), int(d))
        if value and EVENT_YEARS[0] <= value.year <= EVENT_YEARS[1]:
            out.append((value, m.start(), m.end()))
    return out


def _publishable(value: date | None, arrived: date | None) -> bool:
    return value is not None and value >= MIN_PUBLISHED and (arrived is None or value <= arrived)


def _word_month_dates(text: str) -> list[tuple[date, int, int]]:
    out = []
    for m in WORD_MONTH_DATE_RE.finditer(text):
        value = _date(int(m.group("y")), MONTH_WORDS[m.group("mw").lower()], int(m.group("d")))
        if value:
            out.append((value, m.start(), m.end()))
    return out


def parse_dateline(dateline: str, arrived: date | None = None) -> tuple[date, datetime | None] | None:
    """(date, datetime in +07:00 or None) from a dateline, or None when it has no usable date."""
    dates = sorted(full_dates(dateline) + _word_month_dates(dateline), key=lambda t: t[1])
    if not dates:
        return None
    value, start, end = dates[0]
    if not _publishable(value, arrived):
        return None
    rest = dateline[:start] + " " * (end - start) + dateline[end:]
    t = TIME_RE.search(rest)
    at = datetime(value.year, value.month, value.day, int(t.group("h")), int(t.group("min")),
                  tzinfo=VN_TZ) if t else None
    return value, at


def dateline_in(line: str) -> str | None:
    """The dateline a line holds when it is not labelled as one: a labelled date anywhere in it
    (`... Ngày đăng: 18/03/2024 | Lượt xem: 412` -> `18/03/2024 | Lượt ...`), or the whole line
    when it is only a date with weekday/time/zone (`Thứ Ba, 05/11/2024, 08:20 [GMT+7]`).
    Why: flattened pages and misread headers put the page's dateline inside another line or in
    the title slot; a date in running text (`Ngày 9/4, hội nghị ...`) is neither shape."""
    for m in DATE_LABEL_RE.finditer(line):
        rest = line[m.end():m.end() + DATELINE_MAX_CHARS]
        if parse_dateline(rest) and (full_dates(rest[:12]) or _word_month_dates(rest[:24])
                                     or TIME_RE.match(rest)):
            return rest
    text = line.strip()
    if not text or len(text) > DATELINE_MAX_CHARS:
        return None
    if (label := TRAILING_LABEL_RE.search(text)) and TIME_RE.search(text[:label.start()]):
        text = text[:label.start()]  # `24-03-2025 - 14:22 | Pháp luật`: date, time, then section
    found = full_dates(text) + _word_month_dates(text)
    if len(found) != 1:
        return None
    _, start, end = found[0]
    rest = text[:start] + " " + text[end:]
    return text if not DATELINE_FILLER_RE.sub("", rest).strip() else None


def dateline_prefix(line: str) -> str | None:
    """A weekday dateline opening a longer line (`Thứ Ba, 28/01/2025 | 15:06 ĐBP - Sáng 27/1, ...`):
    a flattened page glues the dateline to the lead. The weekday plus a full date with its year
    is the page's own stamp, unless a clause goes on after a comma (`Chủ nhật, ngày 20-11-2016,
    Chánh văn phòng công tố … kết luận`: the story dating its event)."""
    m = WEEKDAY_DATELINE_RE.match(line)
    return m.group(0).strip() if m else None


def lead_date(lead: str) -> tuple[int, int, int | None] | None:
    """(day, month, year or None) of the date opening the lead, after an outlet marker."""
    prefix = LEAD_PREFIX_RE.match(lead)
    m = LEAD_DATE_RE.match(lead, prefix.end() if prefix else 0)
    if not m:
        return None
    d, mo, y = _groups(m)
    if _date(2000, int(mo), int(d)) is None:  # 2000 is a leap year: accepts 29/2
        return None
    return int(d), int(mo), int(y) if y else None


def image_dates(image_files: Sequence[str]) -> list[date]:
    """Dates in camera/image file names (`vlcsnap-2020-11-11-...`, `IMG_20201111_...`)."""
    out = []
    for name in image_files:
        for m in IMAGE_DATE_RE.finditer(name):
            value = _date(int(m.group("y")), int(m.group("m")), int(m.group("d")))
            if value:
                out.append(value)
    return out


def _year_from_images(day: int, month: int, images: list[date]) -> date | None:
    best: tuple[int, date] | None = None
    for img in images:
        for year in (img.year - 1, img.year, img.year + 1):
            cand = _date(year, month, day)
            if cand and abs((cand - img).days) <= IMAGE_WINDOW_DAYS:
                gap = abs((cand - img).days)
                if best is None or gap < best[0]:
                    best = (gap, cand)
    return best[1] if best else None


def year_from_review(lead: str, day: int, month: int) -> date | None:
    """The date of a year-end review conference from the year it reviews, else None.

    Such conferences sit in the last quarter of the reviewed year or the first quarter of the
    next (`Sáng 15/11, ... tổng kết công tác năm 2023` -> 2023-11-15; `Sáng 10/1, ... tổng kết
    năm 2023` -> 2024-01-10). A multi-year period (`tổng kết giai đoạn 2015 - 2020`) or a month
    outside those quarters says nothing, so no year is given.
    """
    years = {int(m.group("y")) for m in REVIEW_YEAR_RE.finditer(lead)}
    if len(years) != 1:
        return None
    year = years.pop()
    if month in REVIEW_LATE:
        return _date(year, month, day)
    return _date(year + 1, month, day) if month in REVIEW_EARLY else None


def _year_from_text(day: int, month: int, dates: list[date]) -> date | None:
    same = {d for d in dates if (d.day, d.month) == (day, month)}
    return same.pop() if len(same) == 1 else None


def title_echoed_date(title: str, lead: str) -> date | None:
    """The one full date both the headline and the lead's first sentence name, else None: the
    story is about that day (`Phân luồng … từ ngày 3/11/2025` over `… phân luồng … từ ngày
    3/11/2025.`). A full date in the lead alone is too often a document's or a past event's (on
    the real gold: one right for four wrong), so the headline must repeat it."""
    first = next(iter(split_sentences(lead)), "")
    same = {d for d, _, _ in full_dates(title)} & {d for d, _, _ in full_dates(first)}
    return same.pop() if len(same) == 1 else None


def _after_sapo_date(lead: str, body: Sequence[str]) -> tuple[int, int, int] | None:
    """The date opening the paragraph right after a sapo (`<summary>.` then `Sáng 27/6/2025, ...`):
    the lead summarises, the next paragraph reports the event (the one after it when a caption or
    heading with no stop stands between). Only with its year written: a
    day and month this far from the head is too often a later event to resolve a year for."""
    rest = list(body)
    at = rest.index(lead) + 1 if lead in rest else 0
    if at + 1 < len(rest) and not rest[at].rstrip("\"”’) ").endswith(SENTENCE_END):
        at += 1  # over a caption or heading without a stop between sapo and story
    found = lead_date(rest[at]) if at < len(rest) else None
    return found if found and found[2] is not None else None


def find_dates(
    *,
    dateline: str | None,
    lead: str | None,
    body: Sequence[str],
    image_files: Sequence[str],
    arrived: date | None = None,
    title: str | None = None,
) -> DateFinding:
    """Publication date/time, where it came from, and the dated events of one article."""
    texts = [t for t in ([lead] if lead else []) + list(body) if t]
    events = {d for t in texts for d, _, _ in full_dates(t)}
    published, at, source = None, None, None
    if dateline and (parsed := parse_dateline(dateline, arrived)):
        (published, at), source = parsed, "dateline"
    elif lead and (found := lead_date(lead) or _after_sapo_date(lead, body)):
        day, month, year = found
        if year is not None:
            published, source = _date(year, month, day), "body"
        elif cand := _year_from_images(day, month, image_dates(image_files)):
            published, source = cand, PHOTO_FILENAME
        elif cand := _year_from_text(day, month, sorted(events)):
            published, source = cand, "body"
        elif cand := year_from_review(lead, day, month):
            published, source = cand, "body"
    elif lead and title and (cand := title_echoed_date(title, lead)):
        published, source = cand, "body"
    if source not in (None, "dateline"):
        if published and published in {r["issued_date"] for t in texts for r in find_legal_refs(t)}:
            events.add(published)  # the day a quoted document was issued: dates the document
            published, source = None, None
        if not _publishable(published, arrived):
            published, source = None, None
        else:
            events.add(published)
    return DateFinding(published_date=published, published_at=at, date_source=source,
                       event_dates=tuple(sorted(events)))
