"""Structure: roles decided by a line's position in the page, and the shape tests the passes use.

Why separate from line rules: a short unpunctuated line is a subheading only between
paragraphs, a title only as the last headline-like line above the story, a duplicate only if it
was already printed, furniture only if it stands above the title or below the story's end (the
header and footer zones), and a line is a corpus repeat only if many documents print it. The
decisions are made in `bantin.clean.classify.classify` and `bantin.clean.zones`; this module
holds their catalogue entries (with small example documents) and the pure predicates they read.
Position rules about captions, bylines and related links live with what they recognise
(`captions`, `credits`, `navigation`).

A page is banner, menu, breadcrumb, section, TITLE, dateline, LEAD ... story ... byline, share
bar, related links, site footer. Whatever unknown furniture a portal prints sits in one of the
two zones, so there a line is judged by where it stands and by its shape (short, no sentence
punctuation, Title Case or ALL CAPS, separators), not by its words. Inside the story nothing is
dropped by the zone rules.
"""
from __future__ import annotations

import re

from bantin.clean.rules.base import EXAMPLE_BODY as BODY
from bantin.clean.rules.base import EXAMPLE_LEAD as LEAD
from bantin.clean.rules.base import EXAMPLE_TITLE as TITLE
from bantin.clean.rules.base import TARGET_MARK as M
from bantin.clean.rules.base import Rule, context_rule, inline_rule, n_words
from bantin.clean.rules.ui import footer_hits

# A sentence end (`.!?…`, maybe closed by a quote, a guillemet or a bracket).
TERMINAL_RE = re.compile(r"[.!?…][\"”’»)\]]*$")
SUBHEADING_END_RE = re.compile(r"[.,;:…]$")
SECTION_SEP_RE = re.compile(r"(?<!\s)\s*(,|\||»|›|>|/|\s[-–]\s)\s*")
DIGIT_RE = re.compile(r"\d")
# An outlet tag opening the lead: `BDK - `, `(THTG) `, `(*) – `, `(Baohatinh.vn) - `.
OUTLET_PREFIX_RE = re.compile(
    r"^(\(\s*[\w*.+/ -]{1,20}\s*\)\s*[-–—:]?\s*|[A-ZĐ][A-ZĐ0-9.]{1,11}\s*[-–—]\s+)(?=\S)")
# Legal citations (`Nghị quyết số 08-NQ/TU`, `Điều 5`, `Luật An ninh mạng`) protect a repeated line.
LEGAL_RE = re.compile(
    r"\b\d+[/-](\d+[/-])?[A-ZĐ]{2,}[\w/-]*\b"
    r"|\b(Điều|Khoản|Luật|Bộ luật|Nghị quyết|Nghị định|Thông tư|Chỉ thị|Quyết định|Hiến pháp|Pháp lệnh)\s+\S",
)
QUOTED_RE = re.compile(r"[“\"«][^“”\"«»]{10,}[”\"»]")  # no opener inside: each opener is tried once
PULL_QUOTE_RE = re.compile(r"^[\"“«„'‘]")
PULL_QUOTE_MIN_WORDS = 6
#: Lettered words a line needs for a repeat of it to be a copy (`Gió nhẹ.` repeats on purpose).
REPEAT_MIN_WORDS = 4
# Outlet and organisation names opening a banner or footer line (`Báo …`, `Cổng thông tin …`).
BANNER_START_RE = re.compile(
    r"^(báo|tạp chí|đài|cổng (thông tin|ttđt)|trang (thông tin|tin)|truyền hình|thông tấn|ban biên tập"
    r"|công an (tỉnh|thành phố|tp|huyện)|ủy ban nhân dân|ubnd|bộ chỉ huy|bộ tư lệnh|sở|tỉnh ủy|thành ủy"
    r"|huyện ủy|hội đồng nhân dân|văn phòng)\b", re.IGNORECASE)
