"""Navigation: links to other pages (breadcrumbs, menus, section labels, related-article headers and
lists, pagers, `Xem tiếp trang 6`, arrow-bulleted links).

Why by shape rather than by string: every CMS (Joomla, WordPress, DNN, Liferay, in-house) prints
the same furniture with its own words. A breadcrumb is short items joined by `>`/`»`; a menu is
Title-Case items starting at `Trang chủ`, joined by `|` or set apart by wide gaps; a pager is page
numbers; a related list is a header (`Tin liên quan`) followed by headline-like lines. None of
them ends like a sentence. `is_nav_header` and `has_nav_separators` are what the passes of
`classify` and `zones` read to find such lists and menus by position.
"""
from __future__ import annotations

import re

from bantin.clean.rules.base import (
    CLAUSE_END_RE,
    Rule,
    context_rule,
    inline_rule,
    line_rule,
    n_words,
)
from bantin.clean.rules.base import EXAMPLE_BODY as BODY
from bantin.clean.rules.base import EXAMPLE_LEAD as LEAD
from bantin.clean.rules.base import EXAMPLE_TITLE as TITLE
from bantin.clean.rules.base import TARGET_MARK as M

I = re.IGNORECASE
NAVIGATION_RE = re.compile(
    r"^(newer|older|next|previous|more) (news )?(items|posts|articles|news)\s*:?$"
    r"|^(các |những )?(tin|bài|bài viết|tin tức|tin bài|video|clip|ảnh|phóng sự|podcast)"
    r"(\s*(,|/|và)\s*(tin|bài|bài viết|tin tức|video|ảnh))?\s*(liên quan|khác|cùng chuyên mục"
    r"|cùng danh mục|cùng sự kiện|mới hơn|cũ hơn|đã đưa|nổi bật|xem nhiều|mới nhất|đọc nhiều|mới|trước|sau"
    r"|cùng loại)(\s+(trên trang|của chuyên mục|trong ngày|trong tuần|cùng chuyên mục))?\s*:?$"
    r"|^((đọc|xem) nhiều( nhất)?|mới nhất|quan tâm nhất|được quan tâm|tin nóng|tin vắn|tiêu điểm"
    r"|có thể bạn (quan tâm|muốn đọc|chưa đọc)|bạn (có thể|nên) (quan tâm|đọc)|đừng bỏ lỡ|gợi ý cho bạn"
    r"|(bài viết |tin |bài )?cùng tác giả)\s*:?$"
    r"|^(xem thêm|đọc thêm|các tin khác|các bài khác|các tin đã đưa|related( articles| posts| news)?"
    r"|read more|see also)\b"
    r"|^(tin|bài|bài viết|video|clip) (được )?(xem|đọc) nhiều( nhất)?\s*:"
    r"|^(trở về|quay lại|quay về|về đầu trang|lên đầu trang|về trang chủ|back to top|trang trước|trang sau"
    r"|tiếp theo|bài trước|bài sau|bài tiếp theo)\s*:?$"
    r"|^(trang chủ|home)(\s*([>»›/|]|>>)\s*[^>»›/|]{1,40})+$",
    I)
_ITEM = r"[^>»›|.!?]{1,40}"
BREADCRUMB_RE = re.compile(
    rf"^((bạn đang ở|vị trí|you are here|đang xem)\s*:?\s*)?{_ITEM}(\s*(>>|>|»|›|\s/\s)\s*{_ITEM})+$", I)
BREADCRUMB_PREFIX_RE = re.compile(r"^(bạn đang ở|vị trí|you are here|đang xem)\b", I)
BREADCRUMB_SEP_RE = re.compile(r"(?<!\s)\s*(?:>>|>|»|›|\s/\s)\s*")
BREADCRUMB_ITEM_MAX_WORDS = 6
MENU_START_RE = re.compile(r"^(trang chủ|home)\s+\S", I)
MENU_ITEM_RE = re.compile(r"^(trang chủ|home|giới thiệu|liên hệ|dịch vụ công|hỏi đáp|sơ đồ (site|trang|cổng)|sitemap)$", I)
MENU_MAX_WORDS = 30  # a `Trang chủ …` menu of a dozen two-word sections
PIPE_SPLIT_RE = re.compile(r"(?<!\s)\s*\|\s*")
GAP_SPLIT_RE = re.compile(r"\s*[•·]\s*|\s{2,}|\t")
SECTION_LABEL_RE = re.compile(r"^(chuyên mục|danh mục|category|lĩnh vực|thể loại)\s*:\s*[^.!?]{1,60}$", I)
PAGINATION_RE = re.compile(
    r"^((«|‹|<)\s*)?((trang )?(trước|đầu)\s+)?(\d{1,3}\s+)+\d{1,3}(\s+((trang )?(sau|tiếp|cuối)))?(\s*(»|›|>))?$", I)
