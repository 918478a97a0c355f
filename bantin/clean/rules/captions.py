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
from bantin.clean.rules.base import Rule, context_rule, inline_rule, line_rule, n_words
from bantin.vi.names import is_byline_name

I = re.IGNORECASE
PHOTO_CREDIT_RE = re.compile(
    r"^\(?(ảnh|ảnh minh họa|hình minh họa|ảnh tư liệu|ảnh internet|nguồn ảnh|photo|ảnh chụp|ảnh nguồn)"
    r"(\s*[:-]\s*.{0,60})?\)?\.?$", I)
# A caption ends with the picture credit: `… hội nghị. Ảnh: Trần Liêm`, `… (Ảnh: TTXVN)`.
CAPTION_CREDIT_RE = re.compile(
    # One start (^), a whitespace separator only where its run starts, possessive spaces: linear
    # on a line of spaces (the plain `\S.*[.\s]\s*\(?\s*` took minutes on 2,000 of them). The
    # credit is a name, or initials (`N.K`, `Đ.Hà`).
    r"^\s*\S.*(?:[.–—-]|(?<!\s)\s)\s*+\(?\s*+(ảnh|ảnh minh họa|ảnh tư liệu|photo|nguồn ảnh|ảnh chụp)\s*+:"
    r"\s*([^.:;]{1,60}|(?:[A-ZĐ]\.)+[^.:;\s]{0,12})\)?\.?$", I)
# Scene captions name the picture, not an event: `Quang cảnh Hội nghị`, `Toàn cảnh buổi lễ`.
CAPTION_SCENE_RE = re.compile(
    r"^(quang cảnh|toàn cảnh|một góc|ảnh minh họa|hình minh họa|ảnh tư liệu|ảnh chụp)\b([^.;:]*|[^.;:,]{0,60}\.)$"
    r"|^[^.;:]*chụp ảnh lưu niệm[^.;:]*\.?$", I)
# A label opening a caption (`Video: …`, `Ảnh 2: …`), or announcing the player below it and ending
# with a colon (`Video màn trình diễn của Ronaldo trước Dortmund:`, `XEM CLIP (nguồn: Đình Hiếu):`).
MEDIA_CAPTION_RE = re.compile(r"^(video|clip|infographic|đồ họa|audio)\s*:\s*\S|^(ảnh|hình) \d{1,2}\s*[:.–-]\s*\S"
                              r"|^(xem )?(video|clip)\b[^.!?]{0,150}:$", I)
# A portrait's caption: rank or honorific, a name, perhaps a post, a full stop.
PORTRAIT_RE = re.compile(
    r"^(?:(?:Đại|Thượng|Trung|Thiếu) (?:tướng|tá|úy)|Đại úy|Ông|Bà|Đồng chí)\s+"
    r"(?P<name>[^\s,.]+(?:\s[^\s,.]+){1,3})(?:,\s+(?P<post>(?:[^.!?]|\.(?=\S)){3,100}))?\.$")  # `TP.HCM`
PORTRAIT_VERB_RE = re.compile(
    r"(?<!\w)(phát biểu|cho biết|nói|trao|tặng|thăm|kiểm tra|chủ trì|dự|tham dự|làm việc|tiếp|chúc mừng|tâm sự"
    r"|chia sẻ|trả lời|báo cáo|khẳng định|nhấn mạnh|đề nghị|yêu cầu|họp|ký|chỉ đạo|khai mạc|gặp|nghe|đã|đang|sẽ)(?!\w)")
PORTRAIT_POST_WORDS = 10  # `Phó Chủ tịch Thường trực UBMTTQ Việt Nam TP.HCM`; longer says more than who
MEDIA_CAPTION_MIN_WORDS = 4  # a caption says something; `Video: X` alone is a label or a credit
# Who a picture shows: people by title or rank (`Đại tá X phát biểu …`, `Bác sĩ Y khám …`).
CAPTION_CUE_RE = re.compile(
    r"^(quang cảnh|toàn cảnh|ông|bà|đồng chí|các đại biểu|đại biểu|lãnh đạo|bí thư|phó bí thư|chủ tịch"
    r"|phó chủ tịch|giám đốc|phó giám đốc|bộ trưởng|thứ trưởng|thủ tướng|phó thủ tướng|chủ nhiệm|trưởng ban"
    r"|(đại|thượng|trung|thiếu) (tướng|tá|úy)|đại úy|bác sĩ|đoàn công tác|đoàn đại biểu)\b",
    re.IGNORECASE)


