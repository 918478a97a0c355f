"""Organisations named in an article (`Ban Chỉ đạo 138`, `Công an tỉnh`, `Bộ Chính trị`).

Why head patterns and not NER: underthesea tags few organisations and cuts them (`Ban Chỉ đạo`
becomes N + V). Vietnamese organisation names start with a small set of heads (Ban, Bộ, Sở,
Ủy ban, Tỉnh ủy, Công an, ...) and continue with an organisation phrase (the same closed
vocabulary as posts). Generic heads (`Sở`, `Bộ`, `Công ty`) need a capitalised specifier so that
`các Sở, Ban, Ngành` yields nothing; state bodies need a level (`UBND tỉnh`), because a bare
`HĐND` is a fragment. Names are canonicalised per article: acronyms expanded (`UBND` ->
`Ủy ban nhân dân`) and known phrases given their official casing (`Bộ chính trị` ->
`Bộ Chính trị`), so one organisation is one row with a mention count.

Left out (precision first): a body named only inside a person's post (`Bí thư Tỉnh ủy`,
`Trưởng Đoàn đại biểu Quốc hội tỉnh`: a head such as `Bí thư`/`Trưởng` stands right before it),
and a commune-level body with no name (`Công an xã`, `UBND phường`), which means every commune,
not one body. A bare `HĐND` in a list shares the level of the list's last item (`HĐND, UBND
tỉnh` -> `HĐND tỉnh`, `UBND tỉnh`). Generic heads (`Ban`, `Phòng`, `Hội đồng`, `Bệnh viện`,
`Trung tâm`, `Đội`) count only with a capitalised specifier (`Phòng Cảnh sát hình sự`).
"""
from __future__ import annotations

import re
from collections.abc import Sequence

from bantin.clean.damaged import is_valid_syllable
from bantin.extract.posts import HEAD_RE, read_tail
from bantin.vi.names import UPPER, fold_tones, squash

_LEVEL = r"(?:tỉnh|[Tt]hành phố|TP\.?|huyện|quận|thị xã|xã|phường|thị trấn|[Tt]rung ương)"
_SPEC = rf"(?=\s+(?:{_LEVEL}|[{UPPER}]))"  # a capitalised word or a level must follow
_I = "(?i:{})".format
# (pattern, kind, needs a tail after the head). First letter of a head is case-sensitive for
# one-word generic heads; multi-word heads match in any case (`ủy ban nhân dân tỉnh`).
ORG_RULES: list[tuple[str, str]] = [
    (_I("bộ chính trị|ban bí thư trung ương|ban bí thư") + "|Quân ủy Trung ương|Quốc hội|Chính phủ", "whole"),
    (r"Bộ Công an|Bộ Quốc phòng", "whole"),
    (_I("ban chấp hành trung ương(?: đảng)?|BCH ?TW|ban chấp hành đảng bộ") + r"|Ban Chấp hành", "party"),
    (_I("ban thường vụ|BTV") + r"(?=\s+(?i:tỉnh ủy|thành ủy|huyện ủy|quận ủy|thị ủy|đảng ủy))", "party"),
    (_I("ban (?:nội chính|tuyên giáo|tổ chức|dân vận|kiểm tra)") + r"(?=\s+(?i:tỉnh ủy|thành ủy|huyện ủy|trung ương))", "party"),
    (_I("ủy ban kiểm tra") + r"(?=\s+(?i:tỉnh ủy|thành ủy|huyện ủy|trung ương|đảng ủy))", "party"),
    (r"(?:Tỉnh|Thành|Huyện|Quận|Thị) ủy|Đảng ủy(?=\s+[{U}])".replace("{U}", UPPER), "party"),
    (_I("văn phòng") + r"(?=\s+(?i:tỉnh ủy|thành ủy|huyện ủy))", "party"),
    (_I("văn phòng") + r"(?=\s+(?i:ubnd|ủy ban nhân dân|hđnd|hội đồng nhân dân|đoàn đại biểu))", "state"),
    (_I("ban chỉ đạo") + r"|BCĐ(?=\s+\d)", "committee"),
    # The standing body of a council or party committee: `Thường trực HĐND tỉnh`.
    (r"Thường trực(?=\s+(?:HĐND|UBND|Hội đồng nhân dân|Ủy ban nhân dân|Tỉnh ủy|Thành ủy|Huyện ủy))", "state"),
    # Investigating bodies: `Cơ quan An ninh điều tra Công an tỉnh`, `Cơ quan Cảnh sát điều tra`.
    (r"Cơ quan(?=\s+(?:An ninh|Cảnh sát|CSĐT|ANĐT)\b)", "security"),
    (r"Hội đồng(?=\s+(?i:nghĩa vụ quân sự)\s+" + _LEVEL + ")", "state"),  # one council per level
    (_I("ủy ban nhân dân|hội đồng nhân dân") + rf"(?=\s+{_LEVEL})|(?:UBND|HĐND)(?=\s+{_LEVEL})", "state"),
    (_I("đoàn đại biểu quốc hội"), "state"),
    (r"(?:Sở|Cục|Chi cục|Tòa án nhân dân|Viện kiểm sát nhân dân)" + _SPEC, "state"),
    (r"Công an(?=\s+" + _LEVEL + r")", "security"),
    (r"Bộ Tư lệnh|Quân khu(?=\s+(?:\d+|[IVX]+\b))|Bộ đội Biên phòng|"
     + _I("bộ chỉ huy quân sự|ban chỉ huy quân sự") + r"|Bộ CHQS|BCHQS", "military"),
    # Numbered or named units: `Sư đoàn 309`, `Lữ đoàn Công binh 25`, `Đồn Biên phòng Cà Xèng`.
    (r"(?:Quân đoàn|Binh đoàn|Sư đoàn|Lữ đoàn|Trung đoàn|Tiểu đoàn|Đại đội|Hải đoàn)(?=\s+(?:\d|[{U}]|bảo vệ))"
     r"|Đồn(?=\s+Biên phòng\s+(?:\d|[{U}])|\s+(?!Biên phòng)(?:\d|[{U}]))"  # not `Đồn Biên phòng sở tại`
     .replace("{U}", UPPER), "military"),
    (r"(?:Tỉnh|Thành|Huyện) [Đđ]oàn(?![\w])", "mass_org"),
    (_I("mặt trận tổ quốc") + r"|MTTQ|Hội (?:Nông dân|Liên hiệp Phụ nữ|Cựu chiến binh)|Liên đoàn Lao động|"
     r"Đoàn Thanh niên|Công đoàn" + _SPEC, "mass_org"),  # `_SPEC` binds to `Công đoàn` only
    (r"Bộ(?=\s+[{U}][{L}]+\s+[a-zđ])".replace("{U}", UPPER).replace("{L}", UPPER.lower()), "state"),
    (r"(?:Tổng công ty|Công ty|Ngân hàng|Báo|Đài Phát thanh - Truyền hình|Đài)" + _SPEC, "other"),
    (r"(?:Phòng|Đội|Hội đồng|Ban)(?=\s+[{U}])".replace("{U}", UPPER), "state"),
    (r"(?:Trung tâm|Trường)(?=\s+[{U}])".replace("{U}", UPPER) + r"|Bệnh viện(?=\s+\w)", "other"),
]
ORG_RE = re.compile(
    "|".join(rf"(?P<k{i}>(?<![\w]){pat}(?![\w]))" for i, (pat, _) in enumerate(ORG_RULES))
)
_KINDS = [kind for _, kind in ORG_RULES]
# Complete names: nothing after them belongs to the name (`Bộ Chính trị và ...`).
_WHOLE_KINDS = {"Bộ Chính trị": "party", "Ban Bí thư": "party", "Ban Bí thư Trung ương": "party",
                "Quân ủy Trung ương": "party",
                "Quốc hội": "state", "Chính phủ": "state", "Bộ Công an": "security",
                "Bộ Quốc phòng": "military"}
