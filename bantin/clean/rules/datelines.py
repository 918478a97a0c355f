"""Datelines: publication dates and times, relative times, and author/date/views meta bars.

Why a dateline is read as a line made *only* of date parts: the story itself is full of dates
(`Ngày 30/01/2023, hội nghị đã diễn ra.`), the dateline never says anything else. So a line is a
dateline when, after dates, times, weekdays, GMT offsets, issue numbers and connector words
(`Cập nhật`, `lúc`, `ngày`) are gone, nothing is left but at most a `bởi <người đăng>`; a meta bar
is parts split by `|` or `•`, each a date, a counter or a personal name.
"""
from __future__ import annotations

import re

from bantin.clean.rules.base import EXAMPLE_BODY as BODY
from bantin.clean.rules.base import EXAMPLE_LEAD, Rule, inline_rule, line_rule
from bantin.clean.rules.base import EXAMPLE_TITLE as TITLE
from bantin.clean.rules.counters import COUNTER_RE
from bantin.clean.rules.credits import is_name_like
from bantin.vi.names import CAP_SYL

I = re.IGNORECASE
_DATE = r"\d{1,2}\s*[/.-]\s*\d{1,2}\s*[/.-]\s*\d{4}"
_TIME = r"\d{1,2}\s*[:h]\s*\d{2}(\s*:\s*\d{2})?(\s*(am|pm|sa|ch))?"
_WEEKDAY = r"((thứ\s*(hai|ba|tư|năm|sáu|bảy|[2-7]))|chủ\s*nhật|monday|tuesday|wednesday|thursday|friday|saturday|sunday)"
# A dateline is made only of dates, times, weekdays, GMT offsets and connector words.
# ... optionally with a month in words (`21 Tháng 7 2025`), an issue number (`| Số 24.562`) and a
# trailing `bởi <người đăng>` as CMSs print it (`Đăng vào 8 Tháng 10, 2024 bởi Quản trị viên`).
DATELINE_RE = re.compile(
    rf"^(?:{_DATE}|{_TIME}|{_WEEKDAY}|gmt\s*[+-]\s*\d{{1,2}}(:\d{{2}})?|cập nhật|ngày đăng|đăng ngày|đăng lúc"
    rf"|được đăng|đăng vào|đăng|hôm nay|lúc|ngày|giờ|tháng|năm|vào|số\s*\d[\d.]*|\d{{1,4}}"
    rf"|published|posted on|posted|updated|thời gian|[-–,|:()\s])+"
    rf"((bởi|by|người đăng|đăng bởi|posted by)\s*:?\s+[^\d|]{{2,50}})?$", I)
# The outlet or place tag opening the story, glued to its first sentence: `(Dân trí) - `, `TTO - `,
# `VTV.vn - `, `ANTD.VN - `, `(NLĐO)- `, `HÀ NỘI - `, `QĐND Online - `, a brand written as one
# word (`CôngThương - `, `ICTnews - `); and the one outlet name printed with no dash
# before the first sentence by a scraper of its pages (`Dân trí Dòng người …`); and the dash left
# when a scraper dropped the tag (`- Hôm nay (20-10), kỳ họp …`).
STORY_PREFIX_RE = re.compile(
    r"^(\(\s*[\w*.+/&-]{2,20}(\s[\w.+/&-]{1,12}){0,2}\s*\)\s*[-–—:]?\s*"
    r"|[\w.]{2,20}\.(vn|VN|com|net)\s*[-–—]\s+"
    r"|(?-i:[A-ZĐÀ-Ỹ][A-ZĐÀ-Ỹ0-9.]{1,11}(\s[A-ZĐÀ-Ỹ]{2,8}){0,2}(\sOnline)?)\s*[-–—]\s+"
    rf"|(?-i:{CAP_SYL}{CAP_SYL}|[A-Z]{{2,}}[a-z]{{2,}})\s*[-–—]\s+"
    r"|(?-i:Dân trí|Dân Trí|DÂN TRÍ)\s+(?=[“\"‘(]?[A-ZĐÀ-Ỹ])"
    r"|[-–—]\s+(?=[“\"‘(]?[A-ZĐÀ-Ỹ]))", I)


def story_prefix_end(text: str) -> int:
    """Where the outlet or place tag opening the story ends (0: none)."""
    m = STORY_PREFIX_RE.match(text)
    return m.end() if m and m.end() < len(text.rstrip()) else 0


# ... and holds a real date or time, not only a weekday or a year.
DATE_OR_TIME_RE = re.compile(rf"{_DATE}|\d{{1,2}}\s*:\s*\d{{2}}|\d{{1,2}}\s+tháng\s+\d{{1,2}}\b", I)
# Relative publication times of feeds and related lists: `2 giờ trước`, `Hôm qua 14:20`.
RELATIVE_TIME_RE = re.compile(
    r"^(\d{1,3}|một|vài)\s*(giây|phút|giờ|tiếng|ngày|tuần|tháng|năm)\s*trước$"
    r"|^(hôm qua|hôm nay|vừa xong|vừa mới)(\s*,?\s*(lúc\s*)?\d{1,2}[:h]\d{2})?$", I)
META_SPLIT_RE = re.compile(r"(?<!\s)\s*[|•·]\s*")


