"""Line rules: page furniture recognisable from the line alone.

Why patterns of kinds (any counter, any camera file name, any `Chia sẻ …` prompt) rather than
the seed strings: tomorrow's portals print the same furniture with other words around it.
Every pattern is anchored on the whole (short) line, so a body sentence that merely mentions
`bình luận` or `chia sẻ` is never matched. Order matters: the first matching rule wins.
"""
from __future__ import annotations

import re

from bantin.clean.rules.base import Rule

I = re.IGNORECASE

COUNTER_RE = re.compile(
    r"^(\d{1,7}|(số )?(lần đọc|lần xem|lượt nghe|lượt xem|lượt thích|lượt truy cập|lượt đọc|lượt chia sẻ|views?|likes?|thích|shares?|chia sẻ)"
    r"\s*:?\s*\(?\d[\d.,]*\)?"
    r"|\d[\d.,]*\s*(lượt xem|lượt thích|lượt chia sẻ|views?|likes?|shares?|lượt đọc|lượt truy cập))$", I)
_DATE = r"\d{1,2}\s*[/.-]\s*\d{1,2}\s*[/.-]\s*\d{4}"
_TIME = r"\d{1,2}\s*[:h]\s*\d{2}(\s*:\s*\d{2})?(\s*(am|pm|sa|ch))?"
_WEEKDAY = r"((thứ\s*(hai|ba|tư|năm|sáu|bảy|[2-7]))|chủ\s*nhật|monday|tuesday|wednesday|thursday|friday|saturday|sunday)"
# A dateline is made only of dates, times, weekdays, GMT offsets and connector words.
# ... optionally with a month in words (`21 Tháng 7 2025`), an issue number (`| Số 24.562`) and a
# trailing `bởi <người đăng>` as CMSs print it (`Đăng vào 8 Tháng 10, 2024 bởi Quản trị viên`).
DATELINE_RE = re.compile(
    rf"^(?:{_DATE}|{_TIME}|{_WEEKDAY}|gmt\s*[+-]\s*\d{{1,2}}(:\d{{2}})?|cập nhật|ngày đăng|đăng ngày|đăng lúc"
    rf"|được đăng|đăng vào|đăng|hôm nay|lúc|ngày|giờ|tháng|năm|vào|số\s*\d[\d.]*|\d{{1,4}}"
    rf"|published|posted on|posted|updated|thời gian|[-–,|:()\s])+"
    rf"((bởi|by|người đăng|đăng bởi|posted by)\s*:?\s+[^\d|]{{2,50}})?$", I)
DATE_OR_TIME_RE = re.compile(rf"{_DATE}|\d{{1,2}}\s*:\s*\d{{2}}|\d{{1,2}}\s+tháng\s+\d{{1,2}}\b", I)
IMAGE_FILE_RE = re.compile(
    r"^(\S+\.(jpe?g|png|gif|webp|bmp|heic|tiff?)"
    r"|vlcsnap-[\w-]+"
    r"|(img|dsc[fn]?|dji|gopr|mvi|pxl|pic|photo|image|screenshot|screen[ _-]?shot|ảnh chụp màn hình|capture)"
    r"[ _-]?\d[\w\s.-]*"
    r"|z\d{6,}[\w-]*"
    r"|p\d{7,})$", I)
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
SHARE_RE = re.compile(
    r"^(chia sẻ|share|tweet|chia sẻ bài viết|chia sẻ bài|chia sẻ lên|chia sẻ qua)"
    r"(\s*(bài viết|bài báo|trang|this|on|lên|qua|:|facebook|zalo|twitter|email|link|,|\||/))*\s*$"
    r"|^(in( bài( viết| này)?| trang)?|bản in|print( this)?( page| article)?|gửi (email|bài|cho bạn bè)"
    r"|gửi (bài viết |bài |tin )?qua e-?mail|lưu bài( viết)?|lưu|"
    r"facebook|zalo|twitter|messenger|linkedin|telegram|pinterest"
    r"|copy link|sao chép (liên kết|link)|thích|like)\s*:?$"
    r"|^(facebook|zalo|twitter|email|messenger)(\s*[|,/·•]?\s*(facebook|zalo|twitter|email|messenger|in))+$",
    I)
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
    r"|^(trở về|quay lại|quay về|về đầu trang|lên đầu trang|về trang chủ|back to top|trang trước|trang sau"
    r"|tiếp theo|bài trước|bài sau|bài tiếp theo)\s*:?$"
    r"|^(trang chủ|home)(\s*([>»›/|]|>>)\s*[^>»›/|]{1,40})+$",
    I)
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
PHOTO_CREDIT_RE = re.compile(
    r"^\(?(ảnh|ảnh minh họa|hình minh họa|ảnh tư liệu|ảnh internet|nguồn ảnh|photo|ảnh chụp|ảnh nguồn)"
    r"(\s*[:-]\s*.{0,60})?\)?\.?$", I)
