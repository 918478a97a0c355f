"""Extract stage: structured fields and long-table rows from one cleaned article.

Why this shape: every rule lives in `bantin/extract/` or `bantin/vi/` as a small pure function;
this module only decides which lines feed which rule (metadata roles feed dates, outlets and
bylines; story lines feed entities) so the rules stay independent of each other and testable
alone. underthesea is reached only through `bantin.vi.nlp`, and NER runs sentence by sentence
(about 7x faster than one call per article).
"""
from __future__ import annotations

import re
from datetime import date

from bantin.extract import acronyms, bylines, dates, legal, orgs, outlets, people, periods, quantities, sections
from bantin.extract import head as page_head
from bantin.extract.head import PROSE_ENDS, PROSE_MIN_WORDS
from bantin.records import CleanDoc, Extraction
from bantin.vi import gazetteer, nlp, sentences
from schemas.lines import KEPT_ROLES

END_ROLES = ("byline", "source_credit")
# `… (N.V)` signs one item of a digest, `Theo The Daily Mail` credits it: the story goes on.
ITEM_SIGNATURE = "byline.item_piece"
ITEM_CREDITS = (ITEM_SIGNATURE, "source.item_piece")
# Reporters' names on a line of their own (`Lê Thủy - Hoàng Vũ`) sign the story, or one item of a
# digest when sentences of the story follow (PROSE_AFTER_BYLINE of them): then the story goes on.
ITEM_OR_END = "byline.name_pair"
PROSE_AFTER_BYLINE = 2
# Page furniture that, once the story has begun, means the article (and its byline) is over.
AFTER_STORY_ROLES = ("navigation", "comment_prompt", "counter")
PARAGRAPH_SEP = "\n\n"
LIST_ITEM_RE = re.compile(r"^\d{1,2}[.)]\s")  # how far down a flattened or misread page its head (dateline, title) may sit




def story_lines(doc: CleanDoc) -> list[str]:
    """Kept lines that belong to the story: those before the byline that closes it.

    Why: Vietnamese news pages end the story with its byline or source credit; what follows
    (related headlines `Bình Dương: Khởi tố ...`, footers) is page furniture even when the line
    classifier keeps it, and it would add provinces, figures and people that the article does
    not report. Only a byline AFTER some prose of the story closes it: a byline under the title
    (after a headline or a menu bar read as the lead) does not. Menu bars are never story. A kept
    line that only reads like a byline (`Bảo Tín Minh Châu`, a gold shop in a price table) closes
    nothing when sentences of the story follow it, nor do reporters' names signing one item of a
    digest (`ITEM_OR_END`).
    """
    lines = doc.lines
    start = next((i for i, ln in enumerate(lines) if ln.role == "lead"),
                 next((i for i, ln in enumerate(lines) if ln.role in KEPT_ROLES), len(lines)))
    prose_after = [0] * (len(lines) + 1)  # kept sentences of the story from each line on
    for i in range(len(lines) - 1, -1, -1):
        ln = lines[i]
        prose_after[i] = prose_after[i + 1] + (ln.role in KEPT_ROLES and page_head.prose(ln.clean_text))
    out: list[str] = []
    seen_prose = False
    for i in range(start, len(lines)):
        ln = lines[i]
        if ln.role in KEPT_ROLES and sections.is_menu_bar(ln.clean_text):
            continue
        goes_on = prose_after[i + 1] >= PROSE_AFTER_BYLINE
        if ln.role in END_ROLES:
            closes = ln.rule not in ITEM_CREDITS and not (ln.rule == ITEM_OR_END and goes_on)
        else:
            closes = ln.role in KEPT_ROLES and not goes_on and bool(bylines.byline_in_story(ln.clean_text))
        if seen_prose and closes:
            break
        if ln.role in KEPT_ROLES and ln.clean_text:
            out.append(ln.clean_text)
            seen_prose = seen_prose or page_head.prose(ln.clean_text)
    return out


def unwrap(lines: list[str]) -> list[str]:
    """Story lines with hard-wrapped sentences rejoined (`... từ 15% đến` + `20% số tiền ...`).

    Why: printed and plain-text pages break lines inside sentences; a sentence cut in two loses
    its figures' ranges, its people's posts and its organisations' full names. A line continues
    into the next when it is long (not a heading), ends without sentence punctuation, and the
    next starts with a lowercase letter or a number that is not a list marker.
    """
    out: list[str] = []
    for line in lines:
        text = line.strip()
        if out and _continues(out[-1], text):
            out[-1] = f"{out[-1]} {text}"
        else:
            out.append(text)
    return out


def _continues(prev: str, nxt: str) -> bool:
    if not nxt or len(prev.split()) < PROSE_MIN_WORDS or prev.endswith(PROSE_ENDS + (")",)):
        return False
    return nxt[0].islower() or (nxt[0].isdigit() and not LIST_ITEM_RE.match(nxt))


