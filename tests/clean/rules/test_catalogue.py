"""The rule catalogue: every example of every rule is a test case (incl. near-misses)."""
from __future__ import annotations

import pytest

from bantin.clean.classify import classify
from bantin.clean.repair import fingerprint, repair_line
from bantin.clean.rules.catalogue import RULES, RULES_BY_ID, example_target
from schemas.lines import ROLES

LINE_CASES = [(r.id, text, role) for r in RULES if r.kind == "line" for text, role in r.examples]
CONTEXT_CASES = [(r.id, doc, role) for r in RULES if r.kind == "context" for doc, role in r.examples]


def test_catalogue_shape() -> None:
    assert len(RULES_BY_ID) == len(RULES), "rule ids must be unique"
    for rule in RULES:
        assert rule.role in ROLES, rule.id
        assert rule.description, rule.id
        assert len(rule.examples) >= 2, rule.id
        assert any(role == rule.role for _, role in rule.examples), f"{rule.id}: no positive example"
        assert any(role != rule.role for _, role in rule.examples), f"{rule.id}: no near-miss example"


@pytest.mark.parametrize(("rule_id", "text", "role"), LINE_CASES)
def test_line_rule_examples(rule_id: str, text: str, role: str) -> None:
    rule = RULES_BY_ID[rule_id]
    assert rule.match(repair_line(text)) == (role == rule.role)


@pytest.mark.parametrize(("rule_id", "text", "role"), [c for c in LINE_CASES if c[2] == RULES_BY_ID[c[0]].role])
def test_line_rule_positive_examples_win_in_a_document(rule_id: str, text: str, role: str) -> None:
    """Inside an article (title, lead, body, then the line), the rule decides the line."""
    doc = ("Tỉnh tổng kết công tác bảo đảm an ninh trật tự năm 2022\n"
           "Ngày 5/3, Ủy ban nhân dân tỉnh tổ chức hội nghị tổng kết công tác năm 2022 tại thành phố.\n"
           f"{text}\n"
           "Hội nghị đã đánh giá kết quả đạt được và đề ra nhiệm vụ trọng tâm cho thời gian tới.")
    decision = classify(doc)[2]
    assert (decision.role, decision.rule) == (role, rule_id)


@pytest.mark.parametrize(("rule_id", "doc", "role"), CONTEXT_CASES)
def test_context_rule_examples(rule_id: str, doc: str, role: str) -> None:
    text, target = example_target(doc)
    repeated = frozenset({fingerprint(text.split("\n")[target])}) if rule_id == "corpus.repeated" else frozenset()
    decision = classify(text, repeated=repeated)[target]
    assert decision.role == role
    if role == RULES_BY_ID[rule_id].role:
        assert decision.rule == rule_id
