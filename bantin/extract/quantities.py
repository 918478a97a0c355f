"""Figures reported in a sentence: `hơn 18.000 đội viên` -> 18000, `đội viên`, qualifier `hơn`.

Vietnamese number format: `.` groups thousands, `,` is the decimal mark; scale words `nghìn`/
`ngàn`, `triệu`, `tỷ`/`tỉ` multiply (`1,5 triệu` -> 1500000). An ambiguous `1.5` (one dot, not
three digits after it) is skipped rather than guessed. A unit may touch the number (`15.000m2`,
`2kg`, `75-88km/h`: `GLUED`); counts written in words are read by bantin/extract/number_words.py.

Shapes that give two rows (tests/realgold/GUIDE.md): a range (`từ 4 đến 7 thành viên`, `4-6 triệu
đồng`, `13 trong số 14 tên lửa`: both ends, the low end with the high end's unit and scale) and a
part of a whole (`44/85 thủ tục`: both; `18/18 xã`: one row).

What is NOT a quantity (precision first):
- dates and times (`27/12`, `17/9/2019`, `11-11`, `05:30`, `14h30`): a `/`, `-`, `:` or letter
  touches the number;
- years: a bare 4-digit 1900-2100 (counts from 1.000 up are written with a thousands dot);
- designators: numbers after `số`, `thứ`, `năm`, `khóa`, `Chỉ thị`, `Ban Chỉ đạo`, `Quân khu`,
  `Trung ương`, an acronym (`BCĐ 138`) and the like; names: a number after a capitalised word
  that does not open the sentence (`Vùng 2 Hải quân`, `iPhone 7 Plus`), or before a run of
  capitalised words (`173 Lê Văn Lương`); minutes (`5 giờ 30`), coordinates (`11,2 độ Vĩ Bắc`);
- list markers (`1.` opening a sentence) and numbers inside document symbols (`249-KL/TU`);
- durations: a number counting `năm`, `tháng`, `ngày`, `tuần`, `giờ`... (`10 năm thực hiện` is
  an anniversary, not a reported figure);
- a number with no counted noun after it (a bare `0` or `10` is usually page furniture).

The unit is the counted noun phrase after the number, read without a POS tagger
(bantin/extract/counted_noun.py). The phrase is then split into a unit of measure and the counted noun (`kg ma túy` -> `kg`,
`ma túy`; `đối tượng` -> no unit, `đối tượng`): bantin/extract/measures.py.
"""
from __future__ import annotations

import re

from bantin.extract import measures, number_words
from bantin.extract.counted_noun import STOP_WORDS, unit_words
from bantin.linear import ends_with

