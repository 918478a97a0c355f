"""References to legal and party documents: `Nghị quyết số 28-NQ/TW ngày 25/10/2013`.

Why rules before tokenisation: `word_tokenize` splits `15/2024/NĐ-CP` into pieces and the bundled
NER tags `/ TU` as a place, so references are read from the cleaned text with regexes.

Vietnamese document symbols come in three shapes:
- party documents: `NUMBER-CODE/ISSUER` (`28-NQ/TW`, `26-CTr/TU`, `03-ĐA/TU`);
- state documents: `NUMBER[/YEAR]/CODE-ISSUER` (`79/KH-UBND`, `03/2019/NĐ-CP`);
- laws: `NUMBER/YEAR/QHnn` (`24/2018/QH14`);
- and, cut short in running text, `NUMBER/YEAR[/CODE]` (`Thông tư 17/2009`, `25/2011/NĐ`).
The shape seen in the text is kept; the type code is rewritten in its official case (`Ctr` ->
`CTr`, `ND` -> `NĐ`) and the issuer upper-cased (`TTg` is the one official mixed-case issuer).
A reference without a symbol (`Chỉ thị số 46`) keeps its number, and its issuer when a
`của Bộ Chính trị`-style phrase follows it (or follows the list it is part of: `Chỉ thị số 48, Chỉ thị số 46 của Bộ Chính trị`).
`number` is the document number as written (`08`); `08` and `8` are one document when deduping.
A law may carry its title before the symbol: `Luật Biên phòng Việt Nam số 66/2020/QH14`.
A plenum resolution (`Nghị quyết Trung ương 8 khóa XI`) is NOT kept: `8` numbers the plenum, not
the document (that one is 28-NQ/TW, listed where its symbol appears), and nothing general maps a
plenum to its resolutions. It is still matched, so that its digits are never read as a bare
document number.
"""
from __future__ import annotations

import re
from datetime import date

from bantin.extract import issuers

DOC_TYPES = (
    "Chương trình hành động", "Chương trình", "Nghị quyết liên tịch", "Nghị quyết", "Nghị định",
    "Quyết định", "Chỉ thị", "Kết luận", "Kế hoạch", "Thông tư liên tịch", "Thông tư", "Luật",
    "Pháp lệnh", "Đề án", "Công văn", "Công điện", "Hướng dẫn", "Quy định", "Quy chế", "Thông báo",
)
_TYPE_ALT = "|".join("(?i:" + t[0] + ")" + re.escape(t[1:]).replace("\\ ", " ")
                     for t in sorted(DOC_TYPES, key=len, reverse=True))
CODES = {  # upper-cased type code -> official form
    "NQ": "NQ", "CT": "CT", "KL": "KL", "KH": "KH", "CTR": "CTr", "NĐ": "NĐ", "ND": "NĐ",
    "QĐ": "QĐ", "QD": "QĐ", "TT": "TT", "TTLT": "TTLT", "HD": "HD", "QĐI": "QĐi", "QDI": "QĐi",
    "ĐA": "ĐA", "DA": "ĐA", "CV": "CV", "TB": "TB", "BC": "BC", "TTR": "TTr", "CTHĐ": "CTHĐ",
    "NQLT": "NQLT", "CĐ": "CĐ", "CD": "CĐ", "QC": "QC", "QCPH": "QCPH", "PL": "PL", "HD-BTC": "HD",
}
ISSUER_CASE = {"TTG": "TTg"}
_CODE = r"[A-Za-zĐđ]{1,5}"
_ISSUER = r"[A-ZĐa-zđ][A-Za-zĐđ0-9]*(?:-[A-ZĐ][A-Za-zĐđ0-9]*)*"
# Acts of the National Assembly (`QH15`) and of its Standing Committee (`UBTVQH15`).
LAW_SYMBOL = r"(?P<lnum>\d{1,5})/(?P<lyear>(?:19|20)\d\d)/(?P<liss>(?:UBTVQH|QH)\d{1,2})"
STATE_SYMBOL = (rf"(?P<snum>\d{{1,5}})(?:\s*/\s*(?P<syear>(?:19|20)\d\d))?\s*/\s*"
                rf"(?P<scode>{_CODE})\s*-\s*(?P<siss>{_ISSUER})")
