"""Context rules: roles that depend on a line's position and neighbours, plus their predicates.

Why separate from line rules: `Đặng Hà` is a byline only at the end of an article, a short
unpunctuated line is a subheading only between paragraphs, and a line is a duplicate only if
it was already printed. The decisions are made in `bantin.clean.classify.classify`; this module holds
the catalogue entries (with small example documents) and the pure predicates used there.
"""
from __future__ import annotations

import re

from bantin.clean.rules.base import TARGET_MARK as M
from bantin.clean.rules.base import Rule, n_words

TERMINAL_RE = re.compile(r"[.!?…][\"”’»)\]]*$")
SUBHEADING_END_RE = re.compile(r"[.,;:…]$")
SECTION_SEP_RE = re.compile(r"\s*(,|\||»|›|>|/|\s[-–]\s)\s*")
DIGIT_RE = re.compile(r"\d")
# An outlet tag opening the lead: `BDK - `, `(THTG) `, `(*) – `, `(Baohatinh.vn) - `.
OUTLET_PREFIX_RE = re.compile(
    r"^(\(\s*[\w*.+/ -]{1,20}\s*\)\s*[-–—:]?\s*|[A-ZĐ][A-ZĐ0-9.]{1,11}\s*[-–—]\s+)(?=\S)")
NAME_SUFFIX_RE = re.compile(
    r"\s*(\([^()]{1,80}\)|[-–—/]\s*[\w.]+\.(vn|com|net|org)|/\s*(?-i:[A-ZĐ]{2,}[\w.+]*)(\s*[-–]\s*\w+( \w+){0,3})?)\s*$",
    re.IGNORECASE)
NAME_SEP_RE = re.compile(r"\s*(?:,|;|/|\s[-–—]\s|\svà\s)\s*")
ABBREV_NAME_RE = re.compile(r"^[A-ZĐ]{2,6}$")
# Military and police ranks, degrees and professions printed before an author's name
# (`Đại úy LÊ MINH ĐỨC`, `ThS. Nguyễn Văn A`, `Nhà báo Trần B`).
RANK_PREFIX_RE = re.compile(
    r"^((đại|thượng|trung|thiếu) (tướng|tá|úy)|đại úy|binh nhất|binh nhì|hạ sĩ|trung sĩ|thượng sĩ|chuẩn úy"
    r"|(gs|pgs|ts|ths|bs|ls|kts|cn|ncs)\.?(\s*(ts|ths|bs)\.?)*|giáo sư|tiến sĩ|thạc sĩ|bác sĩ|luật sư|kiến trúc sư"
    r"|nhà báo|nhà văn|nhà thơ|nghệ sĩ|nsnd|nsưt|cựu chiến binh)\s+(?=\S)", re.IGNORECASE)
# Legal citations (`Nghị quyết số 08-NQ/TU`, `Điều 5`, `Luật An ninh mạng`) protect a repeated line.
LEGAL_RE = re.compile(
    r"\b\d+[/-](\d+[/-])?[A-ZĐ]{2,}[\w/-]*\b"
    r"|\b(Điều|Khoản|Luật|Bộ luật|Nghị quyết|Nghị định|Thông tư|Chỉ thị|Quyết định|Hiến pháp|Pháp lệnh)\s+\S",
)
QUOTED_RE = re.compile(r"[“\"«][^”\"»]{10,}[”\"»]")
# Who a picture shows: people by title or rank (`Đại tá X phát biểu …`, `Bác sĩ Y khám …`).
CAPTION_CUE_RE = re.compile(
    r"^(quang cảnh|toàn cảnh|ông|bà|đồng chí|các đại biểu|đại biểu|lãnh đạo|bí thư|phó bí thư|chủ tịch"
    r"|phó chủ tịch|giám đốc|phó giám đốc|bộ trưởng|thứ trưởng|thủ tướng|phó thủ tướng|chủ nhiệm|trưởng ban"
    r"|(đại|thượng|trung|thiếu) (tướng|tá|úy)|đại úy|bác sĩ|đoàn công tác|đoàn đại biểu)\b",
    re.IGNORECASE)


def is_prose(text: str) -> bool:
    """A sentence or paragraph of running text (not furniture, not a heading)."""
    return n_words(text) >= 10 or (n_words(text) >= 4 and bool(TERMINAL_RE.search(text)))


def is_headline_like(text: str) -> bool:
    """Short enough to be a title or a related-article link (titles rarely exceed 35 words)."""
    return 2 <= n_words(text) <= 35 and len(text) <= 250 and not text.endswith(":")


