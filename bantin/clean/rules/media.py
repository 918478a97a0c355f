"""Media, reader-reaction, comment-text and print/cache furniture.

Why a module of its own: the fourth round of blind pages showed furniture that the word lists of
`rules_line` cannot name because it is made of *kinds* of tokens: a video player is timecodes and
control words (`Play 00:00 -02:18 Tắt tiếng`), a reaction row is label/number pairs (`Tuyệt vời 24
Hay 6`), a meta bar is name | date | views, a journal footnote is `(1)` plus a citation, a print
view carries `Trang 1/2` and the page URL, a cached page carries the cache's own preamble. Each
rule checks that the *whole* line is made of such tokens (or that every sentence of it is comment
furniture), so a story sentence that merely mentions a video, a vote or a comment stays body.
These rules run after `rules_line`, `rules_page` and `rules_social`.
"""
from __future__ import annotations

import re
import unicodedata

from bantin.clean.rules.base import Rule, n_words
from bantin.clean.rules.structure import is_name_like
from bantin.clean.rules.line import COUNTER_RE, DATE_OR_TIME_RE, DATELINE_RE
from bantin.clean.rules.page import FORM_NOTE_RE
from bantin.clean.rules.social import COMMENT_POLICY_RE, TERMINAL_RE

I = re.IGNORECASE
TIMECODE_RE = re.compile(r"[-–]?\b\d{1,2}:\d{2}(:\d{2})?\b")
# Words of a media player's control bar (after timecodes and symbols are gone).
PLAYER_WORDS_RE = re.compile(
    r"\b(play|pause|replay|mute|unmute|fullscreen|full screen|settings|live|auto|hd|sd|4k|\d{3,4}p|cc"
    r"|phát|phát lại|tạm dừng|dừng|tắt tiếng|bật tiếng|âm lượng|toàn màn hình|thoát toàn màn hình|thu nhỏ"
    r"|phụ đề|cài đặt|tốc độ|chất lượng|trực tiếp|đang phát|xem lại|tiếp theo)\b", I)
PLAYER_STATUS_RE = re.compile(
    r"^((video|clip|audio|tệp|file)\s+)?(đang (được )?(xử lý|tải|tải lên|chuyển đổi|phát)|đang chờ phát"
    r"|không (thể phát|phát được|khả dụng)|is processing|processing)(\s+(video|clip))?\s*(\.|…)*$"
    r"|^(video|clip|audio|podcast|infographic|emagazine|e-magazine|longform|megastory|video clip|xem video"
    r"|nghe audio|đang phát)$", I)
MEDIA_CAPTION_RE = re.compile(r"^(video|clip|infographic|đồ họa|audio)\s*:\s*\S|^(ảnh|hình) \d{1,2}\s*[:.–-]\s*\S", I)
# Reader reactions printed as words: `Tuyệt vời 24  Hay 6  Xúc động 11`, `Thích 142`.
REACTION_PAIR_RE = re.compile(r"([^\W\d_]+(?:[ ][^\W\d_]+){0,3})\s*:?\s*\(?(\d[\d.,]*[kK]?)\)?")
REACTION_WORDS = frozenset((
    "thích", "yêu thích", "hay", "tuyệt vời", "xúc động", "đáng chú ý", "vui", "buồn", "phẫn nộ", "giận dữ",
    "ngạc nhiên", "bất ngờ", "hữu ích", "hài lòng", "không hài lòng", "không hữu ích", "thương thương", "haha", "wow", "like",
    "love", "sad", "angry", "ủng hộ", "không ủng hộ", "đồng tình", "không đồng tình", "bình luận", "chia sẻ",
    "lượt xem", "lượt thích", "lượt chia sẻ"))
SHARED_TIMES_RE = re.compile(
    r"^(bài viết|bài|tin|video)( này)? (đã )?(được )?(chia sẻ|xem|đọc|thích) [\d.,]+ lần$", I)
FOOTNOTE_RE = re.compile(r"^[(\[]\d{1,3}[)\]]\s*\S")
CITATION_RE = re.compile(
    r"\bnxb\b|nhà xuất bản|\btr\.\s*\d|\btrang \d|tạp chí|văn kiện|\bsđd\b|\btlđd\b|toàn tập|^\W*\d+\W*\s*xem\s*:"
    r"|hà nội,\s*\d{4}|số \d+,\s*(tháng|năm|ngày)", I)