NUM = r"\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d+(?:,\d+)?"
SCALE = r"(?:nghìn|ngàn|triệu|tỷ|tỉ)(?![^\W\d_])"
# Units written against the number (`15.000m2`, `21,7km`, `1.198cc`, `75-88km/h`); any other
# letter touching a number makes it a time, a code or a name (`14h30`, `F-16`, `3G`).
GLUED = r"km/h|km/giờ|km2|km²|m2|m²|m3|m³|km|cm|mm|m|ha|kg|cc|ml|mg|g|tấn|lít"
NUMBER_TAIL = (
    r"(?:(?P<glued>" + GLUED + r")(?![^\W\d_])|(?![\w/:]|[.,]\d|[-–]\S))"
    r"(?:\s+(?P<scale>" + SCALE + r"))?(?P<pct>\s?%)?"
)
NUMBER_RE = re.compile(r"(?<![\w/.,:–+-])(?P<num>" + NUM + r")" + NUMBER_TAIL)
# The high end of a range, read where the range's connector ends.
NUMBER_AT_RE = re.compile(r"(?P<num>" + NUM + r")" + NUMBER_TAIL)
# A range or a part of a whole gives two rows, the first taking the second's unit and scale:
# `từ 4 đến 7 thành viên`, `4-6 triệu đồng`, `15-30mm`, `13 trong số 14 tên lửa`. The high end
# must be followed by a unit, so dates (`11-11,`) and scores (`3-0,`) give nothing.
RANGE_RE = re.compile(
    r"(?<![\w/.,:–+-])(?P<num>" + NUM + r")(?![.,]\d)(?:\s+(?P<scale>" + SCALE + r"))?(?P<pct>\s?%)?"
    r"(?:\s*[-–]\s*|\s+(?:đến|tới|trong(?:\s+(?:tổng\s+)?số)?)\s+)(?=\d)",
    re.IGNORECASE,
)
# `44/85 thủ tục` (44 of 85) gives both; `18/18 xã` one row; the first never exceeds the second,
# so a date before a noun (`20/10 nhiều người`) is not read as one.
FRACTION_RE = re.compile(
    r"(?<![\w/.,:])(?P<a>" + NUM + r")/(?P<b>" + NUM + r")(?:(?P<glued>" + GLUED + r")(?![^\W\d_])|(?![\w/]|[.,]\d))"
)
# Before `N/M`, these make it a date (`sáng 2/9 người dân`).
DATE_BEFORE_RE = re.compile(r"(?<![^\W\d_])(?i:ngày|hôm|sáng|trưa|chiều|tối|đêm|rạng sáng|mùng|mồng)\s+$")
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
    "tầng", "lô", "khu", "hội nghị", "kỳ", "chuyên đề", "ngõ", "hẻm", "ngách", "block", "giờ",
    "giật cấp", "mạnh cấp", "gió cấp", "bão cấp", "quân đoàn", "binh đoàn", "bệnh viện", "xưởng", "vùng",
    "hải đội", "đại đội", "phi đội", "nhà máy",
)
# Between a military unit's designator and its number may stand its arm, capitalised:
# `Sư đoàn Không quân 372`, `Lữ đoàn Pháo binh 6`, `Bệnh viện Quân y 175`.
UNIT_NAME_RE = re.compile(
    r"(?<![^\W\d_])(?i:quân đoàn|sư đoàn|lữ đoàn|trung đoàn|tiểu đoàn|binh đoàn|bệnh viện|hải đội|phi đội)"
    r"(?:\s+[A-ZĐ][^\W\d_]*){1,2}(?:\s+[^\W\d_]+)?\s*$"
)
# A number right after a capitalised word that is not a function word is part of a name
# (`Vùng 2 Hải quân`, `Landmark 72 Tower`, `iPhone 7 Plus`, `Chi bộ 4`); `Có 4 người`,
# `Hơn 300 hộ` open a sentence.
NAME_BEFORE_RE = re.compile(r"(?<![^\W\d_])(?P<w>[^\W\d_]*[A-ZĐ][^\W\d_]*)\s+$")
DESIGNATOR_RE = re.compile(
    r"(?:(?<![^\W\d_])(?:(?<!tổng )(?<!dân )số|" + "|".join(re.escape(d) for d in DESIGNATORS) + r")"
    r"|(?<![^\W\d_])(?-i:\(?[A-ZĐ]{2,}\)?))\s*(?:\([^()]{1,12}\)\s*)?$",
    re.IGNORECASE,
)
ACRONYM_BEFORE_RE = re.compile(r"(?<![^\W\d_])\(?[A-ZĐ]{2,}\)?\s*$")
YEAR_RE = re.compile(r"(?:19|20)\d\d")
LIST_MARKER_RE = re.compile(r"[.)]\s")
# `thg` is the month abbreviation of machine-formatted dates (`3 thg 3, 2025`): a date, not a count.
# `tiếng` is the spoken hour (`8 tiếng`).
DURATIONS = frozenset("năm tháng thg ngày tuần giờ tiếng phút giây quý".split()) | {"thế kỷ", "thập kỷ"}
# Work counted in days or hours is a count, not a duration (`hàng nghìn ngày công`).
WORK_DAYS = frozenset({"ngày công", "giờ công"})
# Ages are not reported figures (the guide leaves them out); lengths, areas and speeds are
# measures with a unit (bantin/extract/measures.py), reported like weights and money.
MEASUREMENTS = frozenset({"tuổi"})
# `chính quyền địa phương 2 cấp` names a model of government, not a count.
TIERS = frozenset({"cấp"})
# Coordinates (`11,2 độ Vĩ Bắc`) are a position, not a figure.
COORDINATE_RE = re.compile(r"\s+độ\s+(?i:vĩ|kinh)(?![^\W\d_])")
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
# Between two runs of number words, a range (`hai đến ba lần`).
WORD_RANGE_RE = re.compile(r"\s*(?:đến|tới|-|–)\s*")
# Capitalised words that may stand right before a figure (`Có 4 người`, `Hơn 300 hộ`, `Trong 5 năm`).
NAME_EXEMPT = STOP_WORDS | frozenset(w for q in QUALIFIERS for w in q.split()) | frozenset(
    "có tổng gồm chỉ thêm riêng hiện cả toàn khiến mất bắt thu cứu khởi tố phạt".split())
# A capitalised word after these is an object, and the number after it starts the next phrase
# (`trao trả cho Mỹ 994 hòm`, `viện trợ cho Ukraine 400 triệu USD`).
OBJECT_BEFORE_RE = re.compile(r"(?<![^\W\d_])(?i:cho|trả|giúp|tặng)\s+$")
# A capitalised word after these opens a clause (`...: Có 5 người`).
OPENERS = ".:;!?(“\"'‘-–…"


