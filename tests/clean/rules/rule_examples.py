"""The examples of a rule are its tests: how a line example and a context example are checked.

Why a helper: every `test_<module>.py` here parametrizes these checks over its own
module's rules, so the checks exist once and each module's tests sit beside its name.
The examples say what the rules decide, so they are classified without the caption model
(`learned=False`), which may overturn a rule's story verdict afterwards
(tests/clean/test_captionmodel.py).
"""
from __future__ import annotations

from collections.abc import Iterable

from bantin.clean.classify import classify
from bantin.clean.repair import fingerprint, repair_line
from bantin.clean.rules.base import Rule, example_piece, example_target
from bantin.clean.rules.catalogue import RULES_BY_ID
from bantin.clean.units import per_raw_line

# Title, lead, the line under test, one more body paragraph: a line rule must decide the line.
DOCUMENT = ("Tỉnh tổng kết công tác bảo đảm an ninh trật tự năm 2022\n"
            "Ngày 5/3, Ủy ban nhân dân tỉnh tổ chức hội nghị tổng kết công tác năm 2022 tại thành phố.\n"
            "{line}\n"
            "Hội nghị đã đánh giá kết quả đạt được và đề ra nhiệm vụ trọng tâm cho thời gian tới.")

Case = tuple[str, str, str]  # rule id, example, expected role


def line_cases(rules: Iterable[Rule]) -> list[Case]:
    """(rule id, line, role) for every example of every line rule, near misses included."""
    return [(r.id, text, role) for r in rules if r.kind == "line" for text, role in r.examples]


def positive_line_cases(rules: Iterable[Rule]) -> list[Case]:
    """The line examples the rule itself must claim."""
    rules = list(rules)
    own = {r.id: r.role for r in rules}
    return [c for c in line_cases(rules) if c[2] == own[c[0]]]


def inline_cases(rules: Iterable[Rule]) -> list[Case]:
    """(rule id, document with its target piece bracketed, role) for every inline example."""
    return [(r.id, doc, role) for r in rules if r.kind == "inline" for doc, role in r.examples]


def check_inline_example(rule_id: str, doc: str, role: str) -> None:
    """The bracketed piece is one unit of the classified document, with the example's role, and
    this rule's id when the role is the rule's."""
    text, piece = example_piece(doc)
    units = [d for d in classify(text, learned=False) if d.text.strip() == piece.strip()]
    assert units, f"no unit is exactly {piece!r}: {[d.text for d in classify(text, learned=False)]}"
    assert units[0].role == role, (units[0].role, units[0].rule)
    if role == RULES_BY_ID[rule_id].role:
        assert units[0].rule == rule_id


def context_cases(rules: Iterable[Rule]) -> list[Case]:
    """(rule id, document with its target line marked, role) for every context example."""
    return [(r.id, doc, role) for r in rules if r.kind == "context" for doc, role in r.examples]


def check_line_example(rule_id: str, text: str, role: str) -> None:
    """The rule claims the repaired line exactly when the example's role is the rule's."""
    rule = RULES_BY_ID[rule_id]
    assert rule.match(repair_line(text)) == (role == rule.role)


def check_wins_in_document(rule_id: str, text: str, role: str) -> None:
    """Inside an article (title, lead, the line, body), the rule decides the line."""
    decision = per_raw_line(classify(DOCUMENT.format(line=text), learned=False))[2]
    assert (decision.role, decision.rule) == (role, rule_id)


def check_context_example(rule_id: str, doc: str, role: str) -> None:
    """The target line gets the example's role, and this rule's id when the role is the rule's."""
    text, target = example_target(doc)
    repeated = frozenset({fingerprint(text.split("\n")[target])}) if rule_id == "corpus.repeated" else frozenset()
    headless = "headless" in rule_id  # a rule that needs the site to print no headline (bantin.clean.sites)
    decision = per_raw_line(classify(text, repeated=repeated, learned=False, headless=headless))[target]
    assert decision.role == role
    if role == RULES_BY_ID[rule_id].role:
        assert decision.rule == rule_id
