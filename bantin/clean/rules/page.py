"""Page-shape line rules: breadcrumbs, menus, widget bars, site footers, licences, section labels.

Why by shape rather than by string: every CMS (Joomla, WordPress, DNN, Liferay, in-house) prints
the same furniture with its own words. A breadcrumb is short items joined by `>`/`»`; a menu is
Title-Case items starting at `Trang chủ` or joined by `|`; a widget bar is items that are each
furniture on their own (`In trang | Gửi email | Quay lại`); a site footer names the licence,
the editor in chief, the address and the copyright. These rules run after `rules_line`.
"""
from __future__ import annotations

import re

from bantin.clean.rules.base import Rule, n_words
from bantin.clean.rules.line import LINE_RULES

I = re.IGNORECASE
TERMINAL_RE = re.compile(r"[.!?…;][\"”’)\]]*$")
_ITEM = r"[^>»›|.!?]{1,40}"
BREADCRUMB_RE = re.compile(
    rf"^((bạn đang ở|vị trí|you are here|đang xem)\s*:?\s*)?{_ITEM}(\s*(>>|>|»|›|\s/\s)\s*{_ITEM})+$", I)
BREADCRUMB_PREFIX_RE = re.compile(r"^(bạn đang ở|vị trí|you are here|đang xem)\b", I)
BREADCRUMB_SEP_RE = re.compile(r"\s*(?:>>|>|»|›|\s/\s)\s*")
MENU_START_RE = re.compile(r"^(trang chủ|home)\s+\S", I)
MENU_ITEM_RE = re.compile(r"^(trang chủ|home|giới thiệu|liên hệ|dịch vụ công|hỏi đáp|sơ đồ (site|trang|cổng)|sitemap)$", I)
MENU_MAX_WORDS = 30  # a `Trang chủ …` menu of a dozen two-word sections
PIPE_SPLIT_RE = re.compile(r"\s*\|\s*")
GAP_SPLIT_RE = re.compile(r"\s*[•·]\s*|\s{2,}|\t")
# Parts of a widget bar, split on `|`, `•`, `·` or runs of spaces; arrows and brackets are dropped.
BAR_SPLIT_RE = re.compile(r"\s*[|•·]\s*|\s{2,}")
BAR_STRIP_RE = re.compile(r"^[\s‹›«»<>\[\]()]+|[\s‹›«»<>\[\]()]+$")
BAR_WORD_RE = re.compile(
    r"^((trang )?(trước|sau|tiếp|tiếp theo|kế tiếp)|xem bản pdf|pdf|tải về|tải xuống|quay lại|trở về|phản hồi"
    r"|góp ý|in|bản in|in trang|in bài|e-?mail|gửi e-?mail|lưu|rss|chia sẻ|nghe|đọc bài|lên đầu trang|về đầu trang)$", I)
FOOTER_STRONG_RE = re.compile(
    r"giấy phép|\b\d+\s*/\s*GP\b|\bGP-|chịu trách nhiệm (chính|nội dung|xuất bản|quản lý)|tổng biên tập"
    r"|cơ quan chủ quản|cơ quan (của|ngôn luận)|tòa soạn|bản quyền|©|copyright|powered by|thiết kế (và phát triển )?bởi"
    r"|phát triển bởi|ghi rõ nguồn|all rights reserved|không được sao chép|sao chép khi chưa", I)
FOOTER_WEAK_RE = re.compile(
    r"\b(địa chỉ|điện thoại|đt|tel|hotline|đường dây nóng|fax|e-?mail|website)\s*:", I)
LICENCE_RE = re.compile(
    r"^(giấy phép|gp)\b.{0,120}(\b\d+\s*/\s*GP\b|\bGP-|thông tin và truyền thông|báo (điện tử|chí)"
    r"|trang thông tin điện tử|mạng xã hội|cục báo chí)", I)
