"""People whose names do not have the Vietnamese name shape: foreign names in Latin script
(`Keir Starmer`, `Lee Jae Myung`) and ethnic-minority names (`Ksor Phước`, `Rơ Chăm Hyen`).

Why a path of its own: `people.py` keeps a name only when it starts with a Vietnamese surname,
which is what makes it precise on Vietnamese officials, and which every foreign and many
ethnic-minority names fail. Capitalised Latin words are also clubs, places and events (`Bayern
Munich`, `Champions League`, `Hong Kong`), so a run counts only with evidence that it names a
person: a title, post, honorific or profession written right before it (`Thủ tướng Anh Keir
Starmer`, `tiền đạo Danny Welbeck`, `ông Ksor Phước`), or, for a foreign name, one in apposition
after it (`Paul Hembery, giám đốc`) or a verb of saying (`Max Montero đưa tin`); underthesea's PER tag alone is no evidence
(it tags clubs and papers too: `Real Madrid`), its LOC or ORG tag is a veto after a pronoun-like
cue (`ông`, `anh`) or before a verb of saying, but not after a title or profession, where it is
mostly wrong. A country or city
word opening the run (`Singapore Lawrence Wong`) is cut off, and a foreign name ends where a
Vietnamese word begins (`Cody Simpson Bắc Âu`; `Pedro Sánchez` is not cut, its accent is
Spanish), unless one foreign given name comes before a Vietnamese family name (`diễn viên Johnny
Trí Nguyễn`).
"""
from __future__ import annotations

import re
from collections.abc import Sequence

from bantin.vi.language import has_vietnamese_marks, is_vietnamese_syllable
from bantin.vi.names import COMMON_SURNAMES

# A word: letters, with apostrophes or hyphens inside (`H'Hen`, `Jean-Pierre`).
WORD_RE = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*")
# What introduces a person: titles, posts, ranks, honorifics, professions.
CUE_WORDS = """tổng thống|phó tổng thống|thủ tướng|phó thủ tướng|bộ trưởng|thứ trưởng|ngoại trưởng|chủ tịch|
    tổng bí thư|quốc vương|nhà vua|hoàng tử|công chúa|công nương|nữ hoàng|giáo hoàng|thượng nghị sĩ|
    nghị sĩ|hạ nghị sĩ|thống đốc|thị trưởng|đại sứ|tổng thư ký|người phát ngôn|phát ngôn viên|tướng|
    đô đốc|tư lệnh|giám đốc|tổng giám đốc|giám đốc điều hành|ceo|nhà sáng lập|chủ nhiệm|ông|bà|anh|chị|cô|em|
    cháu|cụ|già làng|sir|dẫn lời|lãnh tụ|nhà lãnh đạo|đại giáo chủ|
    hlv|huấn luyện viên|tiền đạo|tiền vệ|hậu vệ|thủ môn|thủ thành|cầu thủ|danh thủ|tay vợt|tay đua|
    võ sĩ|vận động viên|ca sĩ|nam ca sĩ|nữ ca sĩ|nghệ sĩ|diễn viên|nam diễn viên|nữ diễn viên|tài tử|người mẫu|
    siêu mẫu|ngôi sao|nhạc sĩ|rapper|mc|người dẫn chương trình|dẫn chương trình|đạo diễn|nhà văn|nhà báo|
    phóng viên|nhà khoa học|nhà nghiên cứu|nhà phân tích|chiến lược gia|chuyên gia|giáo sư|tiến sĩ|bác sĩ|
    kỹ sư|kỷ sư|luật sư|công tố viên|thẩm phán|thám tử|tỷ phú|doanh nhân|
    nghi phạm|nghi can|đối tượng|bị cáo|nạn nhân|sĩ quan|binh sĩ|phi công|trung sĩ""".split("|")
