"""Units of a document: raw lines, or the sentences of a one-line dump (a page flattened into one line).

Why: some scrapers flatten a whole page (banner, menu, title, date, story, footer) into one long
line. Cutting it at sentence ends alone leaves furniture glued to the story, so it is also cut
where page furniture starts (`Ngày đăng:`, `Lượt xem: 412`, `Tác giả:`, `Chia sẻ`, a dated link
`(12/03/2024)`, a photo credit `(Ảnh: X)`, footer labels). The cuts only decide units; the
roles are decided by `bantin.clean.classify` as for any line, and ''.join(units) == the raw line.
"""
from __future__ import annotations

import re

from bantin.records import LineDecision

DUMP_MIN_CHARS = 400
#: A line longer than this is cut into sentences even when the document has other lines (the
#: longest real line seen, in the development corpus, has about 12,000 characters).
LONG_LINE_CHARS = 20_000
ABBREV_RE = re.compile(r"(\b[A-ZĐ][A-Za-zĐđ]{0,3}|\b\w)\.$")  # TP. / Tp. / TS. / A. before a split
ABBREV_SPAN = 4  # letters an ABBREV_RE match may have before its full stop
SENTENCE_END_RE = re.compile(r"(?<![.!?…])[.!?…]+[\"”’)\]]*\s+(?=[\"“(\[\w])")
_IMAGE = r"(?:\S+\.(?:jpe?g|JPE?G|png|PNG|gif|webp)|(?:IMG|DSC|DJI)_?\d+)"
_DATETIME = r"\d{1,2}/\d{1,2}/\d{4}\s*-\s*\d{1,2}:\d{2}"
_NAV_HEAD = r"(?:Tin|Bài|Bài viết|Các tin|Các bài)\s(?:liên quan|khác|cùng chuyên mục)|Xem thêm|Đọc thêm"
# Labels of a dateline, an author line or the site footer, printed before their value.
_LABELS = (r"(?:Ngày đăng|Ngày cập nhật|Cập nhật|Đăng ngày|Ngày xuất bản|Tác giả|Người viết|Cơ quan chủ quản"
           r"|Chịu trách nhiệm(?: chính| nội dung)?|Địa chỉ|Trụ sở|Điện thoại|Hotline|Fax|Email):")
_COUNT = r"(?:[Ll]ượt (?:xem|đọc|thích)|Số lần (?:đọc|xem)):\s*[\d.,]+"  # cut after `Lượt xem: 412`
_PAREN_DATE = r"\(\d{1,2}/\d{1,2}/\d{4}\)"  # a dated link: `Giao ban quý I (05/03/2024)`
_PAREN_CREDIT = r"\((?:Ảnh|ẢNH|Nguồn ảnh):[^()]{1,50}\)"  # the credit closing a caption
# In a flattened page, furniture starts where these openers stand (case-sensitive on purpose).
SPLIT_BEFORE_RE = re.compile(
    r"\s(?=(BÌNH LUẬN|Bình luận \(\d+\)|Gửi bình luận|Chia sẻ bài viết|Chia sẻ:|Loading\.\.\.|Please enter your"
    r"|Newer news items|Older news items|Written by|Nguồn:|Tags:|Từ khóa:|Từ khoá:|©|Bản quyền|Giấy phép số"
    r"|(?:Số )?[Ll]ượt (?:xem|đọc|thích):|Trang chủ\s*[>»›|/]|\([\w.-]{2,30}\.(?:vn|com|net)\)\s*[-–]"
    rf"|(?:Thứ (?:Hai|Ba|Tư|Năm|Sáu|Bảy)|Chủ nhật),?\s*\d{{1,2}}[/-]|{_NAV_HEAD}|{_IMAGE}\s"
    rf"|{_LABELS}|Trang chủ\s(?=[A-ZĐ])|Chia sẻ\s|In bài\b|Gửi (?:email|e-mail|bài)\b"
    rf"|Theo (?:Báo|báo|Cổng|Đài|TTXVN|Tạp chí)\s))"
    rf"|(?<!,)\s(?={_DATETIME})")
# A dateline's time glued to the outlet tag opening the lead: `… | 15:06 ĐBP - Sáng 27/1, …`.
_TIME_THEN_TAG = r"\b\d{1,2}:\d{2}(?=\s+[A-ZĐ]{2,8}\s*[-–]\s)"
SPLIT_AFTER_RE = re.compile(
    rf"(?:{_DATETIME}|{_TIME_THEN_TAG}|(?<=\s){_IMAGE}|^{_IMAGE}|(?<=\s)(?:{_NAV_HEAD})|{_COUNT}|{_PAREN_DATE}|{_PAREN_CREDIT})\s+")
