"""Clean stage: repair the text, give every line a role, assemble the article's text fields.

Why the raw text is classified (not the repaired one): `LineDecision.text` must reproduce the
raw file line by line; each decision carries its own repaired `clean_text`, and the repairs
applied to the whole text are reported in `CleanDoc.repairs` (never silent).
"""
from __future__ import annotations

from bantin.records import CleanDoc, RawDoc
from bantin.clean.repair import repair
from bantin.clean.classify import classify
from schemas.lines import KEPT_ROLES
from bantin.clean.damaged import find_damaged

PARAGRAPH_SEP = "\n\n"


def _dedupe(items: list[str]) -> tuple[str, ...]:
    seen: set[str] = set()
    out: list[str] = []
    for item in items:
        if item not in seen:
            seen.add(item)
            out.append(item)
    return tuple(out)


def clean(raw: RawDoc, *, repeated: frozenset[str] = frozenset()) -> CleanDoc:
    """CleanDoc for one RawDoc. `repeated`: corpus fingerprints (see bantin.clean.repeats)."""
    _, text_repairs = repair(raw.text)
    lines = tuple(classify(raw.text, repeated=repeated))
    body = PARAGRAPH_SEP.join(ln.clean_text for ln in lines if ln.role in KEPT_ROLES and ln.clean_text)
    title = next((ln.clean_text for ln in lines if ln.role == "title"), None)
    section = next((ln.clean_text for ln in lines if ln.role == "section"), None)
    captions = _dedupe([ln.clean_text for ln in lines if ln.role == "caption"])
    repairs = tuple(dict.fromkeys((*raw.repairs, *text_repairs)))
    return CleanDoc(
        raw=raw,
        lines=lines,
        body=body,
        title=title,
        section=section,
        captions=captions,
        repairs=repairs,
        damaged_words=tuple(find_damaged(lines)),
    )
