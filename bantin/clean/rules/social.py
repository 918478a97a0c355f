"""Social and app furniture: hashtags, reaction counters, follow/app/cookie prompts, comment
policies, lightbox buttons, `(Xem tiếp trang 6)` and arrow-bulleted links.

Why a module of its own: since portals became feeds for Facebook, Zalo and Google News, every
page carries the same calls to action in its own words (`Theo dõi X trên Google News`, `Quét mã
QR …`, `Tải ứng dụng …`). The rules key on the *action and the platform together* (a body sentence
may mention Facebook, but does not ask the reader to follow the paper there), and each pattern
is anchored on the whole line. These rules run after `rules_line` and `rules_page`.
"""
from __future__ import annotations

import re
import unicodedata

from bantin.clean.rules.base import Rule, n_words

I = re.IGNORECASE
TERMINAL_RE = re.compile(r"[.!?…;][\"”’)\]]*$")
HASHTAG_LINE_RE = re.compile(r"^#[^\W\d_]")
# What is left of a reaction row once its emoji are gone: numbers, separators, counter words.
COUNTER_REST_RE = re.compile(
    r"^([\d.,]+\s*[kKmM]?|lượt xem|lượt thích|lượt đọc|lượt chia sẻ|bình luận|views?|likes?|shares?|lượt đánh giá"
    r"|đánh giá|votes?|thích|chia sẻ|bình chọn|[|/·•():\s-])*$", I)
# Relative publication times of feeds and related lists: `2 giờ trước`, `Hôm qua 14:20`.
RELATIVE_TIME_RE = re.compile(
    r"^(\d{1,3}|một|vài)\s*(giây|phút|giờ|tiếng|ngày|tuần|tháng|năm)\s*trước$"
    r"|^(hôm qua|hôm nay|vừa xong|vừa mới)(\s*,?\s*(lúc\s*)?\d{1,2}[:h]\d{2})?$", I)
# Site visit statistics of government portals: `Đang truy cập: 12`, `Tổng lượt truy cập: 1.234.567`.
VISITS_RE = re.compile(
    r"^(thống kê truy cập|đang (truy cập|online|trực tuyến)|trực tuyến|online|hôm nay|hôm qua|tuần này|tháng này"
    r"|trong (ngày|tuần|tháng|năm)|tổng (số )?(lượt )?truy cập|tổng lượt xem|đã xem|lượt truy cập"
    r"|số người (đang )?(truy cập|online))\s*:?\s*[\d.,]+$", I)
PAGINATION_RE = re.compile(
    r"^((«|‹|<)\s*)?((trang )?(trước|đầu)\s+)?(\d{1,3}\s+)+\d{1,3}(\s+((trang )?(sau|tiếp|cuối)))?(\s*(»|›|>))?$", I)
_PLATFORM = (r"google news|google tin tức|facebook|fanpage|zalo|youtube|tiktok|instagram|twitter|telegram"
             r"|mã qr|qr code|app store|google play|mạng xã hội của chúng tôi")
FOLLOW_RE = re.compile(
    rf"^(hãy |mời (bạn|quý vị|bạn đọc) )?(theo dõi|follow|quét mã( qr)?|đăng ký kênh|like|tham gia)\b"
    rf"(?=.*\b({_PLATFORM})\b)", I)
# ... and a follow prompt names its purpose or is not a sentence at all.
FOLLOW_PURPOSE_RE = re.compile(r"(tin tức|thông tin|tin|bài viết) mới nhất|để (cập nhật|nhận|xem|đọc)", I)
FOLLOW_CUT_RE = re.compile(r"^(theo dõi|follow|đọc|xem)\s+[^.!?,]{1,40}\s+(trên|tại|qua|on)$", I)
APP_RE = re.compile(r"^(tải|cài đặt|cài|mở|mở trong|đọc báo trên|đọc tin trên)\s+(ứng dụng|app)\b", I)
APP_PURPOSE_RE = re.compile(r"\bbáo\b|đọc (báo|tin)|app store|google play|mọi lúc|nhanh hơn", I)
COOKIE_RE = re.compile(r"(sử dụng|dùng|chấp nhận|đồng ý với|chính sách)( việc sử dụng)? cookies?\b", I)
NEWSLETTER_RE = re.compile(
    r"^(đăng ký|đăng kí) (nhận )?(bản tin|tin|newsletter|thông báo)\b[^.!?]{0,80}$"
    r"|^(nhập|điền) (địa chỉ )?e-?mail( của bạn)?\b[^.!?]{0,40}$", I)
