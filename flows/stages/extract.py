"""Extract stage: structured fields and long-table rows from one cleaned article.

Why this shape: every rule lives in `flows/text/` as a small pure function; this module only
decides which lines feed which rule (metadata roles feed dates, outlets and bylines; story lines
feed entities) so the rules stay independent of each other and testable alone. underthesea is
reached only through `flows.nlp`, and NER runs sentence by sentence (about 7x faster than one
call per article).
"""
from __future__ import annotations

from datetime import date

from flows import nlp
from flows.model import CleanDoc, Extraction
from flows.text import acronyms, bylines, dates, gazetteer, legal, orgs, outlets, people, periods
from flows.text import quantities, sentences

STORY_ROLES = ("lead", "body", "subheading")


def _unique(items) -> list:
    seen: dict = {}
    for it in items:
        if it and it not in seen:
            seen[it] = None
    return list(seen)


def _credits(doc: CleanDoc) -> tuple[list[str], list[str], list[str]]:
    """Authors, photographers and outlet hints from byline, credit and caption lines."""
    authors: list[str] = []
    photographers: list[str] = []
    hints: list[str] = []
    for line in doc.texts("byline"):
        parsed = bylines.parse_byline(line)
        authors += parsed["authors"]
        photographers += parsed["photographers"]
        if parsed.get("outlet_hint"):
            hints.append(parsed["outlet_hint"])
    for line in doc.texts("photo_credit", "caption", "duplicate"):
        photographers += bylines.parse_photo_credit(line)
    return _unique(authors), _unique(photographers), hints


def text_stats(body: str, sents: list[str]) -> dict:
    paragraphs = [p for p in body.split("\n\n") if p.strip()]
    return {
        "n_chars": len(body),
        "n_words": nlp.count_words(body),
        "n_sentences": len(sents),
        "n_paragraphs": len(paragraphs),
    }


def extract(doc: CleanDoc, *, arrived: date | None = None) -> Extraction:
    """All fields of issue 4 for one article; `arrived` bounds dates from above."""
    story = doc.texts(*STORY_ROLES)
    lead = next(iter(doc.texts("lead")), story[0] if story else None)
    dateline = next(iter(doc.texts("dateline")), None)
    finding = dates.find_dates(
        dateline=dateline, lead=lead, body=story, image_files=doc.texts("image_file"), arrived=arrived
    )
    authors, photographers, hints = _credits(doc)
    outlet, evidence = outlets.find_outlet(
        lead=lead,
        bylines=doc.texts("byline") + hints,
        source_credits=doc.texts("source_credit"),
        lines=[ln.clean_text for ln in doc.lines],
    )
    place_text = "\n".join(([doc.title] if doc.title else []) + story + list(doc.captions))
    provinces = gazetteer.find_provinces(place_text)
    sents = sentences.split_sentences(doc.body)
    # Captions name the people in the photos (who are people of the story); credits are removed
    # from them by the people rules, and photographers are dropped below.
    people_sents = sents + [s for c in doc.captions for s in sentences.split_sentences(c)]
    tags = nlp.ner_sentences(people_sents)
    quantity_rows = [
        {**q, "sentence": s} for s in sents for q in quantities.find_quantities(s)
    ]
    fields = {
        "title": doc.title,
        "section": doc.section,
        "published_date": finding.published_date,
        "published_at": finding.published_at,
        "date_source": finding.date_source,
        "event_dates": list(finding.event_dates),
        "outlet": outlet,
        "outlet_evidence": evidence,
        "authors": authors,
        "photographers": photographers,
        "provinces": provinces,
        "provinces_2025": _unique(gazetteer.to_2025(p) for p in provinces),
        "localities": gazetteer.find_localities(place_text),
        **text_stats(doc.body, sents),
    }
    return Extraction(
        fields=fields,
        people=[p for p in people.find_people(people_sents, tags) if p["name"] not in photographers],
        organisations=orgs.find_organisations(sents, tags[: len(sents)]),
        legal_refs=legal.find_legal_refs(doc.body),
        quantities=quantity_rows,
        periods=periods.find_periods(doc.body),
        acronyms=acronyms.find_acronyms(doc.body),
    )
