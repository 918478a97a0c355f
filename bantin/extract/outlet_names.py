"""Outlet names: the canonical outlet of a domain, a written name or a masthead segment.

Why apart from `outlets`: `outlets` finds *where* a page names its outlet (lead prefix, byline
domain, credit line, copyright footer, masthead); this module decides *which* outlet a name or a
domain is: (1) the maintained table in `outlet_table` (prefixes, domains, aliases), (2)
derivations that hold for every province, using the gazetteer: `bao<province>.*` is the
provincial party paper `Báo <Province>`, `<province>.gov.vn` and `Cổng TTĐT (tỉnh) X` are that
province's `Cổng Thông tin điện tử`, `Đài PT-TH X` is `Đài Phát thanh và Truyền hình X`; a
`Báo X` is taken as written. An unknown prefix or domain gives None (no guess).
"""
from __future__ import annotations

import re
import unicodedata

from bantin.extract.outlet_table import ALIASES, DOMAINS, GENERIC_CORES, PREFIXES
from bantin.vi.gazetteer import PROVINCE_KIND, PROVINCES, canonical_province

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
PORTAL_RE = re.compile(
    r"^Cổng\s+(?:TTĐT|TTDT|[Tt]hông tin điện tử)\s+(?:(?:[Tt]ỉnh|[Tt]hành phố|TP\.?)\s+)?(?P<place>.+)$"
)
# A district-level portal: `Cổng thông tin điện tử huyện Quảng Điền`.
LOCAL_PORTAL_RE = re.compile(
    r"^Cổng\s+(?:TTĐT|TTDT|[Tt]hông tin điện tử)\s+(?P<unit>huyện|quận|thị xã|thành phố|TP\.?)\s+"
    r"(?P<name>[A-ZÀ-ỸĐ][^\W\d_]*(?:\s+[A-ZÀ-ỸĐ][^\W\d_]*){0,3})$", re.IGNORECASE
)
# Trailing `điện tử` of `Báo Lào Cai điện tử` names the paper's online edition: same outlet.
E_EDITION_RE = re.compile(r"(?<!\s)\s+(?i:điện tử)$")
# A self-named portal masthead: `Cổng thông tin điện tử Tỉnh Đoàn Thanh Hóa`.
OWN_PORTAL_RE = re.compile(
    r"^(?P<kind>Cổng|Trang)\s+(?i:TTĐT|thông tin điện tử)\s+(?P<owner>[A-ZÀ-ỸĐ][^\W\d_]*(?:\s+[^\W_]+){0,5}\s+(?:[A-ZÀ-ỸĐ][^\W\d_]*|\d+))$"
)
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


def place_phrase(province: str) -> str:
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
        return f"Cổng Thông tin điện tử {place_phrase(_PROVINCE_BY_ASCII[first])}"
    return None


def outlet_for_name(name: str) -> str | None:
    """Canonical outlet of a written name (`Cổng TTĐT tỉnh Quảng Bình`, `Đài PTTH Bến Tre`)."""
    name = SPACES_RE.sub(" ", name).strip(" .,;")
    if m := DOMAIN_RE.fullmatch(name):
        return outlet_for_domain(m.group("host"))
    if m := PORTAL_RE.match(name):
        province = canonical_province(m.group("place"))
        if province:
            return f"Cổng Thông tin điện tử {place_phrase(province)}"
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


def masthead_outlet(segment: str) -> str | None:
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
    return masthead_outlet(text) is not None
