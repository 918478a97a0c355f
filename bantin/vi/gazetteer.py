"""Province and locality gazetteer built from underthesea's bundled administrative mapping.

Why build from `underthesea/address/data/mapping.json` (vietnamadminunits, effective
2025-07-01) instead of typing a table: it is the official old-to-new mapping, it lists all 63
pre-merger provinces, the 34 post-merger units and every pre-merger district and ward, and it
ships offline with a library we already depend on. Only aliases (abbreviations, spelling
variants) are maintained here.

Canonical names are the data's short names in modern tone style (`Hòa Bình`, `Thanh Hóa`,
`Khánh Hòa`, `Bà Rịa - Vũng Tàu`, `Hồ Chí Minh`), except that the pre-2025 unit the data calls
`Huế` is named `Thừa Thiên Huế` (its name for almost the whole period the articles cover); after
the merger it is `Huế` (see `PROVINCES_2025`).

Matching is case-sensitive (proper nouns are capitalised: `hòa bình` is "peace") and runs on a
tone-folded copy of the text (`Hoà` -> `Hòa`, same length, so spans map back). A bare name is
rejected when it is part of a person's name: preceded by a capitalised word that is not a unit or
organisation word (`Nguyễn Hà Nam`), preceded by an honorific (`ông Hà Nam`), or followed by
another capitalised word (`Thái Bình Dương`) with no unit word before it.
"""
from __future__ import annotations

import json
import re
import unicodedata
from functools import lru_cache

from bantin.vi.nlp import package_data_path

# Located through the adapter without importing underthesea (its import pulls in the NLP stack).
MAPPING_PATH = package_data_path("address", "data", "mapping.json")
UPPER = "A-ZÀÁẠẢÃÂẦẤẬẨẪĂẰẮẶẲẴÈÉẸẺẼÊỀẾỆỂỄÌÍỊỈĨÒÓỌỎÕÔỒỐỘỔỖƠỜỚỢỞỠÙÚỤỦŨƯỪỨỰỬỮỲÝỴỶỸĐ"
NAME_WORD = rf"[{UPPER}][^\W\d_]*"
NAME_WORD_RE = re.compile(NAME_WORD)

# New-style tone placement on open oa/oe/uy syllables -> the data's style (same length).
_TONE_FOLD = {
    "oà": "òa", "oá": "óa", "oả": "ỏa", "oã": "õa", "oạ": "ọa",
    "oè": "òe", "oé": "óe", "oẻ": "ỏe", "oẽ": "õe", "oẹ": "ọe",
    "uỳ": "ùy", "uý": "úy", "uỷ": "ủy", "uỹ": "ũy", "uỵ": "ụy",
}
_TONE_FOLD.update({k.capitalize(): v.capitalize() for k, v in list(_TONE_FOLD.items())})
TONE_FOLD_RE = re.compile("(" + "|".join(_TONE_FOLD) + r")(?![^\W\d_])")
DASH_RE = re.compile(r"(?<!\s)\s*[-–—]\s*")

# Aliases on top of the data's names (tone variants are handled by folding, not listed).
ALIASES: dict[str, str] = {
    "Thừa Thiên Huế": "Thừa Thiên Huế", "Thừa Thiên - Huế": "Thừa Thiên Huế",
    "TT-Huế": "Thừa Thiên Huế", "TT - Huế": "Thừa Thiên Huế",
    "TP.HCM": "Hồ Chí Minh", "TP. HCM": "Hồ Chí Minh", "TPHCM": "Hồ Chí Minh",
    "TP HCM": "Hồ Chí Minh", "TP.HCM.": "Hồ Chí Minh", "Tp.HCM": "Hồ Chí Minh", "Tp. HCM": "Hồ Chí Minh",
    "TP.Hồ Chí Minh": "Hồ Chí Minh", "Tp.Hồ Chí Minh": "Hồ Chí Minh",
    "BR-VT": "Bà Rịa - Vũng Tàu", "BR - VT": "Bà Rịa - Vũng Tàu",
    "Bắc Cạn": "Bắc Kạn", "Đắc Lắc": "Đắk Lắk", "Đăk Lăk": "Đắk Lắk", "Đắk Lăk": "Đắk Lắk",
    "Đăk Nông": "Đắk Nông", "Đắc Nông": "Đắk Nông", "Kontum": "Kon Tum",
}
# Names too ambiguous alone: `Hồ Chí Minh` is usually the person (tư tưởng Hồ Chí Minh), `Huế`
# a common given name. They count only right after a city word.
NEEDS_CITY_WORD = frozenset({"Hồ Chí Minh", "Huế"})
CITY_BEFORE_RE = re.compile(r"(?:TP\.?|Tp\.?|[Tt]hành phố|[Cc]ố đô|[Tt]ỉnh)\s*$")
UNIT_BEFORE_RE = re.compile(
    r"(?:TP\.?|Tp\.?|[Tt]hành phố|[Tt]ỉnh|[Tt]ỉnh [uủ][yỷ]|[Tt]hành [uủ][yỷ]|[Đđ]ảng bộ|"
    r"[Cc]ông an|UBND|HĐND|[Bb]áo|[Đđ]ài|[Cc]ổng|[Cc]ố đô|[Tt]ỉnh [Đđ]oàn|[Tt]hành [Đđ]oàn|"
    r"[Qq]uân sự|[Bb]iên phòng|[A-ZĐ&.-]{2,})\s+$"
)
PERSON_BEFORE_RE = re.compile(
    r"(?:(?<![^\W\d_])(?:[ôÔ]ng|[bB]à|[aA]nh|[cC]hị|[eE]m|[cC]ô|[cC]hú|[bB]ác|[cC]ụ|[cC]háu|"
    r"[đĐ]ồng chí)|[Ảả]nh:|[Bb]ài:|[Bb]ài, ảnh:|[Tt]ác giả:)\s+$"
)
CAP_WORD_BEFORE_RE = re.compile(rf"(?<![^\W\d_])({NAME_WORD})\s+$")
# Capitalised only because they open a sentence or a clause: not part of a name.
FUNCTION_WORDS = frozenset(
    "tại ở theo trong về từ đến tới cùng với cho và còn riêng như của trên dưới sau trước "
    "tỉnh toàn khắp nhân dân".split()
)
CAP_WORD_AFTER_RE = re.compile(rf"\s({NAME_WORD})")

