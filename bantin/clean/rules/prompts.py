"""Prompts: what asks the reader to act (comment, share, print, follow, install the app, accept
cookies, subscribe), including the comment box's labels, notes, policies and buttons.

Why the action is the key: since portals became feeds for Facebook, Zalo and Google News, every
page carries the same calls to action in its own words (`Gửi bình luận`, `Chia sẻ lên Zalo`,
`Theo dõi X trên Google News`, `Tải ứng dụng …`). A body sentence may mention a comment, Facebook
or an app, but does not ask the reader to use them: each pattern is anchored on the whole short
line, or keys on the action and the platform together, or (for comment-box text) requires every
sentence of the line to be comment furniture.
"""
from __future__ import annotations

import re

from bantin.clean.rules.base import CLAUSE_END_RE, Rule, line_rule, n_words

I = re.IGNORECASE
COMMENT_RE = re.compile(
    r"^(bình luận|ý kiến bạn đọc|ý kiến|comments?|(bình luận|ý kiến) của bạn)\s*(\(\s*\d*\s*\))?\s*:?$"
    r"|^(gửi|viết|thêm|đăng|xem|ẩn|để lại) (một |1 )?(bình luận|ý kiến|phản hồi|nhận xét)"
    r"|^please (enter|fill|type) your"
    r"|^(leave a (reply|comment)|post (a )?comment|add (a )?comment|submit comment|your (comment|email|name))"
    r"|^(chưa có bình luận|mời bạn (bình luận|để lại)|bạn còn \d+ (ký|kí) tự|hãy là người đầu tiên)"
    r"|^(họ (và )?tên|email|địa chỉ email|tên của bạn)\s*[:*(]"
    # comment-form field labels: bare, or marked required with `*` / `:`
    r"|^(họ (và )?tên|họ tên|e-?mail|mã (xác nhận|bảo mật)|captcha)$"
    r"|^(tên|bình luận|nội dung|ý kiến|số điện thoại|điện thoại|website|trang web|tiêu đề)\s*(\*|\(\*\))$"
    r"|^(họ|tên|nội dung|ý kiến|bình luận|e-?mail|điện thoại)[^\W\d_]*( [^\W\d_]+){0,3}\s*(\*|\(\*\))$",
    I)
FORM_NOTE_RE = re.compile(
    r"(email|địa chỉ email|thư điện tử) của bạn sẽ không được (hiển thị|công bố|công khai)|các trường bắt buộc"
    r"|your email address will not be published|required fields are marked"
    r"|^(bình luận|ý kiến) (của bạn )?(sẽ được|đang chờ) (kiểm duyệt|duyệt|biên tập)"
    r"|^(vui lòng|bạn vui lòng) (nhập|điền) (họ tên|email|nội dung|bình luận|mã)", I)
COMMENT_POLICY_RE = re.compile(
    r"giữ quyền (biên tập|duyệt|từ chối|xóa)[^.]{0,30}(bình luận|ý kiến)"
    r"|(bình luận|ý kiến)( của bạn| của bạn đọc)?( có nội dung phù hợp| phù hợp)? sẽ được (đăng tải|hiển thị|duyệt"
    r"|biên tập|xét duyệt|đăng)"
    r"|(lưu|ghi nhớ) (tên|thông tin)[^.]{0,40}trình duyệt[^.]{0,40}bình luận"
    r"|(viết|gõ|nhập) (bình luận|ý kiến)?\s*(bằng )?tiếng việt có dấu"
    r"|(bình luận|ý kiến) (không|chưa) được (đăng|duyệt|hiển thị)", I)
