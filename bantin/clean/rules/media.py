"""Media: what a picture, a player, an embedded post or an attached file leaves in the text.

Why by kind of token: a picture left behind as its file name is a camera or screenshot name
(`vlcsnap-…`, `IMG_1234.jpg`, `DSC01234`); a video player is timecodes and control words
(`Play 00:00 -02:18 Tắt tiếng`); an embed is a button naming the platform (`Xem bài viết này trên
Instagram`); an attachment is a file name with `Tải về`. Each rule checks that the *whole* line
is made of such tokens, so a story sentence that merely mentions a video stays body. `classify`
reads `image.file_name` and `is_player` as the markers a caption may follow.
"""
from __future__ import annotations

import re
import unicodedata

from bantin.clean.rules.base import Rule, line_rule

I = re.IGNORECASE
IMAGE_FILE_RE = re.compile(
    r"^(\S+\.(jpe?g|png|gif|webp|bmp|heic|tiff?)"
    r"|vlcsnap-[\w-]+"
    r"|(img|dsc[fn]?|dji|gopr|mvi|pxl|pic|photo|image|screenshot|screen[ _-]?shot|ảnh chụp màn hình|capture)"
    r"[ _-]?\d[\w\s.-]*"
    r"|z\d{6,}[\w-]*"
    r"|p\d{7,})$", I)
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
# Unicode category initials that carry no word of a control bar: symbols, punctuation, separators.
PLAYER_NOISE_CATEGORIES = "SPZ"
# Embedded posts and link buttons: `Xem bài viết này trên Instagram`, `Bấm vào đây để xem`.
EMBED_RE = re.compile(
    r"^(xem|view|watch)( (bài viết|bài đăng|video|clip|this post|this video))?( này)? (trên|on) (facebook|instagram"
    r"|youtube|tiktok|twitter|x)$|^(a post shared by|một bài viết được chia sẻ bởi)\b"
    r"|^(bấm|nhấn|nhấp|click|kích) (chuột )?(vào )?(đây|link|liên kết|ảnh)( để (xem|đọc|tải|nghe)[^.!?]{0,30})?$", I)
ATTACHMENT_RE = re.compile(
    r"^(file|tệp( tin)?|tập tin|tài liệu|văn bản) đính kèm\s*:"
    r"|(?<!\S)\S+\.(pdf|docx?|xlsx?|pptx?|zip|rar)\s*[-–|(]?\s*(tải về|tải xuống|download|xem)\s*\)?$", I)


def is_player(text: str) -> bool:
    """A status line (`Video đang được xử lý...`), a lone media label (`VIDEO`), or a control bar made
    only of timecodes, control words and symbols (`Play 00:00 -02:18 Tắt tiếng`, `00:00 / 02:31 HD ⛶`)."""
    if PLAYER_STATUS_RE.match(text):
        return True
    times, words = len(TIMECODE_RE.findall(text)), len(PLAYER_WORDS_RE.findall(text))
    rest = PLAYER_WORDS_RE.sub(" ", TIMECODE_RE.sub(" ", text))
    rest = "".join(ch for ch in rest if unicodedata.category(ch)[0] not in PLAYER_NOISE_CATEGORIES and ch not in "/")
    return not rest.strip() and (times >= 1 and times + words >= 2 or words >= 3)


RULES: tuple[Rule, ...] = (
    line_rule("image.file_name", "image_file",
              "A camera, screenshot or image file name left in place of a picture (vlcsnap-, IMG_, DSC, *.jpg).",
              [("vlcsnap-2020-11-11-14h39m56s038", "image_file"), ("IMG_1234.jpg", "image_file"),
               ("DSC01234", "image_file"), ("Ảnh chụp màn hình 2021-05-03", "image_file"),
               ("Hình ảnh hội nghị", "body")],
              pattern=IMAGE_FILE_RE, max_words=6),
    line_rule("ui.player", "ui_text",
              "Video/audio player furniture: a status (`Video đang được xử lý...`), a lone media label (`VIDEO`, "
              "`Đang phát`) or a control bar of timecodes and control words (`Play 00:00 -02:18 Tắt tiếng`).",
              [("Clip đang tải...", "ui_text"), ("VIDEO", "ui_text"), ("Phát  01:12  Toàn màn hình  HD", "ui_text"),
               ("00:00 / 03:45  1080p", "ui_text"), ("Tạm dừng   Bật tiếng   Cài đặt", "ui_text"),
               ("Video clip ghi lại cảnh đối tượng tấn công tổ công tác.", "body")],
              predicate=is_player, max_words=16),
    line_rule("ui.embed", "ui_text",
              "An embedded post's or a link's button (`Xem bài viết này trên Instagram`, `Bấm vào đây để xem`).",
              [("Xem bài viết này trên Instagram", "ui_text"), ("Watch on YouTube", "ui_text"),
               ("Bấm vào đây để xem toàn văn", "ui_text"),
               ("Xem video trên YouTube, nhiều người đã bị lừa chuyển tiền.", "body")],
              pattern=EMBED_RE, max_words=12),
    line_rule("ui.attachment", "ui_text", "An attached-file line (`File đính kèm: KH-12.pdf  Tải về`).",
              [("Tệp đính kèm: QD-45-UBND.docx", "ui_text"), ("Kế hoạch số 12-KH/UBND.pdf   Tải về", "ui_text"),
               ("Tài liệu đính kèm gồm 5 phụ lục được gửi đến các xã.", "body")],
              pattern=ATTACHMENT_RE, max_words=30),
)