CONTINUED_RE = re.compile(
    r"^\(?\s*((xem |đọc )?tiếp (theo )?(ở |tại )?trang \d+|(còn nữa|còn tiếp|hết|kỳ sau)(\s*[:…].{0,80})?)\s*\)?\.?$"
    r"|^(đọc|xem) tiếp\s*(»|>>|…|\.\.\.)?$", I)
ARROW_LINK_RE = re.compile(r"^(»|>>|›|→|▸|►|⇒)\s*\S")
NAV_SEP_RE = re.compile(r"[|»›>]|\s/\s")
NAV_HEADER_RE = re.compile(r"^(?!.*:\s*\S).{1,60}$")  # a navigation line without a link after a colon
NAV_HEADER_MAX_WORDS = 6


def has_nav_separators(text: str) -> bool:
    return bool(NAV_SEP_RE.search(text))


def is_nav_header(text: str) -> bool:
    """`Tin liên quan`, `Xem thêm`, `Các tin khác:`: a list header, not a link or a breadcrumb."""
    return n_words(text) <= NAV_HEADER_MAX_WORDS and bool(NAV_HEADER_RE.match(text)) and not has_nav_separators(text)


def is_breadcrumb(text: str) -> bool:
    """Three or more short items (two after `Bạn đang ở:`), each with letters, no sentence end."""
    if CLAUSE_END_RE.search(text):
        return False
    parts = [p for p in BREADCRUMB_SEP_RE.split(BREADCRUMB_PREFIX_RE.sub("", text).lstrip(" :")) if p.strip()]
    enough = len(parts) >= 3 or (len(parts) >= 2 and bool(BREADCRUMB_PREFIX_RE.match(text)))
    return enough and all(n_words(p) <= BREADCRUMB_ITEM_MAX_WORDS and any(ch.isalpha() for ch in p) for p in parts)


def _menu_item(part: str, max_words: int = 5) -> bool:
    """A menu entry: a few words, letters in it, a capital (or digit) first, no sentence end."""
    part = part.strip()
    return (1 <= n_words(part) <= max_words and any(ch.isalpha() for ch in part)
            and (part[0].isupper() or part[0].isdigit() or not part[0].isalnum()) and not CLAUSE_END_RE.search(part))


def is_menu(text: str) -> bool:
    """`Trang chủ Tin tức Liên hệ` (Title-Case items), >= 3 short items joined by `|`, or >= 4
    capitalised items set apart by wide gaps (`Thời sự   Thế giới   Pháp luật`). A menu may be long
    (twenty sections and more), so the item count is not capped; each item is."""
    if CLAUSE_END_RE.search(text):
        return False
    pipe_parts = [p for p in PIPE_SPLIT_RE.split(text) if p.strip()]
    if (len(pipe_parts) >= 3 and all(_menu_item(p, 8) for p in pipe_parts)
            and sum(n_words(p) for p in pipe_parts) <= 4 * len(pipe_parts)):
        return True
    gap_parts = [p for p in GAP_SPLIT_RE.split(text.strip()) if p.strip()]
    if len(gap_parts) >= 4 and all(_menu_item(p) for p in gap_parts) and not any(ch.isdigit() for ch in text):
        return True
    if any(ch.isdigit() for ch in text) or n_words(text) > MENU_MAX_WORDS:
        return False
    if MENU_ITEM_RE.match(text):
        return True
    if MENU_START_RE.match(text):
        words = text.split()
        caps = sum(w[:1].isupper() for w in words)  # `Thời sự`: one capital per two-syllable item
        return caps >= 3 and caps * 5 >= len(words) * 2
    return False


def is_arrow_link(text: str) -> bool:
    """An arrow-bulleted line that ends no sentence (a linked headline may ask a question)."""
    return bool(ARROW_LINK_RE.match(text)) and not CLAUSE_END_RE.search(text.rstrip("?"))


