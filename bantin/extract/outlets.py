"""The outlet that published an article, from its own marks: lead prefix, byline, credit line.

Evidence, in order: the lead's outlet prefix (`BDK - `, `(THTG)`), a domain in a byline
(`Nguyễn Giang (nbtv.vn)`), a credit line (`Nguồn: Cổng TTĐT tỉnh Quảng Bình`, `Theo
baoquangninh.vn`), then the page's own marks: a copyright footer (`© Bản quyền thuộc về Báo Lào
Cai.`, `Bản quyền © 2024 Cổng Thông tin điện tử tỉnh Khánh Hòa.`), a masthead or footer line that
opens with a recognised outlet name (`BÁO LÀO CAI - CƠ QUAN CỦA ĐẢNG BỘ ...`, `Đài Phát thanh và
Truyền hình Nghệ An. Địa chỉ: ...`), then a domain or credit among other short lines. Outlets
merely named in the story (`phối hợp với Báo Đồng Khởi`) are not evidence: a masthead name must
be the whole first segment of its line, and a bare `Báo X` there must be a known outlet or `Báo
<Province>`.

Which outlet a name or a domain is (the maintained table, the derivations that hold for every
province) is decided in `outlet_names`. `(*)` opening a lead is an anonymous marker: no outlet.
"""
from __future__ import annotations

import re
from collections.abc import Sequence

from bantin.extract.outlet_marks import (
    column_promo,
    credit_as_written,
    glued_credit,
    last_of_chain,
    reporter_outlet,
    self_report,
    source_label,
    trailing_slash_mark,
)
from bantin.extract.outlet_names import (
    ALIAS_RE,
    ALIAS_TABLE,
    DOMAIN_RE,
    E_EDITION_RE,
    PAPER_RE,
    SPACES_RE,
    is_outlet_name,
    masthead_outlet,
    outlet_for_domain,
    outlet_for_name,
    place_phrase,
)
from bantin.extract.outlet_table import BARE_LEAD_TAGS, PREFIXES
from bantin.vi.gazetteer import canonical_province

__all__ = ["find_outlet", "is_outlet_name", "outlet_for_domain", "outlet_for_mark", "outlet_for_name"]

