"""The hand-made gold set is itself checked: every file parses, every fixture line is labelled
exactly once with a valid role, and the cross-file properties the fixtures were built to have
(a repeated legal sentence that is body, furniture repeated across one portal) really hold."""
from __future__ import annotations

import importlib.util
import json
import unicodedata
from collections import Counter
from pathlib import Path

import pytest
from locations import ROOT

from bantin.eval.gold import (
    FIXTURE_DIR,
    GOLD_DIR,
    fixture_lines,
    gold_errors,
    label_file,
    load_gold,
    load_roles,
    load_units,
    role_errors,
)
from schemas.lines import KEPT_ROLES, ROLES

SEEDS = sorted((ROOT / "raw").glob("*.txt"))
FIXTURES = sorted(FIXTURE_DIR.glob("*.txt"))
GOLD = load_gold()
ONE_LINE = [t for t in FIXTURES if label_file(t) and label_file(t).name.endswith(".units.tsv")]
MULTI_LINE = [t for t in FIXTURES if t not in ONE_LINE]
LEGAL_SENTENCE = "Nghị quyết số 28-NQ/TW ngày 25/10/2013 của Ban Chấp hành Trung ương Đảng"


def test_enough_fixtures_and_one_line_dump():
    assert len(FIXTURES) >= 12
    assert len(ONE_LINE) == 1 and "\n" not in ONE_LINE[0].read_text(encoding="utf-8")


@pytest.mark.parametrize("path", sorted(GOLD_DIR.glob("*.json")), ids=lambda p: p.stem)
def test_gold_file_is_well_formed(path):
    record = json.loads(path.read_text(encoding="utf-8"))
    assert gold_errors(record) == []
    assert record["source_file"] == path.stem + ".txt"
    assert all(unicodedata.is_normalized("NFC", s) for s in _strings(record))


@pytest.mark.parametrize("txt", SEEDS + FIXTURES, ids=lambda p: p.stem)
def test_every_article_has_gold(txt):
    assert txt.name in GOLD


@pytest.mark.parametrize("txt", MULTI_LINE, ids=lambda p: p.stem)
def test_roles_cover_every_line_exactly(txt):
    labels_path = label_file(txt)
    assert labels_path is not None and labels_path.name.endswith(".roles.tsv")
    labels = load_roles(labels_path)
    assert role_errors(labels, fixture_lines(txt)) == []
    roles = Counter(r for _, r, _ in labels)
    assert roles["title"] == 1 and roles["lead"] == 1 and roles["body"] >= 2


@pytest.mark.parametrize("txt", ONE_LINE, ids=lambda p: p.stem)
def test_units_rebuild_the_one_line_dump(txt):
    units = load_units(label_file(txt))
    assert all(role in ROLES and role != "empty" for role, _ in units)
    assert " ".join(text for _, text in units) == txt.read_text(encoding="utf-8")
    assert sum(role in KEPT_ROLES for role, _ in units) >= 5


def test_repeated_legal_sentence_is_body_in_three_fixtures():
    """The same quoted resolution line in several articles must not look like furniture."""
    lines = Counter()
    for txt in MULTI_LINE:
        for _, role, text in load_roles(label_file(txt)):
            if text.startswith(LEGAL_SENTENCE):
                lines[(text, role)] += 1
    (text, role), count = lines.most_common(1)[0]
    assert count >= 3 and role == "body"


def test_one_portal_repeats_its_furniture():
    """At least three fixtures share identical non-kept lines, for corpus-level repeat detection."""
    seen = Counter()
    for txt in MULTI_LINE:
        furniture = {t for _, r, t in load_roles(label_file(txt)) if r not in KEPT_ROLES and r != "empty"}
        seen.update(furniture)
    assert sum(1 for n in seen.values() if n >= 3) >= 5


def _mapping() -> dict[str, str]:
    """Old province short name -> 2025 short name, from underthesea's bundled data (no import)."""
    spec = importlib.util.find_spec("underthesea")
    base = Path(next(iter(spec.submodule_search_locations)))
    data = json.loads((base / "address" / "data" / "mapping.json").read_text(encoding="utf-8"))
    new, old = data["province_names"], data["old_province_names"]
    return {old[k]["short"]: new[v]["short"] for k, v in data["province_mapping"].items()}


# Gold uses the brief's canonical names; underthesea's short names differ for these two.
ALIASES = {"Thừa Thiên Huế": "Huế", "Thành phố Hồ Chí Minh": "Hồ Chí Minh"}


@pytest.mark.parametrize("source", sorted(GOLD), ids=lambda s: s[:-4])
def test_provinces_2025_follow_the_official_mapping(source):
    mapping = _mapping()
    record = GOLD[source]
    expected = {mapping[ALIASES.get(p, p)] for p in record["provinces"]}
    assert {ALIASES.get(p, p) for p in record["provinces_2025"]} == expected


def _strings(obj):
    if isinstance(obj, str):
        yield obj
    elif isinstance(obj, dict):
        for v in obj.values():
            yield from _strings(v)
    elif isinstance(obj, list):
        for v in obj:
            yield from _strings(v)


@pytest.mark.parametrize("labels, lines, problem", [
    ([(0, "title", "A"), (1, "body", "B")], ["A"], "label rows"),
    ([(0, "title", "A"), (2, "body", "B")], ["A", "B"], "numbered"),
    ([(0, "headline", "A")], ["A"], "unknown role"),
    ([(0, "body", "A ")], ["A"], "text differs"),
    ([(0, "body", "\u00a0")], ["\u00a0"], "blank"),
    ([(0, "empty", "x")], ["x"], "non-blank"),
])
def test_role_checker_catches_bad_labels(labels, lines, problem):
    assert any(problem in e for e in role_errors(labels, lines))


@pytest.mark.parametrize("patch, problem", [
    ({"date_source": "url"}, "bad date_source"),
    ({"published_date": None}, "disagree"),
    ({"periods": [{"start_year": 2020, "end_year": 2015}]}, "bad period"),
    ({"quantities": [{"value": "7.900", "unit": "công dân", "qualifier": None}]}, "bad quantity"),
    ({"extra": 1}, "unknown key"),
])
def test_gold_checker_catches_bad_records(patch, problem):
    record = dict(GOLD["004_e5b9de7fa5e357f6.txt"], **patch)
    assert any(problem in e for e in gold_errors(record))
