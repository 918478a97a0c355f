"""Below the line: cut every kept line into sentences and claim the furniture glued inside them.

Why a pass of its own, after the line passes: real scraped pages glue furniture to the story.
A paragraph ends with the reporter's name (`…hành vi trên.Phùng Sơn`), a caption and its credit
sit inside running text (`… hiện trường. Ảnh: Minh Hoàng Tiếp đó, …`), the outlet tag opens the
first sentence (`VTV.vn - Chiều 20/10, …`), teasers of other stories follow the last one. The
line passes decide what a *line* is from the page's structure; this pass decides what each
*sentence* of a kept line is, with the inline rules of the catalogue (kind "inline"). Anything no
inline rule claims keeps its line's role, so a story sentence is never lost here.

Every kept line that holds several sentences becomes several units (`split="sentence"`, the
same `raw_line`), so `lines.parquet` says which rule decided each sentence; the body is rebuilt
from the kept units of each raw line (`bantin.clean.document`).
"""
from __future__ import annotations

from dataclasses import dataclass

from bantin.clean.cuts import split_sentences
from bantin.clean.repair import repair_line
from bantin.clean.rules.captions import PIECE_CAPTION_MAX_WORDS, is_bracketed_caption, is_credit_piece
from bantin.clean.rules.credits import is_initials_name, is_signature, is_tail_source
from bantin.clean.rules.datelines import story_prefix_end
from bantin.clean.rules.navigation import is_related_piece, is_teaser_piece
from bantin.clean.rules.structure import footer_tail_start, is_prose
from bantin.records import LineDecision
from schemas.lines import KEPT_ROLES

ECHO_MIN_WORDS = 8  # a caption copied from the story is a whole sentence; its first words find it


@dataclass
class _Piece:
    text: str
    clean: str
    role: str
    rule: str
    split: str
    raw_line: int | None

    @property
    def kept(self) -> bool:
        return self.role in KEPT_ROLES

    def claim(self, role: str, rule: str) -> None:
        self.role, self.rule = role, rule


def refine(decisions: list[LineDecision]) -> list[LineDecision]:
    """The decisions with every kept multi-sentence line cut into sentence units and the glued
    furniture claimed by the inline rules; `line_no` renumbered in order."""
    pieces = _expand(decisions)
    lead_line = next((p.raw_line for p in pieces if p.role == "lead"), None)
    _story_prefix(pieces)
    _credits(pieces)
    _related(pieces)
    _footer_tail(pieces)
    _tail(pieces)
    _item_signatures(pieces)
    _echo_captions(pieces)
    _lead_first(pieces, lead_line)
    return [LineDecision(line_no=i, text=p.text, clean_text=p.clean, role=p.role, rule=p.rule, split=p.split,
                         raw_line=p.raw_line) for i, p in enumerate(pieces)]


def _expand(decisions: list[LineDecision]) -> list[_Piece]:
    out: list[_Piece] = []
    for d in decisions:
        parts = split_sentences(d.text) if d.role in KEPT_ROLES and d.split == "line" else [d.text]
        if len(parts) == 1:
            out.append(_Piece(d.text, d.clean_text, d.role, d.rule, d.split, d.raw_line))
            continue
        for k, part in enumerate(parts):
            role = d.role if (k == 0 or d.role != "lead") else "body"
            rule = d.rule if role == d.role else "default.body"
            out.append(_Piece(part, repair_line(part), role, rule, "sentence", d.raw_line))
    return out


def _story_prefix(pieces: list[_Piece]) -> None:
    """`dateline.story_prefix`: the tag opening the lead (else the first kept piece) is cut off as a
    dateline."""
    i = next((i for i, p in enumerate(pieces) if p.role == "lead" and p.clean),
             next((i for i, p in enumerate(pieces) if p.kept and p.clean), None))
    if i is None:
        return
    p = pieces[i]
    end = story_prefix_end(p.text)
    if not end:
        return
    head, rest = p.text[:end], p.text[end:]
    pieces[i:i + 1] = [_Piece(head, repair_line(head), "dateline", "dateline.story_prefix", "sentence", p.raw_line),
                       _Piece(rest, repair_line(rest), p.role, p.rule, "sentence", p.raw_line)]


def credit_claims(texts: list[str], raw_lines: list[int | None], open_: list[bool]) -> list[tuple[int, str, str]]:
    """(index, role, rule) claims of the credit rules over consecutive sentence units:
    `photo_credit.piece` for a credit, `caption.before_credit_piece` for the short sentence just
    before it on the same raw line, `caption.credit_inside` for a caption carrying its credit in
    brackets. `open_[i]`: unit i may still be claimed (kept, or not decided yet)."""
    out: list[tuple[int, str, str]] = []
    for i, text in enumerate(texts):
        if open_[i] and is_credit_piece(text):
            out.append((i, "photo_credit", "photo_credit.piece"))
            j = i - 1
            if (j >= 0 and open_[j] and raw_lines[j] == raw_lines[i]
                    and 0 < len(texts[j].split()) <= PIECE_CAPTION_MAX_WORDS and not is_signature(texts[j])):
                out.append((j, "caption", "caption.before_credit_piece"))
        elif open_[i] and is_bracketed_caption(text):
            out.append((i, "caption", "caption.credit_inside"))
    return out


