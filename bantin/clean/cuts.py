"""Where a line is cut into sentences and furniture pieces (`split_sentences`).

Why a module of its own: scraped pages glue things together, and each glue has its own sign.
A line is cut at sentence ends, at a sentence end with no space after it (`…hành vi trên.Phùng
Sơn`), where page furniture starts (`Ngày đăng:`, `Lượt xem: 412`, `Tác giả:`, `Chia sẻ`, a dated
link `(12/03/2024)`, a photo credit `Ảnh: X`, a source `Nguồn:`, footer labels), where a credit
glued into the running text ends (`… hiện trường. Ảnh: Minh Hoàng Tiếp đó, …`), and where a
sentence opener follows a caption with no stop (`… đống sắt vụn Chiếc máy bay …`). The cuts only
decide units (`bantin.clean.units`); roles are decided by `bantin.clean.classify`, and
''.join(split_sentences(line)) == line. Every check looks at a bounded window, so cutting is
linear in the length of the line.
"""
from __future__ import annotations

import re
from itertools import islice

from bantin.clean.repair import nfc_view
from bantin.vi.names import is_byline_name
from bantin.vi.sentences import TIMES_OF_DAY

# An abbreviation before a full stop (`TP.`, `PGS.`, `Tp.`, `ThS.`, `Q.`, `U.S.`), where no sentence
# ends; a capitalised word (`Bắc Ninh.`, `Hà Nội.`), a whole dotted one (`tại TP.HCM.`) or a
# number (`tới ngày 5/7. Máy bay …`) ends one.
ABBREV_RE = re.compile(r"((?<!\.)\b[A-ZĐ]{1,4}|(?<=\.)[A-ZĐ]|\b(?:Tp|Th|Ths|ThS|Bs|Ks|Ts|Gs|Pgs|Nxb|Tr|St|Mr|Mrs|Ms|Dr"
                       r"|Co|Ltd|Jr)|\b[^\W\d_])\.$")
ABBREV_SPAN = 4  # letters an ABBREV_RE match may have before its full stop
SENTENCE_END_RE = re.compile(r"(?<![.!?…])[.!?…]+[\"”’)\]]*\s+(?=[\"“(\[\w])")
# A sentence end with no space after it: a lowercase word, a stop, a capitalised word
# (`hành vi trên.Phùng Sơn`, `cảm xúc.VTV.vn -`); initials (`Đ.Hà`), `TP.HCM`, domains never do.
# Found by `_glued_ends` with str.islower/isupper: Vietnamese capitals and small letters
# alternate inside one Unicode block, so no character range tells them apart.
GLUED_STOP_RE = re.compile(r"[.!?…](?=\S)")
# Furniture glued to a word with no space: `Như PhúcNguồn video: Youtube`, `…Trưng.Ảnh: Ánh Tâm`.
GLUED_CREDIT_RE = re.compile(r"(?<=\S)(?=(?:Nguồn|Ảnh|Video|Clip)(?: video| ảnh)?\s*:)")
# Where a photo or source credit starts inside running text: `… hiện trường. Ảnh: X`, `… - Ảnh: X`.
CREDIT_START_RE = re.compile(
    r"(?<![-–—])\s(?=(?:[-–—]\s*)?\(?(?:Ảnh(?: minh h(?:ọa|oạ)| tư liệu)?|ẢNH|Nguồn ảnh|Nguồn video|Video|Clip)\s*:|[-–—]\s*Nguồn\s*:)")
