"""Clean stage: repair the text, give every line a role, assemble the article's text fields.

Why the raw text is classified (not the repaired one): `LineDecision.text` must reproduce the
raw file line by line; each decision carries its own repaired `clean_text`, and the repairs
applied to the whole text are reported in `CleanDoc.repairs` (never silent).
"""
from __future__ import annotations

from dataclasses import dataclass

from bantin.clean import sites
from bantin.clean.classify import classify
from bantin.clean.damaged import find_damaged
from bantin.clean.repair import repair
from bantin.records import CleanDoc, LineDecision, RawDoc
from schemas.lines import KEPT_ROLES

PARAGRAPH_SEP = "\n\n"


def _dedupe(items: list[str]) -> tuple[str, ...]:
    seen: set[str] = set()
    out: list[str] = []
    for item in items:
        if item not in seen:
            seen.add(item)
            out.append(item)
    return tuple(out)


def paragraphs(lines: tuple[LineDecision, ...]) -> list[str]:
    """The body's paragraphs: the kept units of each raw line, joined by single spaces (a line
    whose furniture was cut out keeps the rest of its sentences as one paragraph)."""
    out: list[str] = []
    last = object()
    for ln in lines:
        if ln.role not in KEPT_ROLES or not ln.clean_text:
            continue
        if ln.raw_line is not None and ln.raw_line == last:
            out[-1] += " " + ln.clean_text
        else:
            out.append(ln.clean_text)
        last = ln.raw_line
    return out


@dataclass(frozen=True)
class CorpusFacts:
    """What the corpus pass learned that cleaning one page needs: the fingerprints of the lines
    repeated across the corpus (bantin.clean.repeats) and the sites (folders) that print no
    headline (bantin.clean.sites). One object, so a run hands the same facts to every batch, on
    any executor, and a new fact does not change every signature on the way."""

    repeated: frozenset[str] = frozenset()
    headless: frozenset[str] = frozenset()

    def is_headless(self, source_file: str) -> bool:
        return sites.is_headless(source_file, self.headless)


NO_FACTS = CorpusFacts()  # a page cleaned alone: no corpus behind it


def clean(raw: RawDoc, facts: CorpusFacts = NO_FACTS) -> CleanDoc:
    """CleanDoc for one RawDoc, with what the corpus pass learned about its corpus (`facts`)."""
    _, text_repairs = repair(raw.text)
    lines = tuple(classify(raw.text, repeated=facts.repeated, headless=facts.is_headless(raw.source_file)))
    body = PARAGRAPH_SEP.join(paragraphs(lines))
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