SOURCE_CREDIT_RE = re.compile(
    r"^\(?\s*(nguồn|source)( (video|clip|tin|bài|tham khảo|dữ liệu|số liệu))?\s*:\s*.+$"
    r"|^\(?\s*theo\s+(báo|tạp chí|cổng|trang|đài|thông tấn|ttxvn|vtv|vov|tuổi trẻ|thanh niên|dân trí"
    r"|vnexpress|nhân dân|vietnamnet|vietnamplus|znews|zing|vnanet|sggp|sài gòn giải phóng|tiền phong|qđnd"
    r"|quân đội nhân dân|công an nhân dân|cand|an ninh thủ đô|hà nội mới|đại đoàn kết|vtc|htv"
    r"|[\w.-]+\.(vn|com|net|org))\b[^,]*\)?\.?$"
    r"|^\(\s*(tổng hợp|t/h|sưu tầm|lược dịch|biên dịch|theo nhiều nguồn)\s*\)\.?$"
    r"|^\((ttxvn|vna|vov|vtv|ttxvn/vietnam\+)\)$", I)
BYLINE_RE = re.compile(
    r"^(bài|tin|video|clip|đồ họa|bài và ảnh|tin và ảnh|bài, ảnh|tin, ảnh|bài/ảnh|tin/ảnh"
    r"|bài - ảnh|tin - ảnh|(bài|tin|ảnh)\s*[+&]\s*(ảnh|bài)|thực hiện|nhóm (pv|phóng viên)|phóng viên|pv|ctv|người viết|tác giả"
    r"|biên tập|trình bày|thiết kế|quay phim|dựng phim|thể hiện|chế bản|kịch bản|nội dung)\s*:\s*\S.{0,60}$"
    r"|^(written by|posted by|author|by|viết bởi|đăng bởi|gửi bởi)\s*:?\s+\S.{0,60}$"
    r"|^nhóm (pv|phóng viên|ctv|tác giả)\b.{0,40}$", I)
# A caption ends with the picture credit: `… hội nghị. Ảnh: Trần Liêm`, `… (Ảnh: TTXVN)`.
CAPTION_CREDIT_RE = re.compile(
    r"\S.*([.\s–—-])\s*\(?\s*(ảnh|ảnh minh họa|ảnh tư liệu|photo|nguồn ảnh|ảnh chụp)\s*:\s*[^.:;]{1,60}\)?\.?$", I)
# Scene captions name the picture, not an event: `Quang cảnh Hội nghị`, `Toàn cảnh buổi lễ`.
CAPTION_SCENE_RE = re.compile(
    r"^(quang cảnh|toàn cảnh|một góc|ảnh minh họa|hình minh họa|ảnh tư liệu|ảnh chụp)\b([^.;:]*|[^.;:,]{0,60}\.)$"
    r"|^[^.;:]*chụp ảnh lưu niệm[^.;:]*\.?$", I)


def _rule(id_: str, role: str, pattern: re.Pattern, description: str, examples, max_words=None,
          predicate=None) -> Rule:
    return Rule(id=id_, role=role, description=description, examples=tuple(examples),
                pattern=pattern, max_words=max_words, predicate=predicate)


