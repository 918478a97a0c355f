"""The Rule record shared by the rule catalogue modules.

Why a record and not bare regexes: every decision in lines.parquet names a rule id, and the
catalogue (id, role, description, examples) is what a reviewer reads to see why a line went.
The examples double as the parametrized test table, so a rule cannot exist without tests.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Callable

# In the examples of context rules, the line under test is marked with this prefix.
TARGET_MARK = "▶ "
WORD_SPLIT_RE = re.compile(r"\s+")


def n_words(text: str) -> int:
    return len([w for w in WORD_SPLIT_RE.split(text.strip()) if w])


@dataclass(frozen=True)
class Rule:
    """One named way of deciding a line's role.

    kind="line": `match(text)` decides from the repaired line alone; examples are
    (line, expected role) and a near-miss example has a role different from `role`.
    kind="context": the decision needs the neighbouring lines and is made by
    `bantin.clean.classify.classify`; examples are small documents whose target line starts with
    TARGET_MARK, paired with the role that line must get.
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


def example_target(doc: str) -> tuple[str, int]:
    """Strip TARGET_MARK from a context example; return the document and the target line index."""
    lines = doc.split("\n")
    for i, line in enumerate(lines):
        if line.startswith(TARGET_MARK):
            lines[i] = line[len(TARGET_MARK):]
            return "\n".join(lines), i
    raise ValueError("context example without a target line")