PRINT_ISSUE_RE = re.compile(
    r"^(bài (viết|báo)|bài|tác phẩm)( này)? (đã )?(được )?(đăng|in|đăng tải|xuất bản|công bố) (trên|tại|trong)"
    r" .{3,80}\b(số|kỳ)\s*\d", I)
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
ATTACHMENT_RE = re.compile(
    r"^(file|tệp( tin)?|tập tin|tài liệu|văn bản) đính kèm\s*:"
    r"|\S+\.(pdf|docx?|xlsx?|pptx?|zip|rar)\s*[-–|(]?\s*(tải về|tải xuống|download|xem)\s*\)?$", I)
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
# Embedded posts and link buttons: `Xem bài viết này trên Instagram`, `Bấm vào đây để xem`.
EMBED_RE = re.compile(
    r"^(xem|view|watch)( (bài viết|bài đăng|video|clip|this post|this video))?( này)? (trên|on) (facebook|instagram"
    r"|youtube|tiktok|twitter|x)$|^(a post shared by|một bài viết được chia sẻ bởi)\b"
    r"|^(bấm|nhấn|nhấp|click|kích) (chuột )?(vào )?(đây|link|liên kết|ảnh)( để (xem|đọc|tải|nghe)[^.!?]{0,30})?$", I)
# A weather widget: a place, a temperature and a few condition words (`Hà Nội 22°C Mưa phùn`).
WEATHER_RE = re.compile(r"^(?-i:[A-ZĐ][\w.]*)( (?-i:[A-ZĐ][\w.]*)){0,3}\s*:?\s*-?\d{1,2}\s*°\s*C?(\s+[^\W\d_]+){0,4}$", I)
SENTENCE_SPLIT_RE = re.compile(r"(?<=[.!?])\s+")
FIELD_SPLIT_RE = re.compile(r"\s{2,}|\s*[|•·]\s*")
META_SPLIT_RE = re.compile(r"\s*[|•·]\s*")


def is_player(text: str) -> bool:
    """A status line (`Video đang được xử lý...`), a lone media label (`VIDEO`), or a control bar made
    only of timecodes, control words and symbols (`Play 00:00 -02:18 Tắt tiếng`, `00:00 / 02:31 HD ⛶`)."""
    if PLAYER_STATUS_RE.match(text):
        return True
    times, words = len(TIMECODE_RE.findall(text)), len(PLAYER_WORDS_RE.findall(text))
    rest = PLAYER_WORDS_RE.sub(" ", TIMECODE_RE.sub(" ", text))
    rest = "".join(ch for ch in rest if unicodedata.category(ch)[0] not in "SPZ" and ch not in "/")
    return not rest.strip() and (times >= 1 and times + words >= 2 or words >= 3)


def _reactions(text: str) -> bool:
    """Two or more `label number` pairs and nothing else, most labels reader reactions."""
    if SHARED_TIMES_RE.match(text):
        return True
    pairs = REACTION_PAIR_RE.findall(text)
    if len(pairs) < 2 or REACTION_PAIR_RE.sub("", text).strip(" |·•,/-"):
        return False
    known = sum(label.casefold() in REACTION_WORDS for label, _ in pairs)
    return known * 2 >= len(pairs) and known >= 1


def _meta_part(part: str) -> bool:
    """A date/time, a counter (`826 lượt xem`, `Lượt xem: 12`) or a personal name."""
    return (bool(DATELINE_RE.match(part) and DATE_OR_TIME_RE.search(part)) or bool(COUNTER_RE.match(part))
            or is_name_like(part))


def _meta_bar(text: str) -> bool:
    """`Trần Nguyên | 22/05/2025 09:15 | 826 lượt xem`: author, date and counters in one bar."""
    parts = [p.strip() for p in META_SPLIT_RE.split(text) if p.strip()]
    dated = any(DATE_OR_TIME_RE.search(p) for p in parts)
    return len(parts) >= 2 and dated and all(_meta_part(p) for p in parts)


def _footnote(text: str) -> bool:
    return bool(FOOTNOTE_RE.match(text)) and bool(CITATION_RE.search(text))


def _comment_text(text: str) -> bool:
    """Every sentence of the line is comment-box text (an invitation, a limit, a moderation policy)."""
    if COMMENT_FIELD_RE.match(text):
        return True
    fields = [f for f in FIELD_SPLIT_RE.split(text) if f.strip()]
    if len(fields) >= 2 and all(COMMENT_FIELD_RE.match(f) or re.match(r"^(gửi|gửi bình luận|gửi ý kiến)$", f, I)
                                for f in fields):
        return True
    sentences = [s for s in SENTENCE_SPLIT_RE.split(text) if s.strip()]
    return all(n_words(s) <= 35 and (COMMENT_TEXT_RE.search(s) or COMMENT_POLICY_RE.search(s)
                                     or FORM_NOTE_RE.search(s)) for s in sentences)