ANONYMOUS_RE = re.compile(r"^\s*\(\*\)")
LEAD_PREFIX_RE = re.compile(
    r"^\s*(?:\((?P<paren>[A-ZĐ][\w.&-]{1,15})\)\s*(?:[-–—]\s*)?|(?P<dash>[A-ZĐ][A-ZĐ.&]{1,11})\s*[-–—]\s+"
    r"|(?P<host>[A-Za-z][\w-]{1,20}(?:\.[a-z]{2,3}){1,2})\s*[-–—]\s+)"
)
# Tags an outlet opens its leads with and no dash (old Dân trí pages), before a quote or a capital.
BARE_TAG_RE = re.compile(r"^\s*(?P<tag>" + "|".join(map(re.escape, BARE_LEAD_TAGS)) + r")\s+(?=[“\"A-ZĐÀ-Ỹ])")
CREDIT_RE = re.compile(r"^\s*(?:Nguồn|Theo|Nguồn tin)\s*[:\-–]?\s*(?P<name>.+?)\s*[.)]?\s*$", re.IGNORECASE)
COPYRIGHT_RE = re.compile(
    r"(?:©|\(c\)|[Bb]ản quyền)\s*(?:thuộc\s*(?:về)?\s*)?(?:©\s*)?(?:\d{4}\s*)?(?:[-–:]\s*)?"
    r"(?P<name>(?:Báo|Đài|Cổng|Tạp chí)\s(?:Phát thanh\s*[-–]\s*Truyền hình|[^.|;©]){2,80}?)\s*(?:[.|;©,]|\s[-–]\s|$)"
)
# A public body holding a site's copyright: `Bản quyền thuộc về Bộ Chỉ huy Bộ đội Biên phòng tỉnh
# Quảng Trị` (agency sites are their own outlet; the holder is taken as written).
BODY_HOLDER_RE = re.compile(
    r"(?:©|\(c\)|[Bb]ản quyền)\s*(?:thuộc\s*(?:về)?\s*)?(?:©\s*)?(?:\d{4}\s*)?(?:[-–:]\s*)?"
    r"(?P<name>(?:Bộ Chỉ huy|Bộ Tư lệnh|Bộ|Sở|Ban|Công an|Ủy ban nhân dân|Văn phòng|Trung tâm|Tỉnh ủy|Thành ủy"
    r"|Huyện ủy|Đảng ủy|Hội|Trường)\s[A-ZÀ-ỸĐ][^.|;©,]{2,80}?)\s*(?:[.|;©,]|\s[-–]\s|$)"
)
# A browser-title line `<headline> - Báo Công an Đà Nẵng`: the page names its site after the headline.
PAGE_TITLE_SEP_RE = re.compile(r"\s+[-–|]\s+")
# A copyright mark and what may stand between it and the holder's name.
COPYRIGHT_MARK_RE = re.compile(
    r"(?:©|\(c\)|bản quyền|copyright)\s*(?:©\s*)?(?:\d{4}(?:\s*[-–]\s*\d{4})?\s*)?[.,:-]?\s*"
    r"(?:(?:toàn bộ\s+)?bản quyền\s+)?(?:thuộc(?:\s+về)?\s+)?",
    re.IGNORECASE,
)
# `Ghi rõ nguồn "Báo Quân khu 4" khi phát hành lại`: the outlet names itself for reuse.
REUSE_RE = re.compile(r"(?i:ghi\s+rõ\s+nguồn|trích\s+dẫn\s+nguồn)\s*:?\s*[\"“']\s*(?P<name>[^\"”']{3,80}?)\s*[\"”']")
BARE_PORTAL_RE = re.compile(r"^(?P<kind>Cổng|Trang)\s+thông tin điện tử$", re.IGNORECASE)
# The body that owns a site: `ỦY BAN NHÂN DÂN PHƯỜNG TÂN HÒA - THÀNH PHỐ HÒA BÌNH`.
OWNER_RE = re.compile(
    r"^(?:Ủy ban nhân dân|UBND)\s+(?P<unit>tỉnh|thành phố|huyện|quận|thị xã|phường|xã|thị trấn)\s+"
    r"(?P<name>[^\W\d_]+(?:\s+[^\W\d_]+){0,3}?)\s*(?:[-–,]|$)", re.IGNORECASE
)
# `VOV-TP HCM`, `VOV - Tây Nguyên`: an outlet's mark and its regional bureau (the outlet is the mark's).
BUREAU_RE = re.compile(r"^(?P<mark>[^\W\d_][\w.+]{1,15})\s*[-–]\s*[^\W\d_]")
INLINE_CREDIT_RE = re.compile(r"(?<![^\W\d_])(?:Theo|Nguồn\s*:)\s+Báo\s+(?P<rest>[^,.;:]{2,40})")
# A picture's credit names where the picture came from (`Ảnh: dantri.com.vn`), not who published the story.
PICTURE_CREDIT_RE = re.compile(r"^\s*[(\[]?\s*(?:Ảnh|ẢNH|Hình|Nguồn ảnh|Video|Clip)\b[^:]{0,20}:", re.IGNORECASE)
SEGMENT_RE = re.compile(r"(?<!\s)\s+[-–|]\s+|\.\s|[.:,]$|:\s")


def _owner_portal(kind: str, owner_line: str) -> str | None:
    """`Trang Thông tin điện tử phường Tân Hòa` from a bare portal masthead and its owner line."""
    m = OWNER_RE.match(owner_line.strip())
    if not m:
        return None
    unit, name = m.group("unit").lower(), m.group("name")
    province = canonical_province(name) if unit in ("tỉnh", "thành phố") else None
    place = place_phrase(province) if province else f"{unit} {name.title() if name.isupper() else name}"
    return f"{kind.capitalize()} Thông tin điện tử {place}"


def _copyright(line: str) -> tuple[str, str] | None:
    for m in COPYRIGHT_RE.finditer(line):
        if name := outlet_for_name(m.group("name")):
            return name, m.group(0).strip()
    for mark in COPYRIGHT_MARK_RE.finditer(line):  # the holder right after the mark: `© VnExpress`
        if alias := ALIAS_RE.match(line, mark.end()):
            return ALIAS_TABLE[alias.group(0).casefold()], line[mark.start():alias.end()].strip()
    return None


