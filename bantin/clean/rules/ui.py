"""Site UI: widgets, buttons, tag lines, widget bars, search boxes, weather, separators, print and
cache furniture, and the site footer with its press licence.

Why by shape and by kind: the interface around an article is the same on every portal (a
`Loading...`, a `Từ khóa:` line, a font-size switch, a `Bản in | Email | Quay lại` bar, a rule of
dashes, `Trang 1/2` of a print view, the cache's own preamble, `Giấy phép số 12/GP-BTTTT`), only
its words change. Each pattern is anchored on the whole short line or requires the whole line to
be made of such parts; a site-footer line needs two footer cues (licence, editor, copyright /
address, phone), so a sentence about an editor in chief stays body. `footer_hits` is also read
by the footer pass below the story (`structure.is_footer_like`, `zones`).
"""
from __future__ import annotations

import re

from bantin.clean.rules.base import CLAUSE_END_RE, Rule, line_rule
from bantin.clean.rules.counters import NUMBER
from bantin.clean.rules.navigation import LINK
from bantin.clean.rules.prompts import COMMENT, SHARE

I = re.IGNORECASE
UI_TEXT_RE = re.compile(
    r"^(loading|đang tải|đang cập nhật|please wait|vui lòng chờ)(\.|…)*$"
    r"|^(tags?|từ khóa|chủ đề liên quan)$|^(thời gian đọc|đọc)\s*:?\s*(khoảng )?\d{1,2}\s*phút$|^\d{1,2}\s*phút đọc$"
    r"|^(tags?|từ khóa|keywords?|chủ đề|nhãn|thẻ)\s*:|^[(\[](tags?|từ khóa|keywords?|chủ đề|thẻ)[)\]]\s*\S"
    r"|^(©|\(c\)|copyright\b)|^bản quyền\s*(©|\(c\)|\d{4}|:)|bản quyền thuộc|giữ bản quyền|all rights reserved"
    r"|^(cỡ chữ|font size|kích thước chữ|cỡ chữ)\s*:?(\s*(a[-+]?|nhỏ|vừa|lớn|to|trung bình|mặc định|[|/+-]))*$"
    r"|^(a\s*[-+]?\s*){2,4}$"
    r"|^(xem )?(phiên bản|giao diện) (máy tính|di động|mobile|desktop|đầy đủ)$"
    r"|^(☰|≡|menu|tìm kiếm|search|đăng nhập|đăng ký|login|sign in|english|tiếng việt|rss)$"
    r"|^\d{1,2}:\d{2}(:\d{2})?\s*/\s*\d{1,2}:\d{2}(:\d{2})?$"
    r"|^(xem bản pdf|xem bản in|tải về|tải xuống|download|đọc báo in)$"
    r"|(ghi rõ nguồn|phát hành lại thông tin)"
    r"|^(cỡ chữ|font size|a-|a\+|phóng to|thu nhỏ|nghe bài( viết)?|đọc bài( viết)?|quảng cáo|advertisement"
    r"|đánh giá bài viết|bình chọn|rate this|theo dõi chúng tôi|follow us|đăng ký nhận tin|subscribe)\s*:?$",
    I)
# Parts of a widget bar, split on `|`, `•`, `·` or runs of spaces; arrows and brackets are dropped.
BAR_SPLIT_RE = re.compile(r"\s*[|•·]\s*|\s{2,}")
BAR_STRIP_RE = re.compile(r"^[\s‹›«»<>\[\]()]+|(?<![\s‹›«»<>\[\]()])[\s‹›«»<>\[\]()]+$")
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
HASHTAG_LINE_RE = re.compile(r"^#[^\W\d_]")
BUTTON_RE = re.compile(
    r"^(đóng|đóng lại|đóng cửa sổ|phóng to|thu nhỏ|xem ảnh|tặng sao|tặng sao cho bài viết|báo lỗi|báo cáo vi phạm"
    r"|xem bản đầy đủ|tự động phát|mở trong ứng dụng|bỏ qua quảng cáo|skip ad|nghe đọc( bài( viết| báo)?)?"
    r"|giọng (đọc|nam|nữ)( miền (bắc|trung|nam))?|tốc độ đọc)$"
    r"|^[-–—\s]*(quảng cáo|advertisement|qc)[-–—\s]*$", I)
