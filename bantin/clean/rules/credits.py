"""Credits: who wrote the article and where it came from (bylines, source lines, citations).

Why in one place: a credit is either labelled (`Bài, ảnh: X`, `Nguồn: …`, `Theo Báo …`,
`(1) … Nxb …, tr. 45`), which a line rule reads alone, or a bare name (`Đặng Hà`, `THU HƯƠNG -
ĐỨC ANH`), which is a byline only where it stands (under the title, after the last paragraph).
`is_name_like` is the shape test for those bare names; the passes of `classify` and `zones`, and
the meta-bar rule of `datelines`, use it. Picture credits are captions (`captions`).
"""
from __future__ import annotations

import re

from bantin.clean.rules.base import EXAMPLE_BODY as BODY
from bantin.clean.rules.base import EXAMPLE_LEAD as LEAD
from bantin.clean.rules.base import EXAMPLE_TITLE as TITLE
from bantin.clean.rules.base import TARGET_MARK as M
from bantin.clean.rules.base import Rule, context_rule, inline_rule, line_rule, n_words
from bantin.vi.gazetteer import canonical_province, is_locality
from bantin.vi.names import NAME_DASH, is_initials_name

I = re.IGNORECASE
MORE = "Các đại biểu cũng thống nhất nhiều giải pháp cho năm tới."  # a paragraph after the target
BYLINE_RE = re.compile(
    r"^(bài|tin|video|clip|đồ họa|bài và ảnh|tin và ảnh|bài, ảnh|tin, ảnh|bài/ảnh|tin/ảnh"
    r"|bài - ảnh|tin - ảnh|(bài|tin|ảnh)\s*[+&]\s*(ảnh|bài)|thực hiện|nhóm (pv|phóng viên)|phóng viên|pv|ctv|người viết|tác giả"
    r"|biên tập|trình bày|thiết kế|quay phim|dựng phim|thể hiện|chế bản|kịch bản|nội dung)\s*:\s*\S.{0,60}$"
    r"|^(written by|posted by|author|by|viết bởi|đăng bởi|gửi bởi)\s*:?\s+\S.{0,60}$"
    r"|^nhóm (pv|phóng viên|ctv|tác giả)\b.{0,40}$", I)
SOURCE_CREDIT_RE = re.compile(
    r"^\(?\s*(nguồn|source)( (video|clip|tin|bài|tham khảo|dữ liệu|số liệu))?\s*:\s*.+$"
    r"|^\(?\s*theo\s+(báo|tạp chí|cổng|trang|đài|thông tấn|ttxvn|vtv|vov|tuổi trẻ|thanh niên|dân trí"
    r"|vnexpress|nhân dân|vietnamnet|vietnamplus|znews|zing|vnanet|sggp|sài gòn giải phóng|tiền phong|qđnd"
    r"|quân đội nhân dân|công an nhân dân|cand|an ninh thủ đô|hà nội mới|đại đoàn kết|vtc|htv"
    r"|[\w.-]+\.(vn|com|net|org))\b[^,]*\)?\.?$"
    r"|^\(\s*(tổng hợp|t/h|sưu tầm|lược dịch|biên dịch|theo nhiều nguồn)\s*\)\.?$"
    r"|^\((ttxvn|vna|vov|vtv|ttxvn/vietnam\+)\)$", I)
FOOTNOTE_RE = re.compile(r"^[(\[]\d{1,3}[)\]]\s*\S")
CITATION_RE = re.compile(
    r"\bnxb\b|nhà xuất bản|\btr\.\s*\d|\btrang \d|tạp chí|văn kiện|\bsđd\b|\btlđd\b|toàn tập|^\W*\d+\W*\s*xem\s*:"
    r"|hà nội,\s*\d{4}|số \d+,\s*(tháng|năm|ngày)", I)
PRINT_ISSUE_RE = re.compile(
    r"^(bài (viết|báo)|bài|tác phẩm)( này)? (đã )?(được )?(đăng|in|đăng tải|xuất bản|công bố) (trên|tại|trong)"
    r" .{3,80}\b(số|kỳ)\s*\d", I)
