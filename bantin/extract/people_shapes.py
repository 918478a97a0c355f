"""Name shapes found without a surname-first run: initials, monastic names, given names.

Why apart from people.py: each is a complete rule on its own (the shape, or the cue that comes
with it, is the evidence), while people.py judges surname-first runs by their context. Shapes:
`anh Lê Văn Đ.` (initials, as papers shorten suspects, victims and minors), `Thượng tọa Thích
Như Tịnh` (a Buddhist monastic name), and a given or stage name without a surname after a role
noun, an honorific, before the part an actor plays or in brackets after a character (`ca sĩ
Tuấn Hưng`, `chị Diễm My`, `Trọng Trinh thủ vai`, `Huy (Hồng Đăng)`). `fullest` folds a short form
into the full name the article also uses.
"""
from __future__ import annotations

import re

from bantin.linear import ends_with
from bantin.vi.names import CAP_SYL, SURNAMES, is_cap_syllable, strip_leading
from bantin.vi.person_cues import ORG_FIRST, bare_shape, is_place_name, is_province_like, role_before

HONORIFIC_RE = re.compile(r"(?<![\w])(đồng chí|ông|bà)\s+$", re.IGNORECASE)
# A surname and 0-2 more syllables, then initials with dots: `Lê Văn Đ.`, `Vũ V.A.`, `Nguyễn T. H.`.
INITIALED_RE = re.compile(rf"(?<![\w.])({CAP_SYL}(?:\s+{CAP_SYL}){{0,2}})(?:\s*[A-ZĐ]\.){{1,3}}(?![\w])")
# A monastic name: `Thích` (`nữ` for nuns) and 1-2 capitalised syllables.
DHARMA_RE = re.compile(rf"(?<![\w])Thích(?:\s+nữ)?(?:\s+{CAP_SYL}){{1,2}}(?![\w])")
# After a stage name, the part or the work: `(Trọng Trinh thủ vai)`, `Phim do Minh Cao đạo diễn`.
ACTS_AFTER_RE = re.compile(r"\s+(?:thủ vai|đóng vai|đạo diễn|thể hiện|sáng tác|dàn dựng)(?![\w])")
# `Huy (Hồng Đăng)`: a character, then the actor in brackets; the bracket holds the name alone.
ALIAS_BEFORE_RE = re.compile(rf"(?<![\w])(?:{CAP_SYL})\s\($")
ALIAS_RE = re.compile(rf"\((?:{CAP_SYL})(?:\s{CAP_SYL}){{1,2}}\)")


def initialed(text: str) -> list[tuple[str, int, int, bool]]:
    """`anh Lê Văn Đ.`, `cháu Vũ V.A.`: a surname-first name shortened with initials, as papers
    write suspects, victims and minors; the shape alone says person (the guide keeps the dot)."""
    out = []
    for m in INITIALED_RE.finditer(text):
        head = strip_leading(m.group(1))  # `Cháu Vũ V.A.`
        if head and head.split()[0] in SURNAMES:
            start = m.start() + m.group(1).rindex(head)
            out.append((re.sub(r"\.\s+", ".", text[start:m.end()]), start, m.end(), True))
    return out


def given_name(text: str, start: int, run: str) -> str | None:
    """`ca sĩ Tuấn Hưng`, `chị Diễm My`, `NSƯT Hữu Châu`: a name without a surname (a given or
    stage name of 2-3 Vietnamese syllables) right after a role noun or an honorific, before the
    part played (`Trọng Trinh thủ vai`) or in brackets after a character (`Huy (Hồng Đăng)`).
    After a role noun only a province or a famous place is refused (`NSƯT Thành Lộc`, though a
    commune is called so); elsewhere any gazetteer name is."""
    syls = run.split()
    if not 2 <= len(syls) <= 3 or syls[0] in ORG_FIRST or not all(map(is_cap_syllable, syls)) or not bare_shape(run):
        return None
    if role_before(text, start):
        return None if is_province_like(run) else run
    cued = ends_with(HONORIFIC_RE, text, start) or ACTS_AFTER_RE.match(text, start + len(run)) \
        or ALIAS_RE.match(text, start - 1) and ALIAS_BEFORE_RE.search(text, max(0, start - 30), start)
    return run if cued and not is_place_name(run) else None


def dharma(text: str) -> list[tuple[str, int, int, bool]]:
    """`Thượng tọa Thích Như Tịnh`, `Ni sư Thích nữ Hạnh Khai`: a Buddhist monastic name, `Thích`
    (lowercase `nữ` for nuns) and the dharma name. Mid-sentence, a capitalised `Thích` is always
    one (the verb `thích` is lowercase there)."""
    return [(m.group(0), m.start(), m.end(), True) for m in DHARMA_RE.finditer(text) if m.start() > 0]


def fullest(people: list[dict]) -> list[dict]:
    """One entry per person under the fullest form the article uses: a name whose words run
    inside another's (`Yến Nhi` in `Lê Thị Yến Nhi`, `Fidel Castro` in `Fidel Castro Ruz`) is
    that person named short. Its posts and honorific go to the full entry when it has none."""
    def inside(short: str, full: str) -> bool:
        return short != full and f" {short} " in f" {full} "

    out = []
    for p in people:
        full = next((q for q in people if inside(p["name"], q["name"])), None)
        if full is None:
            out.append(p)
            continue
        full["posts"] = full["posts"] or p["posts"]
        full["honorific"] = full["honorific"] or p["honorific"]
    return out
