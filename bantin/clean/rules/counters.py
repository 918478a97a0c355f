"""Counters: numbers a page prints about itself (views, likes, shares, reactions, visits).

Why by kind rather than by string: every portal counts the same things in its own words and
symbols (`1.234 lượt xem`, `👍 126 ❤️ 41`, `Hay 12  Xúc động 3`, `Đang truy cập: 12`). A counter
line is made *only* of numbers and counter words or pictographs, so a story sentence that has a
number in it (`10 năm thực hiện Chỉ thị`) is never one.
"""
from __future__ import annotations

import re
import unicodedata

from bantin.clean.rules.base import Rule, line_rule

I = re.IGNORECASE
COUNTER_RE = re.compile(
    r"^(\d{1,7}|(số )?(lần đọc|lần xem|lượt nghe|lượt xem|lượt thích|lượt truy cập|lượt đọc|lượt chia sẻ"
    r"|views?|likes?|thích|shares?|chia sẻ)"
    r"\s*:?\s*\(?\d[\d.,]*\)?"
    r"|\d[\d.,]*\s*(lượt xem|lượt thích|lượt chia sẻ|views?|likes?|shares?|lượt đọc|lượt truy cập))$", I)
# What is left of a reaction row once its emoji are gone: numbers, separators, counter words.
COUNTER_REST_RE = re.compile(
    r"^([\d.,]+\s*[kKmM]?|lượt xem|lượt thích|lượt đọc|lượt chia sẻ|bình luận|views?|likes?|shares?|lượt đánh giá"
    r"|đánh giá|votes?|thích|chia sẻ|bình chọn|[|/·•():\s-])*$", I)
EMOJI_CATEGORIES = ("So", "Sm")
# Categories dropped with the emoji: modifiers, combining marks and joiners of emoji sequences.
EMOJI_PART_CATEGORIES = ("So", "Sm", "Sk", "Mn", "Cf")
# Site visit statistics of government portals: `Đang truy cập: 12`, `Tổng lượt truy cập: 1.234.567`.
VISITS_RE = re.compile(
    r"^(thống kê truy cập|đang (truy cập|online|trực tuyến)|trực tuyến|online|hôm nay|hôm qua|tuần này|tháng này"
    r"|trong (ngày|tuần|tháng|năm)|tổng (số )?(lượt )?truy cập|tổng lượt xem|đã xem|lượt truy cập"
    r"|số người (đang )?(truy cập|online))\s*:?\s*[\d.,]+$", I)
# Reader reactions printed as words: `Tuyệt vời 24  Hay 6  Xúc động 11`, `Thích 142`.
REACTION_PAIR_RE = re.compile(r"(?<![^\W\d_])([^\W\d_]+(?:[ ][^\W\d_]+){0,3})\s*+:?\s*+\(?(\d[\d.,]*[kK]?)\)?")
REACTION_WORDS = frozenset((
    "thích", "yêu thích", "hay", "tuyệt vời", "xúc động", "đáng chú ý", "vui", "buồn", "phẫn nộ", "giận dữ",
    "ngạc nhiên", "bất ngờ", "hữu ích", "hài lòng", "không hài lòng", "không hữu ích", "thương thương", "haha", "wow", "like",
    "love", "sad", "angry", "ủng hộ", "không ủng hộ", "đồng tình", "không đồng tình", "bình luận", "chia sẻ",
    "lượt xem", "lượt thích", "lượt chia sẻ"))
REACTION_SEPARATORS = " |·•,/-"
# An aggregator's tally of the same story elsewhere, with its link to the original (`Gốc`):
# `5 liên quan Gốc`, `1 đăng lại 12 liên quan Gốc`. Four tokens, title-shaped: unclaimed, it was
# chosen as the page's title over the real headline above it.
RELATED_TALLY_RE = re.compile(r"^\d[\d.,]*\s+(đăng lại|liên quan)(\s+\d[\d.,]*\s+liên quan)?(\s+Gốc)?$", I)
SHARED_TIMES_RE = re.compile(
    r"^(bài viết|bài|tin|video)( này)? (đã )?(được )?(chia sẻ|xem|đọc|thích) [\d.,]+ lần$", I)