# Where the credit's value ends: a stop, a closing bracket, or the next sentence's first word
# after at most four name words (`Ảnh: Minh Hoàng Tiếp đó, …`).
CREDIT_RE = re.compile(r"(?:[-–—]\s*)?\(?(?:Ảnh(?: minh h(?:ọa|oạ)| tư liệu)?|ẢNH|Nguồn ảnh|Nguồn video|Video|Clip|Nguồn)\s*:\s*")
SENTENCE_OPENERS = frozenset((  # never part of a name: a new sentence starts here
    "Theo", "Tiếp", "Ngày", "Sáng", "Chiều", "Tối", "Trưa", "Đêm", "Hiện", "Trước", "Sau", "Tại", "Trong",
    "Khi", "Ông", "Bà", "Anh", "Chị", "Được", "Các", "Những", "Một", "Với", "Vào", "Lúc", "Cùng", "Đến",
    "Hôm", "Năm", "Tháng", "Ngoài", "Đây", "Đó", "Nhiều", "Hai", "Ba", "Cũng", "Còn", "Tuy", "Nhưng", "Do",
    "Vì", "Để", "Từ", "Về", "Như", "Bên", "Lực", "Cơ", "Chiếc", "Vụ", "Người", "Cháu", "Em", "Bé",
    "Cụ", "Chú", "Cô", "Qua", "Dù", "Mặc", "Nhờ", "Trên", "Dưới", "Ở", "Riêng", "Đặc", "Kết", "Tính", "Chỉ",
    "Toàn", "Tổng", "Đồng", "Thời", "Hiện", "Đã", "Đang", "Sẽ", "Không", "Chưa", "Ngay", "Nay", "Này",
))
# Words that start a sentence after a name of two words or more (`Ảnh: Đình Nhất Trung tâm …`) but
# may also be a name's first syllable (`Ảnh: Trung Kiên`).
NAME_OR_OPENER = frozenset((
    "Trung", "Thành", "Đoàn", "Hội", "Ban", "Bộ", "Sở", "Phòng", "Tỉnh", "Huyện", "Xã", "Công", "Đại",
    "Thượng", "Thiếu", "Lãnh", "Chủ", "Phó", "Bí", "Giám", "Trưởng", "Thủ", "Quân", "Bộ",
    "Cục", "Viện", "Tòa", "Tổng", "Ủy", "Trường",  # `Ảnh minh họa: Minh Thu/TTXVN Cục Hải quan …`
))
# A credit that names who handed the picture over: `Ảnh: CTV cung cấp`, `(Ảnh: Công an cung cấp)`.
PROVIDED_RE = re.compile(r"[^\s.!?()]+(?:\s+[^\s.!?()]+){0,4}?\s+cung cấp(?!\w)\)?\.?")
INITIALS_NAME_RE = re.compile(r"^(?:[A-ZĐ]\.)+[^\W\d_]*\.?$")  # `Đ.Hà`, `N.V`, `P.C.Tùng`: a whole credit
CREDIT_MAX_WORDS = 4
# Other furniture starting inside a line: a link bullet (`» A » B`, `> Xem chi tiết`, `* Tin bài liên
# quan:`, a rule of dashes), a source credit running to the end of the line (`… Phương Giang Theo Tri
# Thức`, `(theo AFP)`).
INLINE_START_RE = re.compile(
    r"(?<![-–—])\s(?=[»›]\s*\S|>{1,2}\s*(?:[Xx]em|[Đđ]ọc)|\*\s*(?:[Tt]in|[Bb]ài)|-{4,}|_{4,}"
    r"|\(?[Tt]heo\s+[A-ZĐÀ-Ỹ][^.!?()]{0,40}\)?\.?\s*$)")
_IMAGE = r"(?:\S+\.(?:jpe?g|JPE?G|png|PNG|gif|webp)|(?:IMG|DSC|DJI)_?\d+)"
_DATETIME = r"\d{1,2}/\d{1,2}/\d{4}\s*-\s*\d{1,2}:\d{2}"
_NAV_HEAD = r"(?:Tin|Bài|Bài viết|Các tin|Các bài)\s(?:liên quan|khác|cùng chuyên mục)|Xem thêm|Đọc thêm"
# Labels of a dateline, an author line or the site footer, printed before their value.
_LABELS = (r"(?:Ngày đăng|Ngày cập nhật|Cập nhật|Đăng ngày|Ngày xuất bản|Tác giả|Người viết|Cơ quan chủ quản"
           r"|Chịu trách nhiệm(?: chính| nội dung)?|Địa chỉ|Trụ sở|Điện thoại|Hotline|Fax|Email):")
