"""Field-by-field scoring of extractions against the hand-made gold files (`bantin eval`).

Why a pure module: the eval command, the quality-gate test and ad-hoc scripts must count the
very same true/false positives. Conventions (also in tests/gold/README.md):

- Strings are compared after NFC, modern tone placement (`Hoà` = `Hòa`), single spaces, one
  dash style and casefolding (`norm`).
- Scalar fields (title, section, published_date, date_source, outlet): a prediction equal to
  gold is a TP; a non-null prediction that differs, or that gold does not have, is an FP; a
  non-null gold value not predicted exactly is an FN (so a wrong value costs both P and R).
- List fields are sets matched one-to-one (greedy, in gold order) with a per-field predicate:
  exact for names and provinces; organisations lenient (acronyms expanded on both sides, then
  equal or one contained in the other on word boundaries); people's posts lenient the same way
  (without acronym expansion); quantities by value (1e-6 relative) and unit word-prefix either
  way (`công dân` ~ `công dân nhập ngũ`); legal refs by (doc_type, number, symbol), and their
  issuer separately; acronyms by (acronym, casefolded expansion).
- Acronyms: gold lists the acronyms an article DEFINES (`... (ANTQ)`); the extraction also lists
  dictionary expansions of acronyms it merely uses (source `dictionary`). Only rows for defined
  acronyms are scored: source `in_text`, plus `dictionary` rows for an acronym the article
  brackets (the dictionary repairs a definition whose words do not spell it). See `defined_acronyms`.
"""
from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from bantin.extract import measures
from bantin.vi.names import fold_tones

SCALAR_FIELDS = ("title", "section", "published_date", "date_source", "outlet")
LIST_FIELDS = (
    "authors", "photographers", "provinces", "provinces_2025", "people", "people_posts",
    "people_honorific", "organisations", "legal_refs", "legal_issuer", "quantities", "periods",
    "acronyms",
)
FIELDS = SCALAR_FIELDS + LIST_FIELDS
DASH_RE = re.compile(r"\s*[-–—]\s*")
SPACE_RE = re.compile(r"\s+")
WORD_RE = re.compile(r"[^\W_]+|%")
# Standard acronyms expanded before organisation matching (`UBND tỉnh` ~ `Ủy ban nhân dân tỉnh`).
ORG_ACRONYMS = {
    "ubnd": "ủy ban nhân dân", "hđnd": "hội đồng nhân dân", "bcđ": "ban chỉ đạo",
    "mttq": "mặt trận tổ quốc", "btv": "ban thường vụ", "bch": "ban chấp hành", "tw": "trung ương",
    "bchqs": "bộ chỉ huy quân sự", "chqs": "chỉ huy quân sự", "tp.": "thành phố", "tp": "thành phố",
    "qp-an": "quốc phòng - an ninh", "đbqh": "đại biểu quốc hội",
    "tp.hcm": "thành phố hồ chí minh", "tphcm": "thành phố hồ chí minh", "tp hcm": "thành phố hồ chí minh",
}
ORG_ACRONYM_RE = re.compile(
    r"(?<![\w])(" + "|".join(re.escape(a) for a in sorted(ORG_ACRONYMS, key=len, reverse=True)) + r")(?![\w])"
)


def norm(text: str | None) -> str | None:
    """Comparison form of a gold or predicted string (see module docstring)."""
    if text is None:
        return None
    text = fold_tones(unicodedata.normalize("NFC", str(text)))
    return DASH_RE.sub(" - ", SPACE_RE.sub(" ", text)).strip().casefold()


def norm_org(text: str) -> str:
    return ORG_ACRONYM_RE.sub(lambda m: ORG_ACRONYMS[m.group(1)], norm(text) or "")


def contains_either(a: str, b: str) -> bool:
    """Equal, or one inside the other on word boundaries (`ban chỉ đạo` ~ `ban chỉ đạo 138`)."""
    a, b = f" {a} ", f" {b} "
    return a in b or b in a


def word_prefix_either(a: str, b: str) -> bool:
    """One is the other's leading words, punctuation aside (`cán bộ` ~ `cán bộ, chiến sĩ`)."""
    a, b = WORD_RE.findall(a), WORD_RE.findall(b)
    n = min(len(a), len(b))
    return n > 0 and a[:n] == b[:n]


@dataclass
class Counts:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def support(self) -> int:
        return self.tp + self.fn

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def add(self, other: "Counts") -> None:
        self.tp, self.fp, self.fn = self.tp + other.tp, self.fp + other.fp, self.fn + other.fn


@dataclass
class FieldResult:
    counts: Counts = field(default_factory=Counts)
    missed: list = field(default_factory=list)  # gold items not predicted (FN)
    spurious: list = field(default_factory=list)  # predicted items not in gold (FP)


def score_scalar(pred, gold) -> FieldResult:
    p, g = norm(pred) if isinstance(pred, str) else pred, norm(gold) if isinstance(gold, str) else gold
    res = FieldResult()
    if p is not None and p == g:
        res.counts.tp = 1
        return res
    if p is not None:
        res.counts.fp, res.spurious = 1, [pred]
    if g is not None:
        res.counts.fn, res.missed = 1, [gold]
    return res