# A credit standing as its own piece of a line: `Ảnh: Lê Hoàng.`, `- Ảnh: Đ.Hà`, `(Ảnh: TTXVN)`,
# `Nguồn video: Youtube`.
CREDIT_PIECE_RE = re.compile(
    r"^([-–—]?\s*\(?\s*(ảnh|ảnh minh họa|nguồn ảnh|nguồn video|nguồn clip|video|clip|ảnh chụp màn hình)"
    r"|[-–—]\s*nguồn)\s*:\s*[^:;]{1,60}?\)?\.?$", I)  # `- Nguồn: HOSE` under a chart
# ... or a bare label saying what the picture is (`Ảnh minh họa`, `(Ảnh tư liệu)`) after its caption.
BARE_CREDIT_PIECE_RE = re.compile(
    r"^\(?\s*(ảnh|hình) (minh họa|minh hoạ|tư liệu|có tính chất minh họa)\s*\)?\.?$"
    r"|^\(?\s*ảnh chụp( (sáng|chiều|tối|trưa|đêm))?( ngày)? \d{1,2}[/-]\d{1,2}([/-]\d{4})?\s*\)?\.?$", I)  # `Ảnh chụp ngày 1/11.`
CREDIT_PIECE_MAX_WORDS = 8
# A caption that carries its credit or its kind in brackets at the end: `… (ảnh Internet)`,
# `Hiện trường vụ việc (ảnh cắt từ clip).`, `… (Ảnh minh họa)`.
PAREN_CREDIT_END_RE = re.compile(
    r"\((ảnh|hình|nguồn ảnh)(\s*:\s*[^()]{1,50}|\s+(internet|minh họa|tư liệu|cắt từ clip|chụp màn hình|chụp từ"
    r" clip|nguồn internet)[^()]{0,30})\)\.?$", I)
PIECE_CAPTION_MAX_WORDS = 35


# A sentence boundary inside the text before a caption's credit: then the line is a paragraph of
# story ending with a caption, whose caption sentence the piece rules find.
INNER_SENTENCE_RE = re.compile(r"[.!?…][\"”’)]*\s+[\"“(]?[A-ZĐÀ-Ỹ]")
CREDIT_TAIL_RE = re.compile(r"[\s.–—-]*\(?\s*(ảnh|ảnh minh họa|ảnh tư liệu|photo|nguồn ảnh|ảnh chụp)\s*:[^:]*$", I)


def is_one_caption(text: str) -> bool:
    """One sentence (or none) before the credit: a caption, not story that ends with one."""
    return not INNER_SENTENCE_RE.search(CREDIT_TAIL_RE.sub("", text))


# A bare caption between paragraphs: one unpunctuated clause whose subject is who the picture
# shows (CAPTION_CUE_RE) or that says what they do in it (`… tiếp Bộ trưởng X`, `… tại hội đàm`).
BARE_END_RE = re.compile(r"[.!?…;:][\"”’)»]*$|[\"”’»]$")
# Not after a word that makes the verb a noun: `Qua kiểm tra,`, `việc tặng quà` name a step of the
# story, not what the picture shows.
_NOMINAL = r"(?<!qua )(?<!Qua )(?<!việc )(?<!Việc )"
SCENE_ACTION_RE = re.compile(
    _NOMINAL + r"(?<=\w )(tại|phát biểu|trao|thăm hỏi|tham dự|kiểm tra|tiếp (?=[A-ZĐ])|chúc mừng|tặng|động viên|làm việc với"
    r"|hội đàm|chụp ảnh|dự (?=[A-ZĐ]|lễ|hội|buổi)|chủ trì|khảo sát|trao đổi|nghe|tuần tra|diễn tập|biểu diễn|gặt"
    r"|tìm kiếm|cứu hộ)\b")
