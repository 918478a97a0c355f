"""Captions and picture credits: the text a picture (or a video, a graphic) leaves in the page.

Why kept apart from bylines: a caption describes the picture, not the story, so it leaves the
body, but its photographer is not the author. A line rule recognises a caption that says so
itself (`… Ảnh: Trần Liêm`, `Quang cảnh Hội nghị`, `Video: …`, a bare `Ảnh: X`); the context
rules recognise one by where it stands (right after a picture's file name or a player, before a
standalone credit, printed twice as alt text and caption). CAPTION_CUE_RE is what `classify`
reads to tell who a picture shows from a sentence of the story.
"""
from __future__ import annotations

import re

from bantin.clean.rules.base import EXAMPLE_BODY as BODY
from bantin.clean.rules.base import EXAMPLE_LEAD as LEAD
from bantin.clean.rules.base import EXAMPLE_TITLE as TITLE
from bantin.clean.rules.base import TARGET_MARK as M
from bantin.clean.rules.base import Rule, context_rule, line_rule, n_words

I = re.IGNORECASE
PHOTO_CREDIT_RE = re.compile(
    r"^\(?(ảnh|ảnh minh họa|hình minh họa|ảnh tư liệu|ảnh internet|nguồn ảnh|photo|ảnh chụp|ảnh nguồn)"
    r"(\s*[:-]\s*.{0,60})?\)?\.?$", I)
# A caption ends with the picture credit: `… hội nghị. Ảnh: Trần Liêm`, `… (Ảnh: TTXVN)`.
CAPTION_CREDIT_RE = re.compile(
    # One start (^), a whitespace separator only where its run starts, possessive spaces: linear
    # on a line of spaces (the plain `\S.*[.\s]\s*\(?\s*` took minutes on 2,000 of them).
    r"^\s*\S.*(?:[.–—-]|(?<!\s)\s)\s*+\(?\s*+(ảnh|ảnh minh họa|ảnh tư liệu|photo|nguồn ảnh|ảnh chụp)\s*+:"
    r"\s*[^.:;]{1,60}\)?\.?$", I)
# Scene captions name the picture, not an event: `Quang cảnh Hội nghị`, `Toàn cảnh buổi lễ`.
CAPTION_SCENE_RE = re.compile(
    r"^(quang cảnh|toàn cảnh|một góc|ảnh minh họa|hình minh họa|ảnh tư liệu|ảnh chụp)\b([^.;:]*|[^.;:,]{0,60}\.)$"
    r"|^[^.;:]*chụp ảnh lưu niệm[^.;:]*\.?$", I)
MEDIA_CAPTION_RE = re.compile(r"^(video|clip|infographic|đồ họa|audio)\s*:\s*\S|^(ảnh|hình) \d{1,2}\s*[:.–-]\s*\S", I)
MEDIA_CAPTION_MIN_WORDS = 4  # a caption says something; `Video: X` alone is a label or a credit
# Who a picture shows: people by title or rank (`Đại tá X phát biểu …`, `Bác sĩ Y khám …`).
CAPTION_CUE_RE = re.compile(
    r"^(quang cảnh|toàn cảnh|ông|bà|đồng chí|các đại biểu|đại biểu|lãnh đạo|bí thư|phó bí thư|chủ tịch"
    r"|phó chủ tịch|giám đốc|phó giám đốc|bộ trưởng|thứ trưởng|thủ tướng|phó thủ tướng|chủ nhiệm|trưởng ban"
    r"|(đại|thượng|trung|thiếu) (tướng|tá|úy)|đại úy|bác sĩ|đoàn công tác|đoàn đại biểu)\b",
    re.IGNORECASE)


def is_long_enough_for_media_caption(text: str) -> bool:
    return n_words(text) >= MEDIA_CAPTION_MIN_WORDS


