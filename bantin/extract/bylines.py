"""Bylines (`Bài, ảnh: Hoàng Lam`, `Nguyễn Giang (nbtv.vn)`) and photo credits (`Ảnh: Trần Liêm`).

Why separate from people: a byline names the writer, not a person of the story, and often gives
only a pen name or given names (`Trọng Hiếu`, `Đặng Hà`), so the name check is the looser
`is_byline_name` (2-5 capitalised syllables) and only runs on the line the caller says is a
byline. Anonymous and group credits (`Nhóm PV`, `PV`, `CTV`, `Ban biên tập`, `Quản trị viên`)
name no person, so they give no author (an empty list says "not credited to a person"); they still
count as a recognised byline, so a mixed `Lê Hoa - PV` keeps `Lê Hoa`.
`Theo X` / `Nguồn: X` name a source outlet, not an author: they go to `outlet_hint`.
"""
from __future__ import annotations

import re
from collections.abc import Sequence

from bantin.vi.gazetteer import canonical_province
from bantin.vi.language import is_vietnamese_syllable
from bantin.vi.names import CAP_SYL, NAME_DASH, SURNAMES, UPPER, fold_tones, is_byline_name, is_person_name, squash

GROUP_CREDIT_RE = re.compile(
    r"^(?:Nhóm\s+(?:PV|phóng viên|P\.V)|PV|CTV|BTV|PV\s*-\s*CTV|Nhóm\s+PV\s*-\s*CTV|Ban\s+[Bb]iên\s+tập|BBT|"
    r"Phóng viên|Nhóm phóng viên|Quản trị viên|Admin|admin|Biên tập viên)$"
)
LEAD_IN_RE = re.compile(
    r"^(?:Written by|Posted by|By|Viết bởi|Đăng bởi|Tác giả|Người viết|Bài viết|Bài|Tin(?=\s*:)|Thực hiện|"
    r"(?:Nhóm\s+)?(?:PV|Phóng viên)(?=\s*:))\s*:?\s*", re.I)
# `Bài, ảnh:` / `Bài và ảnh:` / `Tin, ảnh:` / `Bài - ảnh:` credit one person for text and photos.
TEXT_AND_PHOTO_RE = re.compile(r"^(?:Bài|Tin|Tin bài|Bài viết)\s*(?:,|và|-|–|/|&)\s*ảnh\s*:\s*", re.I)
# `Bài: X - Ảnh: Y`, `Bài: X; ảnh: Y`, `Tin: X, ảnh: Y`.
SPLIT_CREDIT_RE = re.compile(
    r"^(?:Bài|Tin)\s*:\s*(?P<text>.+?)\s*(?:[-–;,/]|\s)\s*(?:Ảnh|ảnh|Clip|Video)\s*:\s*(?P<photo>.+)$"
)
SOURCE_RE = re.compile(r"^(?:Theo|Nguồn)\s*:?\s*(?P<src>.+)$", re.I)
PAREN_HINT_RE = re.compile(r"(?<!\s)\s*\((?P<hint>[^()]+)\)\s*$")
# `Diệp Vy (tổng hợp)`, `Hồng Nhung/VOV1 (tổng hợp)`: the writer compiled the story; no outlet.
COMPILER_MARK = r"\((?i:tổng hợp)\)"
COMPILER_MARK_RE = re.compile(rf"(?<!\s)\s*{COMPILER_MARK}\s*$")
# `/VOV`, `/TTXVN`, `/VOV-Tây Bắc` (an outlet and its regional bureau), `/vnanet.vn` (its domain).
SLASH_HINT_RE = re.compile(
    r"(?<!\s)\s*/\s*(?P<hint>[a-z0-9-]+(?:\.[a-z]{2,3}){1,2}|[A-ZĐ][^\s/]+(?:\s*[-–]\s*[^\W\d_]+(?:\s[^\W\d_]+){0,3}|\s+online"
    r"|(?:\s+[^\W\d_&]+|\s*&\s*[^\W\d_]+){1,6})?)\s*$")  # `/VOV online`, `/Báo Tin tức và Dân tộc`