def is_emoji_counter(text: str) -> bool:
    """A reaction row: emoji or pictographs with numbers (`👍 126   ❤️ 41   💬 8`, `👁 1.284 lượt xem`)."""
    # ASCII math signs (`+200`, `=`, `<`) are a table's, not pictographs
    symbols = [ch for ch in text if unicodedata.category(ch) in EMOJI_CATEGORIES and ord(ch) > 127]
    if not symbols or not any(ch.isdigit() for ch in text):
        return False
    rest = "".join(ch for ch in text if unicodedata.category(ch) not in EMOJI_PART_CATEGORIES)
    return bool(COUNTER_REST_RE.match(rest.strip()))


def is_reaction_row(text: str) -> bool:
    """Two or more `label number` pairs and nothing else, most labels reader reactions; or
    `Bài viết đã được xem 1.204 lần`."""
    if SHARED_TIMES_RE.match(text):
        return True
    pairs = REACTION_PAIR_RE.findall(text)
    if len(pairs) < 2 or REACTION_PAIR_RE.sub("", text).strip(REACTION_SEPARATORS):
        return False
    known = sum(label.casefold() in REACTION_WORDS for label, _ in pairs)
    return known * 2 >= len(pairs) and known >= 1


NUMBER = line_rule(
    "counter.number", "counter",
    "A bare number or `n lượt xem`: share/like/view counters printed by the page.",
    [("0", "counter"), ("10", "counter"), ("1.234 lượt xem", "counter"), ("Số lượt truy cập: 98.120", "counter"),
     ("Like (45)", "counter"), ("Chia sẻ 12", "counter"), ("Số lần đọc: 768", "counter"), ("Lượt thích 7", "counter"),
     ("10 năm thực hiện Chỉ thị", "body"), ("2020.", "body")],
    pattern=COUNTER_RE)

RULES: tuple[Rule, ...] = (
    NUMBER,
    line_rule("counter.emoji", "counter",
              "A reaction/view row of emoji and numbers (`👍 126 ❤️ 41`, `👁 1.284 lượt xem`).",
              [("👍 126   ❤️ 41   💬 8", "counter"), ("★★★★☆ (12 đánh giá)", "counter"), ("👁 2.310 lượt xem", "counter"),
               ("❤️ 1,2K  💬 35", "counter"), ("👍 Thích 90   💬 4   ↗ 12", "counter"),
               ("📌 Tại buổi lễ, 12 tập thể được tặng bằng khen.", "body"), ("84,4 86,4 84,6 86,6 +200 +200", "body")],
              predicate=is_emoji_counter, max_words=20),
    line_rule("counter.related_tally", "counter",
              "An aggregator's tally of related stories and republications with its link to the original "
              "(`5 liên quan Gốc`, `1 đăng lại 12 liên quan Gốc`).",
              [("5 liên quan Gốc", "counter"), ("1 đăng lại 12 liên quan Gốc", "counter"), ("2 đăng lại Gốc", "counter"),
               ("12 liên quan", "counter"), ("Gốc rễ của vụ việc", "body"), ("3 người liên quan đã bị bắt.", "body")],
              pattern=RELATED_TALLY_RE, max_words=8),
    line_rule("counter.visits", "counter",
              "Visit statistics of a portal (`Đang truy cập: 12`, `Tổng lượt truy cập: 1.234.567`, `Hôm nay: 345`).",
              [("Đang truy cập: 12", "counter"), ("Tổng lượt truy cập: 1.234.567", "counter"), ("Hôm nay: 345", "counter"),
               ("Hôm nay: 35 xã đã hoàn thành việc sáp nhập", "body")],
              pattern=VISITS_RE, max_words=6),
    line_rule("counter.reactions", "counter",
              "Reader reactions in words with their counts (`Hay 12  Xúc động 3`, `Thích 142 Chia sẻ 17`) or "
              "`Bài viết được chia sẻ 58 lần` (star ratings are `counter.emoji`).",
              [("Ủng hộ 31   Không ủng hộ 2", "counter"), ("Thích 15 · Bình luận 3 · Chia sẻ 7", "counter"),
               ("Hữu ích 12   Không hữu ích 1", "counter"), ("Bài viết đã được xem 1.204 lần", "counter"),
               ("Nam 120  Nữ 85", "body"), ("Hay 3 lần tái phạm, đối tượng bị khởi tố.", "body")],
              predicate=is_reaction_row, max_words=20),
)