SECTION_LABEL_RE = re.compile(r"^(chuyên mục|danh mục|category|lĩnh vực|thể loại)\s*:\s*[^.!?]{1,60}$", I)
FORM_NOTE_RE = re.compile(
    r"(email|địa chỉ email|thư điện tử) của bạn sẽ không được (hiển thị|công bố|công khai)|các trường bắt buộc"
    r"|your email address will not be published|required fields are marked"
    r"|^(bình luận|ý kiến) (của bạn )?(sẽ được|đang chờ) (kiểm duyệt|duyệt|biên tập)"
    r"|^(vui lòng|bạn vui lòng) (nhập|điền) (họ tên|email|nội dung|bình luận|mã)", I)


def footer_hits(text: str) -> tuple[int, int]:
    """(strong, weak) distinct site-footer cues in a line: licence, editor, copyright / address, phone."""
    strong = {m.group(0).casefold() for m in FOOTER_STRONG_RE.finditer(text)}
    weak = {m.group(1).casefold() for m in FOOTER_WEAK_RE.finditer(text)}
    return len(strong), len(weak)


def _is_footer_info(text: str) -> bool:
    strong, weak = footer_hits(text)
    return strong + weak >= 2 and strong >= 1


def _is_breadcrumb(text: str) -> bool:
    if TERMINAL_RE.search(text):
        return False
    parts = [p for p in BREADCRUMB_SEP_RE.split(BREADCRUMB_PREFIX_RE.sub("", text).lstrip(" :")) if p.strip()]
    enough = len(parts) >= 3 or (len(parts) >= 2 and bool(BREADCRUMB_PREFIX_RE.match(text)))
    return enough and all(n_words(p) <= 6 and any(ch.isalpha() for ch in p) for p in parts)


def _menu_item(part: str, max_words: int = 5) -> bool:
    """A menu entry: a few words, letters in it, a capital (or digit) first, no sentence end."""
    part = part.strip()
    return (1 <= n_words(part) <= max_words and any(ch.isalpha() for ch in part)
            and (part[0].isupper() or part[0].isdigit() or not part[0].isalnum()) and not TERMINAL_RE.search(part))


def _is_menu(text: str) -> bool:
    """`Trang chủ Tin tức Liên hệ` (Title-Case items), >= 3 short items joined by `|`, or >= 4
    capitalised items set apart by wide gaps (`Thời sự   Thế giới   Pháp luật`). A menu may be long
    (twenty sections and more), so the item count is not capped; each item is."""
    if TERMINAL_RE.search(text):
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


def _is_widget_part(part: str) -> bool:
    part = BAR_STRIP_RE.sub("", part)
    if not part:
        return True
    return bool(BAR_WORD_RE.match(part)) or any(r.match(part) for r in LINE_RULES
                                                 if r.role in ("share_prompt", "ui_text", "navigation", "counter", "comment_prompt"))


def _is_widget_bar(text: str) -> bool:
    """Two or more parts, each of them page furniture on its own (`Bản in | Email`, `« Trước  Sau »`)."""
    parts = [p for p in BAR_SPLIT_RE.split(text) if BAR_STRIP_RE.sub("", p)]
    return len(parts) >= 2 and all(_is_widget_part(p) for p in parts)


def _rule(id_: str, role: str, description: str, examples, *, pattern=None, predicate=None, max_words=None) -> Rule:
    return Rule(id=id_, role=role, description=description, examples=tuple(examples), pattern=pattern,
                predicate=predicate, max_words=max_words)


