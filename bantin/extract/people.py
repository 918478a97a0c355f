"""People of the story: name, posts, honorific, first mention.

Why rules plus NER: underthesea's NER is weak on this domain (it tags `UVBCH TW Đảng` as PER and
`Bí thư Tỉnh ủy Ninh Bình` as LOC), while Vietnamese news introduces officials with a few fixed
shapes: honorific + name (`ông Nguyễn Văn Danh`), post + name (`Bí thư Thành ủy Nguyễn Văn
Tuấn`), name + dash/comma + posts (`Nguyễn Văn Danh – Ủy viên ..., Bí thư Tỉnh ủy`). Most people
of a story, though, have no post: singers, players, witnesses, soldiers, suspects. A name is kept
when it has a name shape AND some evidence: one of those shapes, a rank (`Đại tá`), a role noun
(`ca sĩ`, `Binh nhất`: bantin.vi.person_cues), a post head earlier in the clause, initials
(`Lê Văn Đ.`), or, for a Vietnamese full name of 3-4 syllables, its shape alone, unless it reads as
a place, a street, an address or an institution (`2A Nguyễn Thị Minh Khai`, `Trường ĐH Nguyễn Tất
Thành`). NER's tags are not used for these names: its PER tag adds nothing to the full-name shape,
and its LOC/ORG tags are wrong on them (it tags `Bộ Tài chính Đinh Tiến Dũng` as one
organisation); they still veto foreign names (bantin.vi.other_names). A given name alone (`Tuấn
Hưng`) needs a role noun or an honorific right before it.
A post mentioned without a name (`Trưởng ban Chỉ đạo 138 tỉnh biểu dương`) yields nobody.
`honorific` is `đồng chí`/`ông`/`bà` when written, else the military or police rank standing
before the name (`Đại tá`, `Thiếu tướng`), which is how such officers are addressed.
"""
from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from functools import lru_cache

from bantin.extract.people_lists import list_people
from bantin.extract.people_shapes import HONORIFIC_RE, dharma, fullest, given_name, initialed
from bantin.extract.posts import HEAD_RE, RANK_RE, read_post, read_post_list
from bantin.linear import ends_with
from bantin.vi.gazetteer import canonical_province
from bantin.vi.names import (
    CAP_RUN_RE,
    PLACE_WORD_RE,
    fold_tones,
    is_person_name,
    split_run,
    squash,
    strip_leading,
)
from bantin.vi.other_names import SAYS_RE, other_names
from bantin.vi.person_cues import (
    address_around,
    bare_shape,
    ends_in_org_head,
    is_place_name,
    org_before,
    org_or_address,
    role_before,
)

AGE_CUE_RE = re.compile(r"\s*\((?:SN|sinh năm|s\.\s*\d{4}|\d{1,3}\s+tuổi)", re.IGNORECASE)
# Role nouns that introduce a person without being a post or an honorific (`đại biểu Hà Thị Lan`).
ROLE_CUE_RE = re.compile(r"(?<![\w])(?:đại biểu|bị can|bị cáo|đối tượng)\s+$")
PHOTO_CREDIT_RE = re.compile(r"(?:Ảnh|ảnh|Photo|Clip|Video)\s*:\s*(?:[^\s,;:]+/)?\s*$")
CLAUSE_START_RE = re.compile(r"[,;:.!?()“”\"–—]|\s-\s")
# Punctuation that ends the reach of a loose post (a spaced dash does not: `Kinh tế - kỹ thuật`).
SENTENCE_PUNCT_RE = re.compile(r"[,;:.!?()“”\"]")
LOOSE_POST_WORDS = 10  # a post's organisation rarely runs longer before its holder's name
# A capitalised word of an institution's own name after its head (`Trường CĐ Công nghệ`), not an acronym.
ORG_NAME_RE = re.compile(r"\s(?:[A-ZĐ]\w*[a-zà-ỹđ]\w*)(?=\s)")
POST_WINDOW = 300  # a post (`Phó Chủ tịch UBND tỉnh ...`) starts at most this far before its holder
RANK_BEFORE_RE = re.compile(rf"(?:{RANK_RE.pattern})\s+$", re.IGNORECASE)
# Syllables that cannot end a name when a post or honorific follows: `Nguyễn Văn Danh Bí thư`.
_HONORIFIC_WORD_RE = re.compile(r"(?:Ông|Bà|Đồng chí)(?![\w])")