SEPARATOR_RE = re.compile(r"^([-–—_=*~.·•]\s*){3,}$")
PAGE_OF_RE = re.compile(r"(\btrang|\bpage)\s*\d{1,3}\s*(/|of|trên)\s*\d{1,3}$", I)
URL_LINE_RE = re.compile(r"^(https?://|www\.)\S+$", I)
CACHE_RE = re.compile(
    r"bộ nhớ cache của google|google's cache of|ảnh chụp nhanh của trang|snapshot of the page|phiên bản chỉ có văn bản"
    r"|text-only version|để tìm cụm từ tìm kiếm|ctrl\s*\+\s*f|⌘\s*-\s*f|trang hiện tại có thể đã thay đổi"
    r"|current page could have changed|wayback machine|web\.archive\.org/web", I)
LINK_BUTTON_RE = re.compile(r"^(tìm hiểu thêm|learn more|xem nguồn|view source)\s*(\.|…|»|>>)?$", I)
SEARCH_BOX_RE = re.compile(
    r"^(tìm kiếm|tìm|search|nhập từ kh[oó]a|nhập nội dung)( (tin tức|tin|bài viết|thông tin|nội dung|từ kh[oó]a)"
    r"( (cần tìm|tìm kiếm))?)?\s*(\.\.\.|…)$"
    r"|^(nhập từ kh[oó]a( (cần )?tìm( kiếm)?)?|từ kh[oó]a tìm kiếm|bạn (cần|muốn) tìm gì\s*\??)$", I)
# A weather widget: a place, a temperature and a few condition words (`Hà Nội 22°C Mưa phùn`).
WEATHER_RE = re.compile(r"^(?-i:[A-ZĐ][\w.]*)( (?-i:[A-ZĐ][\w.]*)){0,3}\s*:?\s*-?\d{1,2}\s*°\s*C?(\s+[^\W\d_]+){0,4}$", I)


def footer_hits(text: str) -> tuple[int, int]:
    """(strong, weak) distinct site-footer cues in a line: licence, editor, copyright / address, phone."""
    strong = {m.group(0).casefold() for m in FOOTER_STRONG_RE.finditer(text)}
    weak = {m.group(1).casefold() for m in FOOTER_WEAK_RE.finditer(text)}
    return len(strong), len(weak)


def is_footer_info(text: str) -> bool:
    strong, weak = footer_hits(text)
    return strong + weak >= 2 and strong >= 1


def _is_bar_part(part: str) -> bool:
    """A part of a widget bar that is furniture on its own: a bar word, or what the rules for
    counters, comment and share prompts, navigation links and widgets claim alone."""
    part = BAR_STRIP_RE.sub("", part)
    if not part:
        return True
    return bool(BAR_WORD_RE.match(part)) or any(r.match(part) for r in BAR_PART_RULES)


def is_widget_bar(text: str) -> bool:
    """Two or more parts, each of them page furniture on its own (`Bản in | Email`, `« Trước  Sau »`)."""
    parts = [p for p in BAR_SPLIT_RE.split(text) if BAR_STRIP_RE.sub("", p)]
    return len(parts) >= 2 and all(_is_bar_part(p) for p in parts)


def ends_no_clause(text: str) -> bool:
    """A tag line never ends like a sentence (`#1 trong các nhiệm vụ … thiên tai.` is text)."""
    return not CLAUSE_END_RE.search(text)