BARE_MIN_WORDS, BARE_MAX_WORDS = 11, 35  # a heading is shorter (`Phun hóa chất tại các ổ dịch`)
# What people do in front of a camera at an event: a short line saying it is a caption
# (`Các đại biểu tham dự Đại hội`, `54 đại biểu chính thức tham dự Đại hội`); a heading names a topic.
# On the real gold every heading-shaped line with one of these (7) was a caption, none story.
SHORT_SCENE_RE = re.compile(
    r"(?<=\w )(tham dự|phát biểu|trao tặng|trao|tặng quà|thăm hỏi|chúc mừng|động viên|chụp ảnh|biểu diễn|chủ trì"
    r"|hội đàm|điều hành)\b")
SHORT_MIN_WORDS = 4


def is_bare_caption(text: str) -> bool:
    """One unpunctuated clause naming who is shown or what they do: how a caption reads once the
    picture is gone (a heading summarises instead). 11-35 words with a cue or a scene; shorter
    (4-10 words) only with who is shown and a scene (`Chủ tịch nước X tại cuộc tiếp`) or what
    people do at an event (SHORT_SCENE_RE)."""
    s = text.strip()
    n = n_words(s)
    if not (s[:1].isupper() or s[:1].isdigit()) or BARE_END_RE.search(s) or INNER_SENTENCE_RE.search(s):
        return False
    if BARE_MIN_WORDS <= n <= BARE_MAX_WORDS:
        return s[:1].isupper() and bool(CAPTION_CUE_RE.match(s) or SCENE_ACTION_RE.search(s))
    return SHORT_MIN_WORDS <= n < BARE_MIN_WORDS and bool(
        (CAPTION_CUE_RE.match(s) and SCENE_ACTION_RE.search(s)) or SHORT_SCENE_RE.search(s))


def is_portrait_caption(text: str) -> bool:
    """`Thiếu tướng Nguyễn Văn Hận.`, `Ông Nguyễn Thành Trung, Phó Chủ tịch UBMTTQ TP.HCM.`: who the
    picture shows and nothing else. A post after the comma must not say what they do (`…, Bộ
    trưởng Quốc phòng phát biểu tại hội đàm` is a scene, `caption.bare`'s)."""
    m = PORTRAIT_RE.match(text.strip())
    if not m or not is_byline_name(m.group("name")):
        return False
    post = m.group("post")
    return post is None or (post[:1].isupper() and len(post.split()) <= PORTRAIT_POST_WORDS
                            and not PORTRAIT_VERB_RE.search(post))


def is_credit_piece(text: str) -> bool:
    return n_words(text) <= CREDIT_PIECE_MAX_WORDS and bool(CREDIT_PIECE_RE.match(text) or BARE_CREDIT_PIECE_RE.match(text))


def is_bracketed_caption(text: str) -> bool:
    return n_words(text) <= PIECE_CAPTION_MAX_WORDS and bool(PAREN_CREDIT_END_RE.search(text))


def is_long_enough_for_media_caption(text: str) -> bool:
    return n_words(text) >= MEDIA_CAPTION_MIN_WORDS


