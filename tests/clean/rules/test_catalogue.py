"""The rule catalogue as a whole: unique ids, valid roles, examples both ways, one rule order, and
rule modules that import each other without loops. Each module's examples are tested beside it
(`test_<module>.py`)."""
from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest
from locations import ROOT
from rule_examples import (
    check_line_example,
    check_wins_in_document,
    line_cases,
    positive_line_cases,
)

from bantin.clean.rules import catalogue
from bantin.clean.rules.catalogue import (
    CONTEXT_ORDER,
    EMPTY_RULE,
    INLINE_ORDER,
    LINE_ORDER,
    LINE_RULES,
    MODULES,
    RULES,
    RULES_BY_ID,
)
from schemas.lines import ROLES

RULES_DIR = Path(catalogue.__file__).parent
NOT_RULE_MODULES = {"__init__", "base", "catalogue"}
PACKAGE = "bantin.clean.rules"


def test_catalogue_shape() -> None:
    assert len(RULES_BY_ID) == len(RULES), "rule ids must be unique"
    for rule in RULES:
        assert rule.role in ROLES, rule.id
        assert rule.description, rule.id
        assert len(rule.examples) >= 2, rule.id
        assert any(role == rule.role for _, role in rule.examples), f"{rule.id}: no positive example"
        assert any(role != rule.role for _, role in rule.examples), f"{rule.id}: no near-miss example"


def test_every_rule_module_is_in_the_catalogue() -> None:
    on_disk = {p.stem for p in RULES_DIR.glob("*.py")} - NOT_RULE_MODULES
    assert {m.__name__.rsplit(".", 1)[1] for m in MODULES} == on_disk


def test_every_line_rule_appears_in_line_order_exactly_once() -> None:
    in_modules = [r.id for m in MODULES for r in m.RULES if r.kind == "line"]
    assert len(in_modules) == len(set(in_modules)), "a rule id is defined twice"
    assert len(LINE_ORDER) == len(set(LINE_ORDER)), "a rule id is listed twice in LINE_ORDER"
    assert sorted(LINE_ORDER) == sorted(in_modules)
    assert [r.id for r in LINE_RULES] == list(LINE_ORDER)


def test_every_context_rule_appears_in_context_order_exactly_once() -> None:
    in_modules = [r.id for m in MODULES for r in m.RULES if r.kind == "context"]
    assert len(CONTEXT_ORDER) == len(set(CONTEXT_ORDER))
    assert sorted(CONTEXT_ORDER) == sorted(in_modules)


def test_every_inline_rule_appears_in_inline_order_exactly_once() -> None:
    in_modules = [r.id for m in MODULES for r in m.RULES if r.kind == "inline"]
    assert len(INLINE_ORDER) == len(set(INLINE_ORDER))
    assert sorted(INLINE_ORDER) == sorted(in_modules)


def test_the_catalogue_lists_every_rule_once() -> None:
    assert [r.id for r in RULES] == [EMPTY_RULE.id, *LINE_ORDER, *CONTEXT_ORDER, *INLINE_ORDER]


def _imports(path: Path) -> tuple[set[str], list[int]]:
    """Rule modules a module imports at its top level, and the lines of any import inside a body."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found: set[str] = set()
    for node in tree.body:
        if isinstance(node, ast.ImportFrom) and node.module == PACKAGE:
            found |= {a.name for a in node.names}
        elif isinstance(node, ast.ImportFrom) and (node.module or "").startswith(PACKAGE + "."):
            found.add(node.module.rsplit(".", 1)[1])
    nested = [n.lineno for top in tree.body if not isinstance(top, (ast.Import, ast.ImportFrom))
              for n in ast.walk(top) if isinstance(n, (ast.Import, ast.ImportFrom))]
    return found, nested


def test_rule_modules_import_each_other_without_loops() -> None:
    graph = {}
    for path in sorted(RULES_DIR.glob("*.py")):
        deps, nested = _imports(path)
        assert not nested, f"{path.name}: import inside a function or class (lines {nested})"
        graph[path.stem] = deps
    done: set[str] = set()

    def visit(name: str, stack: tuple[str, ...]) -> None:
        assert name not in stack, f"import loop: {' -> '.join((*stack, name))}"
        if name not in done:
            for dep in graph[name]:
                visit(dep, (*stack, name))
            done.add(name)

    for name in graph:
        visit(name, ())


def test_rule_modules_import_only_each_other_and_the_language_helpers() -> None:
    """Rules sit below the passes that use them: besides the standard library they read only each
    other and the Vietnamese helpers (`bantin.vi`: name shapes, syllables)."""
    for path in RULES_DIR.glob("*.py"):
        for node in ast.parse(path.read_text(encoding="utf-8")).body:
            if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("bantin"):
                assert node.module.startswith((PACKAGE, "bantin.vi.")), f"{path.name} imports {node.module}"


README_ENTRY_RE = re.compile(r"^  - `(\w+)\.py`: (.*?)(?=^  - |^\S|\Z)", re.MULTILINE | re.DOTALL)
README_ID_RE = re.compile(r"`(\w+\.(?:\w+|\*))`")


def test_the_readme_says_which_module_holds_each_rule() -> None:
    """README (Developing) lists, per module, the ids of its rules (`caption.*` for a prefix): a
    reader who has a rule id from `bantin lines` finds its module in one look."""
    text = (ROOT / "README.md").read_text(encoding="utf-8").split("\n## Developing", 1)[1]
    entries = {m.group(1): README_ID_RE.findall(m.group(2)) for m in README_ENTRY_RE.finditer(text)}
    assert set(entries) == {m.__name__.rsplit(".", 1)[1] for m in MODULES}
    for module in MODULES:
        name = module.__name__.rsplit(".", 1)[1]
        for rule in module.RULES:
            exact = [e for e, ids in entries.items() if rule.id in ids]
            prefix = [e for e, ids in entries.items() if rule.id.split(".")[0] + ".*" in ids]
            assert (exact or prefix) == [name], f"{rule.id}: README points to {exact or prefix}, it is in {name}"


# The blank-line rule lives in the catalogue itself (classify decides blank lines before any rule).
@pytest.mark.parametrize(("rule_id", "text", "role"), line_cases([EMPTY_RULE]))
def test_empty_rule_examples(rule_id: str, text: str, role: str) -> None:
    check_line_example(rule_id, text, role)


@pytest.mark.parametrize(("rule_id", "text", "role"), positive_line_cases([EMPTY_RULE]))
def test_empty_rule_positive_examples_win_in_a_document(rule_id: str, text: str, role: str) -> None:
    check_wins_in_document(rule_id, text, role)