ACRONYMS = {
    "UBND": "Ủy ban nhân dân", "HĐND": "Hội đồng nhân dân", "BCĐ": "Ban Chỉ đạo",
    "CHQS": "Chỉ huy Quân sự", "BCHQS": "Bộ Chỉ huy Quân sự", "MTTQ": "Mặt trận Tổ quốc",
    "BTV": "Ban Thường vụ", "BCH": "Ban Chấp hành", "TW": "Trung ương", "TP.": "thành phố",
    "TP.HCM": "thành phố Hồ Chí Minh", "TPHCM": "thành phố Hồ Chí Minh", "TP HCM": "thành phố Hồ Chí Minh",
    "TP. HCM": "thành phố Hồ Chí Minh", "TP": "thành phố",
}
_ACRONYM_RE = re.compile(
    r"(?<![\w])(" + "|".join(re.escape(a) for a in sorted(ACRONYMS, key=len, reverse=True)) + r")(?![\w])"
)
# `HĐND, UBND tỉnh`: a bare council in a list takes the level written after the list's last item.
SHARED_LEVEL_RE = re.compile(
    rf"(?<![\w])(?P<org>HĐND|UBND|UBMTTQ)(?=\s*(?:,|và)\s*(?:HĐND|UBND|UBMTTQ)\s+(?P<level>{_LEVEL})(?![\w]))"
)
# A commune-level body without a name means all communes (`lực lượng Công an xã`).
HCM_RE = re.compile(r"(?<![\w])(?:TP\.?\s?HCM|TPHCM|Tp\.?\s?HCM)(?![\w])")  # -> `TP Hồ Chí Minh`
UNNAMED_LOCAL_RE = re.compile(r"\s(?:xã|phường|thị trấn|cấp xã|cấp huyện|cơ sở)$")
# Official casing of phrases inside organisation names, applied case-insensitively.
CANON = [
    "Bộ Chính trị", "Ban Bí thư", "Ban Chấp hành Trung ương Đảng", "Ban Chấp hành Trung ương",
    "Ban Chấp hành Đảng bộ", "Ban Chấp hành", "Ban Thường vụ", "Ban Chỉ đạo", "Tỉnh ủy",
    "Thành ủy", "Huyện ủy", "Quận ủy", "Thị ủy", "Đảng ủy", "Ủy ban nhân dân", "Hội đồng nhân dân",
    "Mặt trận Tổ quốc", "Bộ Chỉ huy Quân sự", "Ban Chỉ huy Quân sự", "Đoàn đại biểu Quốc hội",
    "Quốc phòng", "An ninh", "Ban Nội chính", "Ban Tuyên giáo", "Ban Tổ chức", "Ban Dân vận",
    "Văn phòng", "Công an", "Thường trực", "tỉnh", "thành phố", "huyện", "quận", "thị xã", "xã", "phường",
]
_CANON = {c.casefold(): c for c in CANON}
_CANON_RE = re.compile(
    r"(?<![\w])(" + "|".join(re.escape(c) for c in sorted(CANON, key=len, reverse=True)) + r")(?![\w])",
    re.IGNORECASE,
)
_PAREN_RE = re.compile(r"(?<!\s)\s*\([^()]*\)")