_COUNT = r"(?:[Ll]ượt (?:xem|đọc|thích)|Số lần (?:đọc|xem)):\s*[\d.,]+"  # cut after `Lượt xem: 412`
_PAREN_DATE = r"\(\d{1,2}/\d{1,2}/\d{4}\)"  # a dated link: `Giao ban quý I (05/03/2024)`
_PAREN_CREDIT = r"\((?:Ảnh|ẢNH|Nguồn ảnh|ảnh|Hình|hình)(?::[^()]{1,50}|\s[^()]{1,30})\)\.?"  # closing a caption
# In a flattened page, furniture starts where these openers stand (case-sensitive on purpose).
SPLIT_BEFORE_RE = re.compile(
    r"\s(?=(BÌNH LUẬN|Bình luận \(\d+\)|Gửi bình luận|Chia sẻ bài viết|Chia sẻ:|Loading\.\.\.|Please enter your"
    r"|Newer news items|Older news items|Written by|Nguồn:|Tags:|Từ khóa:|Từ khoá:|©|Bản quyền|Giấy phép số"
    r"|(?:Số )?[Ll]ượt (?:xem|đọc|thích):|Trang chủ\s*[>»›|/]|\([\w.-]{2,30}\.(?:vn|com|net)\)\s*[-–]"
    rf"|(?:Thứ (?:Hai|Ba|Tư|Năm|Sáu|Bảy)|Chủ nhật),?\s*\d{{1,2}}[/-]|{_NAV_HEAD}|{_IMAGE}\s"
    rf"|{_LABELS}|Trang chủ\s(?=[A-ZĐ])|Chia sẻ\s|In bài\b|Gửi (?:email|e-mail|bài)\b"
    rf"|Theo (?:Báo|báo|Cổng|Đài|TTXVN|Tạp chí)\s))"
    rf"|(?<!,)\s(?={_DATETIME})"
    r"|\s(?=\((?:[A-ZĐ]\.\s*){1,3}[A-ZĐ][^\W\d_]*\)\.?\s*$)"  # a signature closing the line: `… (Đ.T)`
    r"|\s(?=PHẢN HỒI\s*$)")  # a comment button closing the page, glued to the byline: `… Kim Tuyến PHẢN HỒI`
# A dateline's time glued to the outlet tag opening the lead: `… | 15:06 ĐBP - Sáng 27/1, …`.
_TIME_THEN_TAG = r"\b\d{1,2}:\d{2}(?=\s+[A-ZĐ]{2,8}\s*[-–]\s)"
_PLAYER_LABEL = r"(?:XEM|Xem) (?:CLIP|VIDEO|clip|video)(?:\s*\([^()]{0,60}\))?\s*:"  # `XEM CLIP (nguồn: X): Tối 28/6, …`
SPLIT_AFTER_RE = re.compile(
    rf"(?:{_DATETIME}|{_TIME_THEN_TAG}|(?<=\s){_IMAGE}|^{_IMAGE}|(?<=\s)(?:{_NAV_HEAD})|{_COUNT}|{_PAREN_DATE}|{_PAREN_CREDIT}"
    rf"|{_PLAYER_LABEL})\s+")
# Furniture after a sentence's stop in running text: a labelled byline (`… rồi”. Bài và ảnh: Minh
# Anh`), the reporter's initials closing the line (`… 5.000 USD. Q.M (Theo Vientiane Times)`; `USD.`
# reads as an abbreviation, so no sentence end is cut there); and after a rule of underscores
# (`Minh Anh __________ (*) Buổi giao lưu …`), what follows it.
AFTER_STOP_RE = re.compile(
    r"(?<=[.!?…\"”]\s)(?=(?:Bài|Tin)(?: và ảnh|, ảnh| - ảnh|/ảnh)\s*:"
    r"|(?:[A-ZĐ]\.)+[A-ZĐ][^\W\d_]*\s*(?:\(|$))")
SEPARATOR_END_RE = re.compile(r"_{4,}\s+")
# A signature glued after a sentence and followed by its source, the page running on (a story
# printed twice): `… đón nhận. Phương Giang Theo Tri Thức Sau thời gian …`. Cut before the name,
# before `Theo`, and after the source's capitalised words, where a sentence opener starts.
SIGNED_SOURCE_RE = re.compile(r"(?<=[.!?…\"”]\s)((?:\w+\s){1,3}?)(Theo\s)")
SIGNED_SOURCE_MAX_WORDS = 4
# A dated sentence opener glued after a run with no stop (a caption of a flattened page):
# `… môi trường công nghiệp Sáng 27/6/2025, tại …`. After a small letter, a capitalised time of
# day with a date never continues the sentence (`sáng 27/6` inside one is written small).
DATED_OPENER_RE = re.compile(
    r"\s(?=(?:" + "|".join((*TIMES_OF_DAY, "Ngày")) + r")(?:\s+(?:nay|qua))?(?:\s+ngày)?"
    r"\s+\d{1,2}\s*[/-]\s*\d{1,2}(?!\d))")
# Sentence openers that are never written capitalised inside a sentence, glued after a run with
# no stop: `… chỉ còn là đống sắt vụn Chiếc máy bay bị vỡ …`, `… người gặp nạn Năm nay, Việt Nam …`
# (the top picture's caption of a flattened page, then the story).
GLUED_OPENER_RE = re.compile(
    r"\s(?=(?:Trước đó|Sau đó|Theo đó|Được biết|Tuy nhiên|Năm nay|Hiện nay|Cùng ngày|Chiếc"
    r"|Vụ (?:việc|án|tai nạn|cháy)|Tại|Theo|Trong|Ngoài|Cũng|Hiện|Cùng|Bên cạnh|Trước khi|Sau khi|Riêng"
    r"|Mặc dù|Nhờ|Mỗi|Bởi|Nếu|Nhưng)[\s,])")
