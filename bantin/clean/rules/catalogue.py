"""The rule catalogue: every way a line can get its role, with id, role, description and examples.

Why one catalogue: `lines.parquet` names the rule of every decision, `bantin lines` shows it,
the tests are generated from the examples, and CATALOGUE_VERSION changes whenever a rule does,
so the pipeline_version of a dataset says which rules cleaned it.
"""
from __future__ import annotations

import hashlib
import re

from bantin.clean.rules.base import TARGET_MARK, Rule, example_target
from bantin.clean.rules.context import CONTEXT_RULES
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


def _version() -> str:
    h = hashlib.sha256()
    for r in RULES:
        pattern = r.pattern.pattern if isinstance(r.pattern, re.Pattern) else ""
        h.update("\x1f".join((r.id, r.role, r.description, pattern)).encode("utf-8"))
        h.update(b"\x1e")
    return h.hexdigest()[:12]


CATALOGUE_VERSION: str = _version()

__all__ = ["CATALOGUE_VERSION", "RULES", "RULES_BY_ID", "Rule", "TARGET_MARK", "example_target"]