def score_set(pred: Iterable, gold: Iterable, match: Callable[[object, object], bool]) -> FieldResult:
    """One-to-one greedy matching; exact matches are taken first so leniency never steals them."""
    pred, gold = _unique(pred), _unique(gold)
    free = list(range(len(pred)))
    res = FieldResult()
    unmatched_gold = []
    for g in gold:
        i = next((i for i in free if pred[i] == g), None)
        if i is None:
            unmatched_gold.append(g)
        else:
            free.remove(i)
            res.counts.tp += 1
    for g in unmatched_gold:
        i = next((i for i in free if match(pred[i], g)), None)
        if i is None:
            res.missed.append(g)
        else:
            free.remove(i)
            res.counts.tp += 1
    res.spurious = [pred[i] for i in free]
    res.counts.fp, res.counts.fn = len(res.spurious), len(res.missed)
    return res


def _unique(items: Iterable) -> list:
    return list(dict.fromkeys(items))


def _eq(a, b) -> bool:
    return a == b


def _quantity_match(a: tuple, b: tuple) -> bool:
    (va, ua), (vb, ub) = a, b
    return abs(va - vb) <= 1e-6 * max(1.0, abs(vb)) and word_prefix_either(ua, ub)


def _post_match(a: tuple, b: tuple) -> bool:
    return a[0] == b[0] and contains_either(a[1], b[1])


def defined_acronyms(rows: list[dict], text: str) -> list[dict]:
    """The acronym rows the article itself defines (see module docstring)."""
    return [r for r in rows if r.get("source", "in_text") == "in_text"
            or f"({r['acronym']})" in text]


def items(record: dict, name: str) -> list:
    """Comparable items of one field from a gold record or a prediction in gold shape."""
    if name in ("authors", "photographers", "provinces", "provinces_2025"):
        return [norm(x) for x in record[name]]
    people = record["people"]
    if name == "people":
        return [norm(p["name"]) for p in people]
    if name == "people_posts":
        return [(norm(p["name"]), norm(post)) for p in people for post in p["posts"]]
    if name == "people_honorific":
        return [(norm(p["name"]), norm(p["honorific"])) for p in people if p["honorific"]]
    if name == "organisations":
        return [norm_org(o) for o in record["organisations"]]
    refs = record["legal_refs"]
    if name == "legal_refs":
        return [(norm(r["doc_type"]), r["number"], r["symbol"]) for r in refs]
    if name == "legal_issuer":
        return [(norm(r["doc_type"]), r["number"], r["symbol"], r["issuer"]) for r in refs if r["issuer"]]
    if name == "quantities":
        return [(float(q["value"]), norm(q["unit"]) or "") for q in record["quantities"]]
    if name == "periods":
        return [(p["start_year"], p["end_year"]) for p in record["periods"]]
    if name == "acronyms":
        return [(a["acronym"], norm(a["expansion"])) for a in record["acronyms"]]
    raise KeyError(name)


MATCHERS: dict[str, Callable] = {
    "organisations": contains_either, "people_posts": _post_match, "quantities": _quantity_match,
}


def score_article(pred: dict, gold: dict) -> dict[str, FieldResult]:
    """Per-field result of one article; `pred` is in gold shape (see `to_gold_shape`)."""
    out = {name: score_scalar(pred[name], gold[name]) for name in SCALAR_FIELDS}
    for name in LIST_FIELDS:
        out[name] = score_set(items(pred, name), items(gold, name), MATCHERS.get(name, _eq))
    return out


def to_gold_shape(fields: dict, ex, body: str) -> dict:
    """An Extraction (fields + long tables) in the shape of a gold record."""
    date = fields.get("published_date")
    return {
        "title": fields.get("title"), "section": fields.get("section"),
        "published_date": date.isoformat() if date else None,
        "date_source": fields.get("date_source"), "outlet": fields.get("outlet"),
        "authors": fields.get("authors", []), "photographers": fields.get("photographers", []),
        "provinces": fields.get("provinces", []),
        "provinces_2025": [p for p in fields.get("provinces_2025", []) if p],
        "people": [{"name": p["name"], "posts": list(p["posts"] or []), "honorific": p["honorific"]}
                   for p in ex.people],
        "organisations": [o["name"] for o in ex.organisations],
        "legal_refs": [{k: r[k] for k in ("doc_type", "number", "symbol", "issuer")} for r in ex.legal_refs],
        "quantities": [{"value": q["value"], "unit": measures.written(q), "qualifier": q["qualifier"]}
                       for q in ex.quantities],
        "periods": [{"start_year": p["start_year"], "end_year": p["end_year"]} for p in ex.periods],
        "acronyms": [{"acronym": a["acronym"], "expansion": a["expansion"]}
                     for a in defined_acronyms(ex.acronyms, body)],
    }
