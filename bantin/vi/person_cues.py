"""Context that says a capitalised run is (or is not) a person, for names without a post.

Why: most people of a story are not officials introduced by a post. They are singers, players,
witnesses, soldiers and suspects introduced by a role noun (`ca sĩ Trần Lập`, `Binh nhất Mai
Hữu Trọng`, `danh thủ Huỳnh Đức`), or named bare (`Phạm Văn Thông cho hay`). A bare Vietnamese
full name is kept on its shape alone, but the same shape also names streets, schools and
institutions after historical persons (`2A Nguyễn Thị Minh Khai`, `Trường ĐH Nguyễn Tất Thành`,
`Viện Bỏng Quốc gia Lê Hữu Trác`), and a few famous places look like names (`Thái Bình
Dương`, `Hoa Kỳ`). The tables below are the evidence for and against; an empty field beats a
wrong one, so any sign of a place or an organisation wins over the bare shape.
"""
from __future__ import annotations

import re
from functools import lru_cache

from bantin.vi.gazetteer import canonical_province, is_locality
from bantin.vi.language import is_vietnamese_syllable

# Role nouns written right before a person's name (lower case as written; matched
# case-insensitively). Posts and ranks are in bantin.extract.posts; honorifics in people.py.
ROLE_NOUNS = [
    # arts, media, sport
    "ca sĩ", "nam ca sĩ", "nữ ca sĩ", "nhạc sĩ", "nghệ sĩ", "nsưt", "nsnd", "nghệ sĩ nhân dân",
    "nghệ sĩ ưu tú", "mc", "diễn viên", "nam diễn viên", "nữ diễn viên", "đạo diễn", "biên kịch",
    "nhà văn", "nhà thơ", "nhà báo", "họa sĩ", "nhiếp ảnh gia", "người mẫu", "siêu mẫu", "hoa hậu",
    "á hậu", "danh thủ", "cầu thủ", "tiền đạo", "tiền vệ", "hậu vệ", "thủ môn", "thủ thành", "hlv",
    "huấn luyện viên", "tay vợt", "tay đua", "võ sĩ", "vận động viên", "vđv", "tài tử", "ngôi sao",
    # learning and professions
    "gs", "pgs", "ts", "ths", "bs", "pgs-ts", "pgs.ts", "gs.ts", "giáo sư", "phó giáo sư", "tiến sĩ",
    "thạc sĩ", "viện sĩ", "bác sĩ", "dược sĩ", "kỹ sư", "kỹ sư trưởng", "kiến trúc sư", "luật sư",
    "chuyên gia", "nhà khoa học", "nhà nghiên cứu", "nhà phân tích", "thầy", "thầy giáo", "cô giáo",
    "giảng viên", "sinh viên", "học sinh", "nghiên cứu sinh", "doanh nhân", "tỷ phú", "phóng viên",
    "thẩm phán", "thám tử", "điều tra viên", "kiểm sát viên", "chủ tiệm", "chủ quán", "chủ doanh nghiệp",
    "lão ngư", "ngư dân", "nông dân", "công nhân", "tài xế", "lái xe", "nhân viên",
    # religion and history
    "thượng tọa", "hòa thượng", "ni sư", "đại đức", "sư cô", "linh mục", "mục sư", "tu sĩ",
    "nữ tu sĩ", "đại giáo chủ", "lãnh tụ", "vua", "danh tướng", "anh hùng", "liệt sĩ", "tướng cướp",
    # family and the people of a case
    "anh", "chị", "em", "cháu", "cụ", "con trai", "con gái", "vợ", "chồng", "anh trai", "em trai",
    "chị gái", "em gái", "ông nội", "bà nội", "ông ngoại", "bà ngoại", "nạn nhân", "nghi phạm",
    "nghi can", "bị hại", "người bị hại", "nhân chứng", "tên", "đối tượng", "bị can", "bị cáo",
]
_ROLE_ALT = "|".join(re.escape(w) for w in sorted(ROLE_NOUNS, key=len, reverse=True))
ROLE_BEFORE_RE = re.compile(rf"(?<![\w])(?i:{_ROLE_ALT})\s+$")