CAPS_WORD_RE = re.compile(r"\S+")


def split_sentences(line: str) -> list[str]:
    """Cut a flattened page into sentences; ''.join(result) == line."""
    cuts = {0, len(line)}
    for m in SENTENCE_END_RE.finditer(line):
        # Only the few characters before the full stop are looked at (pos/endpos keep `\b` and
        # `$` exact): searching the whole prefix at every full stop was quadratic in the line.
        if not ABBREV_RE.search(line, max(0, m.start() - ABBREV_SPAN), m.start() + 1):
            cuts.add(m.end())
    cuts.update(m.start() + 1 for m in SPLIT_BEFORE_RE.finditer(line))
    cuts.update(m.end() for m in SPLIT_AFTER_RE.finditer(line))
    banner = _caps_banner_end(line)
    if banner:
        cuts.add(banner)
    bounds = sorted(cuts)
    return [line[a:b] for a, b in zip(bounds, bounds[1:]) if b > a]


def _caps_banner_end(line: str) -> int:
    """End of a run of >= 3 ALL-CAPS words opening a flattened page (the outlet banner); 0 if none."""
    run, end = 0, 0
    for m in CAPS_WORD_RE.finditer(line):
        letters = [ch for ch in m.group() if ch.isalpha()]
        if not letters or not all(ch.isupper() for ch in letters):
            break
        run, end = run + 1, m.end()
    return end + 1 if run >= 3 and end < len(line) and line[end:end + 1].isspace() else 0


def split_units(text: str) -> list[tuple[str, str]]:
    """(raw unit text, split kind) for every unit of the document.

    A one-line dump is cut into sentences; so is any line longer than LONG_LINE_CHARS, and a
    sentence still longer than that is cut at spaces (`_capped`): no rule reads more than
    LONG_LINE_CHARS at once, whatever the input (a 5 MB line, a 1 MB word)."""
    lines = text.split("\n")
    non_empty = [ln for ln in lines if ln.strip()]
    dump = len(non_empty) == 1 and len(non_empty[0]) >= DUMP_MIN_CHARS
    if not dump and all(len(ln) <= LONG_LINE_CHARS for ln in lines):
        return [(ln, "line") for ln in lines]
    units: list[tuple[str, str]] = []
    for ln in lines:
        if ln.strip() and (dump or len(ln) > LONG_LINE_CHARS):
            units.extend((piece, "sentence") for s in split_sentences(ln) for piece in _capped(s))
        else:
            units.append((ln, "line"))
    return units


def _capped(unit: str) -> list[str]:
    """`unit` in pieces of at most LONG_LINE_CHARS, cut after a space when there is one;
    ''.join(pieces) == unit."""
    pieces, pos = [], 0
    while len(unit) - pos > LONG_LINE_CHARS:
        cut = unit.rfind(" ", pos + 1, pos + LONG_LINE_CHARS)
        cut = cut + 1 if cut > pos else pos + LONG_LINE_CHARS
        pieces.append(unit[pos:cut])
        pos = cut
    pieces.append(unit[pos:])
    return pieces


def reconstruct(decisions: list[LineDecision]) -> str:
    """The raw text back from the decisions (inverse of split_units)."""
    rows: list[str] = []
    prev_sentence = False
    for d in decisions:
        if d.split == "sentence" and prev_sentence:
            rows[-1] += d.text
        else:
            rows.append(d.text)
        prev_sentence = d.split == "sentence"
    return "\n".join(rows)


def unit_spans(decisions: list[LineDecision]) -> list[tuple[int, int]]:
    """(start, end) of every unit in `reconstruct(decisions)`, in order.

    Why here: the offsets follow from how `reconstruct` glues units (sentences of one raw line
    end to end, raw lines joined by '\\n'), so they are defined next to it; anything that scores
    units against character-level annotations (the real-corpus evaluation) maps them this way.
    Every `text[start:end] == decision.text`; what no unit covers is the '\\n' between rows.
    """
    spans: list[tuple[int, int]] = []
    pos, prev_sentence = 0, False
    for i, d in enumerate(decisions):
        if i and not (d.split == "sentence" and prev_sentence):
            pos += 1  # the '\n' that joins two rows
        spans.append((pos, pos + len(d.text)))
        pos += len(d.text)
        prev_sentence = d.split == "sentence"
    return spans