# A symbol cut short: number and year only, or with the type code but no issuer (`Thông tư 17/2009`,
# `Nghị định 25/2011/NĐ`).
YEAR_SYMBOL = rf"(?P<ynum>\d{{1,5}})/(?P<yyear>(?:19|20)\d\d)(?:/(?P<ycode>{_CODE}))?"
PARTY_SYMBOL = rf"(?P<pnum>\d{{1,5}})\s*[-/]\s*(?P<pcode>{_CODE})\s*/\s*(?P<piss>{_ISSUER})"
REF_RE = re.compile(
    rf"(?<![^\W\d_])(?P<type>{_TYPE_ALT})\s+(?:(?i:số)\s*|[^\n()\d]{{3,80}}?\s(?i:số)\s*(?=\d+/\d{{4}}/QH))?"
    rf"(?:(?:{LAW_SYMBOL}|{PARTY_SYMBOL}|{STATE_SYMBOL}|{YEAR_SYMBOL})(?![\w/])"
    r"|(?P<plenum>Trung ương\s+(?P<pl>\d{1,2})(?:\s*\(?\s*(?i:khóa|khoá)\s+"
    r"(?P<term>[IVXL]+(?:\s*,\s*[IVXL]+)*)\)?)?)"
    r"|(?P<bare>\d{1,5})(?![\w/-]|[.,]\d))"
)
DATE_AFTER_RE = re.compile(
    r"\s*+,?\s*+(?i:ngày)\s+(?:(?P<d>\d{1,2})\s*[/-]\s*(?P<m>\d{1,2})\s*[/-]\s*(?P<y>\d{4})"
    r"|(?P<d2>\d{1,2})\s+tháng\s+(?P<m2>\d{1,2})\s+năm\s+(?P<y2>\d{4}))"
)
# Issuer named after the reference (`của Bộ Chính trị`), optionally after a `(khóa XI)`.
NAMED_ISSUERS = (
    (r"Bộ Chính trị|Ban Bí thư|Ban Chấp hành Trung ương|Trung ương Đảng|Trung ương", "TW"),
    (r"Ban Thường vụ Tỉnh ủy|Ban Chấp hành Đảng bộ tỉnh|Tỉnh ủy", "TU"),
    (r"Ban Thường vụ Huyện ủy|Ban Chấp hành Đảng bộ huyện|Huyện ủy", "HU"),
    (r"Thủ tướng Chính phủ|Thủ tướng", "TTg"),
    (r"Chính phủ", "CP"),
    (r"Ủy ban nhân dân|UBND", "UBND"),
    (r"Quốc hội", "QH"), (r"Bộ Công an", "BCA"), (r"Bộ Quốc phòng", "BQP"), (r"Đảng ủy", "ĐU"),
)
_ISSUER_ALT = "|".join(f"(?P<i{k}>{pat})" for k, (pat, _) in enumerate(NAMED_ISSUERS))
OF_ISSUER_RE = re.compile(rf"\s*+(?:\([^()]{{1,30}}\)\s*+)?(?:,\s*+)?(?:của|do)\s+(?i:{_ISSUER_ALT})(?![^\W\d_])")
# Type words that are also verbs (`thông báo 3 trường hợp`, `quy định 5 nhóm`): without a
# symbol they name a document only when capitalised or followed by `số`.
VERB_TYPES = frozenset({"Thông báo", "Hướng dẫn", "Quy định", "Kết luận", "Kế hoạch", "Quy chế"})
TRAILING_DIGITS_RE = re.compile(r"(?<!\d)\d+$")
YEAR_RE = re.compile(r"(?:19|20)\d\d")
LIST_GAP_RE = re.compile(r"\s*(?:,|;|và)\s*$")
_SPACES_RE = re.compile(r"\s+")


def _canon_type(written: str) -> str:
    low = _SPACES_RE.sub(" ", written).lower()
    return next(t for t in DOC_TYPES if t.lower() == low)


def _issuer_part(issuer: str) -> str:
    """`UBND` from `UBND-VX`, `QH` from `QH14`, `TTg` from `TTG`."""
    head = TRAILING_DIGITS_RE.sub("", issuer.split("-")[0]).upper()
    return ISSUER_CASE.get(head, head)


def _fix_issuer(issuer: str) -> str:
    return "-".join(ISSUER_CASE.get(p.upper(), p.upper()) for p in issuer.split("-"))


def _symbol(m: re.Match) -> tuple[str | None, str | None, str | None]:
    """(number, normalised symbol, issuer) of a match."""
    if m.group("lnum"):
        iss = m.group("liss").upper()
        return m.group("lnum"), f"{m.group('lnum')}/{m.group('lyear')}/{iss}", _issuer_part(iss)
    if m.group("pnum"):
        code = CODES.get(m.group("pcode").upper(), m.group("pcode").upper())
        iss = _fix_issuer(m.group("piss"))
        return m.group("pnum"), f"{m.group('pnum')}-{code}/{iss}", _issuer_part(iss)
    if m.group("snum"):
        code = CODES.get(m.group("scode").upper(), m.group("scode").upper())
        iss = _fix_issuer(m.group("siss"))
        year = f"/{m.group('syear')}" if m.group("syear") else ""
        if m.group("scode").upper() not in CODES:  # `123/UBND-VX`: issuer, then its department
            return m.group("snum"), f"{m.group('snum')}{year}/{_fix_issuer(code)}-{iss}", _issuer_part(code)
        return m.group("snum"), f"{m.group('snum')}{year}/{code}-{iss}", _issuer_part(iss)
    if m.group("ynum"):
        code = m.group("ycode")
        tail = f"/{CODES.get(code.upper(), code.upper())}" if code else ""
        return m.group("ynum"), f"{m.group('ynum')}/{m.group('yyear')}{tail}", None
    return m.group("bare"), None, None