UNIT_WORDS = {  # locality unit word as written -> canonical lowercase unit
    "huyện": "huyện", "quận": "quận", "thị xã": "thị xã", "thành phố": "thành phố",
    "TP.": "thành phố", "TP": "thành phố", "Tp.": "thành phố", "xã": "xã", "phường": "phường",
    "thị trấn": "thị trấn", "đặc khu": "đặc khu",
}
LOCALITY_RE = re.compile(
    r"(?<![^\W\d_])(?:(?P<unit>(?i:huyện|quận|thị xã|thành phố|xã|phường|thị trấn|đặc khu)|TP)\s+"
    r"|(?P<unit2>TP\.|Tp\.)\s*)"
    rf"(?P<name>(?:{NAME_WORD}|\d{{1,2}}(?![\d/.,]\d))(?:\s+[^\W\d_]+){{0,4}})"
)
LIST_NEXT_RE = re.compile(rf"\s*(?:,|và)\s*(?P<name>{NAME_WORD}(?:\s+[^\W\d_]+){{0,4}})")


def fold(text: str) -> str:
    """NFC, new-style tone marks to the data's style; keeps every character position."""
    text = unicodedata.normalize("NFC", text)
    return TONE_FOLD_RE.sub(lambda m: _TONE_FOLD[m.group(1)], text)


@lru_cache(maxsize=1)
def _data() -> dict:
    with MAPPING_PATH.open(encoding="utf-8") as fh:
        return json.load(fh)


def _old_short(key: str, info: dict) -> str:
    return "Thừa Thiên Huế" if key == "thanhphohue" else info["short"]


def _build() -> tuple[tuple[str, ...], tuple[str, ...], dict[str, str], dict[str, str]]:
    data = _data()
    old = {k: _old_short(k, v) for k, v in data["old_province_names"].items()}
    new = {k: v["short"] for k, v in data["province_names"].items()}
    to_new = {old[k]: new[v] for k, v in data["province_mapping"].items()}
    kinds = {old[k]: ("thành phố" if v["name"].startswith("Thành phố") else "tỉnh")
             for k, v in data["old_province_names"].items()}
    return tuple(old.values()), tuple(new.values()), to_new, kinds


PROVINCES, PROVINCES_2025, _TO_2025, PROVINCE_KIND = _build()
_VARIANTS: dict[str, str] = {fold(p): p for p in PROVINCES}
_VARIANTS.update({fold(a): c for a, c in ALIASES.items()})
_VARIANTS["Huế"] = "Thừa Thiên Huế"


def _variant_pattern(variant: str) -> str:
    parts = [re.escape(p).replace("\\ ", " ").replace(" ", r"\s+") for p in DASH_RE.split(variant)]
    return r"\s*[-–—]\s*".join(parts)


_NAME_ALT = "|".join(_variant_pattern(v) for v in sorted(_VARIANTS, key=len, reverse=True))
PROVINCE_RE = re.compile(rf"(?<![\w])(?:{_NAME_ALT})(?![^\W_])")
_SPACES_RE = re.compile(r"\s+")


def canonical_province(name: str) -> str | None:
    """Canonical pre-2025 short name for a province name or alias, else None."""
    key = DASH_RE.sub(" - ", _SPACES_RE.sub(" ", fold(name).strip()))
    return _VARIANTS.get(key) or _VARIANTS.get(key.replace(" - ", "-"))


def to_2025(province: str) -> str | None:
    """The post-1-July-2025 unit a pre-2025 province (or alias) belongs to."""
    canon = canonical_province(province)
    return _TO_2025.get(canon) if canon else None