RUN_MIN_WORDS, RUN_WINDOW = 5, 200
CAPS_WORD_RE = re.compile(r"\S+")
DASH_ONLY_RE = re.compile(r"^\s*[-–—]\s*$")


def split_sentences(line: str) -> list[str]:
    """Cut a line into sentences and furniture pieces; ''.join(result) == line. Linear in the
    length of the line: every check looks at a bounded window around a match.

    The cuts are found on the line's NFC view and put back on the raw line: in decomposed text a
    tone mark stands between the letters, so `lên.` looked like the abbreviation `n.` and a
    lower-case word like no word, and a decomposed page was cut into other units (and decided
    otherwise) than the same page composed."""
    raw = line
    line, at = nfc_view(raw)
    bounds = [at[c] for c in sorted(_cuts(line))] if at else sorted(_cuts(line))
    pieces = [raw[a:b] for a, b in zip(bounds, bounds[1:]) if b > a]
    for k in range(len(pieces) - 2, -1, -1):  # a lone dash belongs to the credit after it (`- Nguồn: X`)
        if DASH_ONLY_RE.match(pieces[k]):
            pieces[k:k + 2] = [pieces[k] + pieces[k + 1]]
    return pieces


def _cuts(line: str) -> set[int]:
    cuts = {0, len(line)}
    for m in SENTENCE_END_RE.finditer(line):
        # Only the few characters before the full stop are looked at (pos/endpos keep `\b` and
        # `$` exact): searching the whole prefix at every full stop was quadratic in the line.
        # No sentence starts with a small letter: `… tạo Imei giả… và đặt máy chủ …` goes on.
        if not line[m.end()].islower() and not ABBREV_RE.search(line, max(0, m.start() - ABBREV_SPAN), m.start() + 1):
            cuts.add(m.end())
    cuts.update(_glued_ends(line))
    for opener in (DATED_OPENER_RE, GLUED_OPENER_RE):
        cuts.update(m.start() + 1 for m in opener.finditer(line) if _ends_a_run(line, m.start()))
    for m in GLUED_CREDIT_RE.finditer(line):
        if line[m.start() - 1].islower() or line[m.start() - 1] == ".":
            cuts.add(m.start())
            end = _credit_end(line, m.start())  # `…Trưng.Ảnh: Ánh Tâm Gian lận …`: the credit ends too
            if end:
                cuts.add(end)
    cuts.update(m.start() + 1 for m in SPLIT_BEFORE_RE.finditer(line))
    cuts.update(m.end() for m in SPLIT_AFTER_RE.finditer(line))
    cuts.update(m.start() + 1 for m in INLINE_START_RE.finditer(line))
    for m in CREDIT_START_RE.finditer(line):
        cuts.add(m.start() + 1)
        end = _credit_end(line, m.end())
        if end:
            cuts.add(end)
    cuts.update(m.start() for m in AFTER_STOP_RE.finditer(line))
    cuts.update(m.end() for m in SEPARATOR_END_RE.finditer(line))
    cuts.update(_signed_source_cuts(line))
    banner = _caps_banner_end(line)
    if banner:
        cuts.add(banner)
    return cuts


def _signed_source_cuts(line: str) -> list[int]:
    """Cuts around `Name Theo Source` between two sentences (SIGNED_SOURCE_RE); none unless the name
    is a byline name and the source's capitalised words end at a sentence opener."""
    out: list[int] = []
    for m in SIGNED_SOURCE_RE.finditer(line):
        if not is_byline_name(m.group(1)):
            continue
        words = list(islice(CAPS_WORD_RE.finditer(line, m.end(2)), SIGNED_SOURCE_MAX_WORDS + 1))
        for k, w in enumerate(words):
            if not w.group()[:1].isupper():
                break
            if k and w.group() in SENTENCE_OPENERS:
                out += [m.start(1), m.start(2), w.start()]
                break
    return out


def _glued_ends(line: str) -> list[int]:
    """Cut points just after a stop that ends a lowercase word and runs into a capital."""
    return [m.end() for m in GLUED_STOP_RE.finditer(line)
            if m.start() >= 2 and line[m.start() - 2:m.start()].isalpha() and line[m.start() - 2:m.start()].islower()
            and line[m.end()].isupper()]


