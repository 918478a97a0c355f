"""Format checks for the third blind fixture set (tests/fixtures/portals_blind3/).

Why: the set is a yardstick for the line-role rules, written by an annotator who never read
them. A yardstick is only useful if it is well-formed: every line of every page labelled
exactly once, texts byte-identical to the page, roles from schemas.lines.ROLES. These tests
read the files only through bantin.eval.gold, so they also pin the loaders' file formats.
"""
from __future__ import annotations

from pathlib import Path

import pytest

from bantin.eval.gold import REPO_ROOT, fixture_lines, label_file, load_roles, load_units, role_errors
from schemas.lines import KEPT_ROLES, ROLES

BLIND3_DIR = REPO_ROOT / "tests" / "fixtures" / "portals_blind3"
PAGES = sorted(BLIND3_DIR.glob("c*.txt"))
ROLE_PAGES = [p for p in PAGES if str(label_file(p)).endswith(".roles.tsv")]
UNIT_PAGES = [p for p in PAGES if str(label_file(p)).endswith(".units.tsv")]
OLD_TONE_MARKS = ("hoà", "uỷ", "thuỷ", "khoẻ", "hoá")


def _roles_of(page: Path) -> list[str]:
    label = label_file(page)
    if label.name.endswith(".units.tsv"):
        return [role for role, _ in load_units(label)]
    return [role for _, role, _ in load_roles(label)]


def _portal(page: Path) -> str:
    return page.stem.split("_")[1]


def test_set_covers_at_least_14_portals() -> None:
    assert len({_portal(p) for p in PAGES}) >= 14


@pytest.mark.parametrize("page", PAGES, ids=lambda p: p.name)
def test_every_page_has_a_label_file(page: Path) -> None:
    assert label_file(page) is not None


def test_no_orphan_label_files() -> None:
    stems = {p.stem for p in PAGES}
    tsvs = sorted(BLIND3_DIR.glob("*.tsv"))
    assert len(tsvs) == len(PAGES)  # one label file per page, and the loop below is not empty
    for tsv in tsvs:
        assert tsv.name.split(".")[0] in stems, tsv.name


@pytest.mark.parametrize("page", ROLE_PAGES, ids=lambda p: p.name)
def test_roles_cover_every_line_exactly(page: Path) -> None:
    assert role_errors(load_roles(label_file(page)), fixture_lines(page)) == []


@pytest.mark.parametrize("page", UNIT_PAGES, ids=lambda p: p.name)
def test_units_rebuild_the_single_line(page: Path) -> None:
    lines = fixture_lines(page)
    units = load_units(label_file(page))
    assert len(lines) == 1
    assert "".join(text for _, text in units) == lines[0]
    assert all(text.strip() for _, text in units)
    assert [r for r, _ in units if r not in ROLES or r == "empty"] == []


@pytest.mark.parametrize("page", PAGES, ids=lambda p: p.name)
def test_one_title_and_a_lead_per_page(page: Path) -> None:
    roles = _roles_of(page)
    assert roles.count("title") == 1
    assert "lead" in roles
    assert sum(r in KEPT_ROLES for r in roles) >= 3


def test_set_holds_the_documented_hazards() -> None:
    texts = {p.name: p.read_text(encoding="utf-8") for p in PAGES}
    assert any("\u00a0" in t and "\u200b" in t and any(m in t for m in OLD_TONE_MARKS)
               for t in texts.values())
    assert len(UNIT_PAGES) >= 1
    shared = [set(fixture_lines(p)) for p in PAGES if _portal(p) == "tanphuoc"]
    assert len(shared) == 3 and len(set.intersection(*shared) - {""}) >= 10
