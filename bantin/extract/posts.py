"""Posts (chức vụ) such as `Bí thư Tỉnh ủy` or `Chủ tịch HĐND tỉnh Tiền Giang`.

A post is a head from a maintained list followed by an organisation phrase. The phrase is read
token by token and stops at the first token that cannot belong to an organisation name (a verb,
punctuation, a person's name). Why a closed vocabulary for lowercase words: Vietnamese posts mix
capitalised and lowercase words (`Phó bí thư Thường trực Thành ủy`, `Trưởng Đoàn đại biểu Quốc
hội tỉnh`), and the verb right after a post (`chủ trì`, `phát biểu`) must not be swallowed.
"""
from __future__ import annotations

import re

from bantin.linear import ends_with
from bantin.vi.gazetteer import canonical_province
from bantin.vi.names import CAP_RUN_RE, CAP_SYL, COMMON_SURNAMES, PLACE_WORD_RE, UPPER, is_person_name, split_run

_HEADS = [
    "Tổng Bí thư", "Phó Thủ tướng", "Thủ tướng", "Bộ trưởng", "Thứ trưởng", "Bí thư",
    "Chủ tịch", "Trưởng ban", "Trưởng Đoàn", "Trưởng phòng", "Trưởng", "Tổng Giám đốc",
    "Giám đốc", "Chỉ huy trưởng", "Chính ủy", "Tư lệnh", "Ủy viên", "UVBCH", "UVBTV", "UVTV",
    "UVBTVTU", "Đại biểu Quốc hội", "Thủ trưởng", "Chánh Văn phòng", "Chánh án", "Chánh Thanh tra",
    "Viện trưởng", "Cục trưởng", "Tổng cục trưởng", "Vụ trưởng", "Hiệu trưởng", "Tham mưu trưởng",
    "Chủ nhiệm", "Đồn trưởng", "Trung đoàn trưởng", "Sư đoàn trưởng",
    # grassroots and political-officer posts: `Tổ trưởng tổ tự quản thôn X`, `Chính trị viên phó Đồn`
    "Tổ trưởng", "Tổ phó", "Chính trị viên", "Trưởng thôn", "Trưởng ấp", "Trưởng bản", "Già làng",
]
_HEAD_ALT = "|".join(re.escape(h) for h in sorted(_HEADS, key=len, reverse=True))
# `Phó`/`Nguyên` prefixes; heads match in any case after the first letter (`Phó bí thư`).
HEAD_RE = re.compile(rf"(?<![\w])(?i:(?:nguyên\s+)?(?:phó\s+)?(?:{_HEAD_ALT}))(?![\w])")
# Officers' ranks, then enlisted ones (`Binh nhất`, `Trung sĩ`) and admirals (`Chuẩn đô đốc`).
RANK_RE = re.compile(
    r"(?:(?:Đại|Thượng|Trung|Thiếu)\s+(?:tướng|tá|úy)|Binh\s+(?:nhất|nhì)|(?:Hạ|Trung|Thượng)\s+sĩ|Chuẩn\s+úy"
    r"|(?:Chuẩn\s+|Phó\s+)?Đô\s+đốc)(?![\w])", re.IGNORECASE
)
# Lowercase words allowed inside an organisation phrase.
_ALLOWED_LOWER = [
    "tỉnh ủy", "thành ủy", "huyện ủy", "đảng ủy", "quận ủy", "thị ủy", "tỉnh", "thành phố", "huyện",
    "quận", "thị xã", "xã", "phường", "thị trấn", "bí thư", "thường trực", "thường vụ", "dự khuyết",
    "ban", "chấp hành", "trung ương", "đảng", "đảng bộ", "ủy ban", "ủy", "nhân dân", "hội đồng",
    "đại biểu", "quân sự", "nội chính", "văn phòng", "an ninh", "quốc phòng", "biên phòng", "công an", "quốc hội",
    "tổ quốc", "kiêm", "giám đốc", "chủ tịch", "chính trị", "quân khu", "bộ", "sở", "lực lượng",
    "vũ trang", "cảnh sát", "trật tự", "an toàn", "xã hội", "giao thông", "hội", "liên hiệp",
    "phụ nữ", "nông dân", "cựu chiến binh", "thanh niên", "đoàn", "mặt trận", "nước",
    "chính phủ", "nhà nước", "trưởng", "phó", "viên", "thành viên", "cơ quan", "khối", "thi hành án",
    "dân sự", "tòa án", "viện kiểm sát", "hậu cần", "kỹ thuật", "đa khoa", "quân y", "hình sự", "kinh tế", "ma túy", "hành chính",
    "tổ", "tự quản", "thôn", "ấp", "bản", "khu phố", "tổ dân phố", "bảo vệ", "bầu cử", "đơn vị",
    "biên giới", "nghĩa vụ quân sự", "an ninh điều tra", "cảnh sát điều tra",
    "bộ đội", "công binh", "pháo binh", "đặc công", "phòng không", "không quân", "hải quân", "thiết giáp",
]
# Also verbs in running text (`tổ chức hội nghị`), so allowed only capitalised (`Ban Tổ chức`).
_CAP_ONLY = ["Tổ chức", "Kiểm tra", "Giám sát", "Điều tra", "Tham mưu", "Chỉ đạo", "Chỉ huy",
             "Dân vận", "Tuyên giáo", "Thi đua", "Khen thưởng", "Giáo dục", "Đào tạo"]
