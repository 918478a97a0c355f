"""Cleaning scored against hand-read spans, character by character.

Why characters, not lines: in flattened pages furniture sits inside a line (a caption glued to
a sentence, a byline after the last full stop), so the gold marks character spans and the
pipeline's units (lines, or sentences of a one-line page) are mapped onto the same offsets.
Only non-space characters count, so where a cut falls among spaces never matters.

Classes. Gold: `title`, `furniture` (every other span role except `subheading`) or `story`
(unmarked text and subheadings). Predicted: `kept` (schemas.lines.KEPT_ROLES), `title`, or
`removed` (any other role). Figures (tests/realgold/README.md):

- furniture recall: gold furniture spans with >= REMOVED_SHARE of their characters predicted
  removed or title / all gold furniture spans (also per gold role);
- furniture precision: predicted removed-or-title characters that are gold furniture / all
  predicted removed-or-title characters, gold title characters left out of both;
- story kept: gold story characters predicted kept / gold story characters.
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from bantin.clean.units import unit_spans
from bantin.eval.realgold import FURNITURE_ROLES, RealGold
from bantin.records import CleanDoc
from schemas.lines import KEPT_ROLES

REMOVED_SHARE = 0.9
SNIPPET = 160
# What check.py (the annotators' tool) treats as space, plus anything str.isspace().
EXTRA_SPACE = frozenset("\u200b\u200c\u200d\ufeff")


def is_space(ch: str) -> bool:
    return ch.isspace() or ch in EXTRA_SPACE


def raw_offsets(raw: str, normalised: str) -> list[int]:
    """For every offset 0..len(normalised) of the ingested text, the offset in the raw text.

    Ingest turns '\\r\\n' and a lone '\\r' into '\\n' (and drops a UTF-8 byte-order mark);
    nothing else may differ (a decoding repair would make the offsets meaningless): ValueError.
    """
    if raw.startswith("\ufeff"):  # with the mark dropped by ingest, else kept
        try:
            return _walk(raw, normalised, 1)
        except ValueError:
            pass
    return _walk(raw, normalised, 0)


def _walk(raw: str, normalised: str, i: int) -> list[int]:
    out: list[int] = []
    for ch in normalised:
        out.append(i)
        if ch == "\n" and raw.startswith("\r\n", i):
            i += 2
        elif ch == "\n" and raw.startswith("\r", i):
            i += 1
        elif raw.startswith(ch, i):
            i += 1
        else:
            raise ValueError(f"ingested text differs from the raw text at raw offset {i}")
    if i != len(raw):
        raise ValueError("ingested text is shorter than the raw text")
    out.append(i)
    return out


def predicted_units(raw: str, doc: CleanDoc) -> list[tuple[int, int, str, str]]:
    """(raw start, raw end, role, rule) of every unit of the cleaned document."""
    offsets = raw_offsets(raw, doc.raw.text)
    out = [(offsets[a], offsets[b], d.role, d.rule) for (a, b), d in zip(unit_spans(list(doc.lines)), doc.lines)]
    if any(raw[a:b] != d.text for (a, b, *_), d in zip(out, doc.lines)):
        raise ValueError(f"{doc.raw.source_file}: a unit does not sit at its mapped offsets")
    return out


def _predicted_class(role: str) -> str:
    return "kept" if role in KEPT_ROLES else "title" if role == "title" else "removed"


@dataclass
class CleaningCounts:
    """Summable counts behind the three figures (see module docstring)."""

    spans: Counter = field(default_factory=Counter)  # gold furniture role -> spans
    removed: Counter = field(default_factory=Counter)  # gold furniture role -> spans removed
    removed_chars: int = 0  # predicted removed or title, gold title excluded
    removed_furniture_chars: int = 0
    story_chars: int = 0
    story_kept_chars: int = 0

    def add(self, other: "CleaningCounts") -> None:
        self.spans.update(other.spans)
        self.removed.update(other.removed)
        self.removed_chars += other.removed_chars
        self.removed_furniture_chars += other.removed_furniture_chars
        self.story_chars += other.story_chars
        self.story_kept_chars += other.story_kept_chars

    @property
    def furniture_recall(self) -> float:
        n = sum(self.spans.values())
        return sum(self.removed.values()) / n if n else 1.0

    @property
    def furniture_precision(self) -> float:
        return self.removed_furniture_chars / self.removed_chars if self.removed_chars else 1.0

    @property
    def story_kept(self) -> float:
        return self.story_kept_chars / self.story_chars if self.story_chars else 1.0

    def to_json(self) -> dict:
        return {
            "furniture_recall": round(self.furniture_recall, 4),
            "furniture_precision": round(self.furniture_precision, 4),
            "story_kept": round(self.story_kept, 4),
            "furniture_spans": sum(self.spans.values()), "furniture_spans_removed": sum(self.removed.values()),
            "removed_chars": self.removed_chars, "removed_furniture_chars": self.removed_furniture_chars,
            "story_chars": self.story_chars, "story_kept_chars": self.story_kept_chars,
            "per_role": {r: {"spans": self.spans[r], "removed": self.removed[r],
                             "recall": round(self.removed[r] / self.spans[r], 4)}
                         for r in FURNITURE_ROLES if self.spans[r]},
        }


def snippet(text: str, limit: int = SNIPPET) -> str:
    """Whitespace-collapsed text, cut in the middle when long."""
    s = " ".join(text.split())
    return s if len(s) <= limit else s[: limit // 2 - 1] + " … " + s[-(limit // 2 - 2):]


def score_article(record: RealGold, raw: str, doc: CleanDoc) -> tuple[CleaningCounts, list[dict]]:
    """Counts for one article and its misses (missed furniture spans, lost story stretches)."""
    units = predicted_units(raw, doc)
    pred: list[str | None] = [None] * len(raw)  # None: a '\n' between units (always a space)
    unit_of: list[int] = [-1] * len(raw)
    for k, (a, b, role, _) in enumerate(units):
        cls = _predicted_class(role)
        for i in range(a, b):
            pred[i], unit_of[i] = cls, k
    gold = ["story"] * len(raw)
    for s in record.spans:
        cls = "title" if s.role == "title" else "story" if s.role == "subheading" else "furniture"
        gold[s.start:s.end] = [cls] * (s.end - s.start)
    counts, misses = CleaningCounts(), []
    for s in record.spans:
        if s.role not in FURNITURE_ROLES:
            continue
        chars = [i for i in range(s.start, s.end) if not is_space(raw[i])]
        if not chars:
            continue
        gone = sum(1 for i in chars if pred[i] in ("removed", "title"))
        counts.spans[s.role] += 1
        if gone >= REMOVED_SHARE * len(chars):
            counts.removed[s.role] += 1
        else:
            misses.append(_miss(record, "furniture", s.role, raw[s.start:s.end], gone / len(chars),
                                [units[k] for k in sorted({unit_of[i] for i in chars if pred[i] == "kept"})]))
    lost: list[int] = []
    for i, ch in enumerate(raw):
        if is_space(ch) or pred[i] is None:
            continue
        if gold[i] == "story":
            counts.story_chars += 1
            if pred[i] == "kept":
                counts.story_kept_chars += 1
            else:
                lost.append(i)
        if gold[i] != "title" and pred[i] != "kept":
            counts.removed_chars += 1
            counts.removed_furniture_chars += gold[i] == "furniture"
    for a, b in _stretches(raw, lost, gold):
        ks = sorted({unit_of[i] for i in range(a, b) if unit_of[i] >= 0 and gold[i] == "story"
                     and pred[i] != "kept" and not is_space(raw[i])})
        misses.append(_miss(record, "story", "story", raw[a:b], 0.0, [units[k] for k in ks]))
    return counts, misses


def _stretches(raw: str, idx: list[int], gold: list[str]) -> list[tuple[int, int]]:
    """Maximal runs of the given character positions, joined across spaces only."""
    out: list[list[int]] = []
    for i in idx:
        if out and all(is_space(raw[j]) and gold[j] == "story" for j in range(out[-1][1], i)):
            out[-1][1] = i + 1
        else:
            out.append([i, i + 1])
    return [(a, b) for a, b in out]


def _miss(record: RealGold, kind: str, role: str, text: str, share_removed: float, units: list) -> dict:
    return {"folder": record.folder, "file": record.file, "kind": kind, "role": role,
            "share_removed": round(share_removed, 3), "text": snippet(text),
            "predicted": sorted({f"{r} ({rule})" for *_, r, rule in units})}
