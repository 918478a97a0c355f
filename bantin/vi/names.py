"""Vietnamese person-name shape, shared by people and byline extraction.

Why a shape check at all: underthesea's NER tags `UVBCH TW Đảng` and `Trưởng Đoàn` as PER, so
every name candidate, from NER or from a pattern, must look like a Vietnamese name: a known
surname followed by 1-3 more capitalised syllables, no acronyms, no digits. The surname list is
the gate that keeps precision high; bylines, which often give only the given name (`Trọng Hiếu`),
use the looser `is_byline_name`.
"""
from __future__ import annotations

import re
import unicodedata

_LOWER_VI = (
    "aàáảãạăằắẳẵặâầấẩẫậbcdđeèéẻẽẹêềếểễệfghiìíỉĩịjklmnoòóỏõọôồốổỗộơờớởỡợ"
    "pqrstuùúủũụưừứửữựvwxyỳýỷỹỵz"
)
LOWER = _LOWER_VI
UPPER = _LOWER_VI.upper()
CAP_SYL = rf"[{UPPER}][{LOWER}]+"
# The dash between two reporters' names in a credit: spaced (`Lê Phong - Minh Tuấn`) or, as many
# bylines print it, bare between two names (`TIẾN DŨNG-VĂN CHUNG`, `Quang Sáng-Khoa Điềm`).
NAME_DASH = rf"\s[-–]\s|(?<=[{UPPER}{LOWER}]{{2}})[-–](?=[{UPPER}][{UPPER}{LOWER}])"
# A run of capitalised syllables (a candidate name, maybe with a place or org word glued in front).
CAP_RUN_RE = re.compile(rf"(?<![\w.])(?:{CAP_SYL})(?:[ \t]+(?:{CAP_SYL}|A(?=[ \t]+{CAP_SYL})))*(?![\w])")

# Common Vietnamese surnames (Họ). Compound ones (Tôn Nữ, Âu Dương) start with a listed syllable.
SURNAMES = frozenset(
    """Nguyễn Trần Lê Phạm Hoàng Huỳnh Phan Vũ Võ Đặng Bùi Đỗ Hồ Ngô Dương Lý Lương Trịnh
    Đinh Đoàn Trương Mai Cao Lâm Hà Tạ Đào Tô Lưu Châu Chu Quách Thái Tăng Từ Kiều Khổng Lại
    Mạc Nông Triệu Văn Vương Phùng Thân Tôn Âu Đàm Hứa Giáp Lò Lục Ma Hầu Khúc Kim Lã Lữ Mã
    Nghiêm Ninh Quan Quang Tiêu Trình Khương Thạch Diệp Doãn Bạch Cù Đồng Hàn Hoa Thiều
    Tống Viên Ung Yên Uông Lạc Cấn Chế Đường Đàng Giang Lạng Mẫn Nhâm Phó Sầm Tòng Vi Xa
    Giàng Sùng Thào Vàng Lầu Mùa Sình Tráng Chảo Lường Quàng Cầm Điêu""".split()
)
# Middle syllables that say the surname is the syllable before them.
MIDDLE_NAMES = frozenset({"Văn", "Thị"})
# One-letter middle syllable of Hmong names (`Giàng A Dơ`, `Sùng A Chò`).
MIDDLE_LETTERS = frozenset({"A"})
# The surnames so common that a second one inside a run almost surely starts a new name.
COMMON_SURNAMES = frozenset(
    "Nguyễn Trần Lê Phạm Hoàng Huỳnh Phan Vũ Võ Đặng Bùi Đỗ Hồ Ngô Dương".split()
)
# Words that precede a place name: `tỉnh Lâm Đồng`, `TP. Hồ Chí Minh` are not people.
PLACE_WORD_RE = re.compile(
    r"(?:\b(?:tỉnh|thành phố|Thành phố|TP\.?|Tp\.?|huyện|quận|xã|phường|thị xã|thị trấn|"
    r"đường|phố|thôn|ấp|bản|làng|sông|núi|cầu|chợ|trường|Trường|khu|Khu|số)\s*)$"
)
# Tone placement used by older fonts (`Uỷ`, `hoà`) folded to the modern one, same length.
_OLD_TONES = {
    "uỷ": "ủy", "uý": "úy", "uỳ": "ùy", "uỹ": "ũy", "uỵ": "ụy",
    "oà": "òa", "oá": "óa", "oả": "ỏa", "oã": "õa", "oạ": "ọa",
    "oè": "òe", "oé": "óe", "oẻ": "ỏe", "oẽ": "õe", "oẹ": "ọe",
}
_OLD_TONE_RE = re.compile(
    r"(?<![qQ])(" + "|".join(list(_OLD_TONES) + [k.capitalize() for k in _OLD_TONES]) + r")(?![\w])"
)
_SPACE_RE = re.compile(r"[ \t\u00a0\u2009\u202f]+")
_SPACE_BEFORE_PUNCT_RE = re.compile(r"(?<!\s)\s+([,;:.)])")


def fold_tones(text: str) -> str:
    """NFC plus modern tone placement (`Uỷ viên` -> `Ủy viên`); keeps string length per char.

    Why: the clean stage normalises tones, but these rules must also hold on raw strings.
    """
    text = unicodedata.normalize("NFC", text)

    def repl(m: re.Match) -> str:
        s = m.group(1)
        low = _OLD_TONES[s.lower()]
        return low.capitalize() if s[0].isupper() else low

    return _OLD_TONE_RE.sub(repl, text)