def _ends_a_run(line: str, at: int) -> bool:
    """A small letter or a digit (`… sáng 27/6/2025 Tại Hội nghị, …`) ends a run of at least
    RUN_MIN_WORDS words since the last stop (a caption, not an outlet tag such as `Dân trí Sáng
    28/11, …`, which the dateline rules read whole)."""
    if not (line[at - 1:at].islower() or line[at - 1:at].isdigit()):
        return False
    window = line[max(0, at - RUN_WINDOW):at]
    stop = max(window.rfind(c) for c in ".!?…")
    return len(window[stop + 1:].split()) >= RUN_MIN_WORDS


def _credit_end(line: str, start: int) -> int:
    """Where the credit starting at `start` ends (0 when it runs to the end of the line): after
    its stop or bracket, or before the next sentence's first word (SENTENCE_OPENERS, or a fifth
    word)."""
    m = CREDIT_RE.match(line, start)
    if m is None:
        return 0
    provided = PROVIDED_RE.match(line, m.end())
    if provided and provided.group()[:1].isupper() and not SENTENCE_OPENERS.intersection(provided.group().split()[1:-2]):
        return _after_space(line, provided.end())
    pos, words, last_start = m.end(), 0, m.end()
    for w in CAPS_WORD_RE.finditer(line, m.end()):
        token = w.group()
        if words and not any(ch.isalnum() for ch in token):
            continue  # a dash or a slash inside the credit (`Ảnh: Hữu Tiến - PV TTXVN`) is no word
        if not words and not token[:1].isupper():
            return 0  # `Video: lực lượng …`: a label opening a sentence, not a credit with a name
        if words >= 2 and not token[:1].isupper():
            # `Ảnh: Quang Định Lễ tổng kết …`, `Ảnh: CNN Bộ trưởng …`: a sentence starts with a
            # capital, so the word before the first lowercase one opens it; the credit ends before
            return last_start
        if words == 1 and token.isalpha() and token.islower():
            # `Ảnh: Lao động Có những ý kiến …`: no sentence starts with a small letter, so a small
            # word with a capital after it is the outlet's second word (`Lao động`, `Tri thức`)
            nxt = CAPS_WORD_RE.search(line, w.end())
            if nxt is not None and nxt.group()[:1].isupper() and nxt.group()[:1].isalpha():
                return nxt.start()
        if words and (token in SENTENCE_OPENERS or (words >= 2 and token in NAME_OR_OPENER)
                      or words >= CREDIT_MAX_WORDS or not token[:1].isupper()):
            return w.start()
        glued = _glued_inside(token)
        if glued:  # `Ảnh: Hoàng Long.Một số người …`, `Ảnh: Hoàng LongNguyên nhân …`
            return w.start() + glued
        last_start = w.start()
        words += 1
        pos = w.end()
        if words == 1 and INITIALS_NAME_RE.match(token):
            return _after_space(line, pos)
        if token.endswith((".", ")")) and not re.fullmatch(r"(?:[A-ZĐ]\.)+", token):
            return _after_space(line, pos)
        if words > CREDIT_MAX_WORDS + 1:
            break
    return 0 if pos >= len(line.rstrip()) else _after_space(line, pos)


def _glued_inside(token: str) -> int:
    """Where the next sentence starts inside a credit's word with no space before it: after a stop
    followed by a capital (`Long.Một`), or at a capital after a small letter (`LongNguyên`); 0 if
    nowhere."""
    for k in range(1, len(token) - 1):
        if token[k] in ".!?…" and token[k - 1].islower() and token[k + 1].isupper():  # not initials `Đ.Hà`
            return k + 1
        if k >= 3 and token[k].isupper() and token[k - 1].islower() and token[k + 1].islower():
            return k  # not `McDonald`, `DeSantis`: a name's own capital follows two letters
    return 0


def _after_space(line: str, pos: int) -> int:
    while pos < len(line) and line[pos].isspace():
        pos += 1
    return pos if pos < len(line) else 0


def _caps_banner_end(line: str) -> int:
    """End of a run of >= 3 ALL-CAPS words opening a flattened page (the outlet banner); 0 if none."""
    run, end = 0, 0
    for m in CAPS_WORD_RE.finditer(line):
        letters = [ch for ch in m.group() if ch.isalpha()]
        if not letters or not all(ch.isupper() for ch in letters):
            break
        run, end = run + 1, m.end()
    return end + 1 if run >= 3 and end < len(line) and line[end:end + 1].isspace() else 0