def canonical_org(name: str) -> str:
    """One spelling per organisation: acronyms expanded, official casing, single spaces."""
    name = _ACRONYM_RE.sub(lambda m: ACRONYMS[m.group(1)], squash(_PAREN_RE.sub("", name)))
    name = _CANON_RE.sub(lambda m: _CANON[m.group(1).casefold()], name)
    name = re.sub(r"\s*[-–]\s*", " - ", name)
    return name[:1].upper() + name[1:]


def _damaged(name: str) -> bool:
    """A word that is not a Vietnamese syllable (`Đng` for `Đảng`) makes the name a fragment."""
    return any(w.isalpha() and not w.isupper() and not is_valid_syllable(w) for w in name.split())


def _in_post(text: str, start: int) -> bool:
    """Whether a post head (`Bí thư`, `Phó Trưởng`) stands right before `start`."""
    return any(h.end() in (start, start - 1) for h in HEAD_RE.finditer(text, max(0, start - 40), start))


def _org_mentions(sentence: str) -> list[tuple[str, str]]:
    text = HCM_RE.sub("TP Hồ Chí Minh", squash(fold_tones(sentence)))
    text = SHARED_LEVEL_RE.sub(lambda m: f"{m.group('org')} {m.group('level')}", text)
    found, pos = [], 0
    while (m := ORG_RE.search(text, pos)) is not None:
        kind = _KINDS[int(m.lastgroup[1:])]
        if _in_post(text, m.start()):
            pos = m.end()  # `Bí thư Tỉnh ủy`: the body is part of a post (module docstring)
            continue
        if kind == "whole":
            end, kind = m.end(), _WHOLE_KINDS.get(canonical_org(m.group(0)), "state")
        else:
            end = read_tail(text, m.end(), common_names_only=True)
        if kind == "other" and len(text[m.end():end].split()) < 2:
            pos = m.end()  # `Công ty Xăng`: a one-word specifier is too often a cut name
            continue
        found.append((text[m.start():end], kind))
        pos = max(end, m.end())
    return found


def find_organisations(
    sentences: Sequence[str], ner_tags: Sequence[list[tuple]] | None = None
) -> list[dict]:
    """Organisations with kind and mention count, in order of first mention.

    `ner_tags` is accepted for symmetry with `find_people` but not used: on this domain the
    NER's ORG spans were less precise than the head patterns (kept in the signature so callers
    do not change when an NER-based rule earns its place).
    """
    orgs: dict[str, dict] = {}
    for sentence in sentences:
        for raw, kind in _org_mentions(sentence):
            name = canonical_org(raw)
            if _damaged(name):
                continue
            if name.split()[0] in {"Bộ", "Sở", "Ban", "Công", "Đoàn", "Hội"} and len(name.split()) < 2:
                continue
            if UNNAMED_LOCAL_RE.search(name):
                continue
            row = orgs.setdefault(name, {"name": name, "kind": kind, "mentions": 0})
            row["mentions"] += 1
    return _merge_bare(list(orgs.values()))


def _merge_bare(rows: list[dict]) -> list[dict]:
    """Fold a bare name into its only longer form in the article (`Tỉnh ủy` -> `Tỉnh ủy Tiền
    Giang`); with two longer forms (`Ban Chỉ đạo X`, `Ban Chỉ đạo Y`) the bare name stays."""
    by_name = {r["name"]: r for r in rows}
    for row in sorted(rows, key=lambda r: -len(r["name"])):
        longer = [n for n in by_name if n.startswith(row["name"] + " ")]
        if len(longer) == 1:
            by_name[longer[0]]["mentions"] += row["mentions"]
            del by_name[row["name"]]
    return [r for r in rows if r["name"] in by_name]