def is_title_shape(text: str) -> bool:
    """Headline-like and not a sentence: titles do not end with a period, comma or ellipsis."""
    return is_headline_like(text) and not text.endswith((".", "…", ",", ";"))


def is_section_label(text: str) -> bool:
    """A site-section label (`Chỉ đạo, điều hành`, `Tin tức | Thời sự`): a few words joined by separators."""
    words = n_words(text)
    if words > 5 or DIGIT_RE.search(text) or TERMINAL_RE.search(text):
        return False
    parts = [p for p in SECTION_SEP_RE.split(text) if p and not SECTION_SEP_RE.fullmatch(p)]
    return len(parts) >= 2 and all(n_words(p) <= 3 for p in parts)


def _is_name(part: str) -> bool:
    """`Đặng Hà` or, as many papers print bylines, `ĐẶNG HÀ`; a lone abbreviation (`PV`)."""
    words = part.split()
    if len(words) == 1:
        return bool(ABBREV_NAME_RE.match(words[0]))
    caps = all(w.isupper() and w.isalpha() for w in words)
    return 2 <= len(words) <= 5 and (caps or all(w[0].isupper() and w[1:].islower() and w.isalpha() for w in words))


def is_name_like(text: str) -> bool:
    """Author names: `Đặng Hà`, `Nguyễn Giang (nbtv.vn)`, `Minh Anh - Thu Hà`, `PV`."""
    core = RANK_PREFIX_RE.sub("", NAME_SUFFIX_RE.sub("", text).strip(), count=1)
    if not core or n_words(core) > 10:
        return False
    parts = [p for p in NAME_SEP_RE.split(core) if p]
    return all(_is_name(p) for p in parts)


def is_subheading_like(text: str) -> bool:
    """Short, unpunctuated, capitalised: `Tăng cường sự lãnh đạo của Đảng`."""
    return (n_words(text) <= 15 and len(text) <= 120 and not SUBHEADING_END_RE.search(text)
            and (text[0].isupper() or text[0].isdigit()))


def is_protected(text: str) -> bool:
    """Lines never dropped as corpus repeats: long prose sentences, legal citations, quotations."""
    long_sentence = n_words(text) >= 15 and bool(TERMINAL_RE.search(text))
    return long_sentence or bool(LEGAL_RE.search(text)) or bool(QUOTED_RE.search(text))


PULL_QUOTE_RE = re.compile(r"^[\"“«„'‘]")
PULL_QUOTE_MIN_WORDS = 6


def is_pull_quote(text: str, earlier: list[str]) -> bool:
    """A quotation printed again as a display quote: it opens with a quote mark and its words
    (at least PULL_QUOTE_MIN_WORDS) already stand inside an earlier unit of the page."""
    key = edge_key(text)
    if not PULL_QUOTE_RE.match(text) or len(key.split()) < PULL_QUOTE_MIN_WORDS:
        return False
    return any(key in e and key != e for e in earlier)


def edge_key(text: str) -> str:
    """Comparison key for duplicates: casefolded words only."""
    return " ".join(re.findall(r"\w+", text.casefold()))


LEAD = "Ngày 5/3, Ủy ban nhân dân tỉnh tổ chức hội nghị tổng kết công tác bảo đảm an ninh trật tự năm 2022."
BODY = "Hội nghị đã đánh giá kết quả đạt được và đề ra nhiệm vụ trọng tâm cho thời gian tới của toàn tỉnh."
TITLE = "Tỉnh tổng kết công tác bảo đảm an ninh trật tự năm 2022"


def _ctx(id_: str, role: str, description: str, *examples: tuple[str, str]) -> Rule:
    return Rule(id=id_, role=role, description=description, examples=tuple(examples), kind="context")