# What may follow an author's name: `(nbtv.vn)`, `- baobinhduong.vn`, `/TTXVN`, `/QĐND-Quân khu 2`.
NAME_SUFFIX_RE = re.compile(
    r"(?<!\s)\s*(\([^()]{1,80}\)|[-–—/]\s*[\w.]+\.(vn|com|net|org)|/\s*(?-i:[A-ZĐ]{2,}[\w.+]*)(\s*[-–]\s*\w+( \w+){0,3})?)\s*$",
    re.IGNORECASE)
NAME_SEP_RE = re.compile(rf"(?<!\s)\s*(?:,|;|/|\s—\s|{NAME_DASH}|\svà\s)\s*")
ABBREV_NAME_RE = re.compile(r"^[A-ZĐ]{2,6}$")
# Military and police ranks, degrees and professions printed before an author's name
# (`Đại úy LÊ MINH ĐỨC`, `ThS. Nguyễn Văn A`, `Nhà báo Trần B`).
RANK_PREFIX_RE = re.compile(
    r"^((đại|thượng|trung|thiếu) (tướng|tá|úy)|đại úy|binh nhất|binh nhì|hạ sĩ|trung sĩ|thượng sĩ|chuẩn úy"
    r"|(gs|pgs|ts|ths|bs|ls|kts|cn|ncs)\.?(\s*(ts|ths|bs)\.?)*|giáo sư|tiến sĩ|thạc sĩ|bác sĩ|luật sư|kiến trúc sư"
    r"|nhà báo|nhà văn|nhà thơ|nghệ sĩ|nsnd|nsưt|cựu chiến binh)\s+(?=\S)", re.IGNORECASE)
NAME_MAX_WORDS = 10
POST_MAX_WORDS = 14
PAIR_SEP_RE = re.compile(NAME_DASH)


def _is_name(part: str) -> bool:
    """`Đặng Hà` or, as many papers print bylines, `ĐẶNG HÀ`; a lone abbreviation (`PV`)."""
    words = part.split()
    if len(words) == 1:
        return bool(ABBREV_NAME_RE.match(words[0]))
    caps = all(w.isupper() and w.isalpha() for w in words)
    return 2 <= len(words) <= 5 and (caps or all(w[0].isupper() and w[1:].islower() and w.isalpha() for w in words))


def is_name_like(text: str) -> bool:
    """Author names: `Đặng Hà`, `Nguyễn Giang (nbtv.vn)`, `Minh Anh - Thu Hà`, `PV`."""
    core = RANK_PREFIX_RE.sub("", NAME_SUFFIX_RE.sub("", text).strip(), count=1)
    if not core or n_words(core) > NAME_MAX_WORDS:
        return False
    parts = [p for p in NAME_SEP_RE.split(core) if p]
    return all(_is_name(p) for p in parts)


# What a signature may carry after the name: `(tổng hợp)`, `/VOV online`, `/Báo Tin tức và Dân tộc`,
# `- Theo Dân Trí`, `(TTXVN)`.
SIGNATURE_SUFFIX_RE = re.compile(
    r"\s*(\((tổng hợp|t/h|lược dịch|theo [^()]{2,40}|[^()]{1,40})\)|/\s*[^/]{2,40}|\s[-–]\s*theo\s+[^-–]{2,40})\s*\.?$",
    re.IGNORECASE)
# A source credit closing the story: `Theo Tri Thức`, `(theo AFP)`, `(Theo Vientiane Times)`.
TAIL_SOURCE_RE = re.compile(
    r"^\(?\s*(theo|nguồn)\s*:?\s+(?-i:[A-ZĐÀ-Ỹ0-9][\w.&+-]*)(\s+(?-i:[A-ZĐÀ-Ỹ0-9][\w.&+-]*)){0,4}\s*\)?\.?$",
    re.IGNORECASE)