def _unique(items) -> list:
    seen: dict = {}
    for it in items:
        if it and it not in seen:
            seen[it] = None
    return list(seen)




















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
    for line in _article_bylines(doc):
        parsed = bylines.parse_byline(line)
        authors += parsed["authors"]
        photographers += parsed["photographers"]
        if parsed.get("outlet_hint"):
            hints.append(parsed["outlet_hint"])
    if not authors:  # a byline kept in the text flow (see bylines.byline_in_story), and its outlet
        line, authors = next(((ln, a) for ln in doc.texts(*KEPT_ROLES) if (a := bylines.byline_in_story(ln))), ("", []))
        if hint := authors and bylines.parse_byline(line)["outlet_hint"]:
            hints.append(hint)
    if not authors:  # initials closing story lines (`... 5.000 USD. Q.M`, `(N.V)`): every one signs a piece
        authors = [a for ln in doc.texts(*KEPT_ROLES) for a in bylines.initials_credit(ln)]
    if not authors:  # `Diệp Vy (tổng hợp)` glued to the last line, whatever its role
        authors = next((a for ln in reversed(doc.texts(*KEPT_ROLES, "navigation")) if (a := bylines.compiled_credit(ln))), [])
    if not authors:
        head = doc.texts("section") + page_head.head_lines(doc)
        authors = next((a for ln in head if (a := bylines.marked_byline(ln))), [])
    if not authors:
        authors = next((a for ln in doc.texts(*KEPT_ROLES) if (a := bylines.labelled_authors(ln))), [])
    for line in doc.texts("photo_credit", "caption", "duplicate") + story:
        photographers += bylines.parse_photo_credit(line)
    if not authors:
        authors = next((a for ln in doc.texts("photo_credit", "caption") if (a := bylines.credit_then_byline(ln))), [])
    if not authors:
        authors = next((a for ln in _next_to_dateline(doc) if (a := bylines.head_name_line(ln, photographers))), [])
    return _unique(authors), _unique(photographers), hints


def _article_bylines(doc: CleanDoc) -> list[str]:
    """Byline lines of the article: once the story has begun, a byline after page furniture that
    follows it (related links, counters, comment prompts) signs a comment or the site footer
    (`Nguyễn Thị Hoa` under a shared post, `BÁO CÔNG AN ĐÀ NẴNG` above the licence). Furniture
    that story lines follow sat inside the story and ends nothing."""
    out, started, after_furniture = [], False, False
    for ln in doc.lines:
        started = started or ln.role == "lead"
        if started and ln.role in AFTER_STORY_ROLES:
            after_furniture = True
        elif after_furniture and ln.role in KEPT_ROLES and ln.clean_text.strip():
            after_furniture = False  # the story went on: that furniture sat inside it (a price table's counters)
        if ln.role == "byline" and not after_furniture:
            out.append(ln.clean_text.strip(" ().") if ln.rule == ITEM_SIGNATURE else ln.clean_text)
    return out


def _next_to_dateline(doc: CleanDoc) -> list[str]:
    """Non-story lines of the page head directly above or below a dateline line (blank lines
    skipped): where a byline stands when the page gives it no marker."""
    lines = [ln for ln in doc.lines if ln.clean_text.strip()]
    lead_at = next((i for i, ln in enumerate(lines) if ln.role == "lead"), len(lines))
    out = []
    for i, ln in enumerate(lines[:lead_at]):
        if ln.role == "dateline":
            out += [lines[j].clean_text for j in (i - 1, i + 1)
                    if 0 <= j < lead_at and lines[j].role not in (*KEPT_ROLES, "title", "dateline")]
    return out


def text_stats(body: str, sents: list[str], tokens: dict[str, list] | None = None) -> dict:
    """Sizes of the published body; its words are counted per sentence, from the NER tokens of
    the sentences that already have some (`tokens`: sentence -> tokens), see nlp.count_sentence_words."""
    paragraphs = [p for p in body.split("\n\n") if p.strip()]
    return {
        "n_chars": len(body),
        "n_words": nlp.count_sentence_words(sents, tokens or {}),
        "n_sentences": len(sents),
        "n_paragraphs": len(paragraphs),
    }


def extract(doc: CleanDoc, *, arrived: date | None = None) -> Extraction:
    """All fields of issue 4 for one article; `arrived` bounds dates from above."""
    story = story_lines(doc)
    title = page_head.title(doc)
    body = PARAGRAPH_SEP.join(unwrap(story))
    lead = next(iter(doc.texts("lead")), story[0] if story else None)
    dateline = page_head.dateline(doc, lead)
    finding = dates.find_dates(
        dateline=dateline, lead=lead, body=story, image_files=doc.texts("image_file"), arrived=arrived,
        title=title,
    )
    authors, photographers, hints = _credits(doc, story)
    tag = next((ln.clean_text for ln in doc.lines if ln.rule == "dateline.story_prefix"), None)
    outlet, evidence = outlets.find_outlet(
        tag=tag,
        lead=lead,
        bylines=doc.texts("byline") + hints,
        source_credits=[ln.clean_text for ln in doc.lines if ln.role == "source_credit" and ln.rule not in ITEM_CREDITS],
        lines=[ln.clean_text for ln in doc.lines],
        title=title,
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
        "section": page_head.section(doc, title),
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
        # of the published body; its words from the tokens NER produced for the same sentences
        **text_stats(doc.body, sentences.split_sentences(doc.body), dict(zip(people_sents, tags))),
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