REPLY_RE = re.compile(r"^(phản hồi|trả lời|reply|thích\s*·\s*trả lời)$", I)
# Sentences of comment boxes: invitations, limits, moderation policies, form notes.
COMMENT_TEXT_RE = re.compile(
    r"^(bạn|bạn đọc|quý vị|quý độc giả) (nghĩ gì|có ý kiến gì|thấy thế nào|đánh giá thế nào|thấy)( (về|với))?"
    r" (bài viết|bài báo|tin|thông tin|vấn đề|nội dung) (này|trên)"
    r"|^(bài viết|thông tin|nội dung) (này )?có hữu ích (với bạn |cho bạn )?không"
    r"|^hãy là người đầu tiên (bình luận|để lại|gửi|chia sẻ)"
    r"|(bình luận|ý kiến)[^.]{0,30}không (quá|vượt quá) [\d.,]+ (ký|kí) tự"
    r"|có quyền (biên tập|từ chối|không đăng|xóa|gỡ)[^.]{0,60}(bình luận|ý kiến)"
    r"|^(quy định|nội quy|điều khoản|chính sách) (khi )?(đăng |gửi |viết )?(bình luận|ý kiến)"
    r"|^(vui lòng|bạn vui lòng|hãy) (nhập|viết|gõ|gửi)[^.]{0,40}(tiếng việt có dấu|bình luận|ý kiến)", I)
COMMENT_FIELD_RE = re.compile(
    r"^(nhập|điền) (họ (và )?tên|tên|e-?mail|địa chỉ e-?mail|số điện thoại|nội dung|bình luận|ý kiến"
    r"|mã (xác nhận|bảo mật))( của bạn)?\s*[:*]?$", I)
SEND_BUTTON_RE = re.compile(r"^(gửi|gửi bình luận|gửi ý kiến)$", I)
COMMENT_SENTENCE_MAX_WORDS = 35
SENTENCE_SPLIT_RE = re.compile(r"(?<=[.!?])\s+")
FIELD_SPLIT_RE = re.compile(r"\s{2,}|\s*[|•·]\s*")
SHARE_RE = re.compile(
    r"^(chia sẻ|share|tweet|chia sẻ bài viết|chia sẻ bài|chia sẻ lên|chia sẻ qua)"
    r"(\s*(bài viết|bài báo|trang|this|on|lên|qua|:|facebook|zalo|twitter|email|link|,|\||/))*\s*$"
    r"|^(in( bài( viết| này)?| trang)?|bản in|print( this)?( page| article)?|gửi (email|bài|cho bạn bè)"
    r"|gửi (bài viết |bài |tin )?qua e-?mail|lưu bài( viết)?|lưu|"
    r"facebook|zalo|twitter|messenger|linkedin|telegram|pinterest"
    r"|copy link|sao chép (liên kết|link)|thích|like)\s*:?$"
    r"|^(facebook|zalo|twitter|email|messenger)(\s*[|,/·•]?\s*(facebook|zalo|twitter|email|messenger|in))+$",
    I)
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
APP_BARE_MAX_WORDS = 4  # `Mở trong ứng dụng`: short enough to be a button without a purpose
COOKIE_RE = re.compile(r"(sử dụng|dùng|chấp nhận|đồng ý với|chính sách)( việc sử dụng)? cookies?\b", I)
# An invitation to read more of the site (`* Mời bạn đọc vào chuyên mục Quốc phòng an ninh xem các tin,
# bài liên quan.`): the same sentence under every article of a section.
READ_MORE_RE = re.compile(
    r"^\*?\s*(kính\s+)?mời\s+(quý\s+|các\s+)?(bạn\s+đọc|độc\s+giả|quý\s+vị|bạn(?!\s+đọc))\s+"
    r"(vào|xem|đọc|đón\s+đọc|truy\s+cập|theo\s+dõi)\b.*\b(chuyên mục|chuyên trang|tin|bài|video|clip|phóng sự|ảnh)\b", I)
# A site's promo of its own column, naming the paper: `* Chuyên mục Quân sự thế giới hôm nay trên
# Báo Quân đội nhân dân Điện tử gửi tới bạn đọc …` (the outlet rules read the paper from it).
COLUMN_PROMO_RE = re.compile(
    r"(?i:chuyên mục)\b.{0,80}?\btrên\s+(?P<mark>(?:Báo|Tạp chí|Đài)\s[^,.;:]{2,60}?)\s+"
    r"(?:gửi tới|gửi đến|mang đến|mang tới|cung cấp tới|cung cấp cho)\s+(?:bạn đọc|độc giả|quý độc giả)")
