"""Format checks for the fourth blind portal set (tests/fixtures/portals_blind4).

Why: the set is the yardstick for line-role rules, so a label file that drifts from its page
(an edited line, a missing row, a typo in a role) would silently score the rules against the
wrong answer. These tests only check the labels against the pages; they derive no label.
"""
from __future__ import annotations

from collections import defaultdict
from pathlib import Path

import pytest
from locations import FIXTURES

from bantin.eval.gold import fixture_lines, label_file, load_roles, load_units, role_errors
from schemas.lines import KEPT_ROLES, ROLES

BLIND4 = FIXTURES / "portals_blind4"
PAGES = sorted(BLIND4.glob("d*.txt"))
ROLE_PAGES = [p for p in PAGES if p.with_name(p.stem + ".roles.tsv").exists()]
UNIT_PAGES = [p for p in PAGES if p not in ROLE_PAGES]
QUOTES = "\"'“”«» "


def _roles_of(page: Path) -> list[tuple[str, str]]:
    """(role, text) of every labelled unit of a page, whatever the label format."""
    lab = label_file(page)
    assert lab is not None, f"{page.name} has no label file"
    if lab.name.endswith(".units.tsv"):
        return load_units(lab)
    return [(role, text) for _, role, text in load_roles(lab)]


def test_set_size_and_portal_variety() -> None:
    portals = {p.stem.split("_", 1)[1] for p in PAGES}
    assert len(PAGES) >= 14
    assert len(portals) >= 14
    assert UNIT_PAGES, "the set must hold a one-line page labelled by units"


@pytest.mark.parametrize("page", PAGES, ids=lambda p: p.name)
def test_every_page_has_one_label_file(page: Path) -> None:
    stem = page.with_suffix("")
    found = [s for s in (".roles.tsv", ".units.tsv") if stem.with_name(stem.name + s).exists()]
    assert len(found) == 1, f"{page.name}: label files {found}"


@pytest.mark.parametrize("page", ROLE_PAGES, ids=lambda p: p.name)
def test_roles_cover_every_line(page: Path) -> None:
    assert role_errors(load_roles(label_file(page)), fixture_lines(page)) == []


@pytest.mark.parametrize("page", UNIT_PAGES, ids=lambda p: p.name)
def test_units_rebuild_the_one_line_page(page: Path) -> None:
    lines = fixture_lines(page)
    units = load_units(label_file(page))
    assert len(lines) == 1
    assert "".join(text for _, text in units) == lines[0]
    assert all(role in ROLES and role != "empty" for role, _ in units)
    assert all(text.strip() for _, text in units)


@pytest.mark.parametrize("page", PAGES, ids=lambda p: p.name)
def test_story_shape(page: Path) -> None:
    """One headline, exactly one lead paragraph start, and real story text on every page."""
    roles = [role for role, _ in _roles_of(page)]
    assert roles.count("title") == 1
    assert "lead" in roles and "body" in roles
    first_lead = roles.index("lead")
    assert roles.index("title") < first_lead
    # a lead may span several lines only when a print layout hard-wraps it
    leads = [i for i, r in enumerate(roles) if r == "lead"]
    assert leads == list(range(first_lead, first_lead + len(leads)))
    assert roles.index("body") > first_lead


@pytest.mark.parametrize("page", PAGES, ids=lambda p: p.name)
def test_duplicates_repeat_earlier_text(page: Path) -> None:
    """A `duplicate` must repeat something already on the page (title, caption or quote)."""
    seen: list[str] = []
    for role, text in _roles_of(page):
        if role == "duplicate":
            core = text.strip().strip(QUOTES)
            assert any(core in earlier for earlier in seen), f"{page.name}: {text!r}"
        elif role != "empty":
            seen.append(text)


def test_shared_furniture_is_labelled_alike() -> None:
    """The same line on two pages (a portal's menu, footer, 'Xem thêm') gets the same role."""
    roles_by_text: dict[str, set[str]] = defaultdict(set)
    for page in PAGES:
        first: dict[str, str] = {}
        for role, text in _roles_of(page):
            first.setdefault(text.strip(), role)
        for text, role in first.items():
            if text:
                roles_by_text[text].add(role)
    clashes = {t: r for t, r in roles_by_text.items() if len(r) > 1}
    assert clashes == {}


def test_shared_portal_pages_share_furniture() -> None:
    """Three pages of one portal: their common lines are furniture, never story text."""
    by_portal: dict[str, list[Path]] = defaultdict(list)
    for page in ROLE_PAGES:
        by_portal[page.stem.split("_", 1)[1]].append(page)
    groups = [ps for ps in by_portal.values() if len(ps) >= 3]
    assert groups, "the set must hold three pages from one portal"
    for pages in groups:
        labelled = [{t: r for _, r, t in load_roles(label_file(p))} for p in pages]
        common = set.intersection(*(set(d) for d in labelled)) - {""}
        assert len(common) >= 5
        assert not {labelled[0][t] for t in common} & set(KEPT_ROLES)


def test_set_holds_hostile_text() -> None:
    """NBSP, zero-width, decomposed marks and a hard-wrapped print page are all present."""
    texts = [page.read_text(encoding="utf-8") for page in PAGES]
    assert any("\u00a0" in t for t in texts)
    assert any("\u200b" in t for t in texts)
    assert any("\u0301" in t or "\u0300" in t for t in texts)
    assert any(t.startswith("\ufeff") for t in texts)
    wrapped = [p for p in ROLE_PAGES if [r for _, r, _ in load_roles(label_file(p))].count("lead") > 3]
    assert wrapped, "the set must hold a hard-wrapped print page"
