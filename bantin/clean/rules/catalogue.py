"""The rule catalogue: every way a line can get its role, with id, role, description and examples.

Why one catalogue: `lines.parquet` names the rule of every decision, `bantin lines` shows it,
the dataset card lists it, and the tests are generated from the examples. Which rules cleaned a
dataset is told by its pipeline_version, which hashes the whole `bantin/clean/` folder.
"""
from __future__ import annotations

from bantin.clean.rules.base import TARGET_MARK, Rule, example_target
from bantin.clean.rules.structure import CONTEXT_RULES
from bantin.clean.rules.line import LINE_RULES
from bantin.clean.rules.media import MEDIA_RULES
from bantin.clean.rules.page import PAGE_RULES
from bantin.clean.rules.social import SOCIAL_RULES
from bantin.clean.rules.zone import ZONE_RULES

EMPTY_RULE = Rule(
    id="empty", role="empty", description="A line with nothing but spaces.",
    examples=(("", "empty"), ("\u00a0 ", "empty"), (".", "body")),
    predicate=lambda text: not text.strip(),
)

RULES: tuple[Rule, ...] = (EMPTY_RULE, *LINE_RULES, *PAGE_RULES, *SOCIAL_RULES, *MEDIA_RULES, *CONTEXT_RULES, *ZONE_RULES)
RULES_BY_ID: dict[str, Rule] = {r.id: r for r in RULES}


__all__ = ["RULES", "RULES_BY_ID", "TARGET_MARK", "Rule", "example_target"]