# A call for readers' pictures or stories (`Chia sẻ hình ảnh, video của bạn tại đây.`): the same line
# under every article of a site.
READER_SUBMIT_RE = re.compile(
    r"^(chia sẻ|gửi)\s+(hình ảnh|ảnh|video|clip|bài viết|câu chuyện|thông tin)\b[^.!?]{0,40}\bcủa bạn\b"
    r"[^.!?]{0,40}\b(tại đây|về|qua|cho chúng tôi)\b[^.!?]{0,40}[.!]?$", I)
NEWSLETTER_RE = re.compile(
    r"^(đăng ký|đăng kí) (nhận )?(bản tin|tin|newsletter|thông báo)\b[^.!?]{0,80}$"
    r"|^(nhập|điền) (địa chỉ )?e-?mail( của bạn)?\b[^.!?]{0,40}$", I)


def is_comment_text(text: str) -> bool:
    """Every sentence of the line is comment-box text (an invitation, a limit, a moderation policy),
    or the line is comment-form fields (`Nhập tên   Nhập e-mail   Gửi ý kiến`)."""
    if COMMENT_FIELD_RE.match(text):
        return True
    fields = [f for f in FIELD_SPLIT_RE.split(text) if f.strip()]
    if len(fields) >= 2 and all(COMMENT_FIELD_RE.match(f) or SEND_BUTTON_RE.match(f) for f in fields):
        return True
    sentences = [s for s in SENTENCE_SPLIT_RE.split(text) if s.strip()]
    return all(n_words(s) <= COMMENT_SENTENCE_MAX_WORDS and (COMMENT_TEXT_RE.search(s) or COMMENT_POLICY_RE.search(s)
                                                             or FORM_NOTE_RE.search(s)) for s in sentences)


def is_follow_prompt(text: str) -> bool:
    if FOLLOW_CUT_RE.match(text):  # the platform was an icon: `Theo dõi VOV.VN trên`
        return True
    return bool(FOLLOW_RE.match(text)) and (not CLAUSE_END_RE.search(text) or bool(FOLLOW_PURPOSE_RE.search(text)))


def is_app_prompt(text: str) -> bool:
    return bool(APP_RE.match(text)) and (n_words(text) <= APP_BARE_MAX_WORDS or bool(APP_PURPOSE_RE.search(text)))


COMMENT = line_rule(
    "comment.prompt", "comment_prompt",
    "Comment widgets: `BÌNH LUẬN`, `Bình luận (3)`, `Gửi bình luận`, `Please enter your …`.",
    [("BÌNH LUẬN", "comment_prompt"), ("Bình luận (3)", "comment_prompt"),
     ("Gửi bình luận", "comment_prompt"), ("Please enter your comment!", "comment_prompt"),
     ("Để lại phản hồi", "comment_prompt"), ("Họ tên", "comment_prompt"), ("Nội dung *", "comment_prompt"),
     ("Mã xác nhận", "comment_prompt"), ("Nội dung ý kiến *", "comment_prompt"),
     ("Nội dung chính của kế hoạch", "body"),
     ("Bình luận về vấn đề này, ông A cho rằng cần làm rõ.", "body")],
    pattern=COMMENT_RE, max_words=10)
SHARE = line_rule(
    "share.prompt", "share_prompt",
    "Share/print widgets: `Chia sẻ bài viết`, `Chia sẻ:`, `In bài viết`, `Facebook Zalo`.",
    [("Chia sẻ bài viết", "share_prompt"), ("Chia sẻ:", "share_prompt"), ("In bài viết", "share_prompt"),
     ("Facebook | Zalo | Email", "share_prompt"), ("Telegram", "share_prompt"),
     ("Gửi tin qua email", "share_prompt"), ("In trang", "share_prompt"),
     ("In trang phục truyền thống lên áo dài", "body"),
     ("Chia sẻ kinh nghiệm trong công tác dân vận", "subheading")],
    pattern=SHARE_RE, max_words=8)