def is_print_furniture(text: str) -> bool:
    """A print view's running header/footer (`Báo X - x.vn    Trang 1/2`) or a bare page URL."""
    return bool(URL_LINE_RE.match(text)) or (bool(PAGE_OF_RE.search(text)) and not CLAUSE_END_RE.search(text))


def is_web_cache(text: str) -> bool:
    return bool(CACHE_RE.search(text) or LINK_BUTTON_RE.match(text))


WIDGET = line_rule(
    "ui.widget", "ui_text",
    "Other page widgets: `Loading...`, `Tags:`/`Từ khóa:`, copyright and `Bản quyền` lines, font size.",
    [("Loading...", "ui_text"), ("Từ khóa: an ninh, trật tự", "ui_text"),
     ("© Bản quyền thuộc về Báo Bến Tre", "ui_text"), ("Tags: ANTQ", "ui_text"), ("Từ khóa", "ui_text"),
     ("Thời gian đọc: 4 phút", "ui_text"), ("Đang cập nhật...", "ui_text"), ("(Tags) an ninh, biên giới", "ui_text"),
     ("[Từ khóa] tuyển quân", "ui_text"),
     ("Thẻ: biển đảo, ngư dân", "ui_text"), ("Kích thước chữ: A- | A+", "ui_text"), ("A+ A A-", "ui_text"),
     ("Xem giao diện di động", "ui_text"), ("Đăng nhập", "ui_text"), ("01:12 / 05:30", "ui_text"),
     ("Bản quyền 2023 Trang thông tin điện tử huyện", "ui_text"), ("Tải xuống", "ui_text"),
     ("Tìm kiếm việc làm cho lao động nông thôn là nhiệm vụ trọng tâm.", "body"), ("Đọc 5 phút mỗi ngày", "subheading"),
     ("Bản quyền tác giả là vấn đề được nhiều đại biểu quan tâm tại kỳ họp.", "body")],
    pattern=UI_TEXT_RE, max_words=30)
# The rules a widget-bar part may satisfy alone (order does not matter: any one claims it).
BAR_PART_RULES: tuple[Rule, ...] = (NUMBER, COMMENT, SHARE, LINK, WIDGET)

