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
from flows.text import quantities, sections, sentences

STORY_ROLES = ("lead", "body", "subheading")
END_ROLES = ("byline", "source_credit")
PARAGRAPH_SEP = "\n\n"


def story_lines(doc: CleanDoc) -> list[str]:
    """Kept lines that belong to the story: those before the byline that closes it.

    Why: Vietnamese news pages end the story with its byline or source credit; what follows
    (related headlines `Bình Dương: Khởi tố ...`, footers) is page furniture even when the line
    classifier keeps it, and it would add provinces, figures and people that the article does
    not report. Only a byline AFTER the lead closes the story (a byline under the title does not).
    """
    lines = doc.lines
    start = next((i for i, ln in enumerate(lines) if ln.role == "lead"),
                 next((i for i, ln in enumerate(lines) if ln.role in STORY_ROLES), len(lines)))
    out = []
    for ln in lines[start:]:
        closes = ln.role in END_ROLES or (ln.role in STORY_ROLES and bylines.byline_in_story(ln.clean_text))
        if out and closes:
            break
        if ln.role in STORY_ROLES and ln.clean_text:
            out.append(ln.clean_text)
    return out


def _unique(items) -> list:
    seen: dict = {}
    for it in items:
        if it and it not in seen:
            seen[it] = None
    return list(seen)


def _section(doc: CleanDoc) -> str | None:
    """Section from labelled lines, a breadcrumb before the story, or the classifier's label."""
    head = []
    for ln in doc.lines:
        if ln.role in STORY_ROLES:
            break
        if ln.role not in ("title", "empty"):
            head.append(ln.clean_text)
    return sections.find_section(head_lines=head, section_lines=doc.texts("section"), title=doc.title)


def _first_per_mention(rows) -> list[dict]:
    """One row per mention text: a repeated sentence (quoted twice, a caption echoing the body)
    reports the same figure once, and `mention` is the table's key within an article."""
    out: dict[str, dict] = {}
    for row in rows:
        out.setdefault(row["mention"], row)
    return list(out.values())


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
    if not authors:  # a byline kept in the text flow (see bylines.byline_in_story)
        authors = next((a for ln in doc.texts(*STORY_ROLES) if (a := bylines.byline_in_story(ln))), [])
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
    story = story_lines(doc)
    body = PARAGRAPH_SEP.join(story)
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
    sents = sentences.split_sentences(body)
    # Captions name the people in the photos (who are people of the story); credits are removed
    # from them by the people rules, and photographers are dropped below.
    people_sents = sents + [s for c in doc.captions for s in sentences.split_sentences(c)]
    tags = nlp.ner_sentences(people_sents)
    quantity_rows = _first_per_mention(
        {**q, "sentence": s} for s in sents for q in quantities.find_quantities(s)
    )
    fields = {
        "title": doc.title,
        "section": _section(doc),
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
        **text_stats(doc.body, sentences.split_sentences(doc.body)),  # of the published body
    }
    return Extraction(
        fields=fields,
        people=[p for p in people.find_people(people_sents, tags) if p["name"] not in photographers],
        organisations=orgs.find_organisations(sents, tags[: len(sents)]),
        legal_refs=legal.find_legal_refs(body),
        quantities=quantity_rows,
        periods=periods.find_periods(body),
        acronyms=acronyms.find_acronyms(body),
    )
