"""The caption model: a small logistic model that finds the captions no rule can see.

Why learned: on real pages most captions carry no marker at all. A picture's file name, its
`Ảnh:` credit and its alt text are lost when a crawler renders the page to text, and what is left
is one short sentence between two paragraphs (`Trung tướng X kiểm tra thiết bị bay không người
lái.`) that only its shape, its neighbours, its words and the page (a page whose rules found
one picture has others) tell from a sentence of the story. Rules
written for that (`captions.is_bare_caption`) found a quarter of them; this model reads the same
cues, weighed from the hand-read gold (tests/realgold/).

What it decides: only units the rules left as story by default (CANDIDATE_RULES), and not on a
hard-wrapped page (its lines are pieces of paragraphs, not the paragraphs the model was trained
on: `classify` does not call the model there); a unit becomes
a `caption` under rule `caption.model` when the model's probability reaches the model file's
threshold, which was set for precision (dropping a story sentence is worse than keeping a
caption). The features are computed from the rules' decisions alone, all before any is changed,
so the model sees at run time exactly what it was trained on.

Deterministic and offline: the weights are a JSON file beside the rules (`rules/caption_model.json`,
written by bench/caption_model.py, which also reports it leave-one-source-out); scoring is a sum
of weights, no numpy. A missing or unreadable model file is an error, never a silent skip.
"""
from __future__ import annotations

import json
import math
import re
import statistics
from collections import Counter
from dataclasses import dataclass, replace
from functools import lru_cache
from pathlib import Path

from bantin.clean.rules.captions import CAPTION_CUE_RE
from bantin.clean.rules.credits import is_signature
from bantin.clean.rules.structure import is_starred
from bantin.records import LineDecision

MODEL_FILE = Path(__file__).with_name("rules") / "caption_model.json"
RULE_ID = "caption.model"
# The rules' story verdicts the model may overturn: a lead too (a real caption lands there when
# it comes first), never a unit some rule claimed on its evidence. Not a subheading: a bare
# caption and a subheading share every cue the model reads (short, no stop, between paragraphs),
# and a subheading is story.
CANDIDATE_RULES = ("default.body", "structure.lead")
KEPT = ("lead", "body", "subheading")
# Fewer words is a name, a label or a fragment (`Trọng Hiếu` between paragraphs is a byline's
# business); the short captions that say so (`Quang cảnh hội nghị.`) have their rule.
MIN_WORDS = 4
LIST_ITEM_RE = re.compile(r"^(?:(?:\d{1,2}|[A-Da-d])[.)]|[-–•·+])\s")  # `1. …`, `B. …`, `c) …`, `- …`
WORD_RE = re.compile(r"\w+", re.UNICODE)
INNER_SENTENCE_RE = re.compile(r"[.!?…][\"”’)]*\s+[\"“(]?[A-ZĐÀ-Ỹ]")
LEN_BUCKETS = (3, 6, 10, 15, 20, 25, 30, 40, 60)
REL_BUCKETS = (0.2, 0.35, 0.5, 0.75, 1.0, 1.5)  # words / the page's median kept unit
SHARE_BUCKETS = (0.0, 0.2, 0.4, 0.6, 0.8)  # of a unit's words found in its neighbour
# Words and phrases whose presence tells narration from a picture's description on any site: a
# story sentence reports (`cho biết`, `đã`, `sẽ`, `theo`, times), a caption shows (`tại`, `trao`,
# `phát biểu`, `hiện trường`). A closed list, not the whole vocabulary: the words of one site's
# captions do not carry over to another's (measured leave-one-source-out, bench/caption_model.py).
CUE_WORDS = (
    "đã", "sẽ", "đang", "vừa", "cho biết", "theo", "này", "được", "bị", "khi", "nhưng", "vì", "nên", "cũng",
    "còn", "để", "nếu", "thì", "rằng", "ngày", "năm", "tháng", "sáng", "chiều", "tối", "hôm", "trước", "sau",
    "tại", "và", "các", "những", "với", "của", "cho", "phát biểu", "trao", "kiểm tra", "thăm", "tham dự", "chụp",
    "hiện trường", "lực lượng", "quang cảnh", "đoàn", "đại biểu", "hội nghị", "buổi", "lễ", "người", "tôi",
    "chúng tôi", "ông", "bà", "anh", "chị", "là", "có", "không", "nói", "chia sẻ", "yêu cầu", "đề nghị",
    "tiếp tục", "trong", "từ", "đến", "về", "một", "nhiều", "đối tượng", "vụ", "công an", "tổ chức",
)
CUE_WORD_RE = re.compile(r"(?<!\w)(" + "|".join(sorted(map(re.escape, CUE_WORDS), key=len, reverse=True)) + r")(?!\w)")


def _bucket(n: int) -> str:
    return next((str(b) for b in LEN_BUCKETS if n <= b), "more")


def _end(text: str) -> str:
    t = text.rstrip()
    if not t:
        return "none"
    ch = t[-1]
    return {".": "stop", "?": "ask", "!": "bang", ":": "colon", ";": "semi", ")": "paren", "…": "dots"}.get(
        ch, "quote" if ch in "\"”’»" else "none")


def _rbucket(x: float, bounds: tuple[float, ...]) -> str:
    return next((str(b) for b in bounds if x <= b), "more")


def _neighbour(lines: list[LineDecision], i: int, step: int) -> tuple[str, int | None, bool]:
    """(role class, index, blank line between) of the nearest non-empty unit in direction `step`."""
    j, blank = i + step, False
    while 0 <= j < len(lines) and not lines[j].clean_text.strip():
        blank, j = True, j + step
    if not 0 <= j < len(lines):
        return "edge", None, blank
    return ("text" if lines[j].role in KEPT else lines[j].role), j, blank