# `Bình Minh - NDH`, `Thu Hà - TTXVN`: an outlet's acronym after a dash. One all-caps word that no
# Vietnamese syllable spells (`HÀ` in `Minh Thu - HÀ` is a reporter's name), and not `PV` or `CTV`.
DASH_HINT_RE = re.compile(rf"(?<!\s)\s*(?:{NAME_DASH})\s*(?P<hint>[A-ZĐ]{{2,7}})\s*$")
# Academic titles before a name, comma-joined: `PGS, TS.`, `PGS.TS`, `ThS.`.
ACADEMIC_RUN_RE = re.compile(r"^(?:(?:PGS|GS|TS|ThS|Th\.S|BS|KS|CN)\.?\s*[,.]?\s*)+(?=\S)")
TITLE_PREFIX_RE = re.compile(
    r"^(?:(?:PGS|GS|TS|ThS|Th\.S|BS|KS|CN|NB|LS)\.?\s*)+(?=\S)|"
    r"^(?:Nhà báo|Đại tá|Thượng tá|Trung tá|Thiếu tá|Đại úy|Thượng úy|Trung úy|Thiếu úy|"
    r"Thiếu tướng|Trung tướng|Thượng tướng|Đại tướng|Đại đức|Nhà văn|Nhà thơ)\s+"
)
# A piece after the name that says where the writer works (`Bùi Thị Lan - Văn phòng UBND
# phường`): an affiliation, dropped with what follows it, not a reason to reject the credit.
AFFILIATION_RE = re.compile(
    r"^(?:Văn phòng|Phòng|Trung tâm|Ban|Sở|Báo|Đài|Cổng|Trang|Tạp chí|UBND|HĐND|Ủy ban|Công an|"
    r"Bộ|Cục|Hội|Đoàn|Tỉnh đoàn|Huyện đoàn|Trường|Viện|Đảng ủy|Huyện ủy|Tỉnh ủy|Thành ủy|Đồn|"
    r"Bộ Chỉ huy|Ban Chỉ huy|Phóng viên|PV|CTV|Cộng tác viên)(?![^\W\d_])"
)
# Affiliation heads that are also surnames or given names: a whole name after them (`Đoàn Mai`,
# `Trường Giang`) is a person; an organisation's name goes on in small letters (`Đoàn thanh niên`).
NAME_OR_BODY = frozenset(("Đoàn", "Trường", "Hội", "Phòng"))
# A credit that opens with one of these is a body signing (outlet, agency), never a person;
# unlike AFFILIATION_RE it leaves out words that are also given names (`Trường`, `Hội`, `Đoàn`).
BODY_SIGNATURE_RE = re.compile(
    r"^(?:Báo|Đài|Tạp chí|Cổng|Trang|Công an|UBND|HĐND|Ủy ban|Văn phòng|Sở|Bộ Chỉ huy|Ban Chỉ huy|"
    r"Trung tâm|Tỉnh ủy|Thành ủy|Huyện ủy|Đảng ủy)\s"
)
# All-caps words that are page labels, never a writer (`BÌNH LUẬN` read as a byline).
UI_CAPS = frozenset(
    """BÌNH LUẬN|CHIA SẺ|TIN LIÊN QUAN|XEM THÊM|ĐỌC TIẾP|ĐỌC THÊM|QUẢNG CÁO|ĐĂNG NHẬP|TRANG CHỦ|
    LIÊN HỆ|TÌM KIẾM|TIN MỚI|ĐỌC NHIỀU|XEM NHIỀU|TIN KHÁC|MỚI NHẤT|VIDEO|MULTIMEDIA|
    TƯ LIỆU|SƯU TẦM|MINH HỌA|INTERNET|NGUỒN""".replace("\n", "").split("|")
)
UI_CAPS = frozenset(w.strip() for w in UI_CAPS)
# Credits that name no person (`Ảnh: Tư liệu`, `Ảnh: NVCC` = the interviewee supplied it).
NON_PERSON_CREDIT = frozenset(
    "tư liệu|sưu tầm|internet|minh họa|nvcc|nhân vật cung cấp|btc|ban tổ chức|đơn vị cung cấp".split("|")
)
NAME_SEP_RE = re.compile(rf"(?<!\s)\s*(?:,|;|{NAME_DASH}|\svà\s|&)\s*")
_NAME_SYL = rf"(?:{CAP_SYL}|[{UPPER}]{{2,7}})"
PHOTO_CREDIT_RE = re.compile(
    rf"(?:Ảnh|ẢNH|Photo)(?:\s+(?:minh\s+họa|MINH\s+HỌA|tư\s+liệu))?\s*:\s*"
    rf"(?P<names>{_NAME_SYL}(?:[ \t]+{_NAME_SYL})*(?:\s*(?:,|và|-|–)\s*{_NAME_SYL}(?:[ \t]+{_NAME_SYL})*)*)"
    r"(?=\s*(?:$|[).,;/\]]|\s[-–]\s|\())"
)