def has_date_or_time(text: str) -> bool:
    return bool(DATE_OR_TIME_RE.search(text))


def _meta_part(part: str) -> bool:
    """A date/time, a counter (`826 lượt xem`, `Lượt xem: 12`) or a personal name."""
    return (bool(DATELINE_RE.match(part) and DATE_OR_TIME_RE.search(part)) or bool(COUNTER_RE.match(part))
            or is_name_like(part))


def is_meta_bar(text: str) -> bool:
    """`Trần Nguyên | 22/05/2025 09:15 | 826 lượt xem`: author, date and counters in one bar."""
    parts = [p.strip() for p in META_SPLIT_RE.split(text) if p.strip()]
    dated = any(DATE_OR_TIME_RE.search(p) for p in parts)
    return len(parts) >= 2 and dated and all(_meta_part(p) for p in parts)


RULES: tuple[Rule, ...] = (
    inline_rule(
        "dateline.story_prefix", "dateline",
        "The outlet or place tag opening the story's first sentence (`(Dân trí) - `, `VTV.vn - `, `TTO - `, "
        "`HÀ NỘI - `, `QĐND Online - `, a brand in one word: `CôngThương - `): cut off the lead, and read by the "
        "outlet extractor.",
        (f"{TITLE}\n⟦VTV.vn -⟧ Chiều 20/10, Quốc hội đã nghe báo cáo của Chính phủ về kế hoạch tái cơ cấu.\n{BODY}",
         "dateline"),
        (f"{TITLE}\n⟦Dân trí⟧ Dòng người đang xếp hàng trước cửa hiệu thì một chiếc xe lao tới.\n{BODY}", "dateline"),
        (f"{TITLE}\n⟦Dân trí⟧ “Sao ba mẹ không ra thăm con?”. Câu hỏi hồn nhiên của bé khiến người nghe nghẹn lòng.\n"
         f"{BODY}", "dateline"),
        (f"{TITLE}\n⟦(Dân trí) -⟧ Sáng 5/2, Công an huyện đã bắt giữ hai đối tượng trộm cắp tài sản.\n{BODY}",
         "dateline"),
        (f"{TITLE}\n⟦-⟧ Hôm nay (20-10), kỳ họp thứ 2 Quốc hội khóa XIV chính thức khai mạc tại Hà Nội.\n{BODY}",
         "dateline"),
        (f"{TITLE}\n⟦QĐND Online -⟧ Ngày 23-10, tại Hà Nội, Bộ Khoa học và Công nghệ tổ chức diễn đàn.\n{BODY}",
         "dateline"),
        (f"{TITLE}\n⟦CôngThương -⟧ Theo Bộ Tài chính, giá xăng dầu thế giới đã giảm trong tháng qua.\n{BODY}",
         "dateline"),
        (f"{TITLE}\n⟦Chiều 20/10 - Quốc hội đã nghe báo cáo của Chính phủ về kế hoạch tái cơ cấu.⟧\n{BODY}",
         "lead"),
        (f"{TITLE}\n{EXAMPLE_LEAD}\n{BODY} ⟦TP - Ngày 5/3, hội nghị được tổ chức tại tỉnh.⟧", "body")),
    line_rule("dateline.datetime", "dateline",
              "A line that is only a publication date/time, optionally with weekday, `Cập nhật:` and GMT.",
              [("30/01/2023 - 05:30", "dateline"), ("Thứ Hai, 30/01/2023 05:30 (GMT+7)", "dateline"),
               ("Cập nhật: 11:05 12/03/2021", "dateline"), ("Cập nhật lúc 10:20 ngày 12/03/2023", "dateline"),
               ("Được đăng vào 3 Tháng 5, 2022 bởi admin", "dateline"), ("Chủ nhật, 05-02-2023 | Số 1.204", "dateline"),
               ("Hôm nay: Thứ Năm, 22/5/2025", "dateline"), ("Ngày 14 tháng 9 năm 2021 lúc 16:40", "dateline"),
               ("Ngày 14 tháng 9 năm 2021, đoàn công tác đã làm việc tại huyện.", "body"),
               ("Ngày 30/01/2023, hội nghị đã diễn ra.", "body"), ("Thứ Hai", "body")],
              pattern=DATELINE_RE, predicate=has_date_or_time, max_words=14),
    line_rule("dateline.relative", "dateline", "A relative publication time (`2 giờ trước`, `Hôm qua 14:20`).",
              [("2 giờ trước", "dateline"), ("35 phút trước", "dateline"), ("Hôm qua 14:20", "dateline"),
               ("2 năm trước, anh A đã lên đường nhập ngũ.", "body")],
              pattern=RELATIVE_TIME_RE, max_words=5),
    line_rule("dateline.meta_bar", "dateline",
              "An author/date/views bar: parts split by `|` or `•`, one a date or time, each a date, a counter or a "
              "personal name (`Lê Hà | 05/03/2025 08:10 | 412 lượt xem`).",
              [("Minh Châu | 14/02/2025 07:45 | 1.023 lượt xem", "dateline"), ("Hoàng Anh • 08:30 12/5/2024", "dateline"),
               ("Hà Nội | 12/5/2025 | Hội nghị tổng kết công tác năm", "body")],
              predicate=is_meta_bar, max_words=20),
)