@dataclass(frozen=True)
class PageStats:
    """What the features read from the whole page, computed once: kept units per raw line (a
    sentence among story sentences, or alone) and the median length of a kept unit."""

    kept: Counter
    median_words: float
    pictures: int  # units the rules gave a picture's roles (caption, credit, file name)
    words: list[set[str]]  # each unit's lower-cased words, read once (a unit is every neighbour's twice)
    told_after: list[float]  # each unit's share of word pairs that the story after it also has


def page_stats(lines: list[LineDecision]) -> PageStats:
    sizes = [len(d.clean_text.split()) for d in lines if d.role in KEPT and d.clean_text.strip()]
    pictures = sum(d.role in ("caption", "photo_credit", "image_file") for d in lines)
    tokens = [[w.lower() for w in WORD_RE.findall(d.clean_text)] for d in lines]
    return PageStats(Counter(d.raw_line for d in lines if d.role in KEPT), statistics.median(sizes) if sizes else 1.0,
                     pictures, [set(ws) for ws in tokens], _told_after(lines, tokens))


def _told_after(lines: list[LineDecision], tokens: list[list[str]]) -> list[float]:
    """For each unit, the share of its word pairs found in the kept units after it. A caption sits
    above the paragraph it illustrates and names the same people, places and acts
    (`Bộ trưởng X chủ trì Hội nghị …` over `… Bộ trưởng X đã chủ trì Hội nghị …`); a story sentence
    mostly tells something new. One pass from the page's end, so linear in the page."""
    after: set[tuple[str, str]] = set()
    shares = [0.0] * len(lines)
    for i in range(len(lines) - 1, -1, -1):
        pairs = set(zip(tokens[i], tokens[i][1:]))
        shares[i] = len(pairs & after) / len(pairs) if pairs else 0.0
        if lines[i].role in KEPT:
            after |= pairs
    return shares


def features(lines: list[LineDecision], i: int, page: PageStats) -> list[str]:
    """The named features of unit `i` (a list of names; each present feature counts 1)."""
    d = lines[i]
    c = d.clean_text.strip()
    words = [w.lower() for w in WORD_RE.findall(c)]
    n = len(c.split())
    low = c.lower()
    out = ["bias", f"len:{_bucket(n)}", f"rel:{_rbucket(n / max(page.median_words, 1.0), REL_BUCKETS)}",
           f"end:{_end(c)}", f"split:{d.split}", f"rule:{d.rule}", f"inner:{min(len(INNER_SENTENCE_RE.findall(c)), 2)}",
           f"commas:{min(c.count(','), 3)}", f"told_after:{_rbucket(page.told_after[i], SHARE_BUCKETS)}"]
    if CAPTION_CUE_RE.match(c):
        out.append("cue")
    if re.search(r"\d", c):
        out.append("digit")
    if re.search(r"[\"“”]", c):
        out.append("quote")
    if "(" in c:
        out.append("paren")
    mine = set(words)
    for name, step in (("prev", -1), ("next", 1)):
        role, j, blank = _neighbour(lines, i, step)
        size = _bucket(0 if j is None else len(lines[j].clean_text.split()))
        theirs = set() if j is None else page.words[j]
        share = len(mine & theirs) / len(mine) if mine else 0.0
        out += [f"{name}:{role}", f"{name}_len:{size}", f"{name}_role_len:{role}:{size}",
                f"{name}_share:{_rbucket(share, SHARE_BUCKETS)}"]
        if blank:
            out.append(f"{name}_blank")
    if d.split == "sentence":
        out.append(f"line_others:{min(page.kept[d.raw_line] - (d.role in KEPT), 2)}")
    out += [f"cw:{m}" for m in dict.fromkeys(CUE_WORD_RE.findall(low))]
    out.append(f"pictures:{min(page.pictures, 3)}")
    if words:
        out.append(f"f1:{words[0]}")
    return out


def is_candidate(d: LineDecision) -> bool:
    """A story verdict by default, long enough, not a reporter's signature (`Thế Đoàn/Báo X` is the
    byline's, and the authors are read from it), not a starred item of the story, and not an item
    of a list (`3. Khôi phục …`, a quiz's `B. Kết bạn với …`, `- Có một tiền án …`): no caption is
    numbered or bulleted."""
    text = d.clean_text.strip()
    return (d.rule in CANDIDATE_RULES and len(text.split()) >= MIN_WORDS and not is_signature(text)
            and not is_starred(text) and not LIST_ITEM_RE.match(text))


@lru_cache(maxsize=1)
def load_model(path: Path = MODEL_FILE) -> tuple[dict[str, float], float]:
    """(weights by feature name, decision threshold) from the model file."""
    data = json.loads(path.read_text(encoding="utf-8"))
    return dict(data["weights"]), float(data["threshold"])


def probability(weights: dict[str, float], names: list[str]) -> float:
    z = sum(weights.get(n, 0.0) for n in names)
    return 1.0 / (1.0 + math.exp(-max(-40.0, min(40.0, z))))


def apply(lines: list[LineDecision]) -> list[LineDecision]:
    """The decisions with the units the model reads as captions changed to `caption.model`."""
    weights, threshold = load_model()
    page = page_stats(lines)
    hits = [i for i, d in enumerate(lines)
            if is_candidate(d) and probability(weights, features(lines, i, page)) >= threshold]
    if not hits:
        return lines
    out = list(lines)
    for i in hits:
        out[i] = replace(out[i], role="caption", rule=RULE_ID)
    return out