def _from_page_title(lines: Sequence[str], title: str | None) -> tuple[str, str] | None:
    """(outlet, evidence) from a `<headline> - <site>` line whose first part is the headline."""
    if not title or not title.strip():
        return None
    want = SPACES_RE.sub(" ", title).strip().casefold()
    for line in lines:
        text = SPACES_RE.sub(" ", line).strip()
        if not text.casefold().startswith(want) or len(text) <= len(want):
            continue
        rest = text[len(want):]
        if not (sep := PAGE_TITLE_SEP_RE.match(rest)):
            continue
        site = rest[sep.end():].strip()
        if name := masthead_outlet(site) or _written(site):
            return name, site
    return None


def _from_page(lines: Sequence[str]) -> tuple[str, str] | None:
    """(outlet, evidence) from a copyright footer, a reuse request (`Ghi rõ nguồn "X"`), else a
    masthead/footer line's first segment (a bare `Trang thông tin điện tử` takes its owner from
    the line next to it), else a public body holding the copyright (after the masthead: a city
    portal's copyright belongs to the city's UBND, but the portal is the outlet)."""
    for line in lines:
        if hit := _copyright(line):
            return hit
    for line in lines:
        if (m := REUSE_RE.search(line)) and (name := masthead_outlet(m.group("name")) or _written(m.group("name"))):
            return name, m.group(0)
    for i, line in enumerate(lines):
        if len(line) > 200:
            continue
        if bare := BARE_PORTAL_RE.match(line.strip()):
            near = [lines[j] for j in (i - 1, i + 1) if 0 <= j < len(lines)]
            if name := next((n for ln in near if (n := _owner_portal(bare.group("kind"), ln))), None):
                return name, line.strip()
        head = SEGMENT_RE.split(line.strip(), maxsplit=1)[0]
        if head and (name := masthead_outlet(head)):
            return name, head
    for line in lines:  # last: a public body holding the copyright runs the site itself
        if m := BODY_HOLDER_RE.search(line):
            return m.group("name").strip(), m.group(0).strip()
    return None


def _written(name: str) -> str | None:
    """A self-given name in a reuse request, taken as written: `Báo Quân khu 4`."""
    name = E_EDITION_RE.sub("", SPACES_RE.sub(" ", name).strip())
    return name if PAPER_RE.match(name) and name[4:5].isupper() else None


def _from_lead(lead: str) -> tuple[str, str] | None:
    """(outlet, evidence) from the lead's prefix; the anonymous `(*)` says nothing."""
    if bare := BARE_TAG_RE.match(lead):  # `Dân trí “Sao ba mẹ ...`: the tag with no dash
        return ALIAS_TABLE[bare.group("tag").casefold()], bare.group("tag")
    m = None if ANONYMOUS_RE.match(lead) else LEAD_PREFIX_RE.match(lead)
    if not m:
        return None
    abbr = m.group("paren") or m.group("dash") or m.group("host")
    name = PREFIXES.get(abbr) or (outlet_for_domain(abbr) if "." in abbr else None)
    return (name, abbr) if name else None


def _from_line(line: str, credit: bool) -> tuple[str, str] | None:
    m = CREDIT_RE.match(line)
    if m or credit:
        text = m.group("name") if m else line.strip()
        if name := outlet_for_name(text):
            return name, text
    for d in DOMAIN_RE.finditer(line):
        if name := outlet_for_domain(d.group("host")):
            return name, d.group("host")
    return None


def _inline_credit(line: str) -> tuple[str, str] | None:
    """`Theo Báo <Province>` inside a non-sentence line: the province decides where the name ends."""
    for m in INLINE_CREDIT_RE.finditer(line):
        words = m.group("rest").split()
        for n in range(min(4, len(words)), 0, -1):
            if province := canonical_province(" ".join(words[:n])):
                return f"Báo {province}", m.group(0)[: m.start("rest") - m.start()] + " ".join(words[:n])
    return None