PAGE_RULES: tuple[Rule, ...] = (
    _rule("ui.bar", "ui_text",
          "A widget bar: parts split by `|`, `•` or wide spaces, each of them furniture on its own "
          "(`Bản in | Email | Quay lại`, `« Bài trước   Bài sau »`).",
          [("Bản in | Gửi email | Lên đầu trang", "ui_text"), ("‹ Trước | Tiếp ›", "ui_text"),
           ("Nghe | Tải về", "ui_text"), ("Quay lại | Hội nghị tổng kết công tác năm 2022", "body")],
          predicate=_is_widget_bar, max_words=20),
    _rule("navigation.breadcrumb", "navigation",
          "A breadcrumb: three or more short items joined by `>`, `»`, `›` or ` / `, or `Bạn đang ở: …`.",
          [("Tin tức > Kinh tế > Nông nghiệp", "navigation"), ("Bạn đang ở: Trang chủ » Giáo dục", "navigation"),
           ("Thời sự / Trong tỉnh / Nội chính", "navigation"),
           ("Giá lúa > 7.000 đồng/kg > mức của năm ngoái.", "body"), ("Kinh tế » Nông nghiệp", "section")],
          pattern=BREADCRUMB_RE, predicate=_is_breadcrumb, max_words=25),
    _rule("navigation.menu", "navigation",
          "A site menu: Title-Case items starting at `Trang chủ`, three or more items joined by `|`, or "
          "a lone `Giới thiệu`/`Liên hệ` menu entry.",
          [("Trang chủ Giới thiệu Tin tức Văn bản Liên hệ", "navigation"),
           ("Chính trị | Kinh tế | Văn hóa | Thể thao", "navigation"), ("Liên hệ", "navigation"),
           ("Trang chủ Thời sự Chính trị Kinh tế Xã hội Quốc phòng - An ninh Văn hóa Thể thao Bạn đọc Du lịch",
            "navigation"),
           ("Trang chủ | Thời sự | Chính trị | Kinh tế | Xã hội | Văn hóa | Quốc phòng - An ninh | Pháp luật"
            " | Du lịch | Ảnh | Video | Báo in", "navigation"),
           ("Mới nhất   Thời sự   Góc nhìn   Thế giới   Kinh doanh   Bất động sản   Khoa học   Giải trí"
            "   Thể thao   Pháp luật   Giáo dục   Sức khỏe   Đời sống   Du lịch", "navigation"),
           ("Ông A | Bà B | hai người đã nhận giải thưởng năm nay của hội đồng", "body"),
           ("Huyện   Diện tích   Dân số   Mật độ   2.150", "body"),
           ("Trang chủ của hợp tác xã được nâng cấp trong năm nay.", "body"), ("Liên hệ thực tế", "body")],
          predicate=_is_menu),
    _rule("ui.licence", "ui_text",
          "The press licence in the site footer: `Giấy phép số 12/GP-BTTTT …`, `Giấy phép hoạt động báo điện tử …`.",
          [("Giấy phép số 120/GP-BTTTT do Bộ Thông tin và Truyền thông cấp ngày 5/4/2019.", "ui_text"),
           ("Giấy phép hoạt động báo điện tử số 33/GP-BTTTT", "ui_text"),
           ("Giấy phép xây dựng được cấp trong vòng 15 ngày làm việc.", "body")],
          pattern=LICENCE_RE, max_words=40),
    _rule("ui.footer_info", "ui_text",
          "A site-footer line: a copyright, licence, editor-in-chief or `cơ quan chủ quản` cue together "
          "with a second footer cue (address, phone, e-mail, `Ghi rõ nguồn`).",
          [("Tổng biên tập: Nguyễn Văn B. Điện thoại: 0274 3822 111", "ui_text"),
           ("Cơ quan chủ quản: UBND huyện. Địa chỉ: số 2 đường Hùng Vương", "ui_text"),
           ("Ông là Tổng biên tập của tờ báo trong nhiều năm.", "body")],
          predicate=_is_footer_info, max_words=80),
    _rule("section.label", "section",
          "A labelled site section: `Chuyên mục: …`, `Danh mục: …`, `Lĩnh vực: …`.",
          [("Chuyên mục: Kinh tế", "section"), ("Danh mục: Tin địa phương", "section"),
           ("Lĩnh vực: nông nghiệp chiếm tỷ trọng lớn nhất.", "body")],
          pattern=SECTION_LABEL_RE, max_words=12),
    _rule("comment.form_note", "comment_prompt",
          "Comment-form notes: `Email của bạn sẽ không được hiển thị công khai`, `Bình luận sẽ được kiểm duyệt`.",
          [("Địa chỉ email của bạn sẽ không được công bố.", "comment_prompt"),
           ("Bình luận của bạn đang chờ kiểm duyệt", "comment_prompt"),
           ("Các trường hợp vi phạm sẽ bị xử lý nghiêm.", "body")],
          pattern=FORM_NOTE_RE, max_words=40),
)