def is_signature(text: str) -> bool:
    """How a reporter signs the end of a story: a name (`Như Phúc`, `QUỐC LINH`), initials (`Q.M`,
    `P.Hậu`), or two of them (`G.Thùy - H.Lân`), either with an outlet or `(tổng hợp)` after it
    (`Vũ Hạnh/VOV online`)."""
    core = SIGNATURE_SUFFIX_RE.sub("", text.strip()).strip()
    return bool(core) and (is_initials_name(core.strip("()")) or is_name_like(core) or is_name_pair(core))


def is_tail_source(text: str) -> bool:
    return bool(TAIL_SOURCE_RE.match(text.strip()))


def is_post_signature(text: str) -> bool:
    """An officer signing an opinion piece with rank, name in capitals and post, no stop:
    `Đại tá HOÀNG TUẤN, Viện trưởng Viện Thiết kế, Tổng cục Hậu cần`."""
    m = RANK_PREFIX_RE.match(text.strip())
    if not m or text.rstrip().endswith((".", "!", "?", ":")):
        return False
    name, comma, post = text.strip()[m.end():].partition(",")
    words = name.split()
    return (bool(comma) and 2 <= len(words) <= 5 and all(w.isupper() and w.isalpha() for w in words)
            and 0 < n_words(post) <= POST_MAX_WORDS)


def is_name_pair(text: str) -> bool:
    """Two or more reporters' names joined by dashes on a line of their own (`Huyền Chi - Nguyễn
    Dương`, `Q.LINH - Q.PHƯƠNG`, `PHƯƠNG NAM-CHÍNH THÀNH`); a pair of places (`Hà Nội - Hải Phòng`,
    a route) is not one. At most half the parts may read as places: many given names are also a
    commune's (`Phương Nam`)."""
    parts = [p.strip() for p in PAIR_SEP_RE.split(text.strip())]
    places = [is_locality(p) or bool(canonical_province(p)) for p in parts]
    return len(parts) >= 2 and 2 * sum(places) <= len(parts) and all(
        is_initials_name(p) or (_is_name(p) and len(p.split()) >= 2) for p in parts)


def is_footnote(text: str) -> bool:
    """A numbered note (`(1)`, `[2]`) that cites a publication, not a numbered list item."""
    return bool(FOOTNOTE_RE.match(text)) and bool(CITATION_RE.search(text))