RULES: tuple[Rule, ...] = (
    COMMENT,
    SHARE,
    line_rule("comment.form_note", "comment_prompt",
              "Comment-form notes: `Email của bạn sẽ không được hiển thị công khai`, `Bình luận sẽ được kiểm duyệt`.",
              [("Địa chỉ email của bạn sẽ không được công bố.", "comment_prompt"),
               ("Bình luận của bạn đang chờ kiểm duyệt", "comment_prompt"),
               ("Các trường hợp vi phạm sẽ bị xử lý nghiêm.", "body")],
              pattern=FORM_NOTE_RE, max_words=40),
    line_rule("ui.follow", "ui_text",
              "A call to follow the outlet on a platform (`Theo dõi … trên Google News`, `Quét mã QR …`): the "
              "action and a platform together, not a sentence or one that names its purpose (`để cập nhật …`).",
              [("Theo dõi Báo Hà Giang trên Google News", "ui_text"),
               ("Quét mã QR để theo dõi Zalo OA của Cổng thông tin và nhận tin mới nhất.", "ui_text"),
               ("Mời bạn đọc theo dõi kênh YouTube của Đài", "ui_text"), ("Theo dõi Báo Lạng Sơn trên", "ui_text"),
               ("Theo dõi trên Facebook, cơ quan công an phát hiện đối tượng đăng tin sai sự thật.", "body"),
               ("Theo dõi sát diễn biến mưa lũ, tỉnh đã sơ tán 200 hộ dân.", "body")],
              predicate=is_follow_prompt, max_words=35),
    line_rule("ui.app_prompt", "ui_text", "A prompt to install or open the outlet's app (`Tải ứng dụng … để đọc báo …`).",
              [("Tải ứng dụng Báo Nghệ An - đọc báo mọi lúc", "ui_text"), ("Mở trong ứng dụng", "ui_text"),
               ("Tải app Đài Phát thanh trên App Store và Google Play", "ui_text"),
               ("Tải ứng dụng VNeID về điện thoại, người dân làm theo hướng dẫn để kích hoạt tài khoản.", "body")],
              predicate=is_app_prompt, max_words=30),
    line_rule("ui.read_more", "ui_text",
              "An invitation to read more of the site (`* Mời bạn đọc vào chuyên mục … xem các tin, bài liên quan.`).",
              [("* Mời bạn đọc vào chuyên mục Quốc phòng an ninh xem các tin, bài liên quan.", "ui_text"),
               ("Mời quý độc giả đón đọc các bài viết tiếp theo trên chuyên trang Pháp luật.", "ui_text"),
               ("*Mời bạn đọc\u00a0 vào chuyên mục Quốc phòng an ninh xem các tin, bài liên quan.", "ui_text"),
               ("Mời các bạn xem loạt ảnh chế từ tình huống hỏng ăn của tiền đạo.", "ui_text"),
               ("Mời bạn đọc góp ý dự thảo Luật Đất đai trên Cổng thông tin điện tử Quốc hội.", "body")],
              pattern=READ_MORE_RE, max_words=30),
    line_rule("ui.reader_submit", "ui_text",
              "A call for readers' pictures or stories (`Chia sẻ hình ảnh, video của bạn tại đây.`).",
              [("Chia sẻ hình ảnh, video của bạn tại đây.", "ui_text"),
               ("Gửi bài viết của bạn về địa chỉ email của tòa soạn", "ui_text"),
               ("Chia sẻ hình ảnh của bạn với cộng đồng là cách anh kết nối với khán giả, ca sĩ nói.", "body")],
              pattern=READER_SUBMIT_RE, max_words=25),
    line_rule("ui.column_promo", "ui_text",
              "A site's promo of its own column, naming the paper (`* Chuyên mục … trên Báo X gửi tới bạn đọc …`).",
              [("* Chuyên mục\u00a0Quân sự thế giới\u00a0hôm nay\u00a0trên Báo Quân đội nhân dân Điện tử gửi tới bạn đọc "
                "thông tin mới nhất về các hoạt động an ninh, quốc phòng quân sự thế giới.", "ui_text"),
               ("Chuyên mục Pháp luật trên Báo Tiền Phong mang đến độc giả các vụ án nổi bật.", "ui_text"),
               ("Chuyên mục do Báo Tiền Phong thực hiện đã nhận được nhiều thư của bạn đọc.", "body")],
              predicate=lambda text: bool(COLUMN_PROMO_RE.match(text.lstrip("* "))), max_words=60),
    line_rule("ui.cookie", "ui_text", "A cookie consent notice (`… sử dụng cookie …`).",
              [("Trang web sử dụng cookie để nâng cao trải nghiệm người dùng.", "ui_text"),
               ("Bằng việc tiếp tục, bạn đồng ý với chính sách cookie của chúng tôi.", "ui_text"),
               ("Cơ sở làm bánh cookie của chị Lan tạo việc làm cho 12 lao động.", "body")],
              pattern=COOKIE_RE, max_words=60),
    line_rule("ui.newsletter", "ui_text", "A newsletter sign-up (`Đăng ký nhận bản tin …`, `Nhập email của bạn`).",
              [("Đăng ký nhận bản tin Báo Quảng Trị", "ui_text"), ("Nhập địa chỉ email của bạn   Gửi", "ui_text"),
               ("Đăng ký nhận tin nhắn cảnh báo thiên tai qua tổng đài 1022 đã được triển khai.", "body")],
              pattern=NEWSLETTER_RE, max_words=20),
    line_rule("comment.policy", "comment_prompt",
              "A comment-policy note (`… giữ quyền biên tập bình luận`, `Bình luận … sẽ được đăng tải`, WordPress's "
              "`Lưu tên, email … trong trình duyệt …`, `Vui lòng gõ tiếng Việt có dấu`).",
              [("Báo giữ quyền biên tập các bình luận của độc giả.", "comment_prompt"),
               ("Bình luận có nội dung phù hợp sẽ được đăng tải.", "comment_prompt"),
               ("Lưu tên, email và trang web của tôi trong trình duyệt này cho lần bình luận kế tiếp.", "comment_prompt"),
               ("Vui lòng viết bình luận bằng tiếng Việt có dấu", "comment_prompt"),
               ("Các ý kiến tại hội nghị sẽ được tổng hợp gửi Quốc hội.", "body")],
              pattern=COMMENT_POLICY_RE, max_words=45),
    line_rule("comment.reply", "comment_prompt", "A comment's reply button (`Phản hồi`, `Trả lời`).",
              [("Phản hồi", "comment_prompt"), ("Trả lời", "comment_prompt"),
               ("Phản hồi của người dân về dự án", "subheading")],
              pattern=REPLY_RE, max_words=4),
    line_rule("comment.text", "comment_prompt",
              "A comment box's text in other words: every sentence is an invitation (`Bạn nghĩ gì về bài viết này?`), "
              "a length limit, a moderation policy, or the line is form fields (`Nhập họ tên   Nhập email   Gửi`).",
              [("Bạn có ý kiến gì về bài viết này? Hãy là người đầu tiên bình luận.", "comment_prompt"),
               ("Ý kiến không quá 500 ký tự. Tòa soạn có quyền biên tập, không đăng ý kiến vi phạm.", "comment_prompt"),
               ("Nội quy bình luận: không dùng từ ngữ thô tục, không xúc phạm cá nhân, tổ chức.", "comment_prompt"),
               ("Nhập tên   Nhập e-mail   Gửi ý kiến", "comment_prompt"),
               ("Bài viết này có hữu ích với bạn không?", "comment_prompt"),
               ("Người dân có quyền biên tập lại ý kiến đóng góp trước khi gửi. Cử tri đồng tình.", "body")],
              predicate=is_comment_text, max_words=70),
)
