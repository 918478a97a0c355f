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

PREFIXES: dict[str, str] = {  # lead prefix abbreviations
    "BDK": "Báo Đồng Khởi", "THTG": "Đài Phát thanh và Truyền hình Tiền Giang",
    "TTXVN": "Thông tấn xã Việt Nam", "VOV": "Đài Tiếng nói Việt Nam",
    "VTV": "Đài Truyền hình Việt Nam", "NDO": "Báo Nhân Dân", "TTO": "Báo Tuổi Trẻ",
    "QĐND": "Báo Quân đội nhân dân", "CAND": "Báo Công an nhân dân", "QNO": "Báo Quảng Nam",
    "BNA": "Báo Nghệ An", "ĐBP": "Báo Điện Biên Phủ", "BHG": "Báo Hà Giang",
    "BP": "Báo Bình Phước", "BTNO": "Báo Tây Ninh", "HNM": "Báo Hànộimới",
    "PLO": "Báo Pháp Luật Thành phố Hồ Chí Minh", "ANTĐ": "Báo An ninh Thủ đô",
}
DOMAINS: dict[str, str] = {
    "nbtv.vn": "Đài Phát thanh và Truyền hình Ninh Bình",
    "thtg.vn": "Đài Phát thanh và Truyền hình Tiền Giang",
    "baodongkhoi.vn": "Báo Đồng Khởi", "baoapbac.vn": "Báo Ấp Bắc",
    "baodienbienphu.com.vn": "Báo Điện Biên Phủ", "hanoimoi.vn": "Báo Hànộimới",
    "hanoimoi.com.vn": "Báo Hànộimới", "sggp.org.vn": "Báo Sài Gòn Giải Phóng",
    "qdnd.vn": "Báo Quân đội nhân dân", "cand.com.vn": "Báo Công an nhân dân",
    "nhandan.vn": "Báo Nhân Dân", "nhandan.com.vn": "Báo Nhân Dân",
    "bienphong.com.vn": "Báo Biên phòng", "baochinhphu.vn": "Báo Điện tử Chính phủ",
    "chinhphu.vn": "Cổng Thông tin điện tử Chính phủ", "vietnamplus.vn": "VietnamPlus",
    "tuoitre.vn": "Báo Tuổi Trẻ", "thanhnien.vn": "Báo Thanh Niên", "vnexpress.net": "VnExpress",
    "dangcongsan.vn": "Báo điện tử Đảng Cộng sản Việt Nam",
    "dangcongsan.org.vn": "Báo điện tử Đảng Cộng sản Việt Nam",
    "tapchicongsan.org.vn": "Tạp chí Cộng sản", "vov.vn": "Đài Tiếng nói Việt Nam",
    "vtv.vn": "Đài Truyền hình Việt Nam", "baotintuc.vn": "Báo Tin tức",
    "laodong.vn": "Báo Lao Động", "tienphong.vn": "Báo Tiền Phong", "dantri.com.vn": "Báo Dân trí",
    "vietnamnet.vn": "VietNamNet", "plo.vn": "Báo Pháp Luật Thành phố Hồ Chí Minh",
    "anninhthudo.vn": "Báo An ninh Thủ đô", "daibieunhandan.vn": "Báo Đại biểu Nhân dân",
    "bocongan.gov.vn": "Cổng Thông tin điện tử Bộ Công an",
    "mod.gov.vn": "Cổng Thông tin điện tử Bộ Quốc phòng", "quochoi.vn": "Cổng Thông tin điện tử Quốc hội",
}
KNOWN_OUTLETS = frozenset(PREFIXES.values()) | frozenset(DOMAINS.values())
DOMAIN_RE = re.compile(r"(?<![\w.@-])(?:https?://)?(?:www\.)?(?P<host>[a-z0-9-]+(?:\.[a-z0-9-]+)*\.(?:vn|net|com|org))(?![\w-])",
                       re.IGNORECASE)
ANONYMOUS_RE = re.compile(r"^\s*\(\*\)")
LEAD_PREFIX_RE = re.compile(
    r"^\s*(?:\((?P<paren>[A-ZĐ][\w.&-]{1,15})\)\s*(?:[-–—]\s*)?|(?P<dash>[A-ZĐ][A-ZĐ.&]{1,11})\s*[-–—]\s+)"
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
    r"(?P<name>(?:Báo|Đài|Cổng|Tạp chí)\s[^.|;©]{2,80}?)\s*(?:[.|;©]|\s[-–]\s|$)"
)
SEGMENT_RE = re.compile(r"\s+[-–|]\s+|\.\s|[.:,]$|:\s")
STATION_RE = re.compile(
    r"^Đài\s+(?:PT-TH|PT - TH|PTTH|PT&TH|PT\s*-\s*TH|Phát thanh\s*(?:-|và|&)\s*Truyền hình)\s+"
    r"(?:(?:tỉnh|thành phố|TP\.?)\s+)?(?P<place>.+)$"
)
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
        return f"Đài Phát thanh và Truyền hình {province}" if province else None
    if (m := PAPER_RE.match(name)) and m.group("rest")[0].isupper() and not CLAUSE_PUNCT_RE.search(name):
        return f"Báo {m.group('rest')}"
    return PREFIXES.get(name.strip("()"))


def _known_name(segment: str) -> str | None:
    """The outlet a masthead segment names exactly (all-caps mastheads are title-cased)."""
    text = segment.strip(" .,:")
    if text.isupper():
        text = text.title()
    name = outlet_for_name(text)
    if not name:
        return None
    paper = PAPER_RE.match(text)
    if paper and name not in KNOWN_OUTLETS and not canonical_province(paper.group("rest")):
        return None  # `Báo X` as a masthead must be a known paper or a provincial one
    return name


def _from_page(lines: Sequence[str]) -> tuple[str, str] | None:
    """(outlet, evidence) from a copyright footer, else a masthead/footer line's first segment."""
    for line in lines:
        for m in COPYRIGHT_RE.finditer(line):
            if name := outlet_for_name(m.group("name")):
                return name, m.group(0).strip()
    for line in lines:
        if len(line) > 200:
            continue
        head = SEGMENT_RE.split(line.strip(), maxsplit=1)[0]
        if head and (name := _known_name(head)):
            return name, head
    return None


def _from_lead(lead: str) -> tuple[str, str] | None:
    """(outlet, evidence) from the lead's prefix; the anonymous `(*)` says nothing."""
    m = None if ANONYMOUS_RE.match(lead) else LEAD_PREFIX_RE.match(lead)
    if not m:
        return None
    abbr = m.group("paren") or m.group("dash")
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


def find_outlet(
    *,
    lead: str | None,
    bylines: Sequence[str],
    source_credits: Sequence[str],
    lines: Sequence[str] = (),
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
    if hit := _from_page(lines):
        return hit
    for line in lines:
        if len(line) <= 80 and (hit := _from_line(line, credit=False)):
            return hit
    return None, None
