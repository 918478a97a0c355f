"""Scoring line roles against labelled files (golden seeds, crafted portal fixtures).

Why in the package: the quality-gate test and bench/eval_cleaning.py must compute the very same
numbers. Labels are TSV files `line_no<TAB>role<TAB>text`, one row per unit of `classify`.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from bantin.clean.units import per_raw_line, unit_spans
from bantin.records import LineDecision
from schemas.lines import KEPT_ROLES


def read_labels(path: Path) -> dict[int, tuple[str, str]]:
    """line_no -> (role, text) from a labels TSV (text may be empty; extra tabs stay in text)."""
    out: dict[int, tuple[str, str]] = {}
    for row in path.read_text(encoding="utf-8").split("\n"):
        if not row.strip():
            continue
        parts = row.split("\t", 2)
        line_no, role = int(parts[0]), parts[1].strip()
        out[line_no] = (role, parts[2] if len(parts) > 2 else "")
    return out


@dataclass
class Score:
    removed: int = 0
    removed_correct: int = 0  # removed and gold says not kept
    gold_removed: int = 0
    gold_kept: int = 0
    kept_correct: int = 0  # kept and gold says kept
    role_agree: int = 0
    units: int = 0

    def add(self, other: "Score") -> None:
        for k in vars(self):
            setattr(self, k, getattr(self, k) + getattr(other, k))

    @property
    def precision(self) -> float:
        return self.removed_correct / self.removed if self.removed else 1.0

    @property
    def recall(self) -> float:
        return self.removed_correct / self.gold_removed if self.gold_removed else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    @property
    def body_recall(self) -> float:
        return self.kept_correct / self.gold_kept if self.gold_kept else 1.0

    def as_dict(self) -> dict:
        return {**vars(self), "precision": round(self.precision, 4), "recall": round(self.recall, 4),
                "f1": round(self.f1, 4), "body_recall": round(self.body_recall, 4),
                "role_accuracy": round(self.role_agree / self.units, 4) if self.units else 1.0}


def read_units(path: Path) -> list[tuple[str, str]]:
    """(role, text) rows of a units TSV (`role<TAB>text`), used for one-line dumps."""
    rows = [r.split("\t", 1) for r in path.read_text(encoding="utf-8").split("\n") if r.strip()]
    return [(r[0].strip(), r[1] if len(r) > 1 else "") for r in rows]


def units_to_labels(text: str, decisions: list[LineDecision], units: list[tuple[str, str]]
                    ) -> tuple[list[LineDecision], dict[int, tuple[str, str]]]:
    """Align gold sentence units with our units by character overlap in the raw text.

    Why: for a flattened page the gold cut and ours need not coincide; each gold unit is scored
    once, with the role of our unit covering most of its characters.
    """
    spans = unit_spans(decisions)
    aligned: list[LineDecision] = []
    labels: dict[int, tuple[str, str]] = {}
    cursor = 0
    for k, (role, utext) in enumerate(units):
        start = text.find(utext.strip(), cursor)
        if start < 0:
            raise ValueError(f"unit {k} not found in text: {utext[:60]!r}")
        end = start + len(utext.strip())
        cursor = end
        best = max(range(len(decisions)), key=lambda i: min(end, spans[i][1]) - max(start, spans[i][0]))
        d = decisions[best]
        aligned.append(LineDecision(k, utext, d.clean_text, d.role, d.rule, d.split))
        labels[k] = (role, utext)
    return aligned, labels


def score(decisions: list[LineDecision], labels: dict[int, tuple[str, str]]) -> Score:
    """Boilerplate precision/recall and body recall of `decisions` against gold `labels`, one
    verdict per labelled line (the units of a raw line merged: `units.per_raw_line`).

    Empty units are ignored; a unit missing from the labels counts as gold `body` (strict).
    """
    s = Score()
    for d in per_raw_line(decisions):
        gold = labels.get(d.line_no, ("body", ""))[0]
        if gold == "empty" or (d.role == "empty" and not d.text.strip()):
            continue
        s.units += 1
        s.role_agree += gold == d.role
        kept, gold_kept = d.role in KEPT_ROLES, gold in KEPT_ROLES
        s.removed += not kept
        s.removed_correct += (not kept) and not gold_kept
        s.gold_removed += not gold_kept
        s.gold_kept += gold_kept
        s.kept_correct += kept and gold_kept
    return s
