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

Names come from (1) a maintained table of prefixes and domains below, (2) derivations that hold
for every province, using the gazetteer: `bao<province>.*` is the provincial party paper `Báo
<Province>`, `<province>.gov.vn` and `Cổng TTĐT (tỉnh) X` are that province's `Cổng Thông tin
điện tử`, `Đài PT-TH X` is `Đài Phát thanh và Truyền hình X`; a credit `Báo X`/`Đài ...` is
taken as written. An unknown prefix or domain gives None (no guess). `(*)` opening a lead is
an anonymous marker: no outlet.
"""
from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence

from flows.text.gazetteer import PROVINCE_KIND, PROVINCES, canonical_province
from flows.text.outlet_table import ALIASES, DOMAINS, GENERIC_CORES, PREFIXES

KNOWN_OUTLETS = frozenset(PREFIXES.values()) | frozenset(DOMAINS.values())


def _alias_table() -> dict[str, str]:
    """casefolded written form -> canonical: each known name, its core without `Báo` (a
    masthead `QUÂN ĐỘI NHÂN DÂN`), and the aliases above. Cores of one word are too ambiguous."""
    table = {k.casefold(): v for k, v in ALIASES.items()}
    for name in KNOWN_OUTLETS:
        table.setdefault(name.casefold(), name)
        core = re.sub(r"^Báo(?: điện tử)?\s+", "", name, flags=re.I)
        if core != name and len(core.split()) >= 2:
            table.setdefault(core.casefold(), name)
        elif core == name and len(core.split()) == 1:
            table.setdefault(core.casefold(), name)  # brand names: `VnExpress`, `VietnamPlus`
    return table


ALIAS_TABLE = _alias_table()
# Written forms that are a name's core only (`Tin tức` of `Báo Tin tức`): common words too.
CORE_ALIASES = frozenset(k for k in ALIAS_TABLE if k not in {n.casefold() for n in KNOWN_OUTLETS}
                         and k not in {a.casefold() for a in ALIASES})
ALIAS_RE = re.compile(
    r"(?<![\w+])(?:" + "|".join(re.escape(a) for a in sorted(ALIAS_TABLE, key=len, reverse=True)) + r")(?![\w+])",
    re.IGNORECASE,
)
DOMAIN_RE = re.compile(r"(?<![\w.@-])(?:https?://)?(?:www\.)?(?P<host>[a-z0-9-]+(?:\.[a-z0-9-]+)*\.(?:vn|net|com|org))(?![\w-])",
                       re.IGNORECASE)
ANONYMOUS_RE = re.compile(r"^\s*\(\*\)")
LEAD_PREFIX_RE = re.compile(
    r"^\s*(?:\((?P<paren>[A-ZĐ][\w.&-]{1,15})\)\s*(?:[-–—]\s*)?|(?P<dash>[A-ZĐ][A-ZĐ.&]{1,11})\s*[-–—]\s+"
    r"|(?P<host>[A-Za-z][\w-]{1,20}(?:\.[a-z]{2,3}){1,2})\s*[-–—]\s+)"
)
CREDIT_RE = re.compile(r"^\s*(?:Nguồn|Theo|Nguồn tin)\s*[:\-–]?\s*(?P<name>.+?)\s*[.)]?\s*$", re.IGNORECASE)
PORTAL_RE = re.compile(
    r"^Cổng\s+(?:TTĐT|TTDT|[Tt]hông tin điện tử)\s+(?:(?:[Tt]ỉnh|[Tt]hành phố|TP\.?)\s+)?(?P<place>.+)$"
)
# A district-level portal: `Cổng thông tin điện tử huyện Quảng Điền`.
LOCAL_PORTAL_RE = re.compile(
    r"^Cổng\s+(?:TTĐT|TTDT|[Tt]hông tin điện tử)\s+(?P<unit>huyện|quận|thị xã|thành phố|TP\.?)\s+"
    r"(?P<name>[A-ZÀ-ỸĐ][^\W\d_]*(?:\s+[A-ZÀ-ỸĐ][^\W\d_]*){0,3})$", re.IGNORECASE
)
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
# Trailing `điện tử` of `Báo Lào Cai điện tử` names the paper's online edition: same outlet.
E_EDITION_RE = re.compile(r"\s+(?i:điện tử)$")
# A self-named portal masthead: `Cổng thông tin điện tử Tỉnh Đoàn Thanh Hóa`.
OWN_PORTAL_RE = re.compile(
    r"^(?P<kind>Cổng|Trang)\s+(?i:TTĐT|thông tin điện tử)\s+(?P<owner>[A-ZÀ-ỸĐ][^\W\d_]*(?:\s+[^\W_]+){0,5}\s+(?:[A-ZÀ-ỸĐ][^\W\d_]*|\d+))$"
)
BARE_PORTAL_RE = re.compile(r"^(?P<kind>Cổng|Trang)\s+thông tin điện tử$", re.IGNORECASE)
# The body that owns a site: `ỦY BAN NHÂN DÂN PHƯỜNG TÂN HÒA - THÀNH PHỐ HÒA BÌNH`.
OWNER_RE = re.compile(
    r"^(?:Ủy ban nhân dân|UBND)\s+(?P<unit>tỉnh|thành phố|huyện|quận|thị xã|phường|xã|thị trấn)\s+"
    r"(?P<name>[^\W\d_]+(?:\s+[^\W\d_]+){0,3}?)\s*(?:[-–,]|$)", re.IGNORECASE
)
INLINE_CREDIT_RE = re.compile(r"(?<![^\W\d_])(?:Theo|Nguồn\s*:)\s+Báo\s+(?P<rest>[^,.;:]{2,40})")
SEGMENT_RE = re.compile(r"\s+[-–|]\s+|\.\s|[.:,]$|:\s")
STATION_RE = re.compile(
    r"^Đài\s+(?:PT-TH|PT - TH|PTTH|PT&TH|PT\s*-\s*TH|Phát thanh\s*(?:-|và|&)\s*Truyền hình)\s+"
    r"(?:(?:tỉnh|thành phố|TP\.?)\s+)?(?P<place>.+)$"
)
FULL_STATION_RE = re.compile(r"^Đài\s+Phát thanh\s*(?P<join>-|và)\s*Truyền hình\s")
SPACES_RE = re.compile(r"\s+")
CLAUSE_PUNCT_RE = re.compile(r"[,;:]")
PAPER_RE = re.compile(r"^Báo\s+(?P<rest>\w.{1,60})$")


def _ascii(text: str) -> str:
    decomposed = unicodedata.normalize("NFD", text.replace("Đ", "D").replace("đ", "d"))
    return "".join(ch for ch in decomposed if ch.isalnum() and ch.isascii()).lower()


_PROVINCE_BY_ASCII = {_ascii(p): p for p in PROVINCES}


def _place(province: str) -> str:
    return f"{PROVINCE_KIND.get(province, 'tỉnh')} {province}"


def outlet_for_domain(host: str) -> str | None:
    """Canonical outlet of a domain: table first, then `bao<province>.*` / `<province>.gov.vn`."""
    host = host.lower().removeprefix("www.")
    if host in DOMAINS:
        return DOMAINS[host]
    first = host.split(".")[0]
    if first.startswith("bao") and first[3:] in _PROVINCE_BY_ASCII:
        return f"Báo {_PROVINCE_BY_ASCII[first[3:]]}"
    if host.endswith(".gov.vn") and host.count(".") == 2 and first in _PROVINCE_BY_ASCII:
        return f"Cổng Thông tin điện tử {_place(_PROVINCE_BY_ASCII[first])}"
    return None


def outlet_for_name(name: str) -> str | None:
    """Canonical outlet of a written name (`Cổng TTĐT tỉnh Quảng Bình`, `Đài PTTH Bến Tre`)."""
    name = SPACES_RE.sub(" ", name).strip(" .,;")
    if m := DOMAIN_RE.fullmatch(name):
        return outlet_for_domain(m.group("host"))
    if m := PORTAL_RE.match(name):
        province = canonical_province(m.group("place"))
        if province:
            return f"Cổng Thông tin điện tử {_place(province)}"
        local = LOCAL_PORTAL_RE.match(name)
        if local and not canonical_province(local.group("name")):
            unit = local.group("unit").lower()
            unit = "thành phố" if unit.startswith("tp") else unit
            return f"Cổng Thông tin điện tử {unit} {local.group('name')}"
        return None
    if m := STATION_RE.match(name):
        province = canonical_province(m.group("place"))
        if not province:
            return None
        full = FULL_STATION_RE.match(name)  # the station's own spelling, `-` or `và`
        return f"Đài Phát thanh {full.group('join')} Truyền hình {province}" if full else \
            f"Đài Phát thanh và Truyền hình {province}"
    if (m := PAPER_RE.match(name)) and m.group("rest")[0].isupper() and not CLAUSE_PUNCT_RE.search(name):
        return f"Báo {m.group('rest')}"
    return PREFIXES.get(name.strip("()"))


def _known_name(segment: str) -> str | None:
    """The outlet a masthead segment names exactly (all-caps mastheads are title-cased)."""
    text = segment.strip(" .,:")
    key = SPACES_RE.sub(" ", text).casefold()
    if (alias := ALIAS_TABLE.get(key)) and key not in GENERIC_CORES and (
            key not in CORE_ALIASES or _masthead_cased(text)):
        return alias
    if text.isupper():
        text = text.title()
    text = E_EDITION_RE.sub("", text)
    name = outlet_for_name(text)
    if not name:
        own = OWN_PORTAL_RE.match(text)
        return f"{own.group('kind')} Thông tin điện tử {own.group('owner')}" if own else None
    paper = PAPER_RE.match(text)
    if paper and name not in KNOWN_OUTLETS and not canonical_province(paper.group("rest")):
        return None  # `Báo X` as a masthead must be a known paper or a provincial one
    return name


def _masthead_cased(text: str) -> bool:
    """`QUÂN ĐỘI NHÂN DÂN`, `Lao Động`: a bare core names the paper only in masthead casing; a
    sentence-cased `Tin tức - Sự kiện` is a section label that happens to be a paper's core."""
    words = [w for w in text.split() if w[:1].isalpha()]
    return bool(words) and (text.isupper() or all(w[0].isupper() for w in words))


def is_outlet_name(text: str) -> bool:
    """True for a line that is only an outlet's name (`BÁO HÀ TĨNH ĐIỆN TỬ`, `VOV.VN`): a masthead,
    not a section label or a headline."""
    return _known_name(text) is not None


def _owner_portal(kind: str, owner_line: str) -> str | None:
    """`Trang Thông tin điện tử phường Tân Hòa` from a bare portal masthead and its owner line."""
    m = OWNER_RE.match(owner_line.strip())
    if not m:
        return None
    unit, name = m.group("unit").lower(), m.group("name")
    province = canonical_province(name) if unit in ("tỉnh", "thành phố") else None
    place = _place(province) if province else f"{unit} {name.title() if name.isupper() else name}"
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
        if name := _known_name(site) or _written(site):
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
        if (m := REUSE_RE.search(line)) and (name := _known_name(m.group("name")) or _written(m.group("name"))):
            return name, m.group(0)
    for i, line in enumerate(lines):
        if len(line) > 200:
            continue
        if bare := BARE_PORTAL_RE.match(line.strip()):
            near = [lines[j] for j in (i - 1, i + 1) if 0 <= j < len(lines)]
            if name := next((n for ln in near if (n := _owner_portal(bare.group("kind"), ln))), None):
                return name, line.strip()
        head = SEGMENT_RE.split(line.strip(), maxsplit=1)[0]
        if head and (name := _known_name(head)):
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


def find_outlet(
    *,
    lead: str | None,
    bylines: Sequence[str],
    source_credits: Sequence[str],
    lines: Sequence[str] = (),
    title: str | None = None,
) -> tuple[str | None, str | None]:
    """(canonical outlet name, evidence text), or (None, None) when the article does not say."""
    if lead and (hit := _from_lead(lead)):
        return hit
    for line in bylines:
        if hit := _from_line(line, credit=False):
            return hit
    for line in source_credits:
        if hit := _from_line(line, credit=True):
            return hit
    for line in lines:  # `... Theo Báo Bạc Liêu Chia sẻ In bài` in a flattened or furniture line
        if not line.rstrip().endswith((".", "!", "?")) and (hit := _inline_credit(line)):
            return hit
    if hit := _from_page_title(lines, title):
        return hit
    if hit := _from_page(lines):
        return hit
    for line in lines:
        if len(line) <= 80 and (hit := _from_line(line, credit=False)):
            return hit
    return None, None