RULES: tuple[Rule, ...] = (
    line_rule("byline.labelled", "byline",
              "An author credit with a label: `Bài, ảnh: X`, `Tin: X`, `PV:`, `Written by X`.",
              [("Bài, ảnh: Hoàng Lam", "byline"), ("Written by Ban biên tập", "byline"),
               ("Tin và ảnh: Minh Thư", "byline"), ("Bài & ảnh: Ngọc Hà", "byline"), ("Đăng bởi Trần Văn Tâm", "byline"),
               ("Nhóm phóng viên thời sự", "byline"), ("Nhóm PV - Báo Công Thương", "byline"),
               ("Thiết kế: Minh Hoàng", "byline"), ("Quay phim: Đức Tài", "byline"),
               ("Bài viết: những điều cần biết về an ninh mạng", "body"),
               ("Nhóm phóng viên đã có mặt tại hiện trường ngay trong đêm.", "body")],
              pattern=BYLINE_RE, max_words=12),
    line_rule("source.credit", "source_credit",
              "Where the article was taken from: `Nguồn: …`, a short `Theo <outlet>`, `(TTXVN)`.",
              [("Nguồn: Cổng TTĐT tỉnh Quảng Bình", "source_credit"), ("Theo baochinhphu.vn", "source_credit"),
               ("Nguồn video: VTV1", "source_credit"), ("(Theo Báo Nhân Dân)", "source_credit"),
               ("(Theo Tiền Phong)", "source_credit"), ("(Tổng hợp)", "source_credit"),
               ("Theo Phó bí thư Thường trực Thành ủy, thời gian tới thành phố sẽ triển khai.", "body")],
              pattern=SOURCE_CREDIT_RE, max_words=12),
    line_rule("source.footnote", "source_credit",
              "A numbered note citing a source (`(1) Văn kiện …, Nxb …, tr. 45`, `[2] Xem: … Tạp chí …, số …`).",
              [("(3) Hồ Chí Minh: Toàn tập, Nxb Chính trị quốc gia, Hà Nội, 2011, t. 5, tr. 120.", "source_credit"),
               ("[2] Xem: Tạp chí Quốc phòng toàn dân, số 5, tháng 5-2024", "source_credit"),
               ("(1) Tăng cường công tác tuyên truyền, giáo dục chính trị tư tưởng;", "body")],
              predicate=is_footnote, max_words=80),
    line_rule("source.print_issue", "source_credit",
              "Where the article was printed first: `Bài đăng trên Báo X số 123, ngày …`.",
              [("Bài đăng trên Báo Quân đội nhân dân số 24.512 ra ngày 3/6/2025", "source_credit"),
               ("Bài viết được in trong Tạp chí Tuyên giáo số 7/2024", "source_credit"),
               ("Bài viết được đăng trên Tạp chí Cộng sản đã thu hút sự quan tâm của bạn đọc.", "body")],
              pattern=PRINT_ISSUE_RE, max_words=30),
    context_rule(
        "byline.tail_name", "byline",
        "A personal name (optionally with `(outlet)` or a long affiliation, or in CAPITALS), initials "
        "(`D.Thu`) or a signature with its outlet (`Thế Đoàn/Báo Tin tức`) after the last paragraph: the "
        "author; also an office name (`Văn phòng UBND tỉnh`) right after the story.",
        (f"{TITLE}\n{LEAD}\n{BODY}\n{M}Đặng Hà", "byline"),
        (f"{TITLE}\n{LEAD}\n{BODY}\n{M}D.Thu", "byline"),
        (f"{TITLE}\n{LEAD}\n{BODY}\n{M}Thế Đoàn/Báo Tin tức và Dân tộc", "byline"),
        (f"{TITLE}\n{LEAD}\n{BODY}\n{M}Nguyễn Giang (nbtv.vn)", "byline"),
        (f"{TITLE}\n{LEAD}\n{BODY}\n{M}THU HƯƠNG - ĐỨC ANH", "byline"),
        (f"{TITLE}\n{LEAD}\n{BODY}\n{M}Thượng tá NGUYỄN VĂN HÙNG (Bộ Chỉ huy Quân sự tỉnh)", "byline"),
        (f"{TITLE}\n{LEAD}\n{BODY}\n{M}ThS. Lê Thị Hoa", "byline"),
        (f"{TITLE}\n{LEAD}\n{BODY}\n{M}Quang Vinh/TTXVN", "byline"),
        (f"{TITLE}\n{LEAD}\n{BODY}\n{M}Hà Linh/QĐND-Quân khu 2", "byline"),
        (f"{TITLE}\n{LEAD}\n{BODY}\n{M}Văn phòng Tỉnh ủy", "byline"),
        (f"{TITLE}\n{LEAD}\n{BODY}\n{M}Hoàng Yến (Trung tâm Truyền thông và Văn hóa thị xã)", "byline"),
        (f"{TITLE}\n{LEAD}\n{BODY}\n{M}Đại tá HOÀNG TUẤN, Viện trưởng Viện Thiết kế, Tổng cục Hậu cần", "byline"),
        (f"{TITLE}\n{LEAD}\n{M}Đặng Hà\n{BODY}", "body")),
    context_rule(
        "byline.name_pair", "byline",
        "Two or more reporters' names joined by dashes on a line of their own, right after a paragraph "
        "that ends a sentence, anywhere on the page (an item of a digest, a part of a series): "
        "`Huyền Chi - Nguyễn Dương`, `Q.LINH - Q.PHƯƠNG`, `PHƯƠNG NAM-CHÍNH THÀNH`. A pair of places (a "
        "route) is not one.",
        (f"{TITLE}\n{LEAD}\n{BODY}\n{M}Huyền Chi - Nguyễn Dương\n{MORE}", "byline"),
        (f"{TITLE}\n{LEAD}\n{BODY}\n{M}PHƯƠNG NAM-CHÍNH THÀNH\n{MORE}", "byline"),
        (f"{TITLE}\n{LEAD}\n{BODY}\n{M}Q.LINH - Q.PHƯƠNG\nNâng tầm hội thi\n{MORE}", "byline"),
        (f"{TITLE}\n{LEAD}\n{BODY}\n{M}Hà Nội - Hải Phòng\n{MORE}", "body"),
        (f"{TITLE}\n{LEAD}\nHội nghị kết thúc vào buổi chiều cùng ngày\n{M}Huyền Chi - Nguyễn Dương\n{MORE}",
         "body")),
    inline_rule(
        "byline.tail_piece", "byline",
        "The reporter's signature glued after the last sentence of the story: a name, initials, or a name "
        "with its outlet (`…hành vi trên.Phùng Sơn`, `… Q.M`, `… Vũ Hạnh/VOV online`).",
        (f"{TITLE}\n{LEAD}\n{BODY} Đoàn đã xử lý nghiêm các hành vi trên.⟦Phùng Sơn⟧", "byline"),
        (f"{TITLE}\n{LEAD}\n{BODY} ⟦Q.M⟧", "byline"),
        (f"{TITLE}\n{LEAD}\n{BODY} ⟦Vũ Hạnh/VOV online⟧", "byline"),
        (f"{TITLE}\n{LEAD}\n{BODY[:-1]} trên địa bàn.⟦Phùng Sơn⟧\n{BODY}", "body")),
    inline_rule(
        "byline.item_piece", "byline",
        "Initials in brackets closing a paragraph inside the story: the signature of one item of a digest "
        "(`… (N.V)`, `… (P.C.Tùng)`); the story goes on after it.",
        (f"{TITLE}\n{LEAD}\n{BODY} ⟦(P.C.Tùng)⟧\n{BODY}", "byline"),
        (f"{TITLE}\n{LEAD}\n{BODY} ⟦(N.V)⟧", "byline"),
        (f"{TITLE}\n{LEAD}\n{BODY} ⟦(Hà Nội)⟧\n{BODY}", "body")),
    inline_rule(
        "source.tail_piece", "source_credit",
        "A source credit closing the story, inside its last line or as a unit after it (an outlet no list "
        "names): `… Theo Tri Thức`, `… (theo AFP)`, `… Hoàng Cường Theo Philstar`.",
        (f"{TITLE}\n{LEAD}\n{BODY} ⟦(Theo Vientiane Times)⟧", "source_credit"),
        (f"{TITLE}\n{LEAD}\n{BODY} Phương Giang ⟦Theo Tri Thức⟧", "source_credit"),
        (f"{TITLE}\n{LEAD}\n{BODY} ⟦Theo Bộ Công an, năm nay số vụ việc giảm mạnh so với năm trước.⟧", "body")),
    inline_rule(
        "source.item_piece", "source_credit",
        "A source credit before an item's initials inside a digest (`Theo The Daily Mail (Đ.T)`): that item's "
        "source, not the article's; the story goes on after it.",
        (f"{TITLE}\n{LEAD}\n{BODY} ⟦Theo The Daily Mail⟧ (Đ.T)\n{BODY}", "source_credit"),
        (f"{TITLE}\n{LEAD}\n{BODY} ⟦Theo Bộ Công an, năm nay số vụ việc giảm.⟧ (Đ.T)\n{BODY}", "body")),
    context_rule(
        "byline.head_name", "byline",
        "A personal name between the title and the lead: the author printed under the headline.",
        (f"{TITLE}\n{M}Thanh Tâm - Hữu Phước\n{LEAD}", "byline"),
        (f"{TITLE}\n{LEAD}\n{M}Hữu Phước\n{BODY}", "body")),
)
