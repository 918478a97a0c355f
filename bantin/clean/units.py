"""Units of a document: raw lines, and the sentences a raw line is cut into.

Why: scraped pages glue things together. Some scrapers flatten a whole page (banner, menu,
title, date, story, footer) into one long line; others glue paragraphs with no break
(`…hành vi trên.Phùng Sơn`), a caption and its credit into the running text or the reporter's
name after the last sentence. Such a line is cut into sentences and furniture pieces (where:
`bantin.clean.cuts`); roles are decided by `bantin.clean.classify`, and ''.join(the sentences
of a raw line) == that raw line.

Every unit knows its raw line (`raw_line`, the index in `text.split('\n')`), so the raw text is
rebuilt exactly (`reconstruct`) and a body paragraph is the kept part of one raw line.
"""
from __future__ import annotations

from bantin.clean.cuts import split_sentences
from bantin.records import LineDecision
from schemas.lines import KEPT_ROLES

DUMP_MIN_CHARS = 400
#: A line longer than this is cut into sentences even when the document has other lines (the
#: longest real line seen, in the development corpus, has about 12,000 characters).
LONG_LINE_CHARS = 20_000


def split_units(text: str) -> list[tuple[str, str, int]]:
    """(raw unit text, split kind, raw line) for every unit of the document before roles are
    decided: the lines, except that a one-line dump (a whole page flattened into one line) is cut
    into sentences already, since its furniture and its story share the line; so is any line
    longer than LONG_LINE_CHARS, and a sentence still longer than that is cut at spaces
    (`_capped`): no rule reads more than LONG_LINE_CHARS at once, whatever the input (a 5 MB
    line, a 1 MB word)."""
    lines = text.split("\n")
    non_empty = [ln for ln in lines if ln.strip()]
    dump = len(non_empty) == 1 and len(non_empty[0]) >= DUMP_MIN_CHARS
    if not dump and all(len(ln) <= LONG_LINE_CHARS for ln in lines):
        return [(ln, "line", k) for k, ln in enumerate(lines)]
    units: list[tuple[str, str, int]] = []
    for k, ln in enumerate(lines):
        if ln.strip() and (dump or len(ln) > LONG_LINE_CHARS):
            units.extend((piece, "sentence", k) for s in split_sentences(ln) for piece in _capped(s))
        else:
            units.append((ln, "line", k))
    return units


def _capped(unit: str) -> list[str]:
    """`unit` in pieces of at most LONG_LINE_CHARS, cut after a space when there is one;
    ''.join(pieces) == unit."""
    pieces, pos = [], 0
    while len(unit) - pos > LONG_LINE_CHARS:
        cut = unit.rfind(" ", pos + 1, pos + LONG_LINE_CHARS)
        cut = cut + 1 if cut > pos else pos + LONG_LINE_CHARS
        pieces.append(unit[pos:cut])
        pos = cut
    pieces.append(unit[pos:])
    return pieces


def reconstruct(decisions: list[LineDecision]) -> str:
    """The raw text back from the decisions: the units of one raw line end to end, raw lines
    joined by '\n'."""
    rows: list[str] = []
    last = None
    for d in decisions:
        if rows and d.raw_line is not None and d.raw_line == last:
            rows[-1] += d.text
        else:
            rows.append(d.text)
        last = d.raw_line
    return "\n".join(rows)


def unit_spans(decisions: list[LineDecision]) -> list[tuple[int, int]]:
    """(start, end) of every unit in `reconstruct(decisions)`, in order.

    Why here: the offsets follow from how `reconstruct` glues units, so they are defined next to
    it; anything that scores units against character-level annotations (the real-corpus
    evaluation) maps them this way. Every `text[start:end] == decision.text`; what no unit
    covers is the '\n' between raw lines.
    """
    spans: list[tuple[int, int]] = []
    pos, last = 0, None
    for i, d in enumerate(decisions):
        if i and (d.raw_line is None or d.raw_line != last):
            pos += 1  # the '\n' that joins two raw lines
        spans.append((pos, pos + len(d.text)))
        pos += len(d.text)
        last = d.raw_line
    return spans


def per_raw_line(decisions: list[LineDecision]) -> list[LineDecision]:
    """One decision per raw line, for whatever reads a page line by line (line labels, `bantin
    lines`' summary): the units of a raw line merged, with the role and rule of the unit that
    holds most of the line's non-space characters; `line_no` is the raw line's number.
    Decisions without a raw line are lines of their own and pass through."""
    out: list[LineDecision] = []
    group: list[LineDecision] = []

    def flush() -> None:
        if not group:
            return
        size = {id(d): len("".join(d.text.split())) for d in group}
        kept = [d for d in group if d.role in KEPT_ROLES]
        main = (kept[0] if 2 * sum(size[id(d)] for d in kept) >= sum(size.values()) and kept
                else max(group, key=lambda d: size[id(d)]))
        no = group[0].raw_line if group[0].raw_line is not None else group[0].line_no
        out.append(LineDecision(line_no=no, text="".join(d.text for d in group),
                                clean_text=" ".join(d.clean_text for d in group if d.clean_text),
                                role=main.role, rule=main.rule, split="line", raw_line=group[0].raw_line))
        group.clear()

    for d in decisions:
        if group and not (d.raw_line is not None and d.raw_line == group[-1].raw_line):
            flush()
        group.append(d)
    flush()
    return out
