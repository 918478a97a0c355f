"""Acronyms used in an article and their expansions.

Two sources, in order of trust:
- `in_text`: the article defines it, `an ninh quốc gia (ANQG)`. The expansion is the shortest
  run of words right before the bracket whose initials spell the acronym (case-insensitive,
  `Đ` distinct from `D`, dashes between words ignored). The reverse form `ANQG (an ninh quốc
  gia)` is accepted too. A definition whose initials do not match is a source slip and is
  ignored: seed 002 writes `phong trào toàn dân bảo vệ Tổ quốc (ANTQ)`, but ANTQ is `an ninh Tổ
  quốc`; initials `B-V-T-Q` do not spell it, so the dictionary answers instead. Long acronyms
  may skip a few words (at most a quarter of their letters, never the first or last word) and
  write `và` as `&`: `an ninh mạng và phòng, chống tội phạm sử dụng công nghệ cao (ANM&PCTPCNC)`.
  A gloss whose initials do not spell the acronym (`đầu tư trực tiếp nước ngoài (FDI)`, English
  initials) is not a definition.
- `dictionary`: a maintained table of acronyms common in Vietnamese administrative news, used
  only when the acronym occurs in the text as a whole word (not inside a document symbol such
  as `28-NQ/TW`). Every entry's expansion spells its acronym (tested), so a gloss such as
  `FDI` is not listed.
One row per acronym; an in-text definition wins over the dictionary.
"""
from __future__ import annotations

import re
import unicodedata

DICTIONARY: dict[str, str] = {
    "UBND": "Ủy ban nhân dân", "HĐND": "Hội đồng nhân dân", "MTTQ": "Mặt trận Tổ quốc",
    "UBMTTQ": "Ủy ban Mặt trận Tổ quốc", "BTV": "Ban Thường vụ", "BCH": "Ban Chấp hành",
    "UVBCH": "Ủy viên Ban Chấp hành", "TW": "Trung ương", "TƯ": "Trung ương",
    "ANQG": "an ninh quốc gia", "ANTT": "an ninh trật tự", "ANTQ": "an ninh Tổ quốc",
    "TTATXH": "trật tự an toàn xã hội", "ATGT": "an toàn giao thông", "BCĐ": "Ban Chỉ đạo",
    "CHQS": "Chỉ huy quân sự", "BCHQS": "Bộ Chỉ huy quân sự", "LLVT": "lực lượng vũ trang",
    "QP-AN": "quốc phòng - an ninh", "QPAN": "quốc phòng - an ninh", "KVPT": "khu vực phòng thủ",
    "TTĐT": "thông tin điện tử",
    "BĐBP": "Bộ đội Biên phòng", "CAND": "Công an nhân dân", "QĐND": "Quân đội nhân dân",
    "LLVTND": "lực lượng vũ trang nhân dân", "DQTV": "dân quân tự vệ",
    "PCCC": "phòng cháy, chữa cháy", "CNCH": "cứu nạn, cứu hộ", "KT-XH": "kinh tế - xã hội",
    "CCHC": "cải cách hành chính", "CNTT": "công nghệ thông tin", "HTX": "hợp tác xã",
    "NTM": "nông thôn mới", "BHXH": "bảo hiểm xã hội", "BHYT": "bảo hiểm y tế",
    "CSGT": "cảnh sát giao thông", "VKSND": "Viện kiểm sát nhân dân", "TAND": "Tòa án nhân dân",
    "ĐBQH": "đại biểu Quốc hội", "CCB": "cựu chiến binh", "LĐLĐ": "Liên đoàn Lao động",
    "THPT": "trung học phổ thông", "THCS": "trung học cơ sở", "GD&ĐT": "giáo dục và đào tạo",
    "TTXVN": "Thông tấn xã Việt Nam", "ĐBSCL": "Đồng bằng sông Cửu Long",
    "KCN": "khu công nghiệp", "ANM": "an ninh mạng", "TNGT": "tai nạn giao thông",
}
ACRONYM = r"[A-ZĐ][A-ZĐƯ0-9&-]*[A-ZĐƯ0-9]"
DEFINED_AFTER_RE = re.compile(rf"\((?P<acr>{ACRONYM})\)")
DEFINED_BEFORE_RE = re.compile(rf"(?<![\w/-])(?P<acr>{ACRONYM})\s*\((?P<exp>[^()]{{3,80}})\)")
# A comma does not end the search: expansions may hold one (`phòng, chống tội phạm`).
CLAUSE_BREAK_RE = re.compile(r"[;:.!?()“”\"\n]")
WORD_RE = re.compile(r"[^\W_]+")