CONTEXT_RULES: tuple[Rule, ...] = (
    _ctx("corpus.repeated", "ui_text",
         "A short line repeated in many documents of the corpus (CCNet-style hash and count), unless "
         "it is a long sentence, a legal citation or a quotation. Needs `repeated` fingerprints.",
         (f"{TITLE}\n{LEAD}\n{M}Đường dây nóng: 0123 456 789", "ui_text"),
         (f"{TITLE}\n{LEAD}\n{M}Thực hiện Nghị quyết số 08-NQ/TU của Ban Thường vụ", "body")),
    _ctx("structure.section", "section",
         "A site-section label standing where the title should be (a few words joined by separators).",
         (f"{M}Chỉ đạo, điều hành\n\n{LEAD}", "section"),
         (f"{M}An ninh - Quốc phòng\n{TITLE}\n{LEAD}", "section"),
         (f"{M}Bến Tre, đất và người năm 2022\n{LEAD}", "title")),
    _ctx("structure.title", "title",
         "The first headline-like line that no line rule claimed.",
         (f"{M}{TITLE}\n\n{LEAD}", "title"),
         (f"{M}{LEAD} {BODY} {BODY} {BODY}", "lead")),
    _ctx("duplicate.title", "duplicate", "The title printed again in the page (image alt or heading).",
         (f"{TITLE}\n{LEAD}\n{M}{TITLE}\n{BODY}", "duplicate"),
         (f"{TITLE}\n{LEAD}\n{M}Tổng kết công tác bảo đảm an ninh trật tự\n{BODY}", "subheading")),
    _ctx("caption.repeated", "caption",
         "A short line printed twice in a row: a picture's alt text and its caption.",
         (f"{TITLE}\n{LEAD}\n{M}Ông A trao giấy khen cho các cá nhân.\nÔng A trao giấy khen cho các cá nhân.\n{BODY}",
          "caption"),
         (f"{TITLE}\n{LEAD}\nÔng A trao giấy khen cho các cá nhân.\n{M}Ông A trao giấy khen cho các cá nhân.\n{BODY}",
          "duplicate")),
    _ctx("duplicate.repeat", "duplicate", "A line identical to an earlier line of the same article.",
         (f"{TITLE}\n{LEAD}\n{BODY}\n{M}{BODY}", "duplicate"),
         (f"{TITLE}\n{LEAD}\n{M}{BODY}\n{LEAD[:-1]} và năm 2023.", "body")),
    _ctx("duplicate.pull_quote", "duplicate",
         "A display (pull) quote: a line opening with a quote mark whose words were already printed "
         "inside an earlier paragraph (magazines and e-paper repeat a quotation in large type).",
         (f"{TITLE}\n{LEAD}\nÔng A nói: “Chúng tôi sẽ bảo vệ từng tấc đất biên cương”, rồi ra về.\n"
          f"{M}“Chúng tôi sẽ bảo vệ từng tấc đất biên cương”\n{BODY}", "duplicate"),
         (f"{TITLE}\n{LEAD}\n{M}“Chúng tôi sẽ bảo vệ từng tấc đất biên cương”, ông A nói.\n{BODY}", "body"),
         (f"{TITLE}\n{LEAD}\nĐại tá B phát biểu tại hội nghị.\n"
          f"{M}“Hội nghị đã đánh giá kết quả đạt được” là nhận định chung.\n{BODY}", "body")),
    _ctx("caption.after_image", "caption",
         "A short line right after a picture (file name, credit): unpunctuated, or one naming who is shown "
         "(`Đại tá X phát biểu …`, `Quang cảnh …`).",
         (f"{TITLE}\n{LEAD}\nIMG_1234.jpg\n{M}Lãnh đạo tỉnh trao cờ thi đua cho các đơn vị\n{BODY}", "caption"),
         (f"{TITLE}\n{LEAD}\nDSC_0042.JPG\n{M}Thượng tá Lê Văn Bình kiểm tra công tác huấn luyện.\n{BODY}", "caption"),
         (f"{TITLE}\n{LEAD}\n{M}Lãnh đạo tỉnh trao cờ thi đua cho các đơn vị\n{BODY}", "subheading"),
         (f"{TITLE}\n{LEAD}\nDSC_0042.JPG\n{M}Đơn vị đã hoàn thành 100% kế hoạch huấn luyện.\n{BODY}", "body")),
    _ctx("caption.before_credit", "caption",
         "A line between a picture (file name) and its standalone credit (`Ảnh: X`) is the caption, even "
         "when it ends with a full stop; a credit right under the file name closes the picture instead.",
         (f"{TITLE}\n{LEAD}\nDSC_0042.JPG\n{M}Lễ ra mắt tổ bảo vệ an ninh tại phường Kim Tân.\nẢnh: CTV\n{BODY}",
          "caption"),
         (f"{TITLE}\n{LEAD}\nIMG_2201.jpg\nẢnh minh họa\n{M}Mức hỗ trợ do HĐND cấp tỉnh quyết định\n{BODY}",
          "subheading"),
         (f"{TITLE}\n{LEAD}\n{M}{BODY}\nẢnh: Ban Tuyên giáo\n{LEAD}", "body")),
    _ctx("caption.glued", "caption",
         "One short sentence on the very line after a picture's file name or a video player, set apart from "
         "what follows (blank line, another picture, the end): the caption, even with a full stop. A credit "
         "under a caption closes the picture, so the next line is text again.",
         (f"{TITLE}\n{LEAD}\nIMG_1234.jpg\n{M}Lực lượng chức năng kiểm tra hiện trường vụ cháy.\n\n{BODY}", "caption"),
         (f"{TITLE}\n{LEAD}\nVIDEO\n{M}Tổ tuần tra kiểm soát trên tuyến đường ven biển.\n00:00 / 02:31\n\n{BODY}",
          "caption"),
         (f"{TITLE}\n{LEAD}\nIMG_1234.jpg\n{M}Lực lượng chức năng kiểm tra hiện trường vụ cháy.\n{BODY}", "body"),
         (f"{TITLE}\n{LEAD}\nIMG_1234.jpg\n\n{M}Lực lượng chức năng kiểm tra hiện trường vụ cháy.\n\n{BODY}", "body"),
         (f"{TITLE}\n{LEAD}\nIMG_1.jpg\nLãnh đạo tỉnh kiểm tra quân trang.\n(Ảnh: CTV)\n\n{M}Không để xảy ra "
          f"tình trạng chậm nhập ngũ\n\n{BODY}", "subheading")),
    _ctx("navigation.list", "navigation",
         "Headline-like lines following a `Tin liên quan`/`Xem thêm` header: links to other articles.",
         (f"{TITLE}\n{LEAD}\n{BODY}\nTin liên quan\n{M}Bến Tre ra quân trấn áp tội phạm dịp Tết", "navigation"),
         (f"{TITLE}\n{LEAD}\nTin liên quan\nBến Tre ra quân trấn áp tội phạm\n{M}{BODY}", "body")),
    _ctx("byline.tail_name", "byline",
         "A personal name (optionally with `(outlet)` or a long affiliation, or in CAPITALS) after the last "
         "paragraph: the author; also an office name (`Văn phòng UBND tỉnh`) right after the story.",
         (f"{TITLE}\n{LEAD}\n{BODY}\n{M}Đặng Hà", "byline"),
         (f"{TITLE}\n{LEAD}\n{BODY}\n{M}Nguyễn Giang (nbtv.vn)", "byline"),
         (f"{TITLE}\n{LEAD}\n{BODY}\n{M}THU HƯƠNG - ĐỨC ANH", "byline"),
         (f"{TITLE}\n{LEAD}\n{BODY}\n{M}Thượng tá NGUYỄN VĂN HÙNG (Bộ Chỉ huy Quân sự tỉnh)", "byline"),
         (f"{TITLE}\n{LEAD}\n{BODY}\n{M}ThS. Lê Thị Hoa", "byline"),
         (f"{TITLE}\n{LEAD}\n{BODY}\n{M}Quang Vinh/TTXVN", "byline"),
         (f"{TITLE}\n{LEAD}\n{BODY}\n{M}Hà Linh/QĐND-Quân khu 2", "byline"),
         (f"{TITLE}\n{LEAD}\n{BODY}\n{M}Văn phòng Tỉnh ủy", "byline"),
         (f"{TITLE}\n{LEAD}\n{BODY}\n{M}Hoàng Yến (Trung tâm Truyền thông và Văn hóa thị xã)", "byline"),
         (f"{TITLE}\n{LEAD}\n{M}Đặng Hà\n{BODY}", "body")),
    _ctx("lead.outlet_prefix", "lead",
         "The first paragraph opening with an outlet tag (`BDK - `, `(THTG)`, `(*) –`); the tag stays in it.",
         (f"{TITLE}\n{M}BDK - Những năm qua, thành phố đã làm tốt công tác.\n{BODY}", "lead"),
         (f"{TITLE}\n{LEAD}\n{M}BDK - Những năm qua, thành phố đã làm tốt công tác.", "body")),
    _ctx("structure.lead", "lead", "The first paragraph after the title and dateline.",
         (f"{TITLE}\n30/01/2023 - 05:30\n{M}{LEAD}\n{BODY}", "lead"),
         (f"{TITLE}\n{LEAD}\n{M}{BODY}", "body")),
    _ctx("structure.subheading", "subheading",
         "A short unpunctuated capitalised line between paragraphs.",
         (f"{TITLE}\n{LEAD}\n{M}Tăng cường sự lãnh đạo của Đảng\n{BODY}", "subheading"),
         (f"{TITLE}\n{LEAD}\n{M}Tăng cường sự lãnh đạo của Đảng.\n{BODY}", "body")),
    _ctx("default.body", "body", "Everything no other rule claimed is kept as body text.",
         (f"{TITLE}\n{LEAD}\n{M}{BODY}", "body"),
         (f"{TITLE}\n{LEAD}\n{M}Chia sẻ bài viết", "share_prompt")),
)
