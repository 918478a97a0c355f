"""Quality gate of the extraction: `bantin eval` run in-process on the whole gold set.

Floors are the measured F1 minus a small margin (0.03), never below 0.9, the issue's bar for
precision AND recall, which is checked too. A change that lowers a field under its floor fails
here; raise a floor when a field improves for good.
"""
from __future__ import annotations

import argparse
import json

import pytest

from bantin.eval.gold import load_gold
from bantin.eval.scoring import FIELDS
from flows.commands import eval as eval_cmd

ISSUE_MIN = 0.9
# Measured on 19 articles (5 seeds + 14 fixtures); see the table in the final report / README.
MEASURED_F1 = {
    "title": 0.971, "section": 0.963, "published_date": 1.0, "date_source": 1.0, "outlet": 1.0,
    "authors": 1.0, "photographers": 0.952, "provinces": 1.0, "provinces_2025": 1.0,
    "people": 1.0, "people_posts": 0.974, "people_honorific": 0.977, "organisations": 0.946,
    "legal_refs": 1.0, "legal_issuer": 1.0, "quantities": 0.989, "periods": 1.0, "acronyms": 1.0,
}
FLOORS = {k: max(ISSUE_MIN, round(v - 0.03, 3)) for k, v in MEASURED_F1.items()}


@pytest.fixture(scope="module")
def result():
    return eval_cmd.evaluate(load_gold())


def test_every_field_has_a_floor():
    assert set(FLOORS) == set(FIELDS)


def test_all_gold_articles_are_scored(result):
    assert sorted(result.articles) == sorted(load_gold())


@pytest.mark.parametrize("field", FIELDS)
def test_field_f1_above_floor(result, field):
    c = result.fields[field]
    assert c.f1 >= FLOORS[field], (field, c.precision, c.recall, result.errors)


@pytest.mark.parametrize("field", FIELDS)
def test_field_precision_and_recall_meet_the_issue(result, field):
    c = result.fields[field]
    assert c.precision >= ISSUE_MIN and c.recall >= ISSUE_MIN, (field, c.precision, c.recall)


def _args(tmp_path, **kw) -> argparse.Namespace:
    p = argparse.ArgumentParser()
    eval_cmd.add_arguments(p)
    argv = ["--seeds-only", "--no-color", "--json", str(tmp_path / "r.json")]
    for k, v in kw.items():
        argv += [f"--{k}", str(v)]
    return p.parse_args(argv)


@pytest.fixture
def reuse(monkeypatch, result):
    """The CLI tests reuse the module's evaluation (one pipeline pass keeps the suite fast)."""
    monkeypatch.setattr(eval_cmd, "evaluate", lambda gold, **kw: result)


def test_cli_writes_json_and_passes_at_the_default_threshold(tmp_path, capsys, reuse):
    assert eval_cmd.run(_args(tmp_path)) == 0
    data = json.loads((tmp_path / "r.json").read_text(encoding="utf-8"))
    assert len(data["articles"]) == 19 and set(data["fields"]) == set(FIELDS)
    assert "organisations" in capsys.readouterr().out


def test_cli_fails_under_an_unreachable_threshold(tmp_path, capsys, reuse):
    assert eval_cmd.run(_args(tmp_path, min=1.01)) == 1
    assert "Below 1.01" in capsys.readouterr().out


def test_fixtures_only_scores_the_fixtures():
    gold = load_gold()
    sources = eval_cmd.gold_sources(gold, seeds=False)
    assert [d.name for d in sources] == ["portals"] and len(sources[next(iter(sources))]) == 14


# Later gold sets (other portals, written blind, now development sets): per-field precision and
# recall floors at the measured value minus MARGIN. Measured after extraction round 3.
MARGIN = 0.03
# Quantities: these fixture golds follow the fixture convention (tests/gold/README.md: a range is
# not a figure, lengths and areas are left out, no number words). Figures now follow the real-corpus
# guide (tests/realgold/GUIDE.md), which counts both ends of a range (`2-5 triệu đồng`), km and km2
# and counts in words, so most of the precision drop below is that difference; a few are real
# errors (a number word read before a verb: `hai … vứt gùi bỏ chạy`, `4 … nhấn mạnh`).
BLIND_MEASURED = {  # set -> field -> (precision, recall); fields not listed measured 1.0 / 1.0
    "blind2": {"people_honorific": (1.0, 0.917), "organisations": (0.941, 0.914), "quantities": (0.793, 0.985)},
    "blind3": {"people": (1.0, 0.968), "people_posts": (0.966, 0.966), "organisations": (0.936, 0.936),
               "quantities": (0.852, 1.0)},
}
BLIND_DIRS = {"blind2": ("tests/gold_blind2", "tests/fixtures/portals_blind2"),
              "blind3": ("tests/gold_blind3", "tests/fixtures/portals_blind3")}


@pytest.fixture(scope="module", params=sorted(BLIND_DIRS))
def blind_result(request):
    from bantin.eval.gold import REPO_ROOT

    gold_dir, articles = (REPO_ROOT / p for p in BLIND_DIRS[request.param])
    gold = load_gold(gold_dir)
    return request.param, gold, eval_cmd.evaluate(gold, extra=(articles,))


def test_blind_sets_meet_their_floors(blind_result):
    name, gold, res = blind_result
    assert sorted(res.articles) == sorted(gold)
    low = {}
    for field in FIELDS:
        p, r = BLIND_MEASURED[name].get(field, (1.0, 1.0))
        c = res.fields[field]
        if c.precision < p - MARGIN or c.recall < r - MARGIN:
            low[field] = (c.precision, c.recall, res.errors)
    assert not low, low
