"""Figures reported in a sentence: `hơn 18.000 đội viên` -> 18000, `đội viên`, qualifier `hơn`.

Vietnamese number format: `.` groups thousands, `,` is the decimal mark; scale words `nghìn`/
`ngàn`, `triệu`, `tỷ`/`tỉ` multiply (`1,5 triệu` -> 1500000). An ambiguous `1.5` (one dot, not
three digits after it) is skipped rather than guessed.

What is NOT a quantity (precision first):
- dates and times (`27/12`, `17/9/2019`, `11-11`, `05:30`, `14h30`): a `/`, `-`, `:` or letter
  touches the number;
- years: a bare 4-digit 1900-2100 (counts from 1.000 up are written with a thousands dot);
- designators: numbers after `số`, `thứ`, `năm`, `khóa`, `Chỉ thị`, `Ban Chỉ đạo`, `Quân khu`,
  `Trung ương`, an acronym (`BCĐ 138`) and the like;
- list markers (`1.` opening a sentence) and numbers inside document symbols (`249-KL/TU`);
- durations: a number counting `năm`, `tháng`, `ngày`, `tuần`, `giờ`... (`10 năm thực hiện` is
  an anniversary, not a reported figure);
- a number with no counted noun after it (a bare `0` or `10` is usually page furniture).

The unit is the counted noun phrase, read without a POS tagger: up to 6 words after the number,
ending at punctuation, a function word (`của`, `trên`, `với`, `để`...) or a verb that typically
follows a counted noun (`nhập ngũ`, `tham gia`, `đảm nhiệm`): `7.900 công dân nhập ngũ` ->
`công dân`, `9 nhiệm vụ công tác trọng tâm để` -> `nhiệm vụ công tác trọng tâm`, `461 đồng chí
Công an chính quy đảm nhiệm` -> `đồng chí Công an chính quy`. A classifier (`buổi`, `lượt`)
keeps its complement even when that is a verb (`buổi tuyên truyền`). `%` is its own unit.
The phrase is then split into a unit of measure and the counted noun (`kg ma túy` -> `kg`,
`ma túy`; `đối tượng` -> no unit, `đối tượng`): bantin/extract/measures.py.
"""
from __future__ import annotations

import re

from bantin.extract import measures
from bantin.linear import ends_with

