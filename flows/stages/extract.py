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
PROSE_MIN_WORDS = 8
HEADLINE_WORDS = (5, 30)
PROSE_ENDS = (".", "!", "?", "…", '"', "”", ":", ";")


def _prose(line: str) -> bool:
    """A sentence of the story (ends like a sentence, several words), not a title or a label."""
    return len(line.split()) >= PROSE_MIN_WORDS and line.rstrip().endswith(PROSE_ENDS)


def story_lines(doc: CleanDoc) -> list[str]:
    """Kept lines that belong to the story: those before the byline that closes it.

    Why: Vietnamese news pages end the story with its byline or source credit; what follows
    (related headlines `Bình Dương: Khởi tố ...`, footers) is page furniture even when the line
    classifier keeps it, and it would add provinces, figures and people that the article does
    not report. Only a byline AFTER some prose of the story closes it: a byline under the title
    (after a headline or a menu bar read as the lead) does not. Menu bars are never story.
    """
    lines = doc.lines
    start = next((i for i, ln in enumerate(lines) if ln.role == "lead"),
                 next((i for i, ln in enumerate(lines) if ln.role in STORY_ROLES), len(lines)))
    out: list[str] = []
    seen_prose = False
    for ln in lines[start:]:
        if ln.role in STORY_ROLES and sections.is_menu_bar(ln.clean_text):
            continue
        closes = ln.role in END_ROLES or (ln.role in STORY_ROLES and bool(bylines.byline_in_story(ln.clean_text)))
        if seen_prose and closes:
            break
        if ln.role in STORY_ROLES and ln.clean_text:
            out.append(ln.clean_text)
            seen_prose = seen_prose or _prose(ln.clean_text)
    return out


def _unique(items) -> list:
    seen: dict = {}
    for it in items:
        if it and it not in seen:
            seen[it] = None
    return list(seen)


def _head(doc: CleanDoc) -> list[str]:
    """Non-story lines before the story (menu bars read as story lines included)."""
    head = []
    for ln in doc.lines:
        if ln.role in STORY_ROLES and not sections.is_menu_bar(ln.clean_text):
            break
        if ln.role not in ("title", "empty"):
            head.append(ln.clean_text)
    return head


def _section(doc: CleanDoc) -> str | None:
    """Section from labelled lines, a breadcrumb before the story, or the classifier's label."""
    return sections.find_section(head_lines=_head(doc), section_lines=doc.texts("section"), title=doc.title)


def _dateline(doc: CleanDoc, lead: str | None) -> str | None:
    """The dateline line, else a dateline standing in the title slot, the page head or the lead
    (`dates.dateline_in`): flattened and misread pages put it there."""
    if found := next(iter(doc.texts("dateline")), None):
        return found
    candidates = ([doc.title] if doc.title else []) + _head(doc) + ([lead] if lead else [])
    return next((d for line in candidates if (d := dates.dateline_in(line))), None)


def _title(doc: CleanDoc) -> str | None:
    """The cleaned title; when that is only a dateline (a misread header), the headline-shaped
    line right above it (headline-then-dateline is the common layout), else None."""
    if not doc.title or dates.dateline_in(doc.title) != doc.title.strip():
        return doc.title
    at = next((i for i, ln in enumerate(doc.lines) if ln.role == "title"), None)
    above = [ln for ln in doc.lines[:at] if ln.clean_text.strip()] if at is not None else []
    return above[-1].clean_text.strip() if above and _headline_shaped(above[-1].clean_text) else None


def _headline_shaped(line: str) -> bool:
    """5-30 words, not a sentence, a menu bar, a breadcrumb or a shouting masthead."""
    text = line.strip()
    return (HEADLINE_WORDS[0] <= len(text.split()) <= HEADLINE_WORDS[1] and not text.endswith(".")
            and not text.isupper() and not sections.is_menu_bar(text)
            and sections.breadcrumb_section(text) is None and dates.dateline_in(text) is None)


def _first_per_mention(rows) -> list[dict]:
    """One row per mention text: a repeated sentence (quoted twice, a caption echoing the body)
    reports the same figure once, and `mention` is the table's key within an article."""
    out: dict[str, dict] = {}
    for row in rows:
        out.setdefault(row["mention"], row)
    return list(out.values())


def _credits(doc: CleanDoc, story: list[str]) -> tuple[list[str], list[str], list[str]]:
    """Authors, photographers and outlet hints from byline, credit and caption lines.

    When no byline line names a writer, the fallbacks are, in order: a byline kept in the text
    flow (`bylines.byline_in_story`), a marked credit misfiled in the page head or as a section
    (`Hồng Hạnh (TTXVN/Vietnam+)`), a `Tác giả:` label inside a flattened line. Photo credits
    come from captions and from `(Ảnh: X)` left inside story lines.
    """
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
    if not authors:
        head = doc.texts("section") + _head(doc)
        authors = next((a for ln in head if (a := bylines.marked_byline(ln))), [])
    if not authors:
        authors = next((a for ln in doc.texts(*STORY_ROLES) if (a := bylines.labelled_authors(ln))), [])
    for line in doc.texts("photo_credit", "caption", "duplicate") + story:
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
    title = _title(doc)
    body = PARAGRAPH_SEP.join(story)
    lead = next(iter(doc.texts("lead")), story[0] if story else None)
    dateline = _dateline(doc, lead)
    finding = dates.find_dates(
        dateline=dateline, lead=lead, body=story, image_files=doc.texts("image_file"), arrived=arrived
    )
    authors, photographers, hints = _credits(doc, story)
    outlet, evidence = outlets.find_outlet(
        lead=lead,
        bylines=doc.texts("byline") + hints,
        source_credits=doc.texts("source_credit"),
        lines=[ln.clean_text for ln in doc.lines],
    )
    # Places of the story: title and story lines. Captions are left out: they describe the
    # photo (`Thanh niên huyện Củ Chi (TP.HCM)` in a story about another place).
    place_text = "\n".join(([title] if title else []) + story)
    localities = gazetteer.find_localities(place_text)
    provinces = _unique(gazetteer.find_provinces(place_text) + gazetteer.provinces_of_cities(localities))
    sents = sentences.split_sentences(body)
    # Captions name the people in the photos (who are people of the story); credits are removed
    # from them by the people rules, and photographers are dropped below.
    people_sents = sents + [s for c in doc.captions for s in sentences.split_sentences(c)]
    tags = nlp.ner_sentences(people_sents)
    # The headline reports figures too (`Hơn 4.700 thanh niên lên đường`), first.
    quantity_rows = _first_per_mention(
        {**q, "sentence": s} for s in ([title] if title else []) + sents for q in quantities.find_quantities(s)
    )
    fields = {
        "title": title,
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
        "localities": localities,
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