def _names(part: str, caps: bool = False) -> list[str]:
    """Names in a credit part; a part that is not entirely names yields nothing (precision).

    All-caps names are title-cased when there are two or more (`NGỌC ANH - HOÀNG LONG`) or
    when `caps` says the context marks a credit (a byline line, `Bài, ảnh:`, a rank): one
    all-caps pair alone elsewhere is too often a UI label (`BÌNH LUẬN`). A piece naming an
    affiliation after at least one name ends the credit.
    """
    out: list[str] = []
    pieces = NAME_SEP_RE.split(ACADEMIC_RUN_RE.sub("", part.strip(" .")))
    for piece in pieces:
        piece = TITLE_PREFIX_RE.sub("", piece.strip(" ."))
        if piece.isupper() and len(piece.split()) >= 2 and piece not in UI_CAPS and (caps or len(pieces) >= 2):
            piece = piece.title()
        if not out and (BODY_SIGNATURE_RE.match(piece) or BODY_SIGNATURE_RE.match(piece.title())):
            return []  # `BÁO CÔNG AN ĐÀ NẴNG` signs as a body, not a person
        if out and AFFILIATION_RE.match(piece) and not (piece.split()[0] in NAME_OR_BODY and is_byline_name(piece)):
            break  # `- Văn phòng UBND phường`; but `Nguyệt Hà - Đoàn Mai` is a second reporter
        if not piece:
            continue
        if GROUP_CREDIT_RE.match(piece) or piece.casefold() in NON_PERSON_CREDIT:
            continue
        if not is_byline_name(piece) or canonical_province(piece) == piece:
            return []  # `Đồng Tháp` under the headline is the source label, not a writer
        out.append(piece)
    return out


def _strip_hint(part: str) -> tuple[str, str | None]:
    """`Nguyễn Giang (nbtv.vn)` -> (`Nguyễn Giang`, `nbtv.vn`); `X/TTXVN` and `X - TTXVN` -> (`X`, `TTXVN`).
    A compiler's mark is no outlet and goes first (`X/VOV1 (tổng hợp)` -> `VOV1`)."""
    part = COMPILER_MARK_RE.sub("", part)
    for rx in (PAREN_HINT_RE, SLASH_HINT_RE):
        m = rx.search(part)
        if m:
            return part[: m.start()], m.group("hint").strip()
    m = DASH_HINT_RE.search(part)
    if m and not is_vietnamese_syllable(m.group("hint")) and not GROUP_CREDIT_RE.match(m.group("hint")):
        return part[: m.start()], m.group("hint")
    return part, None