NUMBER_RE = re.compile(
    r"(?<![\w/.,:–-])(?P<num>\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d+(?:,\d+)?)(?![\w/:]|[.,]\d|[-–]\S)"
    r"(?:\s+(?P<scale>nghìn|ngàn|triệu|tỷ|tỉ)(?![^\W\d_]))?(?P<pct>\s?%)?"
)
SCALES = {"nghìn": 1e3, "ngàn": 1e3, "triệu": 1e6, "tỷ": 1e9, "tỉ": 1e9}
QUALIFIERS = (
    "gần như", "trên dưới", "ít nhất", "tối thiểu", "tối đa", "xấp xỉ", "hơn", "gần", "khoảng",
    "trên", "dưới", "tới", "đến", "chừng", "ước", "hàng",
)
QUALIFIER_RE = re.compile(
    r"(?<![^\W\d_])(?P<q>" + "|".join(re.escape(q) for q in QUALIFIERS) + r")\s+$", re.IGNORECASE
)
DESIGNATORS = (
    "thứ", "lần thứ", "năm", "tháng", "ngày", "khóa", "khoá", "giai đoạn", "nhiệm kỳ",
    "quân khu", "ban chỉ đạo", "trung ương", "đại hội", "kỳ họp", "chỉ thị", "nghị quyết",
    "nghị định", "quyết định", "kết luận", "kế hoạch", "chương trình", "thông tư", "luật",
    "đề án", "công văn", "hướng dẫn", "quy định", "thông báo", "điều", "khoản", "mục", "chương",
    "phần", "phường", "quận", "tổ", "ấp", "khu phố", "thôn", "xóm", "quốc lộ", "tỉnh lộ",
    "đường", "km", "lúc", "covid", "lớp", "tiểu đoàn", "trung đoàn", "sư đoàn",
    "lữ đoàn", "đồn", "trạm", "phiên", "trang", "tập", "câu", "mã", "hạng", "cấp độ", "top",
    "tầng", "lô", "khu", "hội nghị",
)
DESIGNATOR_RE = re.compile(
    r"(?:(?<![^\W\d_])(?:(?<!tổng )(?<!dân )số|" + "|".join(re.escape(d) for d in DESIGNATORS) + r")"
    r"|(?<![^\W\d_])(?-i:\(?[A-ZĐ]{2,}\)?))\s*(?:\([^()]{1,12}\)\s*)?$",
    re.IGNORECASE,
)
ACRONYM_BEFORE_RE = re.compile(r"(?<![^\W\d_])\(?[A-ZĐ]{2,}\)?\s*$")
YEAR_RE = re.compile(r"(?:19|20)\d\d")
LIST_MARKER_RE = re.compile(r"[.)]\s")
# `thg` is the month abbreviation of machine-formatted dates (`3 thg 3, 2025`): a date, not a count.
DURATIONS = frozenset("năm tháng thg ngày tuần giờ phút giây quý".split()) | {"thế kỷ", "thập kỷ"}
# Ages, lengths and areas are measurements, not counts, money or shares (gold conventions).
MEASUREMENTS = frozenset("tuổi km km2 km² m m2 m² cm mm ha hécta héc-ta mét ki-lô-mét".split())
# A range gives no single value: `từ 3 đến 5 thành viên`, `3 - 4%/năm`, `từ 61% đến 80%`.
RANGE_AFTER_RE = re.compile(r"\s*(?:%|nghìn|ngàn|triệu|tỷ|tỉ)?\s*(?:đến|tới|[-–])\s*\d")
RANGE_BEFORE_RE = re.compile(
    r"(?:(?<![^\W\d_])từ\s+\d[\d.,]*\s*(?:%|nghìn|ngàn|triệu|tỷ|tỉ)?\s*(?:đến|tới|[-–])|\d\s*%?\s*[-–])\s*$",
    re.IGNORECASE,
)
# `từ 1.500 hộ trở lên` = at least 1.500 households.
FROM_BEFORE_RE = re.compile(r"(?<![^\W\d_])(?i:từ)\s+$")
AT_LEAST_AFTER_RE = re.compile(r"\s+trở lên(?![^\W\d_])")
# Page counters inside a line: `Lượt xem: 412`, `Số lần đọc: 768`.
COUNTER_BEFORE_RE = re.compile(r"(?i:lượt xem|lượt truy cập|lượt đọc|số lần đọc|lượt thích|views?)\s*:?\s*$")
# `18/18 tổ dân phố`: all N of N (numerator = denominator); `24/24 giờ` is a duration.
ALL_OF_RE = re.compile(r"(?<![\w/.,])(?P<num>\d{1,4})/(?P=num)(?![\w/])")
# Classifiers always take the next word as their complement (`buổi tuyên truyền`, `lượt người`).
MEASURES = frozenset("buổi lượt cuộc lớp đợt chuyến suất vụ trận".split())
STOP_WORDS = frozenset(
    """của cho với trong tại ở trên dưới về và hoặc hay được đã đang sẽ là có bị do theo từ đến
    tới để nhằm so thì mà này đó kia các những khi vào ra lên xuống thuộc gồm như nên vì nhưng
    cũng đều còn nữa rồi lại mỗi một mới tăng giảm đạt chiếm qua""".split()
)
# Money ends the counted phrase: `3,6 tỷ đồng` (the next word, `trả`, is the sentence's verb).
CURRENCIES = frozenset("đồng usd euro".split())
NOT_MONEY = frozenset({"đồng chí", "đồng bào", "đồng đội", "đồng hương", "đồng nghiệp", "đồng bằng", "đồng ruộng"})
# `bị` is a function word (passive), except in nouns for people in a case (`47 bị hại`, `6 bị can`).
BI_NOUNS = frozenset("hại can cáo".split())
# Verbs that typically follow the counted noun (`7.900 công dân nhập ngũ`, `người tham gia`).
VERBS = frozenset(
    """tham gia|tham dự|nhập ngũ|xuất ngũ|lên đường|đảm nhiệm|thực hiện|hoàn thành|hỗ trợ|nhận|trao|
    tặng|được|bị|vi phạm|phát hiện|bắt giữ|xử lý|triển khai|tổ chức|ký|đăng ký|trúng tuyển|
    tốt nghiệp|đạt|bảo đảm|đảm bảo|tiếp nhận|ra quân|sinh sống|làm việc|trở lên|trở xuống""".replace("\n", " ").split("|")
)
VERBS = frozenset(v.strip() for v in VERBS)
MAX_UNIT_WORDS = 6
# After these a capitalised word is a place name, not part of the unit (`2 xã Hang Kia` -> `xã`).
PLACE_UNITS = frozenset("xã phường huyện quận tỉnh thôn bản ấp xóm làng".split())
WORD_RE = re.compile(r"\s+([^\W_]+)")


