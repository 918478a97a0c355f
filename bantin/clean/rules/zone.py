"""Zone rules: the header above the title and the footer below the story, read from position and shape.

Why zones: a page is banner, menu, breadcrumb, section, TITLE, dateline, LEAD ... story ...
byline, share bar, related links, site footer. Whatever unknown furniture a portal prints sits
in one of the two zones, so a line is judged by where it stands (before the title, after the
story ended) and by its shape (short, no sentence punctuation, Title Case or ALL CAPS, separators),
not by its words. Inside the story nothing is dropped by these rules.
"""
from __future__ import annotations

import re

from bantin.clean.rules.base import TARGET_MARK as M
from bantin.clean.rules.base import Rule, n_words
from bantin.clean.rules.page import FOOTER_STRONG_RE, footer_hits

NAV_SEP_RE = re.compile(r"[|»›>]|\s/\s")
# Outlet and organisation names opening a banner or footer line (`Báo …`, `Cổng thông tin …`).
BANNER_START_RE = re.compile(
    r"^(báo|tạp chí|đài|cổng (thông tin|ttđt)|trang (thông tin|tin)|truyền hình|thông tấn|ban biên tập"
    r"|công an (tỉnh|thành phố|tp|huyện)|ủy ban nhân dân|ubnd|bộ chỉ huy|bộ tư lệnh|sở|tỉnh ủy|thành ủy"
    r"|huyện ủy|hội đồng nhân dân|văn phòng)\b", re.IGNORECASE)
SLOGAN_RE = re.compile(
    r"cơ quan (của|ngôn luận|chủ quản|trung ương)|tiếng nói của|vì nhân dân phục vụ|điện tử$|online$", re.IGNORECASE)
ORG_GENERIC = frozenset(
    "thông tin điện tử phát thanh và truyền hình tỉnh huyện thành phố thị xã quận phường nhân dân online trực tuyến"
    " của ủy tp pt-th ptth ttđt - –".split())
# A footer line opening with its label: `Địa chỉ: …`, `Điện thoại: …`, `Chịu trách nhiệm chính: …`.
FOOTER_LABEL_RE = re.compile(
    r"^(địa chỉ|trụ sở|tòa soạn|điện thoại|đt|tel|hotline|đường dây nóng|fax|e-?mail|website"
    r"|chịu trách nhiệm( chính| nội dung| xuất bản)?|cơ quan chủ quản)\s*:", re.IGNORECASE)
NAV_HEADER_RE = re.compile(r"^(?!.*:\s*\S).{1,60}$")  # a navigation line without a link after a colon


def is_all_caps(text: str) -> bool:
    letters = [ch for ch in text if ch.isalpha()]
    return len(letters) >= 4 and all(ch.isupper() for ch in letters)


def is_org_name(text: str) -> bool:
    """`Báo Lào Cai`, `Cổng thông tin điện tử huyện X`: an outlet word, generic words, proper names only
    (so `UBND tỉnh X triển khai …`, a headline, is not one)."""
    m = BANNER_START_RE.match(text)
    if not m or n_words(text) > 12 or any(ch.isdigit() or ch in ",.;:!?" for ch in text):
        return False
    rest = text[m.end():].split()
    return all(w[:1].isupper() or w.casefold() in ORG_GENERIC for w in rest)


def is_banner_like(text: str) -> bool:
    """An outlet banner or slogan: `BÁO X ĐIỆN TỬ`, `Cổng thông tin điện tử huyện Y`, `Cơ quan của …`."""
    return bool(SLOGAN_RE.search(text)) or (is_all_caps(text) and n_words(text) >= 2) or is_org_name(text)


def has_nav_separators(text: str) -> bool:
    return bool(NAV_SEP_RE.search(text))


def is_footer_like(text: str) -> bool:
    """A site-footer line: a strong cue (licence, copyright, editor), or two weak ones, or an outlet
    name with an address/phone. Only used below the story, where no sentence of it can be."""
    strong, weak = footer_hits(text)
    return (strong >= 1 or weak >= 2 or (weak >= 1 and bool(BANNER_START_RE.match(text))) or is_banner_like(text)
            or bool(FOOTER_LABEL_RE.match(text)))


def is_nav_header(text: str) -> bool:
    """`Tin liên quan`, `Xem thêm`, `Các tin khác:`: a list header, not a link or a breadcrumb."""
    return n_words(text) <= 6 and bool(NAV_HEADER_RE.match(text)) and not has_nav_separators(text)