_ECHO = "Các địa điểm sản xuất tiền chất thuốc nổ phải bảo đảm điều kiện về an ninh, trật tự"
_GLUED = "Đoàn đã kiểm tra các cơ sở kinh doanh trên địa bàn phường trong tháng."
RULES: tuple[Rule, ...] = (
    inline_rule(
        "photo_credit.piece", "photo_credit",
        "A picture or video credit inside a line of text: `… hiện trường. Ảnh: Minh Hoàng Tiếp đó, …`, "
        "`- Ảnh: Đ.Hà`, `Nguồn video: Youtube` glued after the reporter's name.",
        (f"{TITLE}\n{LEAD} Lực lượng chức năng kiểm tra hiện trường. ⟦Ảnh: Minh Hoàng⟧ Tiếp đó, đoàn đã làm việc "
         f"với chính quyền địa phương.\n{BODY}", "photo_credit"),
        (f"{TITLE}\n{LEAD}\n{_GLUED} Đoạn clip được ghi tại Pháp.Như Phúc⟦Nguồn video: Youtube⟧", "photo_credit"),
        (f"{TITLE}\n{LEAD}\n{BODY} Nhiều doanh nghiệp đề nghị bắt buộc mua bảo hiểm công trình. ⟦Ảnh minh họa⟧\n{BODY}",
         "photo_credit"),
        (f"{TITLE}\n{LEAD}\n{BODY}\nTuyến đường ở phường Hóa Châu ngập sâu trong nước. ⟦Ảnh chụp ngày 1/11.⟧\n{BODY}",
         "photo_credit"),
        (f"{TITLE}\n{LEAD} Lễ ra mắt hiệp hội tại London. ⟦Ảnh: Hữu Tiến - PV ⟧TTXVN tại Anh Tối 27/6, hiệp hội "
         f"chính thức ra mắt.\n{BODY}", "photo_credit"),
        (f"{TITLE}\n{LEAD} Làm thủ tục thuế tại Chi cục Thuế Hai Bà Trưng.⟦Ảnh: Ánh Tâm ⟧Gian lận thuế diễn ra phổ "
         f"biến ở nhiều địa phương.\n{BODY}", "photo_credit"),
        (f"{TITLE}\n{LEAD}\n{BODY} ⟦Video: lực lượng chức năng đã kiểm tra hiện trường và làm rõ nguyên nhân vụ "
         f"cháy.⟧\n{BODY}", "body")),
    inline_rule(
        "caption.before_credit_piece", "caption",
        "The sentence just before a credit inside a line is that picture's caption (`Xác cá voi dạt lên bờ "
        "biển. Ảnh: Lê Hoàng.`, `Hiện trường vụ tai nạn - Ảnh: Đ.Hà`), when it is short.",
        (f"{TITLE}\n{LEAD} ⟦Lực lượng chức năng kiểm tra hiện trường.⟧ Ảnh: Minh Hoàng Tiếp đó, đoàn đã làm "
         f"việc với chính quyền địa phương.\n{BODY}", "caption"),
        (f"{TITLE}\n⟦Hiện trường vụ tai nạn do dây điện kéo ngang⟧ - Ảnh: Đ.Hà Sáng 5/2, Công an huyện đã "
         f"tiến hành khám nghiệm hiện trường và điều tra nguyên nhân vụ việc.\n{BODY}", "caption"),
        (f"{TITLE}\n{LEAD}\n{BODY} ⟦{BODY[:-1]}, {BODY[0].lower()}{BODY[1:]}⟧ Ảnh: Minh Hoàng\n{BODY}", "body")),
    inline_rule(
        "caption.echo", "caption",
        "A story sentence printed again with no stop and glued to the next sentence of a flattened page "
        "(baomoi): the picture's caption its site copied from the story; cut off what follows it.",
        (f"{TITLE}\n{LEAD} {_ECHO}. {BODY} ⟦{_ECHO}⟧ Tổ chức, doanh nghiệp phải báo cáo định kỳ.\n{BODY}", "caption"),
        (f"{TITLE}\n{LEAD} {_ECHO}. {BODY} ⟦{_ECHO} với nhiều nội dung mới.⟧\n{BODY}", "body")),
    inline_rule(
        "caption.credit_inside", "caption",
        "A short sentence ending with its credit or kind in brackets: `… (ảnh Internet)`, `Hiện trường vụ "
        "việc (ảnh cắt từ clip).`; a long one is story text that mentions a picture.",
        (f"{TITLE}\n{LEAD} ⟦Hiện trường vụ việc (ảnh cắt từ clip).⟧ Công an đang điều tra làm rõ.\n{BODY}",
         "caption"),
        (f"{TITLE}\n{LEAD}\n{BODY} ⟦Nhiều vụ án được phát hiện trong năm qua (ảnh Internet)⟧ Các đơn vị tiếp tục "
         f"điều tra.", "caption"),
        (f"{TITLE}\n{LEAD}\n⟦{BODY}⟧", "body")),
    line_rule("photo_credit.line", "photo_credit",
              "A standalone picture credit: `Ảnh: X`, `Ảnh minh họa`, `(Ảnh: TTXVN)`.",
              [("Ảnh: Trần Liêm", "photo_credit"), ("Ảnh minh họa", "photo_credit"), ("(Ảnh: TTXVN)", "photo_credit"),
               ("Ảnh hưởng của dịch bệnh đến sản xuất", "subheading")],
              pattern=PHOTO_CREDIT_RE, max_words=10),
    line_rule("caption.photo_credit", "caption",
              "A one-sentence picture caption ending with its credit (`… Ảnh: Trần Liêm`); the photographer "
              "stays in it. A paragraph that ends with one is story; its last sentence is the caption piece.",
              [("Trao bằng khen cho các tập thể. Ảnh: Trần Liêm", "caption"),
               ("Ông A phát biểu tại hội nghị (Ảnh: TTXVN)", "caption"),
               ("Ảnh: Trần Liêm", "photo_credit"),
               ("Hội nghị đã thông qua nghị quyết về công tác ảnh báo chí năm 2023.", "body"),
               ("Hội nghị đã diễn ra trong hai ngày. Các đại biểu đã thảo luận sôi nổi. Ảnh: Trần Liêm", "body")],
              pattern=CAPTION_CREDIT_RE, predicate=is_one_caption, max_words=80),
    line_rule("caption.bracketed", "caption",
              "A short line carrying its picture's credit or kind in brackets: `… (ảnh minh họa)`, "
              "`Hiện trường vụ việc (ảnh cắt từ clip).`.",
              [("Chồng chị không còn yêu chị nữa đâu (ảnh minh họa)", "caption"),
               ("Hiện trường vụ việc (ảnh cắt từ clip).", "caption"),
               ("Ảnh hưởng của bão số 3 (xem bản đồ) đến sản xuất nông nghiệp", "subheading")],
              predicate=is_bracketed_caption, max_words=35),
    line_rule("caption.scene", "caption",
              "A short picture caption naming the scene: `Quang cảnh Hội nghị`, `… chụp ảnh lưu niệm`.",
              [("Quang cảnh Hội nghị", "caption"), ("Toàn cảnh buổi lễ xuất quân.", "caption"),
               ("Các đại biểu chụp ảnh lưu niệm", "caption"),
               ("Quang cảnh hội nghị được bố trí trang trọng, các đại biểu đã có mặt đông đủ.", "body")],
              pattern=CAPTION_SCENE_RE, max_words=25),
    line_rule("caption.portrait", "caption",
              "A portrait's caption: a rank or honorific, a name and perhaps a post, nothing else "
              "(`Thiếu tướng Nguyễn Văn Hận.`); a sentence of the story says what the person did.",
              [("Thiếu tướng Nguyễn Văn Hận.", "caption"), ("Ông Đặng Thành Tâm.", "caption"),
               ("Ông Nguyễn Thành Trung, Phó Chủ tịch Thường trực UBMTTQ Việt Nam TP.HCM.", "caption"),
               ("Ông N.V.S, bố đẻ của T. tâm sự với chúng tôi.", "body"),
               ("Ông Nguyễn Văn Tám, Chủ tịch UBND xã cho biết đã xử lý.", "body")],
              predicate=is_portrait_caption, max_words=20),
    line_rule("caption.media_label", "caption",
              "A video or graphic caption opened by its label (`Video: Lực lượng chức năng kiểm tra …`).",
              [("Clip: Người dân hỗ trợ lực lượng cứu hộ đưa xe qua đoạn ngập.", "caption"),
               ("Infographic: Kết quả tuyển quân năm 2025 của tỉnh", "caption"),
               ("Ảnh 2: Bộ đội Biên phòng tuần tra trên tuyến biên giới.", "caption"),
               ("Video màn trình diễn của Ronaldo ở chiến thắng 3-0 trước Dortmund:", "caption"),
               ("XEM CLIP (nguồn: Đình Hiếu):", "caption"),
               ("Video clip được chia sẻ trên mạng xã hội cho thấy nhiều người hoảng loạn.", "body")],
              pattern=MEDIA_CAPTION_RE, predicate=is_long_enough_for_media_caption, max_words=45),
    context_rule(
        "caption.bare", "caption",
        "A bare caption between two paragraphs of the story, its picture gone: one unpunctuated clause "
        "saying who is shown or what they do (`Chủ tịch nước X tiếp Bộ trưởng Y`, `Các đại biểu tham dự "
        "Đại hội`); a heading that summarises stays a subheading.",
        (f"{TITLE}\n{LEAD}\n{M}Chủ tịch UBND tỉnh Nguyễn Văn A trao cờ thi đua cho các đơn vị\n{BODY}", "caption"),
        (f"{TITLE}\n{LEAD}\n{M}Lực lượng chức năng tìm kiếm nạn nhân bị vùi lấp tại hiện trường vụ sạt lở\n{BODY}",
         "caption"),
        (f"{TITLE}\n{LEAD}\n{M}Phun hóa chất tại các ổ dịch\n{BODY}", "subheading"),
        (f"{TITLE}\n{LEAD}\n{M}Các đại biểu tham dự Đại hội\n{BODY}", "caption"),
        (f"{TITLE}\n{LEAD}\n{M}54 đại biểu chính thức tham dự Đại hội\n{BODY}", "caption"),
        (f"{TITLE}\n{LEAD}\n{M}Chủ tịch nước Lương Cường tại cuộc tiếp\n{BODY}", "caption"),
        (f"{TITLE}\n{LEAD}\n{M}Nâng cao chất lượng tuần tra tại các địa bàn\n{BODY}", "subheading"),
        (f"{TITLE}\n{LEAD}\n{M}Qua kiểm tra, trong túi xách đối tượng có 2.500 tờ tiền giả, loại mệnh giá\n{BODY}",
         "body"),
        (f"{TITLE}\n{LEAD}\n{M}Tiếp tục thúc đẩy hợp tác quốc phòng\n{BODY}", "subheading"),
        (f"{TITLE}\n{LEAD}\n{BODY}\n{M}Chủ tịch UBND tỉnh Nguyễn Văn A trao cờ thi đua cho các đơn vị", "body")),
    context_rule(
        "caption.headless_top", "caption",
        "On a site that prints no headline (most pages of its folder open with none: `bantin.clean.sites`), "
        "the first of two heading-shaped lines opening the page is the top picture's caption; the second "
        "is the story's first subheading. So is a heading-shaped run glued to the first sentence of a "
        "flattened page. Needs the site to be headless.",
        (f"{M}Nơi anh Hậu quyên sinh\nBài 3: Không có tiền mua nổi áo quan cho người chết\n{BODY}", "caption"),
        (f"Nơi anh Hậu quyên sinh\n{M}Bài 3: Không có tiền mua nổi áo quan cho người chết\n{BODY}",
         "subheading"),
        (f"{M}Mercedes vẫn là ứng viên số 1 cho chức vô địch\n{BODY}", "subheading")),
    context_rule(
        "caption.repeated", "caption",
        "A short line (a caption's length at most) printed twice in a row: a picture's alt text and its caption.",
        (f"{TITLE}\n{LEAD}\n{M}Ông A trao giấy khen cho các cá nhân.\nÔng A trao giấy khen cho các cá nhân.\n{BODY}",
         "caption"),
        (f"{TITLE}\n{LEAD}\nÔng A trao giấy khen cho các cá nhân.\n{M}Ông A trao giấy khen cho các cá nhân.\n{BODY}",
         "duplicate"),
        # a paragraph longer than any caption printed twice (baomoi-NER): the first copy is the story
        (f"{TITLE}\n{M}{LEAD} {BODY}\n{LEAD} {BODY}\n{BODY}", "lead"),
        (f"{TITLE}\n{LEAD} {BODY}\n{M}{LEAD} {BODY}\n{BODY}", "duplicate")),
    context_rule(
        "caption.after_image", "caption",
        "A short line right after a picture (file name, credit): unpunctuated, or one naming who is shown "
        "(`Đại tá X phát biểu …`, `Quang cảnh …`).",
        (f"{TITLE}\n{LEAD}\nIMG_1234.jpg\n{M}Lãnh đạo tỉnh trao cờ thi đua\n{BODY}", "caption"),
        (f"{TITLE}\n{LEAD}\nDSC_0042.JPG\n{M}Thượng tá Lê Văn Bình kiểm tra công tác huấn luyện.\n{BODY}", "caption"),
        (f"{TITLE}\n{LEAD}\nIMG_1234.jpg\n{M}Đẩy mạnh phong trào thi đua quyết thắng\n{BODY}", "caption"),
        (f"{TITLE}\n{LEAD}\n{M}Đẩy mạnh phong trào thi đua quyết thắng\n{BODY}", "subheading"),
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