RULES: tuple[Rule, ...] = (
    line_rule("photo_credit.line", "photo_credit",
              "A standalone picture credit: `Ảnh: X`, `Ảnh minh họa`, `(Ảnh: TTXVN)`.",
              [("Ảnh: Trần Liêm", "photo_credit"), ("Ảnh minh họa", "photo_credit"), ("(Ảnh: TTXVN)", "photo_credit"),
               ("Ảnh hưởng của dịch bệnh đến sản xuất", "subheading")],
              pattern=PHOTO_CREDIT_RE, max_words=10),
    line_rule("caption.photo_credit", "caption",
              "A picture caption ending with its credit (`… Ảnh: Trần Liêm`); the photographer stays in it.",
              [("Trao bằng khen cho các tập thể. Ảnh: Trần Liêm", "caption"),
               ("Ông A phát biểu tại hội nghị (Ảnh: TTXVN)", "caption"),
               ("Ảnh: Trần Liêm", "photo_credit"),
               ("Hội nghị đã thông qua nghị quyết về công tác ảnh báo chí năm 2023.", "body")],
              pattern=CAPTION_CREDIT_RE, max_words=80),
    line_rule("caption.scene", "caption",
              "A short picture caption naming the scene: `Quang cảnh Hội nghị`, `… chụp ảnh lưu niệm`.",
              [("Quang cảnh Hội nghị", "caption"), ("Toàn cảnh buổi lễ xuất quân.", "caption"),
               ("Các đại biểu chụp ảnh lưu niệm", "caption"),
               ("Quang cảnh hội nghị được bố trí trang trọng, các đại biểu đã có mặt đông đủ.", "body")],
              pattern=CAPTION_SCENE_RE, max_words=25),
    line_rule("caption.media_label", "caption",
              "A video or graphic caption opened by its label (`Video: Lực lượng chức năng kiểm tra …`).",
              [("Clip: Người dân hỗ trợ lực lượng cứu hộ đưa xe qua đoạn ngập.", "caption"),
               ("Infographic: Kết quả tuyển quân năm 2025 của tỉnh", "caption"),
               ("Ảnh 2: Bộ đội Biên phòng tuần tra trên tuyến biên giới.", "caption"),
               ("Video clip được chia sẻ trên mạng xã hội cho thấy nhiều người hoảng loạn.", "body")],
              pattern=MEDIA_CAPTION_RE, predicate=is_long_enough_for_media_caption, max_words=45),
    context_rule(
        "caption.repeated", "caption",
        "A short line printed twice in a row: a picture's alt text and its caption.",
        (f"{TITLE}\n{LEAD}\n{M}Ông A trao giấy khen cho các cá nhân.\nÔng A trao giấy khen cho các cá nhân.\n{BODY}",
         "caption"),
        (f"{TITLE}\n{LEAD}\nÔng A trao giấy khen cho các cá nhân.\n{M}Ông A trao giấy khen cho các cá nhân.\n{BODY}",
         "duplicate")),
    context_rule(
        "caption.after_image", "caption",
        "A short line right after a picture (file name, credit): unpunctuated, or one naming who is shown "
        "(`Đại tá X phát biểu …`, `Quang cảnh …`).",
        (f"{TITLE}\n{LEAD}\nIMG_1234.jpg\n{M}Lãnh đạo tỉnh trao cờ thi đua cho các đơn vị\n{BODY}", "caption"),
        (f"{TITLE}\n{LEAD}\nDSC_0042.JPG\n{M}Thượng tá Lê Văn Bình kiểm tra công tác huấn luyện.\n{BODY}", "caption"),
        (f"{TITLE}\n{LEAD}\n{M}Lãnh đạo tỉnh trao cờ thi đua cho các đơn vị\n{BODY}", "subheading"),
        (f"{TITLE}\n{LEAD}\nDSC_0042.JPG\n{M}Đơn vị đã hoàn thành 100% kế hoạch huấn luyện.\n{BODY}", "body")),
    context_rule(
        "caption.before_credit", "caption",
        "A line between a picture (file name) and its standalone credit (`Ảnh: X`) is the caption, even "
        "when it ends with a full stop; a credit right under the file name closes the picture instead.",
        (f"{TITLE}\n{LEAD}\nDSC_0042.JPG\n{M}Lễ ra mắt tổ bảo vệ an ninh tại phường Kim Tân.\nẢnh: CTV\n{BODY}",
         "caption"),
        (f"{TITLE}\n{LEAD}\nIMG_2201.jpg\nẢnh minh họa\n{M}Mức hỗ trợ do HĐND cấp tỉnh quyết định\n{BODY}",
         "subheading"),
        (f"{TITLE}\n{LEAD}\n{M}{BODY}\nẢnh: Ban Tuyên giáo\n{LEAD}", "body")),
    context_rule(
        "caption.glued", "caption",
        "One short sentence on the very line after a picture's file name or a video player, set apart from "
        "what follows (blank line, another picture, the end): the caption, even with a full stop. A credit "
        "under a caption closes the picture, so the next line is text again.",
        (f"{TITLE}\n{LEAD}\nIMG_1234.jpg\n{M}Lực lượng chức năng kiểm tra hiện trường vụ cháy.\n\n{BODY}", "caption"),
        (f"{TITLE}\n{LEAD}\nVIDEO\n{M}Tổ tuần tra kiểm soát trên tuyến đường ven biển.\n00:00 / 02:31\n\n{BODY}",
         "caption"),
        (f"{TITLE}\n{LEAD}\nIMG_1234.jpg\n{M}Lực lượng chức năng kiểm tra hiện trường vụ cháy.\n{BODY}", "body"),
        (f"{TITLE}\n{LEAD}\nIMG_1234.jpg\n\n{M}Lực lượng chức năng kiểm tra hiện trường vụ cháy.\n\n{BODY}", "body"),
        ((f"{TITLE}\n{LEAD}\nIMG_1.jpg\nLãnh đạo tỉnh kiểm tra quân trang.\n(Ảnh: CTV)\n\n{M}Không để xảy ra "
          f"tình trạng chậm nhập ngũ\n\n{BODY}"), "subheading")),
)