def _credits(pieces: list[_Piece]) -> None:
    """The credit rules on the sentence units of kept lines (`credit_claims`)."""
    for i, role, rule in credit_claims([p.clean for p in pieces], [p.raw_line for p in pieces],
                                       [p.split == "sentence" and p.kept for p in pieces]):
        pieces[i].claim(role, rule)


def _related(pieces: list[_Piece]) -> None:
    """`navigation.related_piece` (and the headlines after it on its line, up to the next sentence of
    text), `navigation.teaser_piece`."""
    started = False
    related_line = None
    for p in pieces:
        if p.split != "sentence" or not p.kept:
            started = started or p.kept
            continue
        if related_line is not None and p.raw_line == related_line and not is_prose(p.clean):
            p.claim("navigation", "navigation.related_piece")
        elif is_related_piece(p.clean):
            p.claim("navigation", "navigation.related_piece")
            related_line = p.raw_line
        elif started and is_teaser_piece(p.clean):
            p.claim("navigation", "navigation.teaser_piece")
        started = True


def _footer_tail(pieces: list[_Piece]) -> None:
    """`footer.tail_piece`: the site footer glued to the end of the last kept line (a line-level
    `footer.info` would have dropped the story with it; zones.FOOTER_MAX_CHARS)."""
    kept = [i for i, p in enumerate(pieces) if p.kept and p.clean]
    if not kept:
        return
    last_line = pieces[kept[-1]].raw_line
    units = [i for i in kept if pieces[i].raw_line == last_line and pieces[i].split == "sentence"]
    start = footer_tail_start([pieces[i].clean for i in units])
    for i in units[start:] if start is not None else ():
        pieces[i].claim("ui_text", "footer.tail_piece")


def _tail(pieces: list[_Piece]) -> None:
    """`byline.tail_piece`, `source.tail_piece`: what follows the story's last sentence."""
    last = max((i for i, p in enumerate(pieces) if p.kept and is_prose(p.clean)), default=None)
    if last is None:
        return
    for p in pieces[last + 1:]:
        if p.split != "sentence" or not p.kept or not p.clean:
            continue
        if is_tail_source(p.clean):
            p.claim("source_credit", "source.tail_piece")
        elif is_signature(p.clean):
            p.claim("byline", "byline.tail_piece")


def _item_signatures(pieces: list[_Piece]) -> None:
    """`byline.item_piece`: initials in brackets closing a paragraph (`… (N.V)`, `… (P.C.Tùng)`) sign
    one item of a digest, as the name after the last sentence signs the story; the story goes on.
    `source.item_piece`: the item's source just before them (`Theo The Daily Mail (Đ.T)`)."""
    for k, p in enumerate(pieces):
        last_of_line = k + 1 == len(pieces) or pieces[k + 1].raw_line != p.raw_line
        core = p.clean.strip().rstrip(".")
        if (p.split == "sentence" and p.kept and last_of_line and core.startswith("(") and core.endswith(")")
                and is_initials_name(core[1:-1].strip())):
            p.claim("byline", "byline.item_piece")
            before = pieces[k - 1] if k else None
            if (before is not None and before.raw_line == p.raw_line and before.split == "sentence" and before.kept
                    and is_tail_source(before.clean)):
                before.claim("source_credit", "source.item_piece")  # `Theo The Daily Mail (Đ.T)`


def _echo_captions(pieces: list[_Piece]) -> None:
    """`caption.echo`: a sentence of the story printed again with no stop and glued to the next
    sentence (`… thuận lợi nhất. Ông X khẳng định … thuận lợi nhất Từ góc độ …`): a flattened page's
    caption, which its site copies from the story. The copy is cut off the sentence it runs into.
    Sentences are looked up by their first words, so the pass stays linear in the page."""
    by_start: dict[tuple[str, ...], dict[str, None]] = {}  # a sentence printed many times is one entry
    for p in pieces:
        words = p.text.split()
        if p.kept and len(words) >= ECHO_MIN_WORDS and p.text.rstrip()[-1:] in ".!?…":
            by_start.setdefault(tuple(words[:ECHO_MIN_WORDS]), {})[p.text.strip().rstrip(".!?…")] = None
    k = 0
    while k < len(pieces):
        p = pieces[k]
        candidates = by_start.get(tuple(p.text.split()[:ECHO_MIN_WORDS]), ()) if p.split == "sentence" and p.kept else ()
        # the copy, then a space and a capital: the next sentence glued to it
        echo = next((s for s in candidates if p.text.startswith(s) and p.text[len(s):len(s) + 1] == " "
                     and p.text[len(s):].strip()[:1].isupper()), None)
        if echo is not None:
            head, rest = p.text[:len(echo) + 1], p.text[len(echo) + 1:]
            pieces[k:k + 1] = [_Piece(head, repair_line(head), "caption", "caption.echo", "sentence", p.raw_line),
                               _Piece(rest, repair_line(rest), p.role, p.rule, "sentence", p.raw_line)]
        k += 1


def _lead_first(pieces: list[_Piece], lead_line: int | None) -> None:
    """The lead stays one unit: when a claim took the lead's first sentence away (a caption and its
    credit opening a flattened page), the next kept piece of that line becomes the lead."""
    if lead_line is None or any(p.role == "lead" for p in pieces):
        return
    nxt = next((p for p in pieces if p.kept and p.raw_line == lead_line and p.clean), None)
    if nxt is not None:
        nxt.claim("lead", "structure.lead")