def _issued(text: str, end: int) -> date | None:
    m = DATE_AFTER_RE.match(text, end)
    if not m:
        return None
    d, mo, y = (m.group("d"), m.group("m"), m.group("y")) if m.group("d") else (
        m.group("d2"), m.group("m2"), m.group("y2"))
    try:
        return date(int(y), int(mo), int(d))
    except ValueError:
        return None


def _named_issuer(text: str, end: int) -> tuple[str | None, str | None]:
    """(issuer code, the body as the alternative of NAMED_ISSUERS writes it) named after `end`."""
    date_m = DATE_AFTER_RE.match(text, end)
    m = OF_ISSUER_RE.match(text, date_m.end() if date_m else end)
    if not m:
        return None, None
    k, written = next((int(name[1:]), val) for name, val in m.groupdict().items() if val)
    body = next((alt for alt in NAMED_ISSUERS[k][0].split("|")
                 if alt.casefold() == _SPACES_RE.sub(" ", written).casefold()), None)
    return NAMED_ISSUERS[k][1], body


def _number_key(raw: str) -> str:
    """`08` and `8` are the same document number."""
    return (raw.lstrip("0") or "0") if raw.isdigit() else raw


def find_legal_refs(text: str) -> list[dict]:
    """Document references in `text`, one per (doc_type, number, symbol), first mention kept."""
    mentions = []
    for m in REF_RE.finditer(text):
        if m.group("plenum"):
            continue  # a plenum number, not a document number (module docstring)
        if m.group("bare") and YEAR_RE.fullmatch(m.group("bare")) and "số" not in m.group(0).lower():
            continue  # `Chương trình 2020` names a year, not a document number
        written = m.group("type")
        if (m.group("bare") and written[0].islower() and _canon_type(written) in VERB_TYPES
                and "số" not in m.group(0).lower()):
            continue  # a verb with a count, not a document (VERB_TYPES)
        number, symbol, issuer = _symbol(m)
        end = m.end()
        named, body = _named_issuer(text, end)  # the body named after it, used when it agrees with the symbol
        mentions.append({
            "doc_type": _canon_type(m.group("type")), "number": number, "symbol": symbol,
            "issued_date": _issued(text, end), "issuer": issuer or named,
            "issuer_name": issuers.full_name(issuer or named, body if named == (issuer or named) else None),
            "mention": _SPACES_RE.sub(" ", m.group(0).strip()), "_span": (m.start(), end),
        })
    for left, right in zip(reversed(mentions[:-1]), reversed(mentions[1:])):
        gap = text[left["_span"][1]:right["_span"][0]]
        if left["issuer"] is None and left["symbol"] is None and LIST_GAP_RE.fullmatch(gap):
            left["issuer"], left["issuer_name"] = right["issuer"], right["issuer_name"]
    return _dedupe(mentions)


def _dedupe(mentions: list[dict]) -> list[dict]:
    """Merge repeated mentions; a symbol-less mention joins the one symbol'd document of its number."""
    with_symbol: dict[tuple[str, str], list[str]] = {}
    for r in mentions:
        if r["symbol"]:
            syms = with_symbol.setdefault((r["doc_type"], _number_key(r["number"])), [])
            if r["symbol"] not in syms:
                syms.append(r["symbol"])
    out: dict[tuple, dict] = {}
    for r in mentions:
        symbol = r["symbol"]
        number = _number_key(r["number"])
        if symbol is None and len(with_symbol.get((r["doc_type"], number), [])) == 1:
            symbol = with_symbol[(r["doc_type"], number)][0]
        key = (r["doc_type"], number, symbol)
        if key not in out:
            out[key] = {k: v for k, v in r.items() if k != "_span"} | {"symbol": symbol}
        else:
            for field in ("issued_date", "issuer"):
                if out[key][field] is None:
                    out[key][field] = r[field]
                    if field == "issuer":  # the name goes with its code
                        out[key]["issuer_name"] = r["issuer_name"]
    return list(out.values())
