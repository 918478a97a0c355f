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

from flows.text.gazetteer import canonical_province
from flows.text.vnnames import CAP_SYL, fold_tones, is_byline_name, squash

GROUP_CREDIT_RE = re.compile(
    r"^(?:Nhóm\s+(?:PV|phóng viên|P\.V)|PV|CTV|BTV|PV\s*-\s*CTV|Nhóm\s+PV\s*-\s*CTV|Ban\s+[Bb]iên\s+tập|BBT|"
    r"Phóng viên|Nhóm phóng viên|Quản trị viên|Admin|admin|Biên tập viên)$"
)
LEAD_IN_RE = re.compile(r"^(?:Written by|Posted by|By|Viết bởi|Đăng bởi|Tác giả|Người viết|Bài viết|Bài)\s*:?\s*", re.I)
# `Bài, ảnh:` / `Bài và ảnh:` / `Tin, ảnh:` / `Bài - ảnh:` credit one person for text and photos.
TEXT_AND_PHOTO_RE = re.compile(r"^(?:Bài|Tin|Tin bài|Bài viết)\s*(?:,|và|-|–|/|&)\s*ảnh\s*:\s*", re.I)
# `Bài: X - Ảnh: Y`, `Bài: X; ảnh: Y`, `Tin: X, ảnh: Y`.
SPLIT_CREDIT_RE = re.compile(
    r"^(?:Bài|Tin)\s*:\s*(?P<text>.+?)\s*(?:[-–;,/]|\s)\s*(?:Ảnh|ảnh|Clip|Video)\s*:\s*(?P<photo>.+)$"
)
SOURCE_RE = re.compile(r"^(?:Theo|Nguồn)\s*:?\s*(?P<src>.+)$", re.I)
PAREN_HINT_RE = re.compile(r"\s*\((?P<hint>[^()]+)\)\s*$")
SLASH_HINT_RE = re.compile(r"\s*/\s*(?P<hint>[A-ZĐ][A-ZĐa-z.]+)\s*$")
TITLE_PREFIX_RE = re.compile(
    r"^(?:(?:PGS|GS|TS|ThS|Th\.S|BS|KS|CN|NB|LS)\.?\s*)+(?=\S)|"
    r"^(?:Nhà báo|Đại tá|Thượng tá|Trung tá|Thiếu tá|Đại úy|Thượng úy|Trung úy|Thiếu úy)\s+"
)
NAME_SEP_RE = re.compile(r"\s*(?:,|;|\s[-–]\s|\svà\s|&)\s*")
PHOTO_CREDIT_RE = re.compile(
    rf"(?:Ảnh|ẢNH|Photo)\s*:\s*(?P<names>{CAP_SYL}(?:[ \t]+{CAP_SYL})*"
    rf"(?:\s*(?:,|và|-|–)\s*{CAP_SYL}(?:[ \t]+{CAP_SYL})*)*)"
)


def _names(part: str) -> list[str]:
    """Names in a credit part; a part that is not entirely names yields nothing (precision)."""
    out = []
    pieces = NAME_SEP_RE.split(part.strip(" ."))
    for piece in pieces:
        piece = TITLE_PREFIX_RE.sub("", piece.strip(" ."))
        if len(pieces) >= 2 and piece.isupper() and len(piece.split()) >= 2:
            # All-caps co-authors (`NGỌC ANH - HOÀNG LONG`) are title-cased; one all-caps pair
            # alone is too often a UI label (`BÌNH LUẬN`) to be read as a name.
            piece = piece.title()
        if not piece:
            continue
        if GROUP_CREDIT_RE.match(piece):
            continue
        if not is_byline_name(piece):
            return []
        out.append(piece)
    return out


def _strip_hint(part: str) -> tuple[str, str | None]:
    """`Nguyễn Giang (nbtv.vn)` -> (`Nguyễn Giang`, `nbtv.vn`); `X/TTXVN` -> (`X`, `TTXVN`)."""
    for rx in (PAREN_HINT_RE, SLASH_HINT_RE):
        m = rx.search(part)
        if m:
            return part[: m.start()], m.group("hint").strip()
    return part, None


def parse_byline(line: str) -> dict:
    """authors, photographers and outlet_hint from one byline line; empty lists when unsure."""
    text = squash(fold_tones(line)).strip(" .")
    result: dict = {"authors": [], "photographers": [], "outlet_hint": None}
    src = SOURCE_RE.match(text)
    if src:
        result["outlet_hint"] = src.group("src").strip(" .") or None
        return result
    both = TEXT_AND_PHOTO_RE.match(text)
    if both:
        names_part, hint = _strip_hint(text[both.end():])
        names = _names(names_part)
        result.update(authors=names, photographers=list(names), outlet_hint=hint)
        return result
    split = SPLIT_CREDIT_RE.match(text)
    if split:
        names_part, hint = _strip_hint(split.group("text"))
        photo_part, photo_hint = _strip_hint(split.group("photo"))
        result.update(authors=_names(names_part), photographers=_names(photo_part),
                      outlet_hint=hint or photo_hint)
        return result
    names_part, hint = _strip_hint(LEAD_IN_RE.sub("", text))
    result["authors"] = _names(names_part)
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
    names = parse_byline(text)["authors"]
    return [] if any(canonical_province(n) for n in names) else names


def parse_photo_credit(text: str) -> list[str]:
    """Photographers credited in a caption or credit line (`Ảnh: X`, `(Ảnh: X)`, `Ảnh: X/TTXVN`)."""
    found: list[str] = []
    for m in PHOTO_CREDIT_RE.finditer(squash(fold_tones(text))):
        for name in _names(m.group("names")):
            if name not in found and not GROUP_CREDIT_RE.match(name):
                found.append(name)
    return found