SLOGAN_RE = re.compile(
    r"cơ quan (của|ngôn luận|chủ quản|trung ương)|tiếng nói của|vì nhân dân phục vụ|điện tử$|online$", re.IGNORECASE)
# Lower-case words an organisation name may hold besides its proper names.
ORG_GENERIC = frozenset((
    "thông", "tin", "điện", "tử", "phát", "thanh", "và", "truyền", "hình", "tỉnh", "huyện", "thành", "phố", "thị", "xã",
    "quận", "phường", "nhân", "dân", "online", "trực", "tuyến", "của", "ủy", "tp", "pt-th", "ptth", "ttđt", "-", "–"))
# A footer line opening with its label: `Địa chỉ: …`, `Điện thoại: …`, `Chịu trách nhiệm chính: …`.
FOOTER_LABEL_RE = re.compile(
    r"^(địa chỉ|trụ sở|tòa soạn|điện thoại|đt|tel|hotline|đường dây nóng|fax|e-?mail|website"
    r"|chịu trách nhiệm( chính| nội dung| xuất bản)?|cơ quan chủ quản)\s*:", re.IGNORECASE)

# The end of a story in the footer examples: title, lead, body, byline, share widget.
END = f"{TITLE}\n{LEAD}\n{BODY}\nThanh Tâm\nChia sẻ"


def is_prose(text: str) -> bool:
    """A sentence or paragraph of running text (not furniture, not a heading)."""
    return n_words(text) >= 10 or (n_words(text) >= 4 and bool(TERMINAL_RE.search(text)))


def is_headline_like(text: str) -> bool:
    """Short enough to be a title or a related-article link (titles rarely exceed 35 words)."""
    return 2 <= n_words(text) <= 35 and len(text) <= 250 and not text.endswith(":")


def is_starred(text: str) -> bool:
    """A starred line (`* Iran trang bị tàu do thám Zagros`, `* Anh đoán đội nào …?`) is an item of
    the story (a brief, a reader's question): never the page's headline, nor a caption."""
    return text.startswith("* ")


def is_title_shape(text: str) -> bool:
    """Headline-like and not a sentence: titles do not end with a period, comma or ellipsis."""
    return is_headline_like(text) and not text.endswith((".", "…", ",", ";")) and not is_starred(text)


def is_section_label(text: str) -> bool:
    """A site-section label (`Chỉ đạo, điều hành`, `Tin tức | Thời sự`): a few words joined by separators."""
    words = n_words(text)
    if words > 5 or DIGIT_RE.search(text) or TERMINAL_RE.search(text):
        return False
    parts = [p for p in SECTION_SEP_RE.split(text) if p and not SECTION_SEP_RE.fullmatch(p)]
    return len(parts) >= 2 and all(n_words(p) <= 3 for p in parts)


def is_subheading_like(text: str) -> bool:
    """Short, unpunctuated, capitalised: `Tăng cường sự lãnh đạo của Đảng`."""
    return (n_words(text) <= 15 and len(text) <= 120 and not SUBHEADING_END_RE.search(text)
            and (text[0].isupper() or text[0].isdigit()))


def is_protected(text: str) -> bool:
    """Lines never dropped as corpus repeats: long prose sentences, legal citations, quotations."""
    long_sentence = n_words(text) >= 15 and bool(TERMINAL_RE.search(text))
    return long_sentence or bool(LEGAL_RE.search(text)) or bool(QUOTED_RE.search(text))


def is_copy_worthy(text: str) -> bool:
    """Enough words for a repeat to be a copy: a short sentence (`Gió nhẹ.` in a forecast) or a
    table row of figures (`84,4 86,4 +200 +200`) repeats on purpose."""
    words = text.split()
    lettered = sum(any(ch.isalpha() for ch in w) for w in words)
    return lettered >= REPEAT_MIN_WORDS and lettered > len(words) - lettered