def _trim_run(text: str, start: int, run: str) -> str:
    """Cut a capitalised run where a post head or honorific begins inside it."""
    syls = run.split(" ")
    offset = 0
    for i, syl in enumerate(syls):
        if i and (HEAD_RE.match(text, start + offset) or _HONORIFIC_WORD_RE.match(text, start + offset)):
            return " ".join(syls[:i])
        offset += len(syl) + 1
    return run


def _tag_spans(sentence: str, tags: Sequence[tuple]) -> list[tuple[int, int, str]]:
    """Character spans of NER tokens in the sentence (tokens are located left to right)."""
    spans, pos = [], 0
    for tok in tags:
        word, tag = tok[0], tok[-1]
        i = sentence.find(word, pos)
        if i < 0:
            continue
        spans.append((i, i + len(word), tag))
        pos = i + len(word)
    return spans


def _post_before(text: str, pos: int) -> tuple[str, int] | None:
    """The post that ends with the comma right before `pos` (posts listed before a name)."""
    end = _rstrip_at(text, pos)
    if not end or text[end - 1] != ",":
        return None
    end = _rstrip_at(text, end - 1)
    for head in HEAD_RE.finditer(text, _clause_start(text, end), end):
        got = read_post(text, head.start())
        if got and got[0] and got[2] == end:
            return got[0], head.start()
    return None


def _rstrip_at(text: str, pos: int) -> int:
    """`len(text[:pos].rstrip())`, without the copy."""
    while pos and text[pos - 1].isspace():
        pos -= 1
    return pos


@lru_cache(maxsize=8)
def _clause_ends(text: str) -> tuple[int, ...]:
    return tuple(m.end() for m in CLAUSE_START_RE.finditer(text))


def _clause_start(text: str, pos: int) -> int:
    """Where the clause holding `pos` starts (after the last punctuation before it), but no
    further back than POST_WINDOW: a post is read from there to the name. Found by bisection in
    the sentence's punctuation, computed once per sentence (scanning the prefix again for every
    name was quadratic on a long sentence of names)."""
    ends = _clause_ends(text)
    i = bisect.bisect_right(ends, pos) - 1
    return max(ends[i] if i >= 0 else 0, pos - POST_WINDOW)


def _cue_after(text: str, end: int) -> bool:
    """`Phan Quốc Vĩnh (SN 1991, ...)`, `Trịnh Gia Bảo (33 tuổi, ...)`: a birth year or age in
    brackets right after a name says it is a person (suspects, victims, witnesses)."""
    return bool(AGE_CUE_RE.match(text, end))


def _left_context(text: str, start: int) -> tuple[str | None, list[str], int, bool]:
    """Honorific, post and rank immediately before a name; returns where the mention starts."""
    honorific, posts, m_start, rank = None, [], start, False
    for head in HEAD_RE.finditer(text, _clause_start(text, start), start):
        got = read_post(text, head.start())
        if got and got[0] and not text[got[2]:start].strip():
            posts, m_start = [got[0]], head.start()
            break
    while posts and (prev := _post_before(text, m_start)):  # `Phó Chủ tịch UBND tỉnh, Trưởng ban ... X`
        posts, m_start = [prev[0], *posts], prev[1]
    r = ends_with(RANK_BEFORE_RE, text, m_start)
    if r:
        rank, m_start = True, r.start()
        honorific = squash(r.group(0)).capitalize()  # `Đại tá`: a rank is the form of address
    h = ends_with(HONORIFIC_RE, text, m_start)
    if h:
        honorific, m_start = h.group(1).lower(), h.start(1)
    return honorific, posts, m_start, rank