def squash(text: str) -> str:
    """Single spaces, no space before `,;:.)`; damaged spacing (`Phó Chủ tịch , Trưởng`) is common."""
    return _SPACE_BEFORE_PUNCT_RE.sub(r"\1", _SPACE_RE.sub(" ", text)).strip()


# Capitalised words that start a sentence or introduce a name but are never part of one.
LEADING_NON_NAME = frozenset(
    """Ông Bà Theo Tại Đến Sau Cùng Với Của Do Khi Trong Năm Ngày Tháng Chiều Sáng Tối Trưa
    Đêm Hôm Anh Chị Cô Chú Bác Em Thầy Cháu Được Nhờ Cho Còn Nhưng Như Và Các Những""".split()
)


def strip_leading(run: str) -> str:
    """Drop leading words that cannot belong to a name (`Ông Nguyễn Văn Danh` -> `Nguyễn Văn Danh`)."""
    syls = run.split(" ")
    while syls and syls[0] in LEADING_NON_NAME:
        syls.pop(0)
    return " ".join(syls)


def is_cap_syllable(syl: str) -> bool:
    """`Thanh` yes; `UBND`, `TW`, `thư`, `7` no."""
    return len(syl) >= 2 and syl.isalpha() and syl[0].isupper() and syl[1:].islower()


def is_person_name(name: str) -> bool:
    """A story person: a listed surname then 1-3 capitalised syllables (2-4 in total). A surname not
    in the list counts before the middle name `Thị` (`Lộc Thị Tâm`), which only women's names have."""
    syls = name.split()
    return (3 <= len(syls) <= 4 if any(s in MIDDLE_LETTERS for s in syls[1:-1]) else 2 <= len(syls) <= 4) \
        and (syls[0] in SURNAMES or (len(syls) >= 3 and syls[1] == "Thị" and syls[0] not in LEADING_NON_NAME)) \
        and is_cap_syllable(syls[-1]) \
        and all(is_cap_syllable(s) or s in MIDDLE_LETTERS for s in syls[:-1])


# How papers sign staff reporters with initials: `Q.M`, `T.N`, `P.Hậu`, `X.T.`, `Đ.Hà`, `P.C.Tùng`.
INITIALS_NAME_RE = re.compile(r"^(?:[A-ZĐ]\.){1,3}\s?(?:[A-ZĐ][^\W\d_]{0,8}\.?)?$")


def is_initials_name(name: str) -> bool:
    return bool(INITIALS_NAME_RE.match(name.strip()))


def is_byline_name(name: str) -> bool:
    """A byline name: 2-5 capitalised syllables (given names alone, `Trọng Hiếu`, are allowed), or
    a reporter's initials (`Q.M`, `P.Hậu`)."""
    syls = name.split()
    return (2 <= len(syls) <= 5 and all(map(is_cap_syllable, syls))) or is_initials_name(name)


def _middle_start(syls: list[str], after_place_word: bool) -> int | None:
    """Where a name with the middle syllable `Văn` or `Thị` starts: at the surname right before
    it (`Trần Thị Hoàng Mai` is one name, not `Hoàng Mai`; `Phú Lâm Trương Văn Hùng` starts at
    `Trương`)."""
    for j in range(1, len(syls) - 1):
        surname = syls[j - 1] in SURNAMES or (syls[j] == "Thị" and syls[j - 1] not in LEADING_NON_NAME)
        if syls[j] in MIDDLE_NAMES and surname and (j > 1 or not after_place_word):
            cand = syls[j - 1:]
            if is_person_name(" ".join(cand)):
                return j - 1
    return None


def split_run(run: str, after_place_word: bool = False) -> str | None:
    """The person name inside a run of capitalised syllables, or None.

    Why: a name often follows an org or place with no punctuation (`Tỉnh ủy Tiền Giang Nguyễn
    Văn Danh`, `Bí thư Tỉnh ủy Ninh Bình Nguyễn Thị Thanh`). The name starts at a surname; it
    may start inside the run only after a prefix of 2+ syllables (a place is rarely one syllable),
    and a common surname at index >= 2 with 2+ syllables after it starts a new name.
    """
    syls = run.split()
    middle = _middle_start(syls, after_place_word)
    if middle is not None:
        return " ".join(syls[middle:])
    starts = []
    if not after_place_word and syls and syls[0] in SURNAMES:
        starts.append(0)
    if len(syls) >= 4 and syls[0] not in SURNAMES and syls[1] in COMMON_SURNAMES:
        starts.append(1)  # `Đảng Phạm Gia Túc`, `Gamma Nguyễn Công Thành`: a one-word organisation
    starts += [
        i for i in range(2, len(syls))
        if syls[i] in COMMON_SURNAMES or (syls[i] in SURNAMES and syls[i - 1] not in SURNAMES)
    ]
    common = [i for i in starts if i >= 2 and syls[i] in COMMON_SURNAMES and len(syls) - i >= 2]
    for i in common + starts:
        cand = " ".join(syls[i:])
        if is_person_name(cand):
            return cand
    return None
