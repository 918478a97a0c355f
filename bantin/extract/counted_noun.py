"""The counted noun phrase after a figure, read without a POS tagger.

Why rules and not a tagger: the phrase is short and its ends are few and fixed. It runs up to
MAX_UNIT_WORDS words after the number and ends at punctuation, a function word (`của`, `trên`,
`với`, `để`...), a verb that typically follows a counted noun (`nhập ngũ`, `tham gia`, `đảm
nhiệm`) or money: `7.900 công dân nhập ngũ` -> `công dân`, `9 nhiệm vụ công tác trọng tâm để` ->
`nhiệm vụ công tác trọng tâm`, `461 đồng chí Công an chính quy đảm nhiệm` -> `đồng chí Công an
chính quy`. A classifier (`buổi`, `lượt`) keeps its complement even when that is a verb (`buổi
tuyên truyền`). bantin/extract/quantities.py reads the number; this module only the words after it.
"""
from __future__ import annotations

import re

# Classifiers always take the next word as their complement (`buổi tuyên truyền`, `lượt người`).
MEASURES = frozenset("buổi lượt cuộc lớp đợt chuyến suất vụ trận".split())
STOP_WORDS = frozenset(
    """của cho với trong tại ở trên dưới về và hoặc hay được đã đang sẽ là có bị do theo từ đến
    tới để nhằm so thì mà này đó kia các những khi vào ra lên xuống thuộc gồm như nên vì nhưng
    cũng đều còn nữa rồi lại mỗi một mới tăng giảm đạt chiếm qua vẫn phải cần nó họ tôi chúng
    trước sau cùng không chưa từng giữa""".split()
)
# Money ends the counted phrase: `3,6 tỷ đồng` (the next word, `trả`, is the sentence's verb).
CURRENCIES = frozenset("đồng usd euro".split())
NOT_MONEY = frozenset({"đồng chí", "đồng bào", "đồng đội", "đồng hương", "đồng nghiệp", "đồng bằng", "đồng ruộng"})
# `bị` is a function word (passive), except in nouns for people in a case (`47 bị hại`, `6 bị can`).
BI_NOUNS = frozenset("hại can cáo".split())
# Verbs that typically follow the counted noun (`7.900 công dân nhập ngũ`, `người tham gia`).
VERBS = frozenset(
    """tham gia|tham dự|nhập ngũ|xuất ngũ|lên đường|đảm nhiệm|thực hiện|hoàn thành|hỗ trợ|nhận|trao|
    tặng|được|bị|vi phạm|phát hiện|bắt giữ|xử lý|triển khai|tổ chức|ký|đăng ký|trúng tuyển|
    tốt nghiệp|đạt|bảo đảm|đảm bảo|tiếp nhận|ra quân|sinh sống|làm việc|trở lên|trở xuống|nêu|chết|
    tử vong|thiệt mạng|mất tích|tập trung|bao gồm|tiếp tục|thống nhất|nhất trí|cam kết|kỷ niệm|duy trì|
    mở rộng|đẩy nhanh|bày tỏ|thiết lập|hoàn toàn|nói|cho biết|khẳng định|ký kết|hợp tác|thúc đẩy|
    phối hợp|trao đổi|gặp|thể hiện|mang|cầm|nắm""".replace("\n", " ").split("|")
)
VERBS = frozenset(v.strip() for v in VERBS)
MAX_UNIT_WORDS = 6
# After these a capitalised word is a place name, not part of the unit (`2 xã Hang Kia` -> `xã`).
PLACE_UNITS = frozenset("xã phường huyện quận tỉnh thôn bản ấp xóm làng nước".split())
WORD_RE = re.compile(r"\s+([^\W_]+)")


def unit_words(text: str, pos: int) -> tuple[list[str], int]:
    """Words of the counted noun phrase starting at `pos`, and where the phrase ends.

    The phrase runs until punctuation, a function word, a verb that follows counted nouns, or
    a number; a classifier (`buổi`, `lượt`) always keeps its complement.
    """
    words: list[tuple[str, int]] = []
    while len(words) < MAX_UNIT_WORDS and (m := WORD_RE.match(text, pos)):
        w, low = m.group(1), m.group(1).lower()
        after_classifier = len(words) == 1 and words[0][0] in MEASURES
        nxt = WORD_RE.match(text, m.end())
        pair = f"{low} {nxt.group(1).lower()}" if nxt else ""
        case_noun = low == "bị" and nxt is not None and nxt.group(1).lower() in BI_NOUNS
        if w.isdigit() or (not after_classifier and low in STOP_WORDS and not case_noun):
            break
        if not after_classifier and words and (low in VERBS or pair in VERBS):
            break
        if words and words[-1][0] in PLACE_UNITS and w[0].isupper():
            break
        words.append((w, m.end()))
        pos = m.end()
        if low in CURRENCIES and pair not in NOT_MONEY:
            break
    return [w for w, _ in words], (words[-1][1] if words else pos)