def _letters(acronym: str) -> str:
    """Symbols to spell: `QP-AN` -> `QPAN`, `GD&ĐT` -> `GD&ĐT` (`&` stands for the word `và`)."""
    return "".join(ch for ch in acronym if ch.isalpha() or ch == "&").upper()


def _base(ch: str) -> str:
    """`Ủ` -> `U`, `Ư` -> `U`; `Đ` stays (it is its own letter in acronyms)."""
    return "".join(c for c in unicodedata.normalize("NFD", ch.upper()) if not unicodedata.combining(c))


def _matches(word: str, letter: str) -> bool:
    """`&` is the word `và`; `W` is the usual ASCII stand-in for `Ư` (`TW` = `Trung ương`)."""
    if letter == "&":
        return word.lower() == "và"
    return _base(word[0]) == ("U" if letter == "W" else _base(letter))


def spelled_start(words: list[str], acronym: str, *, exact: bool = False) -> int | None:
    """Index of the first word of the shortest run ENDING at the last word that spells `acronym`.

    Letters are matched right to left; the last word must match the last letter and the first
    matched word starts the run. Unless `exact`, up to a quarter of the letters' count of words
    may be skipped inside the run (`sử dụng` in `tội phạm sử dụng công nghệ cao`), and an `&`
    may also be absent. None when the words do not spell it.
    """
    letters = _letters(acronym)
    if len(letters.replace("&", "")) < 2 or not words:
        return None
    budget = 0 if exact else len(letters.replace("&", "")) // 4
    i, k, skips = len(words) - 1, len(letters) - 1, 0
    while k >= 0 and i >= 0:
        if _matches(words[i], letters[k]):
            i, k = i - 1, k - 1
        elif letters[k] == "&" and not exact:
            k -= 1
        elif k == len(letters) - 1 or skips >= budget:
            return None
        else:
            i, skips = i - 1, skips + 1
    return i + 1 if k < 0 else None


def spells(expansion: str, acronym: str, *, exact: bool = False) -> bool:
    """Whether all the words of `expansion` spell `acronym` (see `spelled_start`)."""
    words = [w.group(0) for w in WORD_RE.finditer(expansion)]
    return spelled_start(words, acronym, exact=exact) == 0


def _expansion_before(text: str, end: int, acronym: str) -> str | None:
    """Shortest word run ending at `end` whose initials spell the acronym, within the clause."""
    start = max(0, end - 200)
    clause = text[start:end]
    brk = max((m.end() for m in CLAUSE_BREAK_RE.finditer(clause)), default=0)
    clause = clause[brk:]
    words = list(WORD_RE.finditer(clause))
    first = spelled_start([w.group(0) for w in words], acronym)
    if first is None:
        return None
    return clause[words[first].start():words[-1].end()]


def _expansion_inside(expansion: str, acronym: str) -> str | None:
    return expansion.strip() if spells(expansion, acronym) else None


def _first_use(text: str, acronym: str) -> int:
    """Offset of the first whole-word use, -1 if none (`TW` in `28-NQ/TW` does not count)."""
    m = re.search(rf"(?<![\w/&-]){re.escape(acronym)}(?![\w/&-])", text)
    return m.start() if m else -1


def find_acronyms(text: str, *, defined_only: bool = False) -> list[dict]:
    """Acronyms in `text` as {acronym, expansion, source}, defined ones first, then dictionary.

    `defined_only`: keep only acronyms the article introduces in brackets (`... (ANTQ)`), with
    the dictionary expansion when the article's own one does not spell it.
    """
    found: dict[str, dict] = {}
    for m in DEFINED_AFTER_RE.finditer(text):
        acr = m.group("acr")
        exp = _expansion_before(text, m.start(), acr)
        if exp and acr not in found:
            found[acr] = {"acronym": acr, "expansion": exp, "source": "in_text"}
    for m in DEFINED_BEFORE_RE.finditer(text):
        acr = m.group("acr")
        exp = _expansion_inside(m.group("exp"), acr)
        if exp and acr not in found:
            found[acr] = {"acronym": acr, "expansion": exp, "source": "in_text"}
    bracketed = {m.group("acr") for m in DEFINED_AFTER_RE.finditer(text)}
    used = sorted(
        (pos, acr) for acr in DICTIONARY if acr not in found and (pos := _first_use(text, acr)) >= 0
        and (not defined_only or acr in bracketed)
    )
    for _, acr in used:
        found[acr] = {"acronym": acr, "expansion": DICTIONARY[acr], "source": "dictionary"}
    return list(found.values())
