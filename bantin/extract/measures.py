"""Units of measure of reported figures: a figure is a value, a unit and a counted noun.

Why: `quantities.unit` used to hold the whole phrase after the number (`kg ma túy`, `đối tượng`,
`%`), so percentages, money and counts of people or communes were all "units" and nothing told an
analyst which figures can be added up. The rule, also written in the column descriptions
(schemas/entities.py):

- `unit` is a unit of measure from `UNITS` below (percent, money, mass, volume), in its canonical
  form. A figure that counts things has no unit: `unit` is null.
- `noun` is what is counted or measured, as written: `12 đối tượng` -> unit null, noun
  `đối tượng`; `300 kg ma túy` -> unit `kg`, noun `ma túy`; null when the text names nothing
  after the unit: `4 tỷ đồng` -> 4000000000, unit `đồng`; `35%` -> unit `%`.

So `SUM(value) ... GROUP BY unit` adds only like to like for measured figures, and counts are
grouped by `noun`. Scale words (`nghìn`, `triệu`, `tỷ`) are already in the value; lengths, areas
and speeds are measures like weights (the annotation guide counts them), ages are not reported
figures at all (`quantities.MEASUREMENTS`). The split is of the phrase
the extractor found: `phrase` joins the two parts back into it (what the gold files score).
"""
from __future__ import annotations

#: Money ends the counted phrase in `counted_noun.unit_words`, so a currency is a unit only when it
#: is the whole phrase (`đồng chí`, `đồng bào` are people, not money).
CURRENCIES: dict[str, str] = {"đồng": "đồng", "vnđ": "đồng", "vnd": "đồng", "usd": "USD", "euro": "EUR"}
#: Units of mass, volume, length, area and speed, written form (lower case) -> canonical form;
#: what follows is the noun. The annotation guide counts lengths and areas as figures
#: (tests/realgold/GUIDE.md: `ha`, `km`); ages stay out (`quantities.MEASUREMENTS`).
MEASURES: dict[str, str] = {
    "tấn": "tấn", "tạ": "tạ", "kg": "kg", "kilôgam": "kg", "gam": "g", "g": "g", "gram": "g",
    "mg": "mg", "lít": "lít", "ml": "ml", "m3": "m³", "m³": "m³", "cc": "cc",
    "km": "km", "m": "m", "mét": "m", "cm": "cm", "mm": "mm", "km2": "km²", "km²": "km²",
    "m2": "m²", "m²": "m²", "ha": "ha", "hécta": "ha", "hecta": "ha", "héc-ta": "ha",
    "km/h": "km/h", "km/giờ": "km/h",
}
#: Two-word units (`mét vuông`), read before the one-word ones.
MEASURES_2: dict[str, str] = {"mét vuông": "m²", "mét khối": "m³", "ki-lô-mét vuông": "km²"}
#: What a glued unit's mention starts with before the unit (`15.000m2`, `15-30mm`, `3.700/9.800m`).
NUMBER_CHARS = "0123456789.,-–/"
PERCENT = "%"
#: Every value `quantities.unit` can take (besides null).
UNITS: frozenset[str] = frozenset({PERCENT, *CURRENCIES.values(), *MEASURES.values()})


def split(phrase: str) -> dict[str, str | None]:
    """{"unit", "noun"} of the phrase after a number (`kg ma túy` -> kg, ma túy)."""
    if phrase == PERCENT:
        return {"unit": PERCENT, "noun": None}
    words = phrase.split(" ")
    if len(words) > 1 and (two := " ".join(words[:2]).lower()) in MEASURES_2:
        return {"unit": MEASURES_2[two], "noun": " ".join(words[2:]) or None}
    first, _, rest = phrase.partition(" ")
    if not rest and first.lower() in CURRENCIES:
        return {"unit": CURRENCIES[first.lower()], "noun": None}
    if first.lower() in MEASURES:
        return {"unit": MEASURES[first.lower()], "noun": rest or None}
    return {"unit": None, "noun": phrase or None}


def phrase(row: dict) -> str:
    """Unit and noun joined: the phrase they were split from, with the unit in its canonical
    spelling (`gram ma túy` -> `g ma túy`)."""
    return " ".join(part for part in (row.get("unit"), row.get("noun")) if part)


def written(row: dict) -> str:
    """The phrase as the text writes it (`gram ma túy`), what the gold files record: the mention
    ends with it (bantin/extract/quantities.py)."""
    joined = phrase(row)
    if row.get("unit") in (None, PERCENT) or not row.get("mention"):
        return joined
    mention = row["mention"].split()
    noun = len(row["noun"].split()) if row.get("noun") else 0
    unit = 2 if " ".join(mention[len(mention) - noun - 2:len(mention) - noun]).lower() in MEASURES_2 else 1
    words = mention[-(noun + unit):]
    words[0] = words[0].lstrip(NUMBER_CHARS) or words[0]   # a unit glued to its number
    return " ".join(words)