_CUE_ALT = "|".join(sorted((w.strip() for w in CUE_WORDS), key=len, reverse=True))
CUE_RE = re.compile(rf"(?<![\w])(?:{_CUE_ALT})(?:\s+[\w.]+){{0,3}}\s+$", re.IGNORECASE)
CUE_RIGHT_BEFORE_RE = re.compile(rf"(?<![\w])(?:{_CUE_ALT})\s+$", re.IGNORECASE)
CUE_REACH = 40  # characters before a name that can hold the cue right before it (the longest is 22)
# What follows a person's name: a title or profession in apposition (`Paul Hembery, giám đốc thể
# thao`, `Karim Jaffari, một nhà phân tích`), or a verb of saying (`Max Montero đưa tin`).
APPOSITION_RE = re.compile(rf",\s+(?:một\s+|người\s+)?(?:cựu\s+|phó\s+)?({_CUE_ALT})(?![\w])", re.IGNORECASE)
SAYS_RE = re.compile(
    r"\s+(?:(?:cũng|đã|sẽ|thì|vẫn)\s+)?(?:cho biết|cho hay|nói|chia sẻ|khẳng định|tuyên bố|đưa tin|bày tỏ|nhấn mạnh|"
    r"thừa nhận|thú nhận|dự đoán|nhận định|tiết lộ|phát biểu)(?![\w])")
# Before a run, what makes the words after it a paper, a company, a team or a place even when a
# verb of saying follows (`tờ Fresno Bee đưa tin`, `thành phố Saint Petersburg bày tỏ`).
NOT_PERSON_BEFORE_RE = re.compile(
    r"(?<![\w])(?:tờ|báo|hãng|hãng tin|trang|tạp chí|đài|kênh|thành phố|tỉnh|bang|công ty|tập đoàn|đội|"
    r"câu lạc bộ|clb|tổ chức|quỹ|ngân hàng)\s+$", re.IGNORECASE)
# Words opening a run that are a country or city, not the person after them.
PLACE_WORDS = frozenset("""Anh Mỹ Pháp Nga Đức Nhật Hàn Trung Úc Ý Lào Campuchia Singapore Malaysia Indonesia
    Philippines Thái Myanmar Brunei Israel Iran Iraq Ukraine Canada Mexico Brazil Argentina Cuba Ấn Triều Tiên
    Đài Hong Kong Washington London Paris Moskva Bắc Kinh Seoul Tokyo Mỹ-Nga Venezuela Syria Palestine
    Qatar Thổ Nhĩ Kỳ Hà Lan Tây Ban Nha Bồ Đào Nha Thụy Sĩ Thụy Điển Na Uy Đan Mạch Ba Lan""".split())
# Between a cue and its name there is no other name or clause (`ông A và B` cues A only), and no
# preposition: `chủ tịch của Red Bull`, `nghệ sĩ ở hạng mục Worldwide Act` name no person.
BREAK_RE = re.compile(r"[,;:()]|\s(?:và|với|của|ở|tại|trong|mục)\s")
LEADING_TITLES = frozenset("ông bà anh chị cô cụ em cháu hlv sir mr mrs ms dr shrimati shri".split())
# First words of Tây Nguyên names, whose other words are Vietnamese (`Ksor Phước`, `Y Khiêm Niê`).
ETHNIC_FIRST = frozenset("Ksor Rơ Y H Siu Rah Nay Kpă Rcom Byă Êban Niê Mlô Hmok".split())
_NONPER = {"B-LOC", "I-LOC", "B-ORG", "I-ORG"}
WEAK_CUES = frozenset("ông bà anh chị cô em cháu cụ sir".split())
MAX_WORDS = 4


def _foreign(word: str) -> bool:
    """A word Vietnamese spelling does not produce (`Starmer`, `Hyen`, `Ksor`, `H'Hen`)."""
    return any(not is_vietnamese_syllable(part) for part in re.split(r"['’-]", word) if part)


def _name_word(word: str) -> bool:
    """`Starmer`, `H'Hen`, `Jean-Pierre`: capitalised, not an acronym (`UVBCH`, `TTĐT`, `TP`)."""
    return all(p[0].isupper() and (len(p) == 1 or p[1:].islower()) for p in re.split(r"['’-]", word) if p)


def _weak(cue: str) -> bool:
    """`ông`, `anh`, `em`: a pronoun-like cue, which NER's LOC/ORG tag on the run after it can veto
    (`anh Manchester United`); a title or profession (`Tổng thống Pháp`, `thủ thành`) is not
    vetoed, since NER tags the name after a country word as part of a place (`Pháp Francois
    Hollande`)."""
    return cue.split()[0].casefold() in WEAK_CUES