def parse_number(raw: str, scale: str | None = None) -> float:
    """`7.900` -> 7900.0, `1,5` + `triệu` -> 1500000.0."""
    value = float(raw.replace(".", "").replace(",", "."))
    return value * SCALES.get(scale or "", 1.0)


def _unit_words(text: str, pos: int) -> tuple[list[str], int]:
    """Words of the counted noun phrase starting at `pos`, and where the phrase ends.

    The phrase runs until punctuation, a function word, a verb that follows counted nouns, or
    a number; a classifier (`buổi`, `lượt`) always keeps its complement.
    """
    words: list[tuple[str, int]] = []
    while len(words) < MAX_UNIT_WORDS and (m := WORD_RE.match(text, pos)):
        w, low = m.group(1), m.group(1).lower()
        after_classifier = len(words) == 1 and words[0][0] in MEASURES
        nxt = WORD_RE.match(text, m.end())
        pair = f"{low} {nxt.group(1).lower()}" if nxt else ""
        case_noun = low == "bị" and nxt is not None and nxt.group(1).lower() in BI_NOUNS
        if w.isdigit() or (not after_classifier and low in STOP_WORDS and not case_noun):
            break
        if not after_classifier and words and (low in VERBS or pair in VERBS):
            break
        if words and words[-1][0] in PLACE_UNITS and w[0].isupper():
            break
        words.append((w, m.end()))
        pos = m.end()
        if low in CURRENCIES and pair not in NOT_MONEY:
            break
    return [w for w, _ in words], (words[-1][1] if words else pos)


def _excluded(sentence: str, m: re.Match, lead: int) -> bool:
    """`lead`: where the sentence's first non-space character is. What comes before the number
    is read in place, in a bounded window (`bantin.linear.ends_with`): copying the prefix at
    every number made a sentence of numbers quadratic."""
    raw = m.group("num")
    start = m.start()
    if YEAR_RE.fullmatch(raw) and not m.group("pct"):
        return True
    if start <= lead and LIST_MARKER_RE.match(sentence, m.end()):
        return True
    if (ends_with(RANGE_BEFORE_RE, sentence, start) or RANGE_AFTER_RE.match(sentence, m.end())
            or ends_with(COUNTER_BEFORE_RE, sentence, start)):
        return True
    return bool(ends_with(DESIGNATOR_RE, sentence, start) or ends_with(ACRONYM_BEFORE_RE, sentence, start))


def find_quantities(sentence: str) -> list[dict]:
    """Reported figures in one sentence: value, unit, qualifier and the mention text."""
    out: list[dict] = []
    lead = len(sentence) - len(sentence.lstrip())
    for m in NUMBER_RE.finditer(sentence):
        if _excluded(sentence, m, lead):
            continue
        if m.group("pct"):
            unit, end = "%", m.end()
        else:
            words, end = _unit_words(sentence, m.end())
            first = words[0].lower() if words else ""
            if not words or first in DURATIONS or " ".join(words[:2]) in DURATIONS or first in MEASUREMENTS:
                continue
            unit = " ".join(words)
        q = ends_with(QUALIFIER_RE, sentence, m.start())
        start = q.start() if q else m.start()
        qualifier = q.group("q").lower() if q else None
        if (f := ends_with(FROM_BEFORE_RE, sentence, m.start())) and AT_LEAST_AFTER_RE.match(sentence, end):
            qualifier, start = "ít nhất", f.start()
        out.append({
            "value": parse_number(m.group("num"), m.group("scale")),
            **measures.split(unit),
            "qualifier": qualifier,
            "mention": sentence[start:end],
        })
    return out + _all_of(sentence)


def _all_of(sentence: str) -> list[dict]:
    """`18/18 tổ dân phố` -> 18 `tổ dân phố`: a count, not a date (dates are not followed by a noun)."""
    out = []
    for m in ALL_OF_RE.finditer(sentence):
        words, end = _unit_words(sentence, m.end())
        if not words or words[0].lower() in DURATIONS or words[0].lower() in MEASUREMENTS or not words[0].islower():
            continue
        out.append({"value": float(m.group("num")), **measures.split(" ".join(words)), "qualifier": None,
                    "mention": sentence[m.start():end]})
    return out