# Organisation and place heads: a name after one of them (in the same clause, a few words on)
# names the institution or the street (`Trường trung cấp Kinh tế - kỹ thuật Nguyễn Hữu Cảnh`).
ORG_HEADS = [
    "trường", "đh", "đại học", "cđ", "cao đẳng", "thpt", "thcs", "học viện", "viện", "bệnh viện",
    "đường", "phố", "tuyến phố", "đường sách", "cầu", "nhà thi đấu", "sân vận động", "svđ", "quảng trường",
    "công viên", "hạm đội", "tàu", "tncs", "đoàn tncs", "tấm gương", "đạo đức", "tư tưởng", "giải",
    "quỹ", "công ty", "tập đoàn", "khu di tích", "di tích", "đền", "chùa", "đình", "lăng", "bảo tàng",
    "căn hộ", "chung cư", "khu đô thị", "giải thưởng", "huân chương", "ngã tư", "ngã ba", "nút giao",
]
_ORG_ALT = "|".join(re.escape(w) for w in sorted(ORG_HEADS, key=len, reverse=True))
# A post that ends in a head (`hiệu trưởng Trường ĐH`) still waits for the institution's name.
ORG_END_RE = re.compile(rf"(?<![\w])(?i:{_ORG_ALT})$")
# The head may be followed by up to four more words of the organisation's name.
ORG_BEFORE_RE = re.compile(rf"(?<![\w])(?i:{_ORG_ALT})(?:\s+[^\s,;:()]+){{0,8}}\s+$")
# What before a name makes it an address or a chain of places: a house number (`2A`, `173`,
# `số 47,`; not a date: `5/2019,`) or a dash (`Cầu Chương Dương - Nguyễn Văn Cừ`).
ADDRESS_BEFORE_RE = re.compile(r"(?:(?<![\w/])(?:số\s+\d+[A-Za-z\d/]*,?|\d+[A-Za-z\d]*)|[-–—/])\s+$")
# An address goes on with its ward or district: `Nguyễn Công Trứ, Quận Lê Chân`.
ADDRESS_AFTER_RE = re.compile(r",?\s+(?:[Pp]hường|[Qq]uận|[Hh]uyện|P\.|Q\.|TP\.?|[Tt]hị xã)(?![\w])|[-–]\w")
# Famous places and bodies that have a surname-first shape.
NOT_PEOPLE = frozenset({
    "Thái Bình Dương", "Ấn Độ Dương", "Đại Tây Dương", "Bắc Băng Dương", "Hoa Kỳ", "Lầu Năm Góc",
    "Hồ Gươm", "Hồ Tây", "Hoàng Sa", "Trường Sa", "Hồ Chí Minh", "Đông Nam Á", "Tây Nguyên",
    "Thái Lan", "Trung Quốc", "Hàn Quốc", "Triều Tiên", "Nhật Bản", "Ấn Độ", "Việt Nam", "Đài Loan",
})
# Words that open a bare run without being a surname there (`Phó Thường trực`: deputy), and
# organisation words that no bare name contains (`Đoàn Ban Từ thiện`).
NOT_BARE_FIRST = frozenset({"Phó"})
ORG_WORDS = frozenset("Ban Bộ Sở Hội Cục Viện Trường".split())
# First words of organisations that follow role nouns (`phóng viên Báo Đồng Nai`, `sinh viên Trường
# Đại học`): a given name never starts with them.
ORG_FIRST = ORG_WORDS | frozenset("Báo Đài Tạp Nhà Học Bệnh Phòng Đội Tổ Khoa Tập Quỹ Đảng Sông Biển Vịnh Núi".split())


def role_before(text: str, start: int) -> bool:
    """A role noun ends right before `start`: `ca sĩ Tuấn Hưng`, `Binh nhất ...` (ranks are posts')."""
    return bool(ROLE_BEFORE_RE.search(text, max(0, start - 40), start))


def org_before(text: str, start: int) -> int | None:
    """Where an institution or street head (ORG_HEADS) opens the words right before `start`."""
    m = ORG_BEFORE_RE.search(text, max(0, start - 80), start)
    return m.start() if m else None


def address_around(text: str, start: int, end: int) -> bool:
    """A house number or a dash before the name, a ward or district after it."""
    return bool(ADDRESS_BEFORE_RE.search(text, max(0, start - 20), start) or ADDRESS_AFTER_RE.match(text, end))


def org_or_address(text: str, start: int, end: int) -> bool:
    """The name at text[start:end] belongs to an institution, a street or an address."""
    return org_before(text, start) is not None or address_around(text, start, end)


def ends_in_org_head(post: str) -> bool:
    """`hiệu trưởng Trường ĐH` + `Nguyễn Tất Thành`: a post ending in an institution head with no
    name of its own is completed by the run after it, which is the institution's name."""
    return bool(ORG_END_RE.search(post))


def bare_shape(name: str) -> bool:
    """A bare run can be a Vietnamese name: Vietnamese syllables only (not `Hoa Kỳ Pete Hegseth`),
    no deputy `Phó` first, no organisation word after the first syllable."""
    syls = name.split()
    return syls[0] not in NOT_BARE_FIRST and not ORG_WORDS & set(syls[1:]) \
        and all(is_vietnamese_syllable(s) for s in syls)


def is_province_like(name: str) -> bool:
    """A province or a famous place (`Hà Nội`, `Thái Lan`): never a person after a role noun."""
    return name in NOT_PEOPLE or bool(canonical_province(name))


@lru_cache(maxsize=4096)
def is_place_name(name: str) -> bool:
    """A province, a locality of the gazetteer (`Tăng Nhơn Phú`, `Hoàng Mai`) or a famous place."""
    return is_province_like(name) or is_locality(name)