def _tag_at(spans: Sequence[tuple[int, int, str]], start: int, end: int) -> set[str]:
    return {tag for s, e, tag in spans if s < end and e > start}


def _runs(text: str) -> list[list[re.Match]]:
    """Runs of capitalised words separated by single spaces (str.isupper, since Vietnamese capitals
    and small letters alternate inside one Unicode block)."""
    runs: list[list[re.Match]] = []
    for w in WORD_RE.finditer(text):
        if not w.group(0)[0].isupper():
            continue
        if runs and text[runs[-1][-1].end():w.start()] == " ":
            runs[-1].append(w)
        else:
            runs.append([w])
    return runs


def _mixed_name(text: str, cand: list[re.Match], cut: int) -> bool:
    """A foreign given name and a Vietnamese family name, one person (`diễn viên Johnny Trí Nguyễn`,
    `bà Christine Lê`): one foreign word, then at most two Vietnamese words that end the run on a
    common surname, with a title or profession right before. Not a company's branch (`Giám đốc
    Savills Hà Nội`); and two foreign words are a whole name already (`Cody Simpson Bắc Âu`)."""
    return (cut == 1 and len(cand) <= 3 and cand[-1].group(0) in COMMON_SURNAMES
            and _cue_right_before(text, cand[0].start()))


def _cue_right_before(text: str, at: int) -> bool:
    """A title, post or profession ends right before `at`; read in a window, so that a sentence
    of many names stays linear."""
    return CUE_RIGHT_BEFORE_RE.search(text, max(0, at - CUE_REACH), at) is not None


def _vietnamese(word: str) -> bool:
    """A word with Vietnamese marks (`Bắc`, `Nguyễn`, `Đắk`, the `Giám` of `Won-Giám`), not a
    foreign word with an accent (`Prévot`, `Sánchez`, `López`): Vietnamese spells it, or it has a
    letter no Western alphabet has (beyond Latin-1: `đ`, `ơ`, `ắ`)."""
    return any(has_vietnamese_marks(p) and (is_vietnamese_syllable(p) or max(map(ord, p)) > 0xFF)
               for p in re.split(r"['’-]", word) if p)


def other_names(text: str, spans: Sequence[tuple[int, int, str]] = ()) -> list[tuple[str, int, int]]:
    """(name, start, end) of the names in `text` that only this path finds; `spans` are the
    sentence's NER tokens as character spans (`people._tag_spans`)."""
    out: list[tuple[str, int, int]] = []
    for run in _runs(text):
        for k in range(len(run) - 1):  # the name is the run's tail: `Theo HLV David Moyes`
            cand = run[k:]
            first = cand[0].group(0)
            if len(cand) > MAX_WORDS or first in PLACE_WORDS or first.casefold() in LEADING_TITLES:
                continue
            if not all(_name_word(w.group(0)) for w in cand):
                continue
            if not any(_foreign(w.group(0)) for w in cand):
                break
            if not (_foreign(first) or first in ETHNIC_FIRST or (k == 0 and _cue_right_before(text, run[0].start()))):
                continue  # `Theo Osorio Chong`, `Với Ronaldo`: a Vietnamese word before the name (`ông Van Gaal` is one)
            if first not in ETHNIC_FIRST:  # `Cody Simpson Bắc Âu`: a foreign name ends where Vietnamese begins
                cut = next((i for i, w in enumerate(cand) if _vietnamese(w.group(0))), len(cand))
                if not _mixed_name(text, cand, cut):
                    cand = cand[:cut]
                if len(cand) < 2:
                    continue
            start, end = cand[0].start(), cand[-1].end()
            window = text[max(out[-1][2] if out else 0, start - 60):start]
            cue = CUE_RE.search(window)
            cued = cue is not None and not BREAK_RE.search(cue.group(0))
            appos = APPOSITION_RE.match(text, end)
            after = (appos and not _weak(appos.group(1))) or SAYS_RE.match(text, end)
            after = after and _foreign(first) and not NOT_PERSON_BEFORE_RE.search(text, max(0, start - 30), start)
            vetoed = _tag_at(spans, start, end) & _NONPER and not (cued and not _weak(cue.group(0)))
            if (cued or after) and not vetoed:
                out.append((" ".join(w.group(0) for w in cand), start, end))
                break
    return out