def _name_after_post(text: str, start: int, run: str) -> str | None:
    """`Chủ tịch HĐND tỉnh Hoàng Công Thủy`: a post ending in a place word (`tỉnh`) is followed by
    the holder's name, not a place, when the whole run is a 3-4 syllable person name."""
    clause = _clause_start(text, start)
    if len(run.split()) < 3 or not is_person_name(run) or canonical_province(run):
        return None
    for head in HEAD_RE.finditer(text, clause, start):
        got = read_post(text, head.start())
        if got and got[0] and not text[got[2]:start].strip():
            return run
    return None


def _addressed(text: str, m_start: int, start: int, honorific: str | None, posts: list[str]) -> bool:
    """`Chủ tịch Hồ Chí Minh`, `ông Hà Nội`: a place-like name is a person only right after an
    honorific or a bare head (no organisation words between the head and the name)."""
    return bool(honorific) or bool(posts and HEAD_RE.fullmatch(text[m_start:start].strip()))


def _loose_post(text: str, start: int, name: str) -> bool:
    """`Thứ trưởng Bộ Xây dựng Phạm Minh Hà`, `Trưởng ban tổ chức hội thi Nguyễn Thanh Đoàn`: a
    post head earlier in the clause whose organisation `read_post` could not read to the end
    (lowercase words outside its vocabulary) still introduces the name after it, unless an
    institution head stands between them with no name of its own (`hiệu trưởng Trường ĐH
    Nguyễn Tất Thành` names the school) or the name reads as a place."""
    stop = max((m.end() for m in SENTENCE_PUNCT_RE.finditer(text, max(0, start - POST_WINDOW), start)), default=0)
    heads = [h for h in HEAD_RE.finditer(text, stop, start) if len(text[h.end():start].split()) <= LOOSE_POST_WORDS]
    if not heads or is_place_name(name) or not bare_shape(name) or address_around(text, start, start + len(name)):
        return False
    org = org_before(text, start)
    return org is None or (org > heads[0].start() and bool(ORG_NAME_RE.search(text, org, start)))


def _bare_name(text: str, start: int, end: int, name: str) -> bool:
    """A name with no post, honorific or role before it: a Vietnamese full name of 3-4 syllables
    is one on its shape (NER tags such names LOC when an organisation precedes: `Bộ Tài chính Đinh
    Tiến Dũng`), unless it reads as a place, an institution or an address (person_cues). A
    2-syllable one is not (`Hồng Sơn` is a commune, `Kim Chi` a dish): NER's PER tag on it would
    be evidence, but NER does not run on sentences without a 3-syllable run (nlp.needs_ner)."""
    if is_place_name(name) or org_or_address(text, start, end) or not bare_shape(name):
        return False
    return len(name.split()) >= 3


def _is_person(text: str, name: str, start: int, end: int, m_start: int, honorific: str | None,
               posts: list[str], patterned: bool) -> bool:
    """Whether a surname-first candidate is a person: a place-like name only right after an
    honorific or a bare head (`Phó Cục trưởng Cục Thuế Hà Nội` names the post's own place); a
    post ending in an institution head is completed by the name (`hiệu trưởng Trường ĐH Nguyễn
    Tất Thành`); otherwise a pattern, a role noun, a loose post or the bare full-name shape."""
    if is_place_name(name):
        return patterned and _addressed(text, m_start, start, honorific, posts)
    if posts and ends_in_org_head(posts[-1]) and not honorific:
        return False
    return patterned or role_before(text, start) or _loose_post(text, start, name) or _bare_name(text, start, end, name)


