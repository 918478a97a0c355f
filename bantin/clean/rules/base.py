"""The Rule record, its two constructors, and what every rule module shares.

Why a record and not bare regexes: every decision in lines.parquet names a rule id, and the
catalogue (id, role, description, examples) is what a reviewer reads to see why a line went.
The examples double as the parametrized test table, so a rule cannot exist without tests.

Only what more than one group of rules needs lives here: word counting, the clause-end test
that tells furniture (never ends like a sentence) from text, and the small article the context
examples are written around. Everything else belongs to the module of the rules that use it.
"""
from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import lru_cache

# In the examples of context rules, the line under test is marked with this prefix; in the
# examples of inline rules, the piece of a line under test is put between these brackets.
TARGET_MARK = "▶ "
PIECE_OPEN, PIECE_CLOSE = "⟦", "⟧"
WORD_SPLIT_RE = re.compile(r"\s+")
# A line ending like a sentence or a clause (`.!?…;`, maybe closed by a quote or a bracket).
# Page furniture (menus, widget bars, tag lines, calls to action) never does, so line rules that
# read a line's shape use this; the position-based rules use `structure.TERMINAL_RE`.
CLAUSE_END_RE = re.compile(r"[.!?…;][\"”’)\]]*$")

# The small article the context examples are written around (title, lead, one body paragraph).
EXAMPLE_TITLE = "Tỉnh tổng kết công tác bảo đảm an ninh trật tự năm 2022"
EXAMPLE_LEAD = "Ngày 5/3, Ủy ban nhân dân tỉnh tổ chức hội nghị tổng kết công tác bảo đảm an ninh trật tự năm 2022."
EXAMPLE_BODY = "Hội nghị đã đánh giá kết quả đạt được và đề ra nhiệm vụ trọng tâm cho thời gian tới của toàn tỉnh."


@lru_cache(maxsize=64)
def n_words(text: str) -> int:
    """Words of a line (cached: every rule with `max_words` asks about the same line in turn)."""
    return len([w for w in WORD_SPLIT_RE.split(text.strip()) if w])


@dataclass(frozen=True)
class Rule:
    """One named way of deciding a line's role.

    kind="line": `match(text)` decides from the repaired line alone; examples are
    (line, expected role) and a near-miss example has a role different from `role`.
    kind="context": the decision needs the neighbouring lines and is made by
    `bantin.clean.classify.classify`; examples are small documents whose target line starts with
    TARGET_MARK, paired with the role that line must get.
    kind="inline": the decision is about one piece of a kept line (`bantin.clean.pieces`);
    examples mark that piece between PIECE_OPEN and PIECE_CLOSE.
    """

    id: str
    role: str
    description: str
    examples: tuple[tuple[str, str], ...]
    pattern: re.Pattern | None = None
    max_words: int | None = None
    kind: str = "line"
    predicate: Callable[[str], bool] | None = field(default=None, compare=False)

    def match(self, text: str) -> bool:
        """True when this (line) rule claims the repaired, stripped line `text`."""
        if self.kind != "line":
            return False
        if self.max_words is not None and n_words(text) > self.max_words:
            return False
        if self.pattern is not None and not self.pattern.search(text):
            return False
        if self.predicate is not None and not self.predicate(text):
            return False
        return self.pattern is not None or self.predicate is not None


def line_rule(id_: str, role: str, description: str, examples, *, pattern: re.Pattern | None = None,
              predicate: Callable[[str], bool] | None = None, max_words: int | None = None) -> Rule:
    """A rule that decides from the line alone: `pattern` searched, then `predicate`, both required
    when given; lines longer than `max_words` are never claimed."""
    return Rule(id=id_, role=role, description=description, examples=tuple(examples), pattern=pattern,
                predicate=predicate, max_words=max_words)


def context_rule(id_: str, role: str, description: str, *examples: tuple[str, str]) -> Rule:
    """A catalogue entry for a decision `classify` makes from position and neighbours."""
    return Rule(id=id_, role=role, description=description, examples=tuple(examples), kind="context")


def inline_rule(id_: str, role: str, description: str, *examples: tuple[str, str]) -> Rule:
    """A catalogue entry for a decision `bantin.clean.pieces.refine` makes about one piece of a
    line (a sentence, a credit, a name glued to the text); examples are small documents with the
    piece under test between PIECE_OPEN and PIECE_CLOSE."""
    return Rule(id=id_, role=role, description=description, examples=tuple(examples), kind="inline")


def example_piece(doc: str) -> tuple[str, str]:
    """Strip the piece brackets from an inline example; return the document and the piece."""
    start, end = doc.index(PIECE_OPEN), doc.index(PIECE_CLOSE)
    return doc[:start] + doc[start + 1:end] + doc[end + 1:], doc[start + 1:end]


def example_target(doc: str) -> tuple[str, int]:
    """Strip TARGET_MARK from a context example; return the document and the target line index."""
    lines = doc.split("\n")
    for i, line in enumerate(lines):
        if line.startswith(TARGET_MARK):
            lines[i] = line[len(TARGET_MARK):]
            return "\n".join(lines), i
    raise ValueError("context example without a target line")