COMMENT_POLICY_RE = re.compile(
    r"giữ quyền (biên tập|duyệt|từ chối|xóa)[^.]{0,30}(bình luận|ý kiến)"
    r"|(bình luận|ý kiến)( của bạn| của bạn đọc)?( có nội dung phù hợp| phù hợp)? sẽ được (đăng tải|hiển thị|duyệt"
    r"|biên tập|xét duyệt|đăng)"
    r"|(lưu|ghi nhớ) (tên|thông tin)[^.]{0,40}trình duyệt[^.]{0,40}bình luận"
    r"|(viết|gõ|nhập) (bình luận|ý kiến)?\s*(bằng )?tiếng việt có dấu"
    r"|(bình luận|ý kiến) (không|chưa) được (đăng|duyệt|hiển thị)", I)
BUTTON_RE = re.compile(
    r"^(đóng|đóng lại|đóng cửa sổ|phóng to|thu nhỏ|xem ảnh|tặng sao|tặng sao cho bài viết|báo lỗi|báo cáo vi phạm"
    r"|xem bản đầy đủ|tự động phát|mở trong ứng dụng|bỏ qua quảng cáo|skip ad|nghe đọc( bài( viết| báo)?)?"
    r"|giọng (đọc|nam|nữ)( miền (bắc|trung|nam))?|tốc độ đọc)$"
    r"|^[-–—\s]*(quảng cáo|advertisement|qc)[-–—\s]*$", I)
REPLY_RE = re.compile(r"^(phản hồi|trả lời|reply|thích\s*·\s*trả lời)$", I)
CONTINUED_RE = re.compile(
    r"^\(?\s*((xem |đọc )?tiếp (theo )?(ở |tại )?trang \d+|(còn nữa|còn tiếp|hết|kỳ sau)(\s*[:…].{0,80})?)\s*\)?\.?$"
    r"|^(đọc|xem) tiếp\s*(»|>>|…|\.\.\.)?$", I)
ARROW_LINK_RE = re.compile(r"^(»|>>|›|→|▸|►|⇒)\s*\S")


def _emoji_counter(text: str) -> bool:
    """A reaction row: emoji or pictographs with numbers (`👍 126   ❤️ 41   💬 8`, `👁 1.284 lượt xem`)."""
    symbols = [ch for ch in text if unicodedata.category(ch) in ("So", "Sm")]
    if not symbols or not any(ch.isdigit() for ch in text):
        return False
    rest = "".join(ch for ch in text if unicodedata.category(ch) not in ("So", "Sm", "Sk", "Mn", "Cf"))
    return bool(COUNTER_REST_RE.match(rest.strip()))


def _follow(text: str) -> bool:
    if FOLLOW_CUT_RE.match(text):  # the platform was an icon: `Theo dõi VOV.VN trên`
        return True
    return bool(FOLLOW_RE.match(text)) and (not TERMINAL_RE.search(text) or bool(FOLLOW_PURPOSE_RE.search(text)))


def _app(text: str) -> bool:
    return bool(APP_RE.match(text)) and (n_words(text) <= 4 or bool(APP_PURPOSE_RE.search(text)))


def _link(text: str) -> bool:
    return bool(ARROW_LINK_RE.match(text)) and not TERMINAL_RE.search(text.rstrip("?"))


def _rule(id_: str, role: str, description: str, examples, *, pattern=None, predicate=None, max_words=None) -> Rule:
    return Rule(id=id_, role=role, description=description, examples=tuple(examples), pattern=pattern,
                predicate=predicate, max_words=max_words)