def is_row_label(text: str) -> bool:
    """Every word capitalised (`TP Hồ Chí Minh`, `Hà Nội`): a row label of a table or a name in a
    list, printed again on purpose; a copied sentence or headline has small words."""
    return not any(w[0].islower() for w in text.split() if w[0].isalpha())


def edge_key(text: str) -> str:
    """Comparison key for duplicates: casefolded words only."""
    return " ".join(re.findall(r"\w+", text.casefold()))


def is_pull_quote(text: str, earlier: list[str]) -> bool:
    """A quotation printed again as a display quote: it opens with a quote mark and its words
    (at least PULL_QUOTE_MIN_WORDS) already stand inside an earlier unit of the page."""
    key = edge_key(text)
    if not PULL_QUOTE_RE.match(text) or len(key.split()) < PULL_QUOTE_MIN_WORDS:
        return False
    return any(key in e and key != e for e in earlier)


def is_all_caps(text: str) -> bool:
    letters = [ch for ch in text if ch.isalpha()]
    return len(letters) >= 4 and all(ch.isupper() for ch in letters)


def is_org_name(text: str) -> bool:
    """`Báo Lào Cai`, `Cổng thông tin điện tử huyện X`: an outlet word, generic words, proper names only
    (so `UBND tỉnh X triển khai …`, a headline, is not one)."""
    m = BANNER_START_RE.match(text)
    if not m or n_words(text) > 12 or any(ch.isdigit() or ch in ",.;:!?" for ch in text):
        return False
    rest = text[m.end():].split()
    return all(w[:1].isupper() or w.casefold() in ORG_GENERIC for w in rest)


def is_banner_like(text: str) -> bool:
    """An outlet banner or slogan: `BÁO X ĐIỆN TỬ`, `Cổng thông tin điện tử huyện Y`, `Cơ quan của …`."""
    return bool(SLOGAN_RE.search(text)) or (is_all_caps(text) and n_words(text) >= 2) or is_org_name(text)


def is_footer_like(text: str) -> bool:
    """A site-footer line: a strong cue (licence, copyright, editor), or two weak ones, or an outlet
    name with an address/phone. Only used below the story, where no sentence of it can be."""
    strong, weak = footer_hits(text)
    return (strong >= 1 or weak >= 2 or (weak >= 1 and bool(BANNER_START_RE.match(text))) or is_banner_like(text)
            or bool(FOOTER_LABEL_RE.match(text)))


# A unit of a glued footer is short (an address, a phone number cut at its dots) or carries a cue.
FOOTER_PIECE_MAX_WORDS = 20


def footer_tail_start(texts: list[str]) -> int | None:
    """Where the site footer glued to the end of a line starts (an index into its sentence units),
    or None. From the first unit with a footer cue to the end of the line, every unit carries a cue
    or is short, and together they carry two distinct cues, as a `footer.info` line must."""
    start = None
    for k in range(len(texts) - 1, -1, -1):
        strong, weak = footer_hits(texts[k])
        if strong or weak:
            start = k
        elif n_words(texts[k]) > FOOTER_PIECE_MAX_WORDS:
            break
    if start is None or sum(footer_hits(" ".join(texts[start:]))) < 2:
        return None
    return start