def _print_furniture(text: str) -> bool:
    """A print view's running header/footer (`Báo X - x.vn    Trang 1/2`) or a bare page URL."""
    return bool(URL_LINE_RE.match(text)) or (bool(PAGE_OF_RE.search(text)) and not TERMINAL_RE.search(text))


def _rule(id_: str, role: str, description: str, examples, *, pattern=None, predicate=None, max_words=None) -> Rule:
    return Rule(id=id_, role=role, description=description, examples=tuple(examples), pattern=pattern,
                predicate=predicate, max_words=max_words)


MEDIA_RULES: tuple[Rule, ...] = (
    _rule("ui.player", "ui_text",
          "Video/audio player furniture: a status (`Video đang được xử lý...`), a lone media label (`VIDEO`, "
          "`Đang phát`) or a control bar of timecodes and control words (`Play 00:00 -02:18 Tắt tiếng`).",
          [("Clip đang tải...", "ui_text"), ("VIDEO", "ui_text"), ("Phát  01:12  Toàn màn hình  HD", "ui_text"),
           ("00:00 / 03:45  1080p", "ui_text"), ("Tạm dừng   Bật tiếng   Cài đặt", "ui_text"),
           ("Video clip ghi lại cảnh đối tượng tấn công tổ công tác.", "body")],
          predicate=is_player, max_words=16),
    _rule("caption.media_label", "caption",
          "A video or graphic caption opened by its label (`Video: Lực lượng chức năng kiểm tra …`).",
          [("Clip: Người dân hỗ trợ lực lượng cứu hộ đưa xe qua đoạn ngập.", "caption"),
           ("Infographic: Kết quả tuyển quân năm 2025 của tỉnh", "caption"),
           ("Ảnh 2: Bộ đội Biên phòng tuần tra trên tuyến biên giới.", "caption"),
           ("Video clip được chia sẻ trên mạng xã hội cho thấy nhiều người hoảng loạn.", "body")],
          pattern=MEDIA_CAPTION_RE, predicate=lambda t: n_words(t) >= 4, max_words=45),
    _rule("counter.reactions", "counter",
          "Reader reactions in words with their counts (`Hay 12  Xúc động 3`, `Thích 142 Chia sẻ 17`) or "
          "`Bài viết được chia sẻ 58 lần` (star ratings are `counter.emoji`).",
          [("Ủng hộ 31   Không ủng hộ 2", "counter"), ("Thích 15 · Bình luận 3 · Chia sẻ 7", "counter"),
           ("Hữu ích 12   Không hữu ích 1", "counter"), ("Bài viết đã được xem 1.204 lần", "counter"),
           ("Nam 120  Nữ 85", "body"), ("Hay 3 lần tái phạm, đối tượng bị khởi tố.", "body")],
          predicate=_reactions, max_words=20),
    _rule("dateline.meta_bar", "dateline",
          "An author/date/views bar: parts split by `|` or `•`, one a date or time, each a date, a counter or a "
          "personal name (`Lê Hà | 05/03/2025 08:10 | 412 lượt xem`).",
          [("Minh Châu | 14/02/2025 07:45 | 1.023 lượt xem", "dateline"), ("Hoàng Anh • 08:30 12/5/2024", "dateline"),
           ("Hà Nội | 12/5/2025 | Hội nghị tổng kết công tác năm", "body")],
          predicate=_meta_bar, max_words=20),
    _rule("source.footnote", "source_credit",
          "A numbered note citing a source (`(1) Văn kiện …, Nxb …, tr. 45`, `[2] Xem: … Tạp chí …, số …`).",
          [("(3) Hồ Chí Minh: Toàn tập, Nxb Chính trị quốc gia, Hà Nội, 2011, t. 5, tr. 120.", "source_credit"),
           ("[2] Xem: Tạp chí Quốc phòng toàn dân, số 5, tháng 5-2024", "source_credit"),
           ("(1) Tăng cường công tác tuyên truyền, giáo dục chính trị tư tưởng;", "body")],
          predicate=_footnote, max_words=80),
    _rule("source.print_issue", "source_credit",
          "Where the article was printed first: `Bài đăng trên Báo X số 123, ngày …`.",
          [("Bài đăng trên Báo Quân đội nhân dân số 24.512 ra ngày 3/6/2025", "source_credit"),
           ("Bài viết được in trong Tạp chí Tuyên giáo số 7/2024", "source_credit"),
           ("Bài viết được đăng trên Tạp chí Cộng sản đã thu hút sự quan tâm của bạn đọc.", "body")],
          pattern=PRINT_ISSUE_RE, max_words=30),
    _rule("ui.separator", "ui_text", "A rule line of dashes, stars or underscores (`-----`, `* * *`).",
          [("------------", "ui_text"), ("* * *", "ui_text"), ("___", "ui_text"), ("- 5 -", "body")],
          pattern=SEPARATOR_RE),
    _rule("ui.print_page", "ui_text",
          "A print view's running header/footer ending in a page count (`Báo X - x.vn   Trang 1/2`) or a bare URL.",
          [("Báo Thanh Hóa - baothanhhoa.vn        Trang 2/3", "ui_text"), ("Page 1 of 4", "ui_text"),
           ("https://baoquangninh.vn/tin-tuc/an-ninh-123.html", "ui_text"),
           ("Truy cập https://dichvucong.gov.vn để nộp hồ sơ trực tuyến.", "body")],
          predicate=_print_furniture, max_words=15),
    _rule("ui.web_cache", "ui_text",
          "The preamble of a cached or archived copy (`Đây là bộ nhớ cache của Google …`, `Phiên bản chỉ có văn "
          "bản`, `Mẹo: … Ctrl+F`) and its lone link buttons (`Tìm hiểu thêm.`).",
          [("This is Google's cache of https://example.vn/a.html.", "ui_text"),
           ("Phiên bản đầy đủ   Phiên bản chỉ có văn bản   Xem nguồn", "ui_text"), ("Tìm hiểu thêm.", "ui_text"),
           ("Tìm hiểu thêm về chính sách hỗ trợ người lao động tại địa phương.", "body")],
          predicate=lambda t: bool(CACHE_RE.search(t) or LINK_BUTTON_RE.match(t)), max_words=70),
    _rule("ui.embed", "ui_text",
          "An embedded post's or a link's button (`Xem bài viết này trên Instagram`, `Bấm vào đây để xem`).",
          [("Xem bài viết này trên Instagram", "ui_text"), ("Watch on YouTube", "ui_text"),
           ("Bấm vào đây để xem toàn văn", "ui_text"),
           ("Xem video trên YouTube, nhiều người đã bị lừa chuyển tiền.", "body")],
          pattern=EMBED_RE, max_words=12),
    _rule("ui.weather", "ui_text", "A weather widget: a place name and a temperature (`Hà Nội 22°C Mưa phùn`).",
          [("Hà Nội 22°C Mưa phùn", "ui_text"), ("TP Hồ Chí Minh: 33 °C", "ui_text"),
           ("Nhiệt độ 38°C", "subheading"), ("Sa Pa xuống 2°C, băng giá xuất hiện trên đỉnh Fansipan.", "body")],
          pattern=WEATHER_RE, max_words=10),
    _rule("ui.search_box", "ui_text", "A search box placeholder (`Tìm kiếm tin tức...`, `Nhập từ khóa`).",
          [("Tìm kiếm tin tức...", "ui_text"), ("Nhập từ khóa cần tìm", "ui_text"), ("Search…", "ui_text"),
           ("Tìm kiếm cứu nạn", "subheading")], pattern=SEARCH_BOX_RE, max_words=8),
    _rule("ui.attachment", "ui_text", "An attached-file line (`File đính kèm: KH-12.pdf  Tải về`).",
          [("Tệp đính kèm: QD-45-UBND.docx", "ui_text"), ("Kế hoạch số 12-KH/UBND.pdf   Tải về", "ui_text"),
           ("Tài liệu đính kèm gồm 5 phụ lục được gửi đến các xã.", "body")],
          pattern=ATTACHMENT_RE, max_words=30),
    _rule("comment.text", "comment_prompt",
          "A comment box's text in other words: every sentence is an invitation (`Bạn nghĩ gì về bài viết này?`), "
          "a length limit, a moderation policy, or the line is form fields (`Nhập họ tên   Nhập email   Gửi`).",
          [("Bạn có ý kiến gì về bài viết này? Hãy là người đầu tiên bình luận.", "comment_prompt"),
           ("Ý kiến không quá 500 ký tự. Tòa soạn có quyền biên tập, không đăng ý kiến vi phạm.", "comment_prompt"),
           ("Nội quy bình luận: không dùng từ ngữ thô tục, không xúc phạm cá nhân, tổ chức.", "comment_prompt"),
           ("Nhập tên   Nhập e-mail   Gửi ý kiến", "comment_prompt"),
           ("Bài viết này có hữu ích với bạn không?", "comment_prompt"),
           ("Người dân có quyền biên tập lại ý kiến đóng góp trước khi gửi. Cử tri đồng tình.", "body")],
          predicate=_comment_text, max_words=70),
)