LINK = line_rule(
    "navigation.link", "navigation",
    "Links to other pages: `Tin liên quan`, `Xem thêm`, `Newer/Older news items:`, breadcrumbs.",
    [("Newer news items:", "navigation"), ("Tin liên quan", "navigation"),
     ("Xem thêm: Bến Tre ra quân trấn áp tội phạm", "navigation"),
     ("Trang chủ > Tin tức > Thời sự", "navigation"), ("Các tin cùng chuyên mục", "navigation"),
     ("Ảnh khác", "navigation"), ("Những tin cũ hơn:", "navigation"), ("Các tin, bài viết khác", "navigation"),
     ("Xem nhiều nhất", "navigation"), ("Có thể bạn quan tâm", "navigation"), ("Đừng bỏ lỡ", "navigation"),
     ("Bài tiếp theo", "navigation"), ("Video được xem nhiều: Cảnh sát nằm trên nắp capô chặn ôtô chạy đường cấm",
                                       "navigation"),
     ("Tin mới được cập nhật liên tục trên hệ thống của Sở.", "body"),
     ("Video được xem nhiều nhất trên mạng xã hội là clip ghi lại vụ tai nạn.", "body"),
     ("Tin tức liên quan đến vụ việc được cơ quan chức năng xác minh.", "body"),
     ("Có thể bạn quan tâm đến chính sách hỗ trợ mới của tỉnh.", "body")],
    pattern=NAVIGATION_RE, max_words=25)

# Inside a line: the header of a related-articles list, or a link to read more, and what follows
# it on that line (`* Tin bài liên quan:`, `> Xem chi tiết`, `» A » B » C`).
RELATED_PIECE_RE = re.compile(
    r"^[-*>»•\s]*((tin|bài)( bài| viết)? (liên quan|cùng chuyên mục|khác)|xem (thêm|chi tiết|tiếp)|đọc thêm)\b"
    r"|^\s*[»›]\s*\S", re.IGNORECASE)
# A teaser of another story printed after this one, opened like a story by an outlet tag.
TEASER_PREFIX_RE = re.compile(r"^([\w.]{2,20}\.(vn|VN|com|net)|\(\s*[\w.]{2,20}\s*\))\s*[-–—]\s+\S")


def is_related_piece(text: str) -> bool:
    return bool(RELATED_PIECE_RE.match(text))


def is_teaser_piece(text: str) -> bool:
    return bool(TEASER_PREFIX_RE.match(text))