def _candidates(text: str) -> list[tuple[str, int, int, bool]]:
    """(name, start, end, evidenced) of every name-shaped run: initialed and monastic names first,
    then the surname-first name inside each capitalised run, else a given name after a role noun.
    `evidenced`: the shape or cue that found it is evidence enough (initials, `Thích`, a given
    name's cue); a surname-first name is judged in `_mentions`."""
    found = initialed(text) + dharma(text)
    for run_m in CAP_RUN_RE.finditer(text):
        if any(s < run_m.end() and e > run_m.start() for _, s, e, _ in found):
            continue
        trimmed = _trim_run(text, run_m.start(), run_m.group(0))
        place = bool(ends_with(PLACE_WORD_RE, text, run_m.start()))
        stripped = strip_leading(trimmed)
        name = split_run(stripped, after_place_word=place)
        if not name and place:
            name = _name_after_post(text, run_m.start(), stripped)
        given = not name and (  # `MC Anh Tuấn`: right after a role noun a leading `Anh` is the name's
            (role_before(text, run_m.start()) and given_name(text, run_m.start(), trimmed))
            or (stripped and given_name(text, run_m.start() + trimmed.rindex(stripped), stripped)))
        if name or given:
            start = run_m.start() + trimmed.rindex(name or given)
            found.append((name or given, start, start + len(name or given), bool(given)))
    return sorted(found, key=lambda f: f[1])


def _mentions(sentence: str, tags: Sequence[tuple] | None) -> list[dict]:
    text = squash(fold_tones(sentence))
    spans = _tag_spans(text, tags) if tags else []
    found, taken = [], []
    for name, start, end, evidenced in _candidates(text):
        if ends_with(PHOTO_CREDIT_RE, text, start):
            continue
        honorific, posts, m_start, rank = _left_context(text, start)
        after, m_end = read_post_list(text, end)
        cued = _cue_after(text, end) or bool(ends_with(ROLE_CUE_RE, text, start)) \
            or bool(SAYS_RE.match(text, end) and bare_shape(name) and not is_place_name(name))
        patterned = bool(honorific or posts or after or rank or cued)
        if not (evidenced or _is_person(text, name, start, end, m_start, honorific, posts, patterned)):
            continue
        found.append({
            "name": name, "posts": posts + after, "honorific": honorific,
            "mention": text[m_start:max(m_end, end)].strip(" ,–-"),
        })
        taken.append((start, end))
    for name, start, end in other_names(text, spans):  # foreign and ethnic-minority names
        if any(s < end and e > start for s, e in taken) or PHOTO_CREDIT_RE.search(text[:start]):
            continue
        h = HONORIFIC_RE.search(text[:start])
        found.append({"name": name, "posts": [], "honorific": h.group(1).lower() if h else None,
                      "mention": text[start:end]})
        taken.append((start, end))
    for name, start, end in list_people(text, taken):  # the rest of an enumeration of people
        if not PHOTO_CREDIT_RE.search(text[:start]):
            found.append({"name": name, "posts": [], "honorific": None, "mention": text[start:end]})
    return found


def find_people(
    sentences: Sequence[str], ner_tags: Sequence[list[tuple]] | None = None
) -> list[dict]:
    """People named in the story sentences, merged by full name, in order of first mention.

    `ner_tags[i]` is underthesea's `ner(sentences[i])` (word, pos, chunk, tag); without it only
    the patterns are used. Posts are deduplicated exactly (as written, case-insensitive), so
    `Bí thư Tỉnh ủy` and `Bí thư Tỉnh ủy Tiền Giang` both stay. Callers should pass story
    sentences only (no captions, no bylines); names right after `Ảnh:` are rejected anyway.
    """
    people: dict[str, dict] = {}
    for i, sentence in enumerate(sentences):
        tags = ner_tags[i] if ner_tags is not None and i < len(ner_tags) else None
        for m in _mentions(sentence, tags):
            p = people.setdefault(m["name"], {"name": m["name"], "posts": [], "honorific": None,
                                              "mention": m["mention"]})
            seen = {x.casefold() for x in p["posts"]}
            p["posts"] += [x for x in m["posts"] if x.casefold() not in seen and not seen.add(x.casefold())]
            p["honorific"] = p["honorific"] or m["honorific"]
    return fullest(list(people.values()))