def _accept(text: str, start: int, end: int, canon: str, surface: str) -> bool:
    before = text[max(0, start - 40):start]
    if canon in NEEDS_CITY_WORD and surface in ("Hồ Chí Minh", "Huế"):
        return bool(CITY_BEFORE_RE.search(before))
    if UNIT_BEFORE_RE.search(before):
        return True
    if PERSON_BEFORE_RE.search(before):
        return False
    cap = CAP_WORD_BEFORE_RE.search(before)
    if cap and cap.group(1).lower() not in FUNCTION_WORDS:
        return False
    return not CAP_WORD_AFTER_RE.match(text, end)


def find_provinces(text: str) -> list[str]:
    """Canonical pre-2025 provinces named in `text`, in order of first mention, unique."""
    folded = fold(text)
    found: list[str] = []
    for m in PROVINCE_RE.finditer(folded):
        surface = _SPACES_RE.sub(" ", m.group(0))
        canon = canonical_province(surface)
        if canon and canon not in found and _accept(folded, m.start(), m.end(), canon, surface):
            found.append(canon)
    return found


@lru_cache(maxsize=1)
def _localities() -> dict[str, set[str]]:
    """Folded, lower-cased locality names by canonical unit, from old districts/wards and new wards."""
    out: dict[str, set[str]] = {}
    for rec in _data()["ward_mapping"]:
        for full in (rec["old_district"], rec["old_ward"], rec["new_ward"]):
            for unit in ("Thành phố", "Thị xã", "Thị trấn", "Huyện", "Quận", "Xã", "Phường", "Đặc khu"):
                if full.startswith(unit + " "):
                    out.setdefault(unit.lower(), set()).add(fold(full[len(unit) + 1:]).lower())
    return out


@lru_cache(maxsize=1)
def _all_localities() -> frozenset[str]:
    return frozenset(name for names in _localities().values() for name in names)


def is_locality(name: str) -> bool:
    """`name` (without its unit word) names a district, ward or commune of the gazetteer."""
    return fold(name).lower() in _all_localities()


def _gazetteer_name(unit: str, words: list[str]) -> str | None:
    names = _localities().get(unit, set())
    for n in range(len(words), 0, -1):
        cand = " ".join(words[:n])
        if fold(cand).lower() in names:
            return cand
    return None


def _name(unit: str, raw: str) -> str | None:
    """Longest gazetteer name at the start of `raw`, else its leading run of capitalised words."""
    words = raw.split()
    if words[0].isdigit():
        return words[0] if unit in ("phường", "quận") else None
    hit = _gazetteer_name(unit, words)
    if hit:
        return hit
    caps = []
    for w in words:
        if not NAME_WORD_RE.fullmatch(w):
            break
        caps.append(w)
    return " ".join(caps[:4]) if caps else None


@lru_cache(maxsize=1)
def _city_provinces() -> dict[str, str]:
    """Folded lower-cased name of a pre-2025 provincial city (`Móng Cái`) -> its province,
    for names that belong to one province only."""
    seen: dict[str, set[str]] = {}
    olds = {k: _old_short(k, v) for k, v in _data()["old_province_names"].items()}
    for rec in _data()["ward_mapping"]:
        if rec["old_district"].startswith("Thành phố "):
            name = fold(rec["old_district"][len("Thành phố "):]).lower()
            seen.setdefault(name, set()).add(olds.get(rec["old_province_key"], ""))
    return {k: next(iter(v)) for k, v in seen.items() if len(v) == 1 and "" not in v}


def provinces_of_cities(localities: list[str]) -> list[str]:
    """Provinces implied by provincial cities among `find_localities` labels (`thành phố Móng
    Cái` -> Quảng Ninh): a city implies its province (gold convention); districts, towns and
    communes do not (their names repeat across provinces and the article may not be about it)."""
    out: list[str] = []
    for label in localities:
        if label.startswith("thành phố "):
            prov = _city_provinces().get(fold(label[len("thành phố "):]).lower())
            if prov and prov not in out:
                out.append(prov)
    return out


def find_localities(text: str) -> list[str]:
    """Districts, towns, communes and wards named with their unit word, as `unit Name`.

    The unit word is written in its canonical lowercase form (`TP. Bến Tre` -> `thành phố Bến
    Tre`). A centrally-run city (`TP. Hà Nội`) is a province, not a locality. A comma/`và` list
    after a unit (`xã Hang Kia, Pà Cò`) is followed only while each name is in the gazetteer.
    """
    folded = fold(text)
    found: list[str] = []
    for m in LOCALITY_RE.finditer(folded):
        written = m.group("unit") or m.group("unit2")
        unit = UNIT_WORDS.get(written) or UNIT_WORDS[written.lower()]
        name = _name(unit, m.group("name"))
        if not name:
            continue
        canon = canonical_province(name) or canonical_province("TP." + name)
        if unit == "thành phố" and canon and PROVINCE_KIND.get(canon) == "thành phố":
            continue
        items = [name]
        pos = m.start("name") + len(name)
        while (nxt := LIST_NEXT_RE.match(folded, pos)) and (
                extra := _gazetteer_name(unit, nxt.group("name").split())):
            items.append(extra)
            pos = nxt.start("name") + len(extra)
        for item in items:
            label = f"{unit} {item}"
            if label not in found:
                found.append(label)
    return found