def outlet_for_tag(tag: str) -> tuple[str, str] | None:
    """(outlet, evidence) from the tag that opens the story (`(Dân trí) -`, `VTV.vn -`, `TTO -`,
    `Dân trí`): cleaning cut it off the lead (`dateline.story_prefix`), so it names the outlet by
    position alone; a place tag (`HÀ NỘI -`) names none."""
    core = tag.strip(" ()-–—:")
    if not core or ANONYMOUS_RE.match(tag):
        return None
    name = (PREFIXES.get(core) or (outlet_for_domain(core) if "." in core else None)
            or ALIAS_TABLE.get(" ".join(core.split()).casefold()) or outlet_for_name(core))
    return (name, core) if name else None


def outlet_for_mark(mark: str) -> tuple[str, str] | None:
    """(outlet, evidence) from a whole short mark that names an outlet and nothing else: a byline's
    hint (`/TTXVN`, `(VOV-Tây Nguyên)`), a credit's name (`Theo Công an nhân dân`) or a sign-off
    line (`TTO`). A regional bureau names its outlet (`VOV-TP HCM` is VOV). Two outlets in one
    mark (`TTXVN/Vietnam+`) name none: which one published is not said."""
    core = " ".join(mark.split()).strip(" .")
    if not core or len(core) > 60 or "/" in core:
        return None
    if hit := outlet_for_tag(core):
        return hit
    if (m := BUREAU_RE.match(core)) and (name := PREFIXES.get(m.group("mark"))):
        return name, core
    return None


def find_outlet(
    *,
    lead: str | None,
    bylines: Sequence[str],
    source_credits: Sequence[str],
    lines: Sequence[str] = (),
    title: str | None = None,
    tag: str | None = None,
) -> tuple[str | None, str | None]:
    """(canonical outlet name, evidence text), or (None, None) when the article does not say.
    `tag`: the outlet or place tag cut off the story's first sentence, if any."""
    if tag and (hit := outlet_for_tag(tag)):
        return hit
    if lead and (hit := _from_lead(lead)):
        return hit
    if title and (bare := BARE_TAG_RE.match(title)):  # a flat page's first line read as the headline
        return ALIAS_TABLE[bare.group("tag").casefold()], bare.group("tag")
    for line in bylines:  # a byline line, or the outlet hint parsed out of one (`/TTXVN`)
        if hit := _from_line(line, credit=False) or outlet_for_mark(line):
            return hit
    for line in source_credits:
        m = CREDIT_RE.match(line)
        if hit := _from_line(line, credit=True) or outlet_for_mark(m.group("name") if m else line):
            return hit
    for mark in [*bylines, *source_credits]:  # `TTXVN/Vietnam+`: the agency's product published it
        if hit := last_of_chain(mark):
            return hit
    # `(Theo Vientiane Times)` as written; in a byline (`Lan Anh (theo Daily Mail)`, a translator
    # naming the translated source; `Theo Infonet` on a reprint) only a listed outlet.
    for line in [*source_credits, *bylines]:
        if hit := glued_credit(line) or credit_as_written(line, listed_only=line not in source_credits):
            return hit
    if hit := source_label(list(lines), title):  # an aggregator's label of its source
        return hit
    for line in [ln for ln in lines if ln.strip()][-3:]:  # `... ./. Vũ Hạnh/VOV online` closing a flat page
        if hit := trailing_slash_mark(line):
            return hit
    for line in lines:  # `... Theo Báo Bạc Liêu Chia sẻ In bài` in a flattened or furniture line
        if not line.rstrip().endswith((".", "!", "?")) and (hit := _inline_credit(line)):
            return hit
    if hit := _from_page_title(lines, title):
        return hit
    if hit := _from_page(lines):
        return hit
    for line in lines:
        if len(line) <= 80 and not PICTURE_CREDIT_RE.match(line) and (hit := _from_line(line, credit=False)):
            return hit
    for line in lines:  # last: the outlet's reporter or earlier report in the story (`PV VietNamNet`)
        if hit := reporter_outlet(line) or self_report(line) or column_promo(line):
            return hit
    return None, None