# `và` joins two parts of one name (`Sở Giáo dục và Đào tạo`) unless another entity follows.
_VA_NOT_BEFORE = ["Nghị", "Chỉ thị", "Kết luận", "Quyết định", "Kế hoạch", "Chương trình", "Thông tư", "Luật",
                  "Đề án", "Ban", "Bộ", "Sở", "Ủy", "UBND", "HĐND", "Hội đồng", "Công an", "Mặt trận", "MTTQ",
                  "Tỉnh ủy", "Thành ủy", "Huyện ủy", "Đảng ủy", "Sư đoàn", "Lữ đoàn", "Trung đoàn", "Tiểu đoàn", "Đồn"]
_VA = r"và(?=\s+[{U}])(?!\s+(?:" + "|".join(_VA_NOT_BEFORE) + "))"
# `ban hành` (to issue) is the verb that most often follows an organisation: `ban` is not part of it.
# `sở tại` (local) is not `Sở` (department); `tổ chức` (to organise) is not `tổ` (team).
_NOT_AFTER = {"ban": r"(?!\s+hành)", "sở": r"(?!\s+tại)", "tổ": r"(?!\s+chức)", "bản": r"(?!\s+(?:án|đồ|tin))"}
_LOWER_ALT = "|".join(re.escape(w) + _NOT_AFTER.get(w, "")
                      for w in sorted(_ALLOWED_LOWER, key=len, reverse=True))
_CAP_ONLY_ALT = "|".join(sorted(_CAP_ONLY, key=len, reverse=True))
_TOKEN_RE = re.compile(
    rf"(?:(?P<low>(?i:{_LOWER_ALT})|{_CAP_ONLY_ALT}|{_VA.replace('{U}', UPPER)})|(?P<cap>{CAP_SYL})"
    rf"|(?P<acr>[A-ZĐ][A-ZĐ0-9]*[A-ZĐ0-9](?:-[A-ZĐ0-9]+)?)"
    rf"|(?P<num>\d+)|(?P<paren>\([A-ZĐ][A-ZĐ0-9]+\))|(?P<dash>[-–](?=\s*[{UPPER}])))(?![\w])"
)
_WS_RE = re.compile(r"\s*")
_TRAILING_JUNK_RE = re.compile(r"(?<!\s)(?:\s+(?:và|kiêm|[-–]))+$")
_PAREN_RE = re.compile(r"(?<!\s)\s*\([A-ZĐ][A-ZĐ0-9]+\)")


def _holder_after_place(run: str, place: bool) -> str | None:
    """`... UBND tỉnh Trương Văn Bốn`: after a place word a run is normally the place's name, but a
    whole 3-4 syllable person name there is the post holder (place names rarely open with a surname;
    `Hồ Chí Minh`, which does, is a province)."""
    return run if place and len(run.split()) >= 3 and is_person_name(run) and not canonical_province(run) else None


def read_tail(text: str, end: int, common_names_only: bool = False) -> int:
    """End of the organisation phrase that continues at `end` (a person's name ends it).

    `common_names_only`: only a name with a very common surname ends the phrase; organisation
    names contain rarer surname-like syllables (`Báo Đồng Khởi`).
    """
    while True:
        p = _WS_RE.match(text, end).end()
        c = CAP_RUN_RE.match(text, p)
        if c:
            place = bool(ends_with(PLACE_WORD_RE, text, p))
            name = split_run(c.group(0), after_place_word=place) or _holder_after_place(c.group(0), place)
            if name and (not common_names_only or name.split()[0] in COMMON_SURNAMES):
                keep = c.group(0)[: len(c.group(0)) - len(name)].rstrip()
                return p + len(keep) if keep else end
        t = _TOKEN_RE.match(text, p)
        if not t:
            break
        if t.group("dash") and HEAD_RE.match(text, _WS_RE.match(text, t.end()).end()):
            break  # `X – Ủy viên ...` starts a new post
        end = t.end()
    junk = ends_with(_TRAILING_JUNK_RE, text, end)
    return junk.start() if junk else end


def read_post(text: str, pos: int) -> tuple[str, int, int] | None:
    """The post starting exactly at `pos` (after spaces): (post, start, end), or None.

    A person name inside the phrase ends it (`Bí thư Thành ủy Nguyễn Văn Tuấn` -> post ends
    before `Nguyễn`). Parenthesised acronym definitions are dropped from the post text.
    """
    m = HEAD_RE.match(text, _WS_RE.match(text, pos).end())
    if not m:
        return None
    start, end = m.start(), read_tail(text, m.end())
    return _PAREN_RE.sub("", text[start:end]).strip(), start, end


def read_post_list(text: str, pos: int) -> tuple[list[str], int]:
    """Posts after a name: `– Ủy viên BCH TW Đảng, Bí thư Tỉnh ủy, Chủ tịch HĐND tỉnh`.

    Returns the posts and the end offset; empty when no separator plus head follows `pos`.
    """
    sep = re.compile(r"\s*(?:,|[-–—]|;)\s*")
    posts: list[str] = []
    end = pos
    while True:
        s = sep.match(text, end)
        if not s:
            break
        got = read_post(text, s.end())
        if not got or got[1] != s.end() or not got[0]:
            break
        posts.append(got[0])
        end = got[2]
    return posts, end