RULES: tuple[Rule, ...] = (
    WIDGET,
    line_rule("ui.bar", "ui_text",
              "A widget bar: parts split by `|`, `•` or wide spaces, each of them furniture on its own "
              "(`Bản in | Email | Quay lại`, `« Bài trước   Bài sau »`).",
              [("Bản in | Gửi email | Lên đầu trang", "ui_text"), ("‹ Trước | Tiếp ›", "ui_text"),
               ("Nghe | Tải về", "ui_text"), ("Quay lại | Hội nghị tổng kết công tác năm 2022", "body")],
              predicate=is_widget_bar, max_words=20),
    line_rule("ui.licence", "ui_text",
              "The press licence in the site footer: `Giấy phép số 12/GP-BTTTT …`, `Giấy phép hoạt động báo điện tử …`.",
              [("Giấy phép số 120/GP-BTTTT do Bộ Thông tin và Truyền thông cấp ngày 5/4/2019.", "ui_text"),
               ("Giấy phép hoạt động báo điện tử số 33/GP-BTTTT", "ui_text"),
               ("Giấy phép xây dựng được cấp trong vòng 15 ngày làm việc.", "body")],
              pattern=LICENCE_RE, max_words=40),
    line_rule("ui.footer_info", "ui_text",
              "A site-footer line: a copyright, licence, editor-in-chief or `cơ quan chủ quản` cue together "
              "with a second footer cue (address, phone, e-mail, `Ghi rõ nguồn`).",
              [("Tổng biên tập: Nguyễn Văn B. Điện thoại: 0274 3822 111", "ui_text"),
               ("Cơ quan chủ quản: UBND huyện. Địa chỉ: số 2 đường Hùng Vương", "ui_text"),
               ("Ông là Tổng biên tập của tờ báo trong nhiều năm.", "body")],
              predicate=is_footer_info, max_words=80),
    line_rule("ui.hashtags", "ui_text", "A line of hashtags (`#an ninh #biên giới`): the page's tag widget.",
              [("#Quân khu 4 #huấn luyện #dân quân", "ui_text"), ("#AnToanGiaoThong #CSGT", "ui_text"),
               ("Chiến dịch #NoiKhongVoiMaTuy đã lan tỏa rộng rãi trên mạng xã hội.", "body"),
               ("#1 trong các nhiệm vụ là phòng chống thiên tai.", "body")],
              pattern=HASHTAG_LINE_RE, predicate=ends_no_clause, max_words=30),
    line_rule("ui.button", "ui_text",
              "A lone button or banner word: lightbox `Phóng to`/`Đóng`, `Tặng sao`, `Xem bản đầy đủ`, `- Quảng cáo -`.",
              [("Đóng", "ui_text"), ("Đóng cửa sổ", "ui_text"), ("- Quảng cáo -", "ui_text"),
               ("Tặng sao cho bài viết", "ui_text"), ("Nghe đọc bài viết", "ui_text"), ("Giọng nữ miền Bắc", "ui_text"),
               ("Đóng góp của nhân dân cho quỹ đạt 2 tỷ đồng", "subheading")],
              pattern=BUTTON_RE, max_words=6),
    line_rule("ui.separator", "ui_text", "A rule line of dashes, stars or underscores (`-----`, `* * *`).",
              [("------------", "ui_text"), ("* * *", "ui_text"), ("___", "ui_text"), ("- 5 -", "body")],
              pattern=SEPARATOR_RE),
    line_rule("ui.print_page", "ui_text",
              "A print view's running header/footer ending in a page count (`Báo X - x.vn   Trang 1/2`) or a bare URL.",
              [("Báo Thanh Hóa - baothanhhoa.vn        Trang 2/3", "ui_text"), ("Page 1 of 4", "ui_text"),
               ("https://baoquangninh.vn/tin-tuc/an-ninh-123.html", "ui_text"),
               ("Truy cập https://dichvucong.gov.vn để nộp hồ sơ trực tuyến.", "body")],
              predicate=is_print_furniture, max_words=15),
    line_rule("ui.web_cache", "ui_text",
              "The preamble of a cached or archived copy (`Đây là bộ nhớ cache của Google …`, `Phiên bản chỉ có văn "
              "bản`, `Mẹo: … Ctrl+F`) and its lone link buttons (`Tìm hiểu thêm.`).",
              [("This is Google's cache of https://example.vn/a.html.", "ui_text"),
               ("Phiên bản đầy đủ   Phiên bản chỉ có văn bản   Xem nguồn", "ui_text"), ("Tìm hiểu thêm.", "ui_text"),
               ("Tìm hiểu thêm về chính sách hỗ trợ người lao động tại địa phương.", "body")],
              predicate=is_web_cache, max_words=70),
    line_rule("ui.weather", "ui_text", "A weather widget: a place name and a temperature (`Hà Nội 22°C Mưa phùn`).",
              [("Hà Nội 22°C Mưa phùn", "ui_text"), ("TP Hồ Chí Minh: 33 °C", "ui_text"),
               ("Nhiệt độ 38°C", "subheading"), ("Sa Pa xuống 2°C, băng giá xuất hiện trên đỉnh Fansipan.", "body")],
              pattern=WEATHER_RE, max_words=10),
    line_rule("ui.search_box", "ui_text", "A search box placeholder (`Tìm kiếm tin tức...`, `Nhập từ khóa`).",
              [("Tìm kiếm tin tức...", "ui_text"), ("Nhập từ khóa cần tìm", "ui_text"), ("Search…", "ui_text"),
               ("Tìm kiếm cứu nạn", "subheading")], pattern=SEARCH_BOX_RE, max_words=8),
)