def parse_byline(line: str, *, trusted: bool = True) -> dict:
    """authors, photographers and outlet_hint from one byline line; empty lists when unsure.

    `trusted`: the line classifier says this is a byline, so a lone all-caps name counts
    (`ĐĂNG HẢI`); otherwise only with a credit marker (`Bài, ảnh:`, a rank, a bracketed hint)."""
    text = squash(fold_tones(line)).strip(" .")
    result: dict = {"authors": [], "photographers": [], "outlet_hint": None}
    src = SOURCE_RE.match(text)
    if src:
        result["outlet_hint"] = src.group("src").strip(" .") or None
        return result
    both = TEXT_AND_PHOTO_RE.match(text)
    if both:
        names_part, hint = _strip_hint(text[both.end():])
        names = _names(names_part, caps=True)
        result.update(authors=names, photographers=list(names), outlet_hint=hint)
        return result
    split = SPLIT_CREDIT_RE.match(text)
    if split:
        names_part, hint = _strip_hint(split.group("text"))
        photo_part, photo_hint = _strip_hint(split.group("photo"))
        result.update(authors=_names(names_part, caps=True), photographers=_names(photo_part, caps=True),
                      outlet_hint=hint or photo_hint)
        return result
    bare = LEAD_IN_RE.sub("", text)
    names_part, hint = _strip_hint(bare)
    marked = trusted or bare != text or hint is not None or bool(TITLE_PREFIX_RE.match(names_part))
    result["authors"] = _names(names_part, caps=marked)
    result["outlet_hint"] = hint if result["authors"] or hint and "." in hint else None
    return result


STORY_PUNCT_RE = re.compile(r"[.!?;:…]\s*$|[!?;…]|\.\s")


def byline_in_story(line: str) -> list[str]:
    """Authors of a story line that is really a byline (`Hồng Duyên`, `Lê Hoa - Trần Bình (NTV)`).

    Why: page layouts put the byline in the text flow, where it may be kept as a story line. Only
    a short line with no sentence punctuation outside brackets, that is entirely a credit, and
    whose names are not places (`Hải Phòng - Quảng Ninh` is a subheading), counts.
    """
    text = squash(fold_tones(line))
    bare = PAREN_HINT_RE.sub("", text)
    if len(text) > 80 or not bare or STORY_PUNCT_RE.search(bare) or SOURCE_RE.match(text):
        return []
    names = parse_byline(text, trusted=False)["authors"]
    return [] if any(canonical_province(n) for n in names) else names


def doubled_name(name: str) -> str | None:
    """`Quang Hưng Quang Hưng` -> `Quang Hưng`: a flattened page joins the photo credit and the
    byline under it when one person did both; a name is never its own half twice."""
    syls = name.split()
    half = len(syls) // 2
    return " ".join(syls[:half]) if len(syls) in (4, 6, 8) and syls[:half] == syls[half:] else None


def credit_then_byline(text: str) -> list[str]:
    """The byline glued after a photo credit (`Ảnh: Quang Hưng Quang Hưng`): its author."""
    return [one for m in PHOTO_CREDIT_RE.finditer(squash(fold_tones(text)))
            if (one := doubled_name(m.group("names").strip()))]


def parse_photo_credit(text: str) -> list[str]:
    """Photographers credited in a caption or credit line (`Ảnh: X`, `(Ảnh: X)`, `Ảnh: X/TTXVN`)."""
    found: list[str] = []
    for m in PHOTO_CREDIT_RE.finditer(squash(fold_tones(text))):
        for name in _names(m.group("names"), caps=True):
            name = doubled_name(name) or name
            if name not in found and not GROUP_CREDIT_RE.match(name):
                found.append(name)
    return found


LABELLED_RE = re.compile(r"(?<![^\W\d_])(?:Tác giả|Người viết|Phóng viên|PV|(?:Bài|Tin)\s*(?:,|và)\s*ảnh)\s*:\s*")
# Words that end a name run in a flattened line (`Tác giả: Minh Thư Theo Báo X Chia sẻ In bài`).
RUN_STOP = frozenset("Theo Nguồn Chia In Gửi Ảnh Bài Tin Xem Các Lượt Bình Đăng Cập Ngày".split())
HINT_DIGITS_RE = re.compile(r"\d")