LINE_RULES: tuple[Rule, ...] = (
    _rule("counter.number", "counter", COUNTER_RE,
          "A bare number or `n lượt xem`: share/like/view counters printed by the page.",
          [("0", "counter"), ("10", "counter"), ("1.234 lượt xem", "counter"), ("Số lượt truy cập: 98.120", "counter"),
           ("Like (45)", "counter"), ("Chia sẻ 12", "counter"), ("Số lần đọc: 768", "counter"), ("Lượt thích 7", "counter"),
           ("10 năm thực hiện Chỉ thị", "body"), ("2020.", "body")]),
    _rule("dateline.datetime", "dateline", DATELINE_RE,
          "A line that is only a publication date/time, optionally with weekday, `Cập nhật:` and GMT.",
          [("30/01/2023 - 05:30", "dateline"), ("Thứ Hai, 30/01/2023 05:30 (GMT+7)", "dateline"),
           ("Cập nhật: 11:05 12/03/2021", "dateline"), ("Cập nhật lúc 10:20 ngày 12/03/2023", "dateline"),
           ("Được đăng vào 3 Tháng 5, 2022 bởi admin", "dateline"), ("Chủ nhật, 05-02-2023 | Số 1.204", "dateline"), ("Hôm nay: Thứ Năm, 22/5/2025", "dateline"),
           ("Ngày 14 tháng 9 năm 2021 lúc 16:40", "dateline"),
           ("Ngày 14 tháng 9 năm 2021, đoàn công tác đã làm việc tại huyện.", "body"),
           ("Ngày 30/01/2023, hội nghị đã diễn ra.", "body"), ("Thứ Hai", "body")],
          max_words=14, predicate=lambda text: bool(DATE_OR_TIME_RE.search(text))),
    _rule("image.file_name", "image_file", IMAGE_FILE_RE,
          "A camera, screenshot or image file name left in place of a picture (vlcsnap-, IMG_, DSC, *.jpg).",
          [("vlcsnap-2020-11-11-14h39m56s038", "image_file"), ("IMG_1234.jpg", "image_file"),
           ("DSC01234", "image_file"), ("Ảnh chụp màn hình 2021-05-03", "image_file"),
           ("Hình ảnh hội nghị", "body")], max_words=6),
    _rule("comment.prompt", "comment_prompt", COMMENT_RE,
          "Comment widgets: `BÌNH LUẬN`, `Bình luận (3)`, `Gửi bình luận`, `Please enter your …`.",
          [("BÌNH LUẬN", "comment_prompt"), ("Bình luận (3)", "comment_prompt"),
           ("Gửi bình luận", "comment_prompt"), ("Please enter your comment!", "comment_prompt"),
           ("Để lại phản hồi", "comment_prompt"), ("Họ tên", "comment_prompt"), ("Nội dung *", "comment_prompt"),
           ("Mã xác nhận", "comment_prompt"), ("Nội dung ý kiến *", "comment_prompt"),
           ("Nội dung chính của kế hoạch", "body"),
           ("Bình luận về vấn đề này, ông A cho rằng cần làm rõ.", "body")], max_words=10),
    _rule("share.prompt", "share_prompt", SHARE_RE,
          "Share/print widgets: `Chia sẻ bài viết`, `Chia sẻ:`, `In bài viết`, `Facebook Zalo`.",
          [("Chia sẻ bài viết", "share_prompt"), ("Chia sẻ:", "share_prompt"), ("In bài viết", "share_prompt"),
           ("Facebook | Zalo | Email", "share_prompt"), ("Telegram", "share_prompt"),
           ("Gửi tin qua email", "share_prompt"), ("In trang", "share_prompt"),
           ("In trang phục truyền thống lên áo dài", "body"),
           ("Chia sẻ kinh nghiệm trong công tác dân vận", "subheading")], max_words=8),
    _rule("navigation.link", "navigation", NAVIGATION_RE,
          "Links to other pages: `Tin liên quan`, `Xem thêm`, `Newer/Older news items:`, breadcrumbs.",
          [("Newer news items:", "navigation"), ("Tin liên quan", "navigation"),
           ("Xem thêm: Bến Tre ra quân trấn áp tội phạm", "navigation"),
           ("Trang chủ > Tin tức > Thời sự", "navigation"), ("Các tin cùng chuyên mục", "navigation"),
           ("Ảnh khác", "navigation"), ("Những tin cũ hơn:", "navigation"), ("Các tin, bài viết khác", "navigation"), ("Xem nhiều nhất", "navigation"), ("Có thể bạn quan tâm", "navigation"), ("Đừng bỏ lỡ", "navigation"), ("Bài tiếp theo", "navigation"),
           ("Tin mới được cập nhật liên tục trên hệ thống của Sở.", "body"),
           ("Tin tức liên quan đến vụ việc được cơ quan chức năng xác minh.", "body"),
           ("Có thể bạn quan tâm đến chính sách hỗ trợ mới của tỉnh.", "body")], max_words=25),
    _rule("ui.widget", "ui_text", UI_TEXT_RE,
          "Other page widgets: `Loading...`, `Tags:`/`Từ khóa:`, copyright and `Bản quyền` lines, font size.",
          [("Loading...", "ui_text"), ("Từ khóa: an ninh, trật tự", "ui_text"),
           ("© Bản quyền thuộc về Báo Bến Tre", "ui_text"), ("Tags: ANTQ", "ui_text"), ("Từ khóa", "ui_text"), ("Thời gian đọc: 4 phút", "ui_text"), ("Đang cập nhật...", "ui_text"), ("(Tags) an ninh, biên giới", "ui_text"), ("[Từ khóa] tuyển quân", "ui_text"),
           ("Thẻ: biển đảo, ngư dân", "ui_text"), ("Kích thước chữ: A- | A+", "ui_text"), ("A+ A A-", "ui_text"),
           ("Xem giao diện di động", "ui_text"), ("Đăng nhập", "ui_text"), ("01:12 / 05:30", "ui_text"),
           ("Bản quyền 2023 Trang thông tin điện tử huyện", "ui_text"), ("Tải xuống", "ui_text"),
           ("Tìm kiếm việc làm cho lao động nông thôn là nhiệm vụ trọng tâm.", "body"), ("Đọc 5 phút mỗi ngày", "subheading"),
           ("Bản quyền tác giả là vấn đề được nhiều đại biểu quan tâm tại kỳ họp.", "body")], max_words=30),
    _rule("byline.labelled", "byline", BYLINE_RE,
          "An author credit with a label: `Bài, ảnh: X`, `Tin: X`, `PV:`, `Written by X`.",
          [("Bài, ảnh: Hoàng Lam", "byline"), ("Written by Ban biên tập", "byline"),
           ("Tin và ảnh: Minh Thư", "byline"), ("Bài & ảnh: Ngọc Hà", "byline"), ("Đăng bởi Trần Văn Tâm", "byline"),
           ("Nhóm phóng viên thời sự", "byline"), ("Nhóm PV - Báo Công Thương", "byline"), ("Thiết kế: Minh Hoàng", "byline"), ("Quay phim: Đức Tài", "byline"),
           ("Bài viết: những điều cần biết về an ninh mạng", "body"),
           ("Nhóm phóng viên đã có mặt tại hiện trường ngay trong đêm.", "body")],
          max_words=12),
    _rule("photo_credit.line", "photo_credit", PHOTO_CREDIT_RE,
          "A standalone picture credit: `Ảnh: X`, `Ảnh minh họa`, `(Ảnh: TTXVN)`.",
          [("Ảnh: Trần Liêm", "photo_credit"), ("Ảnh minh họa", "photo_credit"), ("(Ảnh: TTXVN)", "photo_credit"),
           ("Ảnh hưởng của dịch bệnh đến sản xuất", "subheading")], max_words=10),
    _rule("source.credit", "source_credit", SOURCE_CREDIT_RE,
          "Where the article was taken from: `Nguồn: …`, a short `Theo <outlet>`, `(TTXVN)`.",
          [("Nguồn: Cổng TTĐT tỉnh Quảng Bình", "source_credit"), ("Theo baochinhphu.vn", "source_credit"), ("Nguồn video: VTV1", "source_credit"),
           ("(Theo Báo Nhân Dân)", "source_credit"),
           ("(Theo Tiền Phong)", "source_credit"), ("(Tổng hợp)", "source_credit"),
           ("Theo Phó bí thư Thường trực Thành ủy, thời gian tới thành phố sẽ triển khai.", "body")],
          max_words=12),
    _rule("caption.photo_credit", "caption", CAPTION_CREDIT_RE,
          "A picture caption ending with its credit (`… Ảnh: Trần Liêm`); the photographer stays in it.",
          [("Trao bằng khen cho các tập thể. Ảnh: Trần Liêm", "caption"),
           ("Ông A phát biểu tại hội nghị (Ảnh: TTXVN)", "caption"),
           ("Ảnh: Trần Liêm", "photo_credit"),
           ("Hội nghị đã thông qua nghị quyết về công tác ảnh báo chí năm 2023.", "body")], max_words=80),
    _rule("caption.scene", "caption", CAPTION_SCENE_RE,
          "A short picture caption naming the scene: `Quang cảnh Hội nghị`, `… chụp ảnh lưu niệm`.",
          [("Quang cảnh Hội nghị", "caption"), ("Toàn cảnh buổi lễ xuất quân.", "caption"), ("Các đại biểu chụp ảnh lưu niệm", "caption"),
           ("Quang cảnh hội nghị được bố trí trang trọng, các đại biểu đã có mặt đông đủ.", "body")],
          max_words=25),
)
