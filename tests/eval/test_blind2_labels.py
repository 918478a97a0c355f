"""Format checks for the second blind portal set (tests/fixtures/portals_blind2/).

Why: the set is a yardstick for line-role rules written by an annotator who never read them;
a label file that drifts from its fixture (a re-saved line, a missing row, a typo in a role)
would silently corrupt every score computed from it. These tests check the labels, never the
rules.
"""
from __future__ import annotations

from collections import defaultdict
from pathlib import Path

import pytest
from locations import FIXTURES

from bantin.eval.gold import fixture_lines, label_file, load_roles, load_units, role_errors
from schemas.lines import KEPT_ROLES, ROLES

BLIND2_DIR = FIXTURES / "portals_blind2"
TXTS = sorted(BLIND2_DIR.glob("*.txt"))
IDS = [p.stem for p in TXTS]


def _portal(txt: Path) -> str:
    """`b07_baolaocai` -> `baolaocai`: the file name after the running number names the portal."""
    return txt.stem.split("_", 1)[1]


def _rows(txt: Path) -> list[tuple[str, str]]:
    """(role, text) rows of a fixture, whichever label format it has."""
    lab = label_file(txt)
    assert lab is not None
    if lab.name.endswith(".units.tsv"):
        return load_units(lab)
    return [(role, text) for _, role, text in load_roles(lab)]


def test_set_has_twelve_portals_and_one_portal_with_three_pages():
    portals = defaultdict(int)
    for txt in TXTS:
        portals[_portal(txt)] += 1
    assert len(TXTS) >= 12
    assert len(portals) >= 12
    assert max(portals.values()) >= 3


def test_set_has_a_one_line_page_with_units():
    units = [t for t in TXTS if label_file(t) is not None and label_file(t).name.endswith(".units.tsv")]
    assert units, "expected at least one flattened one-line page labelled with .units.tsv"


@pytest.mark.parametrize("txt", TXTS, ids=IDS)
def test_every_fixture_has_a_label_file(txt: Path):
    assert label_file(txt) is not None, f"{txt.name} has neither .roles.tsv nor .units.tsv"


@pytest.mark.parametrize("txt", TXTS, ids=IDS)
def test_labels_cover_every_line_exactly(txt: Path):
    lab = label_file(txt)
    assert lab is not None
    lines = fixture_lines(txt)
    if lab.name.endswith(".units.tsv"):
        units = load_units(lab)
        assert len(lines) == 1, "a .units.tsv file labels a one-line page"
        assert "".join(text for _, text in units) == lines[0]
        assert [r for r, _ in units if r not in ROLES] == []
        assert all(text.strip() for _, text in units), "units are non-blank"
    else:
        assert role_errors(load_roles(lab), lines) == []


@pytest.mark.parametrize("txt", TXTS, ids=IDS)
def test_one_title_and_a_lead_per_article(txt: Path):
    roles = [role for role, _ in _rows(txt)]
    assert roles.count("title") == 1
    assert "lead" in roles
    first_lead = roles.index("lead")
    assert roles.index("title") < first_lead, "the lead follows the headline"
    assert not any(r in KEPT_ROLES for r in roles[:first_lead]), "nothing is kept before the lead"


def test_shared_furniture_is_labelled_alike_within_a_portal():
    """A line found on every page of one portal is furniture: same role everywhere, never kept."""
    by_portal = defaultdict(list)
    for txt in TXTS:
        by_portal[_portal(txt)].append(txt)
    checked = 0
    for pages in by_portal.values():
        if len(pages) < 2:
            continue
        per_page = [defaultdict(set) for _ in pages]
        for slot, txt in zip(per_page, pages):
            for role, text in _rows(txt):
                if text.strip():
                    slot[text].add(role)
        shared = set.intersection(*(set(slot) for slot in per_page))
        for text in shared:
            roles = set().union(*(slot[text] for slot in per_page))
            assert len(roles) == 1, f"{text!r} labelled {roles}"
            assert not roles & set(KEPT_ROLES), f"shared line {text!r} labelled as story text"
            checked += 1
    assert checked >= 5