def labelled_authors(line: str) -> list[str]:
    """Authors after a `Tác giả:` / `Người viết:` / `PV:` label inside a longer (flattened)
    line: the capitalised syllables that follow, up to a word that starts page furniture."""
    text = squash(fold_tones(line))
    for m in LABELLED_RE.finditer(text):
        syls: list[str] = []
        for word in text[m.end():].split()[:5]:
            bare = word.rstrip(".,;")
            if bare in RUN_STOP or not (bare[:1].isupper() and bare[1:].islower() and bare.isalpha()):
                break
            syls.append(bare)
            if bare != word:
                break
        if 2 <= len(syls) <= 4 and not canonical_province(" ".join(syls)):
            return [" ".join(syls)]
    return []


def head_name_line(line: str, photographers: Sequence[str] = ()) -> list[str]:
    """Authors of a bare name line standing next to the dateline in the page head (`NGỌC THÙY`,
    `PGS, TS. ĐỖ VĂN HUẤN`), which misread heads file as furniture.

    Why the extra evidence: a short capitalised line there is as often a section or a masthead
    (`THỜI SỰ`, `QUÂN ĐỘI NHÂN DÂN`). It counts when it carries a title marker, when the name
    starts with a surname, or when the article credits the same name for its photos.
    """
    text = squash(fold_tones(line)).strip()
    if not text or len(text) > 60 or HINT_DIGITS_RE.search(text) or SOURCE_RE.match(text):
        return []
    names = _names(text, caps=True)
    if not names or any(canonical_province(n) for n in names):
        return []
    marked = bool(ACADEMIC_RUN_RE.match(text) or TITLE_PREFIX_RE.match(text))
    if marked or all(is_person_name(n) or n in photographers for n in names):
        return names
    return []


def marked_byline(line: str) -> list[str]:
    """Authors of a non-byline line that carries a credit marker: a lead-in (`Bài:`, `PV:`),
    a rank, or a bracketed source that is not a date (`Hồng Hạnh (TTXVN/Vietnam+)`).

    Why: misread page heads file the byline as a section or menu line; without a marker a
    short capitalised line there is as likely a place or a label."""
    text = squash(fold_tones(line))
    if len(text) > 80 or SOURCE_RE.match(text):
        return []
    bare = LEAD_IN_RE.sub("", text)
    names_part, hint = _strip_hint(bare)
    if not (bare != text or (hint and not HINT_DIGITS_RE.search(hint)) or TITLE_PREFIX_RE.match(names_part)):
        return []
    names = parse_byline(text, trusted=False)["authors"]
    return [] if any(canonical_province(n) for n in names) else names


# A writer's initials closing the story (`... 5.000 USD. Q.M`, a line `(N.V)`, `Theo The Daily Mail
# (Đ.T)`): after a sentence's end, alone on the line, or after a source credit.
INITIALS_RE = re.compile(
    r"^(?:.*[.!?…”\"]\s+|(?:Theo|Nguồn)\b[^.!?()]{0,40}?\s*)?\(?(?P<name>(?:[A-ZĐ]\.){1,3}\s?[A-ZĐ][^\W\d_]{0,8}\.?)\)?\s*$"
)
# `... tàn phá Gia Lai Diệp Vy (tổng hợp)`: a compiler's credit glued to the last line.
COMPILED_RE = re.compile(rf"(?P<run>{CAP_SYL}(?:\s+{CAP_SYL})*)\s*{COMPILER_MARK}\s*$")


def initials_credit(line: str) -> list[str]:
    """The writer's initials closing a story line (see INITIALS_RE); their dots as written."""
    m = INITIALS_RE.match(squash(line).strip())
    return [m.group("name")] if m else []


def compiled_credit(line: str) -> list[str]:
    """The name before `(tổng hợp)` ending any line: the last two capitalised words, or three
    when they start with a surname (`Gia Lai Diệp Vy` -> `Diệp Vy`, a place runs into it)."""
    m = COMPILED_RE.search(squash(fold_tones(line)))
    if not m:
        return []
    words = m.group("run").split()
    name = " ".join(words[-3:] if len(words) >= 3 and words[-3] in SURNAMES else words[-2:])
    return [name] if len(name.split()) >= 2 and is_byline_name(name) and not canonical_province(name) else []