def parse_number(raw: str, scale: str | None = None) -> float:
    """`7.900` -> 7900.0, `1,5` + `triệu` -> 1500000.0."""
    value = float(raw.replace(".", "").replace(",", "."))
    return value * SCALES.get(scale or "", 1.0)


def _name_before(sentence: str, start: int, lead: int) -> bool:
    """A capitalised word right before the number, not opening the sentence and not a function
    word, makes the number part of a name (`Vùng 2`, `Landmark 72`, `iPhone 7`)."""
    if not (w := ends_with(NAME_BEFORE_RE, sentence, start)):
        return False
    if w.group("w").lower() in NAME_EXEMPT or ends_with(OBJECT_BEFORE_RE, sentence, w.start()):
        return False
    before = sentence[max(lead, w.start() - 3):w.start()].rstrip()
    return not (w.start() <= lead or (before and before[-1] in OPENERS))


def _excluded_before(sentence: str, start: int, lead: int) -> bool:
    """What stands before a number that makes it no figure: a range's first half, a page
    counter, a designator (`số 8`, `Quân khu 4`), an acronym (`BCĐ 138`) or a name (`Vùng 2`).
    Read in place, in a bounded window (`bantin.linear.ends_with`): copying the prefix at every
    number made a sentence of numbers quadratic."""
    return bool(ends_with(RANGE_BEFORE_RE, sentence, start) or ends_with(COUNTER_BEFORE_RE, sentence, start)
                or ends_with(DESIGNATOR_RE, sentence, start) or ends_with(ACRONYM_BEFORE_RE, sentence, start)
                or ends_with(UNIT_NAME_RE, sentence, start) or _name_before(sentence, start, lead))


def _excluded(sentence: str, m: re.Match, lead: int) -> bool:
    """`lead`: where the sentence's first non-space character is."""
    raw = m.group("num")
    if YEAR_RE.fullmatch(raw) and not m.group("pct"):
        return True
    if m.start() <= lead and LIST_MARKER_RE.match(sentence, m.end()):
        return True
    if m.group("pct") and (ends_with(ACRONYM_BEFORE_RE, sentence, m.start()) or _name_before(sentence, m.start(), lead)):
        # a share after an acronym or a name is a figure about it (`thu vào NSNN 75% tiền lãi`, `GDP 7%`);
        # DESIGNATOR_RE also reads an acronym as a designator, so only the range rules apply
        return bool(RANGE_AFTER_RE.match(sentence, m.end()) or ends_with(RANGE_BEFORE_RE, sentence, m.start()))
    return bool(RANGE_AFTER_RE.match(sentence, m.end()) or _excluded_before(sentence, m.start(), lead))


def _counted(words: list[str], *, names: bool = False) -> bool:
    """Whether the words after a number name something counted or measured: not a duration,
    an age or a tier (`chính quyền 2 cấp`), and (unless `names`) not a name, every word of it
    capitalised (`173 Lê Văn Lương`, `20 Fighting Eagle`); `12 Ban Chỉ huy`, `2 CLB` are nouns."""
    if not words:
        return False
    first = words[0].lower()
    pair = " ".join(words[:2]).lower()
    if (first in DURATIONS and pair not in WORK_DAYS) or pair in DURATIONS or first in MEASUREMENTS or first in TIERS:
        return False
    return names or not (len(words) > 1 and all(_capitalised(w) for w in words))


def _capitalised(word: str) -> bool:
    return word[0].isupper() and not word.isupper()


def _unit(sentence: str, m: re.Match) -> tuple[str, int] | None:
    """The unit phrase after a digit number and where it ends, None when nothing counted follows."""
    if m.group("pct"):
        return "%", m.end()
    if COORDINATE_RE.match(sentence, m.end()):
        return None
    words, end = unit_words(sentence, m.end())
    if glued := m.group("glued"):
        return " ".join([glued, *words]), end if words else m.end()
    return (" ".join(words), end) if _counted(words) else None


def _row(value: float, unit: str, qualifier: str | None, mention: str) -> dict:
    return {"value": value, **measures.split(unit), "qualifier": qualifier, "mention": mention}


def _qualified(sentence: str, start: int, end: int) -> tuple[str | None, int]:
    """The qualifier written before a number at `start` (`hơn`, `khoảng`) and where the mention
    starts; `từ N ... trở lên` is `ít nhất`."""
    q = ends_with(QUALIFIER_RE, sentence, start)
    if (f := ends_with(FROM_BEFORE_RE, sentence, start)) and AT_LEAST_AFTER_RE.match(sentence, end):
        return "ít nhất", f.start()
    return (q.group("q").lower(), q.start()) if q else (None, start)