RULES: tuple[Rule, ...] = (
    inline_rule(
        "navigation.related_piece", "navigation",
        "A related-articles header or a read-more link inside a line, and the headlines after it on that line "
        "(`* Tin bài liên quan: …`, `> Xem chi tiết`, each `» link` of a list).",
        (f"{TITLE}\n{LEAD}\n{BODY} ⟦> Xem chi tiết⟧", "navigation"),
        (f"{TITLE}\n{LEAD}\n{BODY} ⟦» Miền Bắc có mưa đá⟧ » Mưa đá bất thường ở Sài Gòn", "navigation"),
        (f"{TITLE}\n{LEAD}\n⟦{BODY}⟧ Xem thêm", "body")),
    inline_rule(
        "navigation.teaser_piece", "navigation",
        "A teaser of another story glued after this one, opened by an outlet tag like a lead "
        "(`…cảm xúc.VTV.vn - Trong tập 31, …`); the story's own opening tag is a dateline.",
        (f"{TITLE}\n{LEAD}\n{BODY}⟦VTV.vn - Trong tập 31 của bộ phim, Sơn giận tím mặt và nổi đóa với Huy.⟧",
         "navigation"),
        (f"{TITLE}\n{LEAD}\n⟦{BODY}⟧VTV.vn - Trong tập 31 của bộ phim, Sơn giận tím mặt và nổi đóa với Huy.", "body")),
    LINK,
    line_rule("navigation.breadcrumb", "navigation",
              "A breadcrumb: three or more short items joined by `>`, `»`, `›` or ` / `, or `Bạn đang ở: …`.",
              [("Tin tức > Kinh tế > Nông nghiệp", "navigation"), ("Bạn đang ở: Trang chủ » Giáo dục", "navigation"),
               ("Thời sự / Trong tỉnh / Nội chính", "navigation"),
               ("Giá lúa > 7.000 đồng/kg > mức của năm ngoái.", "body"), ("Kinh tế » Nông nghiệp", "section")],
              pattern=BREADCRUMB_RE, predicate=is_breadcrumb, max_words=25),
    line_rule("navigation.menu", "navigation",
              "A site menu: Title-Case items starting at `Trang chủ`, three or more items joined by `|`, or "
              "a lone `Giới thiệu`/`Liên hệ` menu entry.",
              [("Trang chủ Giới thiệu Tin tức Văn bản Liên hệ", "navigation"),
               ("Chính trị | Kinh tế | Văn hóa | Thể thao", "navigation"), ("Liên hệ", "navigation"),
               ("Trang chủ Thời sự Chính trị Kinh tế Xã hội Quốc phòng - An ninh Văn hóa Thể thao Bạn đọc Du lịch",
                "navigation"),
               (("Trang chủ | Thời sự | Chính trị | Kinh tế | Xã hội | Văn hóa | Quốc phòng - An ninh | Pháp luật"
                 " | Du lịch | Ảnh | Video | Báo in"), "navigation"),
               (("Mới nhất   Thời sự   Góc nhìn   Thế giới   Kinh doanh   Bất động sản   Khoa học   Giải trí"
                 "   Thể thao   Pháp luật   Giáo dục   Sức khỏe   Đời sống   Du lịch"), "navigation"),
               ("Ông A | Bà B | hai người đã nhận giải thưởng năm nay của hội đồng", "body"),
               ("Huyện   Diện tích   Dân số   Mật độ   2.150", "body"),
               ("Trang chủ của hợp tác xã được nâng cấp trong năm nay.", "body"), ("Liên hệ thực tế", "body")],
              predicate=is_menu),
    line_rule("section.label", "section",
              "A labelled site section: `Chuyên mục: …`, `Danh mục: …`, `Lĩnh vực: …`.",
              [("Chuyên mục: Kinh tế", "section"), ("Danh mục: Tin địa phương", "section"),
               ("Lĩnh vực: nông nghiệp chiếm tỷ trọng lớn nhất.", "body")],
              pattern=SECTION_LABEL_RE, max_words=12),
    line_rule("ui.pagination", "ui_text", "A pager: page numbers with optional previous/next (`1 2 3 Tiếp »`).",
              [("1 2 3 4 Tiếp »", "ui_text"), ("« Trước 1 2 3 Sau »", "ui_text"), ("« 1 2 3 »", "ui_text"),
               ("2 3 tháng tới sẽ có kết quả", "body")],
              pattern=PAGINATION_RE, max_words=20),
    line_rule("navigation.continued", "navigation",
              "A pointer to the rest of the story elsewhere: `(Xem tiếp trang 6)`, `(Còn nữa)`, `Đọc tiếp`.",
              [("(Xem tiếp trang 6)", "navigation"), ("(Tiếp theo trang 1)", "navigation"), ("(Còn nữa)", "navigation"),
               ("Đọc tiếp", "navigation"), ("Kỳ sau: Những người giữ rừng", "navigation"),
               ("Tiếp theo trang 1 là bài phỏng vấn Bí thư Tỉnh ủy về nhiệm vụ năm 2025.", "body")],
              pattern=CONTINUED_RE, max_words=16),
    line_rule("navigation.arrow_link", "navigation",
              "A link bulleted with an arrow (`» Sư đoàn 324 ra quân huấn luyện`, `>> Xem: …`), no sentence end.",
              [("» Bộ Chỉ huy Quân sự tỉnh tổng kết năm 2024", "navigation"),
               (">> Lào Cai ra quân huấn luyện", "navigation"),
               ("» Vì sao phải tạm hoãn gọi nhập ngũ?", "navigation"),
               ("» Đơn vị đã hoàn thành 100% chỉ tiêu huấn luyện.", "body")],
              predicate=is_arrow_link, max_words=30),
    context_rule(
        "navigation.list", "navigation",
        "Headline-like lines following a `Tin liên quan`/`Xem thêm` header: links to other articles.",
        (f"{TITLE}\n{LEAD}\n{BODY}\nTin liên quan\n{M}Bến Tre ra quân trấn áp tội phạm dịp Tết", "navigation"),
        (f"{TITLE}\n{LEAD}\nTin liên quan\nBến Tre ra quân trấn áp tội phạm\n{M}{BODY}", "body")),
)