LEAD = "Ngày 5/3, Ủy ban nhân dân tỉnh tổ chức hội nghị tổng kết công tác bảo đảm an ninh trật tự năm 2022."
BODY = "Hội nghị đã đánh giá kết quả đạt được và đề ra nhiệm vụ trọng tâm cho thời gian tới của toàn tỉnh."
TITLE = "Tỉnh tổng kết công tác bảo đảm an ninh trật tự năm 2022"
END = f"{TITLE}\n{LEAD}\n{BODY}\nThanh Tâm\nChia sẻ"


def _ctx(id_: str, role: str, description: str, *examples: tuple[str, str]) -> Rule:
    return Rule(id=id_, role=role, description=description, examples=tuple(examples), kind="context")


ZONE_RULES: tuple[Rule, ...] = (
    _ctx("header.banner", "ui_text",
         "A line above the title that is not a menu or section: the outlet banner or slogan.",
         (f"{M}TRANG TIN ĐIỆN TỬ HUYỆN MINH LONG\nTin tức > Thời sự\n{TITLE}\n{LEAD}", "ui_text"),
         (f"{M}Sở Giáo dục tổ chức hội nghị triển khai nhiệm vụ năm học mới\n{LEAD}", "title")),
    _ctx("header.menu", "navigation",
         "A line above the title with menu separators (`|`, `>`, `»`) or menu items; also a long run that "
         "opens with `Trang chủ` and ends no sentence (a flattened menu, breadcrumb and title).",
         (f"Đài PT-TH tỉnh\n{M}Văn hóa - Xã hội » Giáo dục - Đào tạo\n\n{TITLE}\n{LEAD}", "navigation"),
         (f"{M}Trang chủ Giới thiệu Tin tức » Thời sự Tỉnh tổng kết công tác bảo đảm an ninh trật tự năm 2022 "
          f"và triển khai nhiệm vụ năm 2023\n{LEAD}", "navigation"),
         (f"{M}Thời sự | Kinh tế\n{LEAD}", "section")),
    _ctx("header.short", "ui_text",
         "A one-to-three word line between the title and the lead (`Chi tiết`, `Video`): a widget label.",
         (f"{TITLE}\n{M}Xem chi tiết\n{LEAD}", "ui_text"),
         (f"{TITLE}\n{LEAD}\n{M}Xem chi tiết\n{BODY}", "subheading")),
    _ctx("byline.head_name", "byline",
         "A personal name between the title and the lead: the author printed under the headline.",
         (f"{TITLE}\n{M}Thanh Tâm - Hữu Phước\n{LEAD}", "byline"),
         (f"{TITLE}\n{LEAD}\n{M}Thanh Tâm - Hữu Phước\n{BODY}", "body")),
    _ctx("footer.info", "ui_text",
         "Below the story: a footer line with one strong cue (copyright, licence, editor) or an outlet "
         "name with its address or phone, even when it reads like a sentence.",
         (f"{END}\n{M}Trang thông tin điện tử Sở Nội vụ. Điện thoại: 0257 3823 456", "ui_text"),
         (f"{END}\n{M}Địa chỉ: 12 Lê Lợi, TP Huế. Email: bbt@huyen.gov.vn", "ui_text"),
         (f"{END}\n{M}Địa chỉ: Số 8 Nguyễn Tất Thành, phường 1, TP Bạc Liêu.", "ui_text"),
         (f"{TITLE}\n{LEAD}\n{M}Văn phòng tỉnh. Điện thoại: 0257 3823 456 để người dân phản ánh.\n{BODY}",
          "body")),
    _ctx("footer.link_list", "navigation",
         "Below the story, after the byline or a share/tag widget: headline-like lines without sentence "
         "punctuation are links to other articles, even without a `Tin liên quan` header.",
         (f"{END}\n{M}Tuyên Hóa ra quân tổng vệ sinh môi trường sau lũ\nBố Trạch: Khởi công cầu dân sinh", "navigation"),
         (f"{TITLE}\n{LEAD}\n{M}Tuyên Hóa ra quân tổng vệ sinh môi trường sau lũ\n{BODY}", "subheading")),
    _ctx("footer.after_end", "ui_text",
         "Below the story, after the byline or a widget: a short label of one to three words.",
         (f"{END}\n{M}Góp ý", "ui_text"),
         (f"{TITLE}\n{LEAD}\n{BODY}\n{M}Góp ý", "body")),
)

__all__ = ["FOOTER_STRONG_RE", "ZONE_RULES", "has_nav_separators", "is_all_caps", "is_banner_like",
           "is_footer_like", "is_nav_header"]