RULES: tuple[Rule, ...] = (
    context_rule(
        "corpus.repeated", "ui_text",
        "A short line repeated in many documents of the corpus (CCNet-style hash and count), unless "
        "it is a long sentence, a legal citation or a quotation. Needs `repeated` fingerprints.",
        (f"{TITLE}\n{LEAD}\n{M}Đường dây nóng: 0123 456 789", "ui_text"),
        (f"{TITLE}\n{LEAD}\n{M}Thực hiện Nghị quyết số 08-NQ/TU của Ban Thường vụ", "body")),
    context_rule(
        "structure.section", "section",
        "A site-section label standing where the title should be (a few words joined by separators).",
        (f"{M}Chỉ đạo, điều hành\n\n{LEAD}", "section"),
        (f"{M}An ninh - Quốc phòng\n{TITLE}\n{LEAD}", "section"),
        (f"{M}Bến Tre, đất và người năm 2022\n{LEAD}", "title")),
    context_rule(
        "structure.title", "title",
        "The first headline-like line that no line rule claimed.",
        (f"{M}{TITLE}\n\n{LEAD}", "title"),
        (f"{M}{LEAD} {BODY} {BODY} {BODY}", "lead")),
    context_rule(
        "duplicate.title", "duplicate", "The title printed again in the page (image alt or heading).",
        (f"{TITLE}\n{LEAD}\n{M}{TITLE}\n{BODY}", "duplicate"),
        (f"{TITLE}\n{LEAD}\n{M}Tổng kết công tác bảo đảm an ninh trật tự\n{BODY}", "subheading")),
    context_rule(
        "duplicate.repeat", "duplicate", "A line identical to an earlier line of the same article.",
        (f"{TITLE}\n{LEAD}\n{BODY}\n{M}{BODY}", "duplicate"),
        (f"{TITLE}\n{LEAD}\n{M}{BODY}\n{LEAD[:-1]} và năm 2023.", "body")),
    context_rule(
        "duplicate.pull_quote", "duplicate",
        "A display (pull) quote: a line opening with a quote mark whose words were already printed "
        "inside an earlier paragraph (magazines and e-paper repeat a quotation in large type).",
        ((f"{TITLE}\n{LEAD}\nÔng A nói: “Chúng tôi sẽ bảo vệ từng tấc đất biên cương”, rồi ra về.\n"
          f"{M}“Chúng tôi sẽ bảo vệ từng tấc đất biên cương”\n{BODY}"), "duplicate"),
        (f"{TITLE}\n{LEAD}\n{M}“Chúng tôi sẽ bảo vệ từng tấc đất biên cương”, ông A nói.\n{BODY}", "body"),
        ((f"{TITLE}\n{LEAD}\nĐại tá B phát biểu tại hội nghị.\n"
          f"{M}“Hội nghị đã đánh giá kết quả đạt được” là nhận định chung.\n{BODY}"), "body")),
    context_rule(
        "lead.outlet_prefix", "lead",
        "The first paragraph opening with an outlet tag (`BDK - `, `(THTG)`, `(*) –`); the tag stays in it.",
        (f"{TITLE}\n{M}BDK - Những năm qua, thành phố đã làm tốt công tác.\n{BODY}", "lead"),
        (f"{TITLE}\n{LEAD}\n{M}BDK - Những năm qua, thành phố đã làm tốt công tác.", "body")),
    context_rule(
        "structure.lead", "lead", "The first paragraph after the title and dateline.",
        (f"{TITLE}\n30/01/2023 - 05:30\n{M}{LEAD}\n{BODY}", "lead"),
        (f"{TITLE}\n{LEAD}\n{M}{BODY}", "body")),
    context_rule(
        "structure.subheading", "subheading",
        "A short unpunctuated capitalised line between paragraphs; on a site that prints no headline "
        "(`bantin.clean.sites`), also a headline-shaped line opening the page.",
        (f"{TITLE}\n{LEAD}\n{M}Tăng cường sự lãnh đạo của Đảng\n{BODY}", "subheading"),
        (f"{TITLE}\n{LEAD}\n{M}Tăng cường sự lãnh đạo của Đảng.\n{BODY}", "body")),
    context_rule(
        "default.body", "body", "Everything no other rule claimed is kept as body text.",
        (f"{TITLE}\n{LEAD}\n{M}{BODY}", "body"),
        (f"{TITLE}\n{LEAD}\n{M}Chia sẻ bài viết", "share_prompt")),
    context_rule(
        "header.banner", "ui_text",
        "A line above the title that is not a menu or section: the outlet banner or slogan.",
        (f"{M}TRANG TIN ĐIỆN TỬ HUYỆN MINH LONG\nTin tức > Thời sự\n{TITLE}\n{LEAD}", "ui_text"),
        (f"{M}Sở Giáo dục tổ chức hội nghị triển khai nhiệm vụ năm học mới\n{LEAD}", "title")),
    context_rule(
        "header.menu", "navigation",
        "A line above the title with menu separators (`|`, `>`, `»`) or menu items; also a long run that "
        "opens with `Trang chủ` and ends no sentence (a flattened menu, breadcrumb and title).",
        (f"Đài PT-TH tỉnh\n{M}Văn hóa - Xã hội » Giáo dục - Đào tạo\n\n{TITLE}\n{LEAD}", "navigation"),
        ((f"{M}Trang chủ Giới thiệu Tin tức » Thời sự Tỉnh tổng kết công tác bảo đảm an ninh trật tự năm 2022 "
          f"và triển khai nhiệm vụ năm 2023\n{LEAD}"), "navigation"),
        (f"{M}Thời sự | Kinh tế\n{LEAD}", "section")),
    context_rule(
        "header.short", "ui_text",
        "A one-to-three word line between the title and the lead (`Chi tiết`, `Video`): a widget label.",
        (f"{TITLE}\n{M}Xem chi tiết\n{LEAD}", "ui_text"),
        (f"{TITLE}\n{LEAD}\n{M}Xem chi tiết\n{BODY}", "subheading")),
    context_rule(
        "footer.info", "ui_text",
        "Below the story: a footer line with one strong cue (copyright, licence, editor) or an outlet "
        "name with its address or phone, even when it reads like a sentence.",
        (f"{END}\n{M}Trang thông tin điện tử Sở Nội vụ. Điện thoại: 0257 3823 456", "ui_text"),
        (f"{END}\n{M}Địa chỉ: 12 Lê Lợi, TP Huế. Email: bbt@huyen.gov.vn", "ui_text"),
        (f"{END}\n{M}Địa chỉ: Số 8 Nguyễn Tất Thành, phường 1, TP Bạc Liêu.", "ui_text"),
        (f"{TITLE}\n{LEAD}\n{M}Văn phòng tỉnh. Điện thoại: 0257 3823 456 để người dân phản ánh.\n{BODY}",
         "body")),
    context_rule(
        "footer.link_list", "navigation",
        "Below the story, after the byline or a share/tag widget: headline-like lines without sentence "
        "punctuation are links to other articles, even without a `Tin liên quan` header.",
        (f"{END}\n{M}Tuyên Hóa ra quân tổng vệ sinh môi trường sau lũ\nBố Trạch: Khởi công cầu dân sinh", "navigation"),
        (f"{TITLE}\n{LEAD}\n{M}Tuyên Hóa ra quân tổng vệ sinh môi trường sau lũ\n{BODY}", "subheading")),
    context_rule(
        "footer.after_end", "ui_text",
        "Below the story, after the byline or a widget: a short label of one to three words.",
        (f"{END}\n{M}Góp ý", "ui_text"),
        (f"{TITLE}\n{LEAD}\n{BODY}\n{M}Góp ý", "body")),
    inline_rule(
        "footer.tail_piece", "ui_text",
        "The site footer glued after the story's last sentence, in its line (a flattened page): from "
        "the first unit with a footer cue on, each unit a cue or short, two distinct cues in all.",
        (f"{TITLE}\n{LEAD}\n{BODY} Quỹ Nhân ái. ⟦Địa chỉ: 48 Giảng Võ, Hà Nội.⟧ Tel: 04.3736.6491.", "ui_text"),
        (f"{TITLE}\n{LEAD}\n{BODY} Địa chỉ: 48 Giảng Võ. ⟦Tel: 04.3736.6491.⟧", "ui_text"),
        (f"{TITLE}\n{LEAD}\n{BODY} ⟦Mọi ý kiến xin gửi về địa chỉ: 5 Lê Lợi, Huế.⟧", "body")),
)