SOCIAL_RULES: tuple[Rule, ...] = (
    _rule("ui.hashtags", "ui_text", "A line of hashtags (`#an ninh #biên giới`): the page's tag widget.",
          [("#Quân khu 4 #huấn luyện #dân quân", "ui_text"), ("#AnToanGiaoThong #CSGT", "ui_text"),
           ("Chiến dịch #NoiKhongVoiMaTuy đã lan tỏa rộng rãi trên mạng xã hội.", "body"),
           ("#1 trong các nhiệm vụ là phòng chống thiên tai.", "body")],
          pattern=HASHTAG_LINE_RE, predicate=lambda t: not TERMINAL_RE.search(t), max_words=30),
    _rule("counter.emoji", "counter", "A reaction/view row of emoji and numbers (`👍 126 ❤️ 41`, `👁 1.284 lượt xem`).",
          [("👍 126   ❤️ 41   💬 8", "counter"), ("★★★★☆ (12 đánh giá)", "counter"), ("👁 2.310 lượt xem", "counter"), ("❤️ 1,2K  💬 35", "counter"), ("👍 Thích 90   💬 4   ↗ 12", "counter"),
           ("📌 Tại buổi lễ, 12 tập thể được tặng bằng khen.", "body")],
          predicate=_emoji_counter, max_words=20),
    _rule("dateline.relative", "dateline", "A relative publication time (`2 giờ trước`, `Hôm qua 14:20`).",
          [("2 giờ trước", "dateline"), ("35 phút trước", "dateline"), ("Hôm qua 14:20", "dateline"),
           ("2 năm trước, anh A đã lên đường nhập ngũ.", "body")],
          pattern=RELATIVE_TIME_RE, max_words=5),
    _rule("counter.visits", "counter",
          "Visit statistics of a portal (`Đang truy cập: 12`, `Tổng lượt truy cập: 1.234.567`, `Hôm nay: 345`).",
          [("Đang truy cập: 12", "counter"), ("Tổng lượt truy cập: 1.234.567", "counter"), ("Hôm nay: 345", "counter"),
           ("Hôm nay: 35 xã đã hoàn thành việc sáp nhập", "body")],
          pattern=VISITS_RE, max_words=6),
    _rule("ui.pagination", "ui_text", "A pager: page numbers with optional previous/next (`1 2 3 Tiếp »`).",
          [("1 2 3 4 Tiếp »", "ui_text"), ("« Trước 1 2 3 Sau »", "ui_text"), ("« 1 2 3 »", "ui_text"),
           ("2 3 tháng tới sẽ có kết quả", "body")],
          pattern=PAGINATION_RE, max_words=20),
    _rule("ui.follow", "ui_text",
          "A call to follow the outlet on a platform (`Theo dõi … trên Google News`, `Quét mã QR …`): the "
          "action and a platform together, not a sentence or one that names its purpose (`để cập nhật …`).",
          [("Theo dõi Báo Hà Giang trên Google News", "ui_text"),
           ("Quét mã QR để theo dõi Zalo OA của Cổng thông tin và nhận tin mới nhất.", "ui_text"),
           ("Mời bạn đọc theo dõi kênh YouTube của Đài", "ui_text"), ("Theo dõi Báo Lạng Sơn trên", "ui_text"),
           ("Theo dõi trên Facebook, cơ quan công an phát hiện đối tượng đăng tin sai sự thật.", "body"),
           ("Theo dõi sát diễn biến mưa lũ, tỉnh đã sơ tán 200 hộ dân.", "body")],
          predicate=_follow, max_words=35),
    _rule("ui.app_prompt", "ui_text", "A prompt to install or open the outlet's app (`Tải ứng dụng … để đọc báo …`).",
          [("Tải ứng dụng Báo Nghệ An - đọc báo mọi lúc", "ui_text"), ("Mở trong ứng dụng", "ui_text"),
           ("Tải app Đài Phát thanh trên App Store và Google Play", "ui_text"),
           ("Tải ứng dụng VNeID về điện thoại, người dân làm theo hướng dẫn để kích hoạt tài khoản.", "body")],
          predicate=_app, max_words=30),
    _rule("ui.cookie", "ui_text", "A cookie consent notice (`… sử dụng cookie …`).",
          [("Trang web sử dụng cookie để nâng cao trải nghiệm người dùng.", "ui_text"),
           ("Bằng việc tiếp tục, bạn đồng ý với chính sách cookie của chúng tôi.", "ui_text"),
           ("Cơ sở làm bánh cookie của chị Lan tạo việc làm cho 12 lao động.", "body")],
          pattern=COOKIE_RE, max_words=60),
    _rule("ui.newsletter", "ui_text", "A newsletter sign-up (`Đăng ký nhận bản tin …`, `Nhập email của bạn`).",
          [("Đăng ký nhận bản tin Báo Quảng Trị", "ui_text"), ("Nhập địa chỉ email của bạn   Gửi", "ui_text"),
           ("Đăng ký nhận tin nhắn cảnh báo thiên tai qua tổng đài 1022 đã được triển khai.", "body")],
          pattern=NEWSLETTER_RE, max_words=20),
    _rule("comment.policy", "comment_prompt",
          "A comment-policy note (`… giữ quyền biên tập bình luận`, `Bình luận … sẽ được đăng tải`, WordPress's "
          "`Lưu tên, email … trong trình duyệt …`, `Vui lòng gõ tiếng Việt có dấu`).",
          [("Báo giữ quyền biên tập các bình luận của độc giả.", "comment_prompt"),
           ("Bình luận có nội dung phù hợp sẽ được đăng tải.", "comment_prompt"),
           ("Lưu tên, email và trang web của tôi trong trình duyệt này cho lần bình luận kế tiếp.", "comment_prompt"),
           ("Vui lòng viết bình luận bằng tiếng Việt có dấu", "comment_prompt"),
           ("Các ý kiến tại hội nghị sẽ được tổng hợp gửi Quốc hội.", "body")],
          pattern=COMMENT_POLICY_RE, max_words=45),
    _rule("ui.button", "ui_text",
          "A lone button or banner word: lightbox `Phóng to`/`Đóng`, `Tặng sao`, `Xem bản đầy đủ`, `- Quảng cáo -`.",
          [("Đóng", "ui_text"), ("Đóng cửa sổ", "ui_text"), ("- Quảng cáo -", "ui_text"), ("Tặng sao cho bài viết", "ui_text"),
           ("Nghe đọc bài viết", "ui_text"), ("Giọng nữ miền Bắc", "ui_text"),
           ("Đóng góp của nhân dân cho quỹ đạt 2 tỷ đồng", "subheading")],
          pattern=BUTTON_RE, max_words=6),
    _rule("comment.reply", "comment_prompt", "A comment's reply button (`Phản hồi`, `Trả lời`).",
          [("Phản hồi", "comment_prompt"), ("Trả lời", "comment_prompt"),
           ("Phản hồi của người dân về dự án", "subheading")],
          pattern=REPLY_RE, max_words=4),
    _rule("navigation.continued", "navigation",
          "A pointer to the rest of the story elsewhere: `(Xem tiếp trang 6)`, `(Còn nữa)`, `Đọc tiếp`.",
          [("(Xem tiếp trang 6)", "navigation"), ("(Tiếp theo trang 1)", "navigation"), ("(Còn nữa)", "navigation"),
           ("Đọc tiếp", "navigation"), ("Kỳ sau: Những người giữ rừng", "navigation"),
           ("Tiếp theo trang 1 là bài phỏng vấn Bí thư Tỉnh ủy về nhiệm vụ năm 2025.", "body")],
          pattern=CONTINUED_RE, max_words=16),
    _rule("navigation.arrow_link", "navigation",
          "A link bulleted with an arrow (`» Sư đoàn 324 ra quân huấn luyện`, `>> Xem: …`), no sentence end.",
          [("» Bộ Chỉ huy Quân sự tỉnh tổng kết năm 2024", "navigation"), (">> Lào Cai ra quân huấn luyện", "navigation"),
           ("» Vì sao phải tạm hoãn gọi nhập ngũ?", "navigation"),
           ("» Đơn vị đã hoàn thành 100% chỉ tiêu huấn luyện.", "body")],
          predicate=_link, max_words=30),
)