def find_quantities(sentence: str) -> list[dict]:
    """Reported figures in one sentence: value, unit, qualifier and the mention text."""
    lead = len(sentence) - len(sentence.lstrip())
    out, taken = _ranges(sentence, lead)
    for m in NUMBER_RE.finditer(sentence):
        if any(s <= m.start() < e for s, e in taken) or _excluded(sentence, m, lead):
            continue
        if not (found := _unit(sentence, m)):
            continue
        unit, end = found
        qualifier, start = _qualified(sentence, m.start(), end)
        out.append(_row(parse_number(m.group("num"), m.group("scale")), unit, qualifier, sentence[start:end]))
    return out + _fractions(sentence, lead) + _in_words(sentence)


def _ranges(sentence: str, lead: int) -> tuple[list[dict], list[tuple[int, int]]]:
    """Both ends of each range (`từ 4 đến 7 thành viên`, `4-6 triệu đồng`, `15-30mm`, `13 trong
    số 14 tên lửa`), and the spans they take. The low end takes the high end's unit, and its
    scale when it is the smaller number (`4-6 triệu` -> 4 triệu; `500 - 2 triệu` stays 500)."""
    out: list[dict] = []
    taken: list[tuple[int, int]] = []
    for r in RANGE_RE.finditer(sentence):
        if any(s <= r.start() < e for s, e in taken) or not (hi := NUMBER_AT_RE.match(sentence, r.end())):
            continue
        if (not hi.group("pct") and (YEAR_RE.fullmatch(r.group("num")) or YEAR_RE.fullmatch(hi.group("num"))))\
                or _excluded_before(sentence, r.start(), lead):
            continue
        if not (found := _unit(sentence, hi)):
            continue
        unit, end = found
        lo_raw, hi_raw = parse_number(r.group("num")), parse_number(hi.group("num"))
        if lo_raw >= hi_raw or (r.group("pct") and not hi.group("pct")) or (r.group("scale") and hi.group("pct")):
            continue   # a score (`5-0`), or two figures of different kinds (`9.800 tỷ trong tổng số 20%`)
        scale = r.group("scale") or (hi.group("scale") if lo_raw <= hi_raw else None)
        qualifier, start = _qualified(sentence, r.start(), end)
        out.append(_row(parse_number(r.group("num"), scale), unit, qualifier, sentence[start:end]))
        out.append(_row(parse_number(hi.group("num"), hi.group("scale")), unit, None, sentence[hi.start():end]))
        taken.append((r.start(), end))
    return out, taken


def _fractions(sentence: str, lead: int) -> list[dict]:
    """`44/85 thủ tục` -> 44 and 85 `thủ tục`, `18/18 tổ dân phố` -> 18: counts, not dates (a date
    is not followed by a noun, and its day may exceed its month). `1/2` is a half: left out."""
    out = []
    for f in FRACTION_RE.finditer(sentence):
        a, b = parse_number(f.group("a")), parse_number(f.group("b"))
        if a > b or (a == 1 < b) or ends_with(DATE_BEFORE_RE, sentence, f.start()) \
                or _excluded_before(sentence, f.start(), lead):
            continue
        words, end = unit_words(sentence, f.end())
        if glued := f.group("glued"):     # `3.700/9.800m`
            words, end = [glued, *words], (end if words else f.end())
        if not _counted(words) or not words[0].islower():
            continue
        unit = " ".join(words)
        out.append(_row(a, unit, None, sentence[f.start():end]))
        if a != b:
            out.append(_row(b, unit, None, sentence[f.start("b"):end]))
    return out


def _in_words(sentence: str) -> list[dict]:
    """Counts written in words (bantin/extract/number_words.py): `hai nước`, `hàng chục người`.
    A run with no noun of its own before `đến`/`-` and another run shares that run's noun
    (`hai đến ba lần`)."""
    runs = [r for r in number_words.find(sentence) if not ends_with(DESIGNATOR_RE, sentence, r[0])]
    units = [unit_words(sentence, end) for _, end, _, _ in runs]
    out = []
    for i, (start, end, value, qualifier) in enumerate(runs):
        words, uend = units[i]
        if not words and i + 1 < len(runs) and WORD_RANGE_RE.fullmatch(sentence, end, runs[i + 1][0]):
            words, uend = units[i + 1]
        if not _counted(words, names=True):
            continue
        q, qstart = _qualified(sentence, start, uend)
        if i and WORD_RANGE_RE.fullmatch(sentence, runs[i - 1][1], start):
            q, qstart = None, start   # the high end of `hai đến ba lần`
        out.append(_row(value, " ".join(words), qualifier or q, sentence[(start if qualifier else qstart):uend]))
    return out
