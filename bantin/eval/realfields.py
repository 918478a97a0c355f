"""Extraction scored against the real-corpus gold: eight fields, micro-averaged.

Why not `scoring.score_article` as is: the real gold follows the annotation guide
(tests/realgold/GUIDE.md), which differs from the fixture gold in a few conventions, so
four comparisons are looser here (everything else is bantin/eval/scoring.py unchanged: `norm`,
`score_scalar`, `score_set`, the quantity matcher):

- outlet: the same outlet written differently is equal (bantin/eval/outlet_keys.py);
- people and authors: a name compared with or without a trailing initial's dot, and with or
  without a space after an initial (`Nguyễn Văn T.` ~ `Nguyễn Văn T`, `B. Hòa` ~ `B.Hòa`);
- legal refs: by (number, symbol), the symbol without spaces, every dash a hyphen, casefolded
  (`235/UBND–KT` ~ `235/UBND-KT`); doc_type and issuer are not scored;
- quantities: by value and unit word-prefix (scoring's matcher); the qualifier is not scored.
"""
from __future__ import annotations

import re

from bantin.eval import scoring
from bantin.eval.outlet_keys import same_outlet
from bantin.eval.scoring import Counts, FieldResult, norm

FIELDS = ("title", "published_date", "outlet", "authors", "people", "provinces", "legal_refs", "quantities")
DASHES_RE = re.compile(r"[-–—‐‑−]")
INITIAL_SPACE_RE = re.compile(r"(?<=\.)\s+")


def name_key(name: str) -> str:
    """A person's name for comparison: `norm` (of the lower-cased name, so that tone placement is
    folded in ALL-CAPS bylines too: `HOÀ` ~ `Hòa`), no space after an initial's dot, no final dot."""
    return INITIAL_SPACE_RE.sub("", norm(name.casefold()) or "").rstrip(".")


def symbol_key(symbol: str | None) -> str | None:
    if symbol is None:
        return None
    return DASHES_RE.sub("-", re.sub(r"\s+", "", norm(symbol) or ""))


def items(record: dict, name: str) -> list:
    """Comparable items of a list field, from a gold record or a prediction in gold shape."""
    if name in ("authors",):
        return [name_key(a) for a in record["authors"]]
    if name == "people":
        return [name_key(p["name"]) for p in record["people"]]
    if name == "provinces":
        return [norm(p) for p in record["provinces"]]
    if name == "legal_refs":
        return [(str(r["number"]).strip() if r["number"] is not None else None, symbol_key(r["symbol"]))
                for r in record["legal_refs"]]
    if name == "quantities":
        return [(float(q["value"]), norm(q["unit"]) or "") for q in record["quantities"]]
    raise KeyError(name)


def score_outlet(pred: str | None, gold: str | None) -> FieldResult:
    """score_scalar's counting with `same_outlet` for equality."""
    res = FieldResult()
    if pred is not None and gold is not None and same_outlet(pred, gold):
        res.counts.tp = 1
        return res
    if pred is not None:
        res.counts.fp, res.spurious = 1, [pred]
    if gold is not None:
        res.counts.fn, res.missed = 1, [gold]
    return res


MATCHERS = {"quantities": scoring._quantity_match}


def score_article(pred: dict, gold: dict) -> dict[str, FieldResult]:
    """Per-field result of one article; `pred` in gold shape (scoring.to_gold_shape)."""
    out = {"title": scoring.score_scalar(pred["title"], gold["title"]),
           "published_date": scoring.score_scalar(pred["published_date"], gold["published_date"]),
           "outlet": score_outlet(pred["outlet"], gold["outlet"])}
    for name in FIELDS[3:]:
        out[name] = scoring.score_set(items(pred, name), items(gold, name), MATCHERS.get(name, _eq))
    return out


def _eq(a, b) -> bool:
    return a == b


def precision(c: Counts) -> float | None:
    """None when nothing was predicted (scoring.Counts says 1.0: vacuous, not a measurement)."""
    return c.precision if c.tp + c.fp else None


def recall(c: Counts) -> float | None:
    """None when the gold has nothing to find."""
    return c.recall if c.tp + c.fn else None


def counts_json(c: Counts) -> dict:
    p, r = precision(c), recall(c)
    return {"precision": None if p is None else round(p, 4), "recall": None if r is None else round(r, 4),
            "f1": round(c.f1, 4) if p is not None and r is not None else None,
            "tp": c.tp, "fp": c.fp, "fn": c.fn, "support": c.support}
