"""Outlet evidence the table alone does not decide: a credit to an outlet it does not list, a
slash chain of outlets, and the outlet's own reporter named in the story (`PV VietNamNet`).

Why apart from `outlets`: these rules take a name as written or read it out of a sentence, so
each carries its own guard against people and story phrases; `outlets` tries them only after
every table-backed mark of the page has said nothing.
"""
from __future__ import annotations

import re

from bantin.clean.rules.prompts import COLUMN_PROMO_RE
from bantin.extract.outlet_names import (
    ALIAS_RE,
    ALIAS_TABLE,
    E_EDITION_RE,
    SPACES_RE,
    masthead_outlet,
    outlet_for_domain,
    outlet_for_name,
)
from bantin.extract.outlet_table import PREFIXES
from bantin.vi.gazetteer import canonical_province
from bantin.vi.names import is_person_name

# `Theo Vientiane Times`, `(theo AFP)`, `Nguồn: QQ`: a whole credit line and the name it credits.
CREDIT_LINE_RE = re.compile(r"^\s*\(?\s*(?i:theo|nguồn)\s*:?\s+(?P<name>[^()/:;,]{2,40}?)\s*\)?\s*\.?\s*$")
# A name taken as written: 1-4 capitalised words, no digits (`The Daily Mail`, `AFP`); not
# `Đài KTTV tỉnh` (a body and its place, lower-case words).
WRITTEN_NAME_RE = re.compile(r"^[A-ZĐ][^\W\d_]*(?:[ .&+-][A-ZĐ][^\W\d_]*){0,3}$")
# Credited sources that are not outlets: social networks, the interviewee, archives.
NOT_OUTLETS = frozenset({"mxh", "internet", "nvcc", "tl", "ctv", "btc", "facebook", "youtube", "tiktok", "clip"})
# The outlet's own reporter in a story or caption sentence: `Ghi nhận của PV VietNamNet`,
# `trao đổi với PV Báo SGGP`, `Ảnh: Hữu Tiến - PV TTXVN tại Anh`.
REPORTER_RE = re.compile(r"(?<![^\W\d_])(?:PV|[Pp]hóng viên)\s+(?P<paper>[Bb]áo\s+)?(?P<rest>\S.{0,40})")
# The outlet recalling its own earlier report: `Như PLO đã đưa tin, …`, `Như Báo CAND đã thông tin`,
# `Như Tuổi Trẻ online đã thông tin`.
SELF_REPORT_RE = re.compile(
    r"(?<![^\W\d_])[Nn]hư\s+(?P<mark>[Bb]áo(?:\s+[^\s,.;:]+){1,5}?|[A-ZĐ][^\s,.;:]*(?:\s+[A-ZĐ][^\s,.;:]*){0,4}"
    r"(?:\s+[Oo]nline)?)"
    r"\s+(?:đã|từng)\s+(?:đưa tin|thông tin|phản ánh|đề cập|đăng tải)")
# A brand written as one word with an inner capital or all in capitals (`VietNamNet`, `SGGP`).
BRAND_RE = re.compile(r"^(?:[A-Z][a-z]+[A-Z][\w+]*|[A-ZĐ&]{3,8})$")
# Vietnamese syllables end in a vowel or c, ch, m, n, ng, nh, p, t and never use f, j, w, z.
FOREIGN_WORD_RE = re.compile(r"[fjwz]|(?:[bdklqrsvx]|(?<!n)g)$")
# A byline's outlet glued to the end of a flattened story: `... ./. Lại Thìn/VOV online (ghi)`,
# `Mạnh Hùng/Berlin (Vietnam+)`, `PV/VOV online Tổng hợp`.
TRAILING_SLASH_RE = re.compile(
    r"/\s*(?P<mark>[A-ZĐ][\w+.&-]*(?:\s+[Oo]nline)?)\s*(?:\((?P<paren>[^()]{1,40})\))?\s*(?:[Tt]ổng hợp)?\s*$")
# An aggregator's stamp of when it took the story (`12 giờ trước`) under the source's label.
RELATIVE_TIME_RE = re.compile(r"^\d{1,3}\s+(?:giây|phút|giờ|ngày)\s+trước$")
CAP_RUN_RE = re.compile(r"[A-ZÀ-ỸĐ][^\W\d_]*(?:\s+[A-ZÀ-ỸĐ][^\W\d_]*){0,3}")


def credit_as_written(line: str, listed_only: bool = False) -> tuple[str, str] | None:
    """(outlet, evidence) of a credit line naming an outlet the table does not list: the name
    as written (`Theo Philstar` -> `Philstar`), unless `listed_only`. A person's full name is a
    writer, not an outlet."""
    m = CREDIT_LINE_RE.match(SPACES_RE.sub(" ", line))
    if not m:
        return None
    name = m.group("name").strip(" .")
    if known := outlet_for_name(name) or ALIAS_TABLE.get(name.casefold()):
        return known, m.group(0).strip(" ()")
    if (listed_only or not WRITTEN_NAME_RE.match(name) or is_person_name(name) or name.casefold() in NOT_OUTLETS
            or not any(map(_foreign_or_acronym, name.split()))):
        return None
    return name, m.group(0).strip(" ()")


def glued_credit(line: str) -> tuple[str, str] | None:
    """(outlet, evidence) of a credit whose writer and outlet lost the break between them
    (`Theo Nguyễn ĐôngĐất Việt`, `Theo Lê XuânTTXVN`): a writer's name, then a capital straight
    after a small letter, then a listed outlet."""
    m = CREDIT_LINE_RE.match(SPACES_RE.sub(" ", line))
    name = m.group("name").strip(" .") if m else ""
    k = next((k for k in range(1, len(name)) if name[k].isupper() and name[k - 1].islower()), None)
    words = name[:k].split()
    if k is None or not 2 <= len(words) <= 4 or not all(w[:1].isupper() for w in words):
        return None  # a writer's name (a pen name too: `Công Duy`), 2-4 capitalised words
    outlet = name[k:]
    return (known, outlet) if (known := _known(outlet)) else None


def _foreign_or_acronym(word: str) -> bool:
    """`AFP`, `Times`, `Mail`: a word no Vietnamese given name has (`Theo Thu Trang` credits a
    writer), an acronym or a final or letter Vietnamese syllables never have."""
    return (word.isupper() and len(word) >= 2) or bool(FOREIGN_WORD_RE.search(word.casefold()))


def last_of_chain(mark: str) -> tuple[str, str] | None:
    """(outlet, evidence) of a slash chain of outlets (`TTXVN/Vietnam+`): the last one, the
    agency's product that published the story; None unless every part is an outlet."""
    parts = [p.strip() for p in mark.strip(" ()").split("/")]
    if len(parts) < 2:
        return None
    names = [_known(p) for p in parts]
    return (names[-1], mark.strip()) if all(names) else None


def reporter_outlet(line: str) -> tuple[str, str] | None:
    """(outlet, evidence) of the outlet whose reporter a sentence names: a listed outlet, a
    one-word brand (`PV Infonet`), or `PV báo X` with X capitalised; never a person
    (`phóng viên Nguyễn Văn A` is a name, not an outlet)."""
    for m in REPORTER_RE.finditer(line):
        rest, paper = m.group("rest"), bool(m.group("paper"))
        if (alias := ALIAS_RE.match(rest)) and (name := ALIAS_TABLE[alias.group(0).casefold()]):
            return name, line[m.start():m.start("rest") + alias.end()]
        word = re.match(r"[^\s,.;:()]+", rest)
        token = word.group(0) if word else ""
        if name := _known(token):
            return name, line[m.start():m.start("rest") + len(token)]
        if BRAND_RE.match(token) or (token.isascii() and token.isalpha() and len(token) >= 6 and token[0].isupper()):
            return token, line[m.start():m.start("rest") + len(token)]
        run = CAP_RUN_RE.match(rest)  # `PV báo Thanh Niên`; one word is cut short (`Báo Xây dựng`)
        if paper and run and len(run.group(0).split()) >= 2 and not is_person_name(run.group(0)):
            return outlet_for_name(f"Báo {run.group(0)}"), line[m.start():m.start("rest") + run.end()]
    return None


def self_report(line: str) -> tuple[str, str] | None:
    """(outlet, evidence) of a listed outlet recalling its earlier report (`Như PLO đã đưa tin`):
    a paper recalls its own reports this way (three of the four in the development corpus; the
    fourth, a reprint with no credit, recalls its source's), so it is the last evidence tried.
    An unlisted name says nothing (`Như ông Nam đã thông tin` is a person)."""
    for m in SELF_REPORT_RE.finditer(line):
        mark = m.group("mark")
        if name := _known(re.sub(r"^[Bb]áo\s+", "", mark)) or _known(mark):
            return name, mark
    return None


def column_promo(line: str) -> tuple[str, str] | None:
    """(outlet, evidence) of the paper a column promo says it runs on, when listed."""
    m = COLUMN_PROMO_RE.search(line)
    if m and (name := _known(E_EDITION_RE.sub("", m.group("mark")))):  # `… Điện tử`: its online edition
        return name, m.group("mark")
    return None


def _known(part: str) -> str | None:
    core = " ".join(part.split()).strip(" .")
    return (PREFIXES.get(core) or ALIAS_TABLE.get(core.casefold())
            or (outlet_for_domain(core) if "." in core else None) or outlet_for_name(core))


def source_label(lines: list[str], title: str | None) -> tuple[str, str] | None:
    """(outlet, evidence) of the label an aggregator prints between the headline and its
    `N giờ trước` stamp (`Bnews`, `Chính Phủ`, `Đồng Tháp`): the outlet it took the story from.
    A province is its party paper; an unlisted name counts only as a one-word brand."""
    text = [t for t in (" ".join(ln.split()) for ln in lines) if t]
    want = " ".join((title or "").split())
    for i in range(len(text) - 2):
        if not want or text[i] != want or not RELATIVE_TIME_RE.match(text[i + 2]):
            continue
        label = text[i + 1]
        if len(label) > 40 or any(ch.isdigit() for ch in label):
            return None
        if name := masthead_outlet(label) or ALIAS_TABLE.get(label.casefold()):
            return name, label
        if province := canonical_province(label):
            return f"Báo {province}", label
        brand = BRAND_RE.match(label) or (label.isalpha() and label[0].isupper() and FOREIGN_WORD_RE.search(label.casefold()))
        return (label, label) if brand else None
    return None


def trailing_slash_mark(line: str) -> tuple[str, str] | None:
    """(outlet, evidence) of the `Name/Outlet` byline glued to the end of a story line: the mark
    after the slash, else the bracket after it (`/Berlin (Vietnam+)`: a bureau city, then the outlet)."""
    m = TRAILING_SLASH_RE.search(line)
    if not m:
        return None
    for part in (m.group("mark"), m.group("paren")):
        if part and (name := _known(part)):
            return name, part
    return None
