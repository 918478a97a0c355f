"""Quality gate on the real development corpus: cleaning and extraction against the hand-read
gold, automatic scores against the metadata, per development folder and overall.

Floors are today's measured figure minus 0.01, rounded down to two decimals (so 0.01-0.02 under
it), kept in real_floors.json. A rule change that makes any figure worse fails `make test`; when
figures improve for good, `BANTIN_UPDATE_FLOORS=1 pytest tests/eval/test_real_quality.py`
rewrites the file from today's run: review its diff like a golden file.
A figure with nothing to measure (no prediction, or no gold item) counts as 1.0, like
bantin/eval/scoring.Counts, so a first wrong prediction there fails too. Blind folders are
never evaluated here.

Reads ../shared/dev-corpus (the test fails, with the reason, when it is absent). Runtime: the six folders are cleaned and
extracted once per session (`real_runs` in tests/conftest.py), two folders at a time.
"""
from __future__ import annotations

import json
import math
import os
from pathlib import Path

import pytest
from locations import DEV_CORPUS

from bantin.eval import realcorpus, realgold
from bantin.eval.realcorpus import OVERALL

FLOORS = Path(__file__).with_name("real_floors.json")
UPDATE = os.environ.get("BANTIN_UPDATE_FLOORS") == "1"
_floors = json.loads(FLOORS.read_text(encoding="utf-8"))
CLEANING = {k: tuple(v) for k, v in _floors["cleaning"].items()}  # furniture recall, precision, story kept
EXTRACTION = {k: {f: tuple(v) for f, v in d.items()} for k, d in _floors["extraction"].items()}  # (P, R)
AUTOMATIC = {k: {f: tuple(v) for f, v in d.items()} for k, d in _floors["automatic"].items()}  # (P, R or None)
ARTICLES = {"baomoi2025_daibangsamac": 30, "baomoi2014_daibangsamac": 25, "vietnam-news_nguyenvulebinh": 35,
            "ktlab-mds_lupanh": 30, "baomoi-ner_khoaihps": 30, "qdnd_mourinhan8": 28}
FILES = {"baomoi2025_daibangsamac": 400, "baomoi2014_daibangsamac": 163, "vietnam-news_nguyenvulebinh": 400,
         "ktlab-mds_lupanh": 400, "baomoi-ner_khoaihps": 213, "qdnd_mourinhan8": 28}
KEYS = [*realgold.DEV_FOLDERS, OVERALL]


def _floor(x: float | None) -> float | None:
    """Today's figure minus 0.01, rounded down to two decimals (None stays None)."""
    return None if x is None else max(0.0, math.floor((x - 0.01) * 100) / 100)


@pytest.fixture(scope="module")
def result(real_runs):
    assert DEV_CORPUS.is_dir(), f"the development corpus must be at {DEV_CORPUS} (see tests/realgold/README.md)"
    r = realcorpus.evaluate(list(realgold.DEV_FOLDERS), workers=min(os.cpu_count() or 1, 2))
    if UPDATE:  # after an improvement: write today's figures minus 0.01 as the new floors, review the diff
        FLOORS.write_text(json.dumps({
            "cleaning": {k: [_floor(c.furniture_recall), _floor(c.furniture_precision), _floor(c.story_kept)]
                         for k, c in r.cleaning.items()},
            "extraction": {k: {f: [_floor(c.precision), _floor(c.recall)] for f, c in d.items()}
                           for k, d in r.extraction.items()},
            "automatic": {k: {f: [_floor(1.0 if c.precision is None else c.precision), _floor(c.recall)]
                              for f, c in d.items()} for k, d in r.automatic.items()},
        }, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    return r


def test_every_development_folder_and_figure_has_a_floor() -> None:
    assert set(CLEANING) == set(EXTRACTION) == set(AUTOMATIC) == set(KEYS)
    assert not set(KEYS) & set(realgold.BLIND_FOLDERS)


def test_every_gold_article_and_file_is_scored(result) -> None:
    assert result.folders == list(realgold.DEV_FOLDERS)
    assert result.articles == ARTICLES and result.files == FILES


@pytest.mark.parametrize("key", KEYS)
def test_cleaning_floors(result, key) -> None:
    c = result.cleaning[key]
    got = (c.furniture_recall, c.furniture_precision, c.story_kept)
    assert all(g >= f for g, f in zip(got, CLEANING[key])), (key, got, CLEANING[key])


@pytest.mark.parametrize("key", KEYS)
def test_extraction_floors(result, key) -> None:
    low = {name: (c.precision, c.recall, EXTRACTION[key][name]) for name, c in result.extraction[key].items()
           if c.precision < EXTRACTION[key][name][0] or c.recall < EXTRACTION[key][name][1]}
    assert not low, (key, low)


@pytest.mark.parametrize("key", KEYS)
def test_automatic_floors(result, key) -> None:
    low = {}
    for name, c in result.automatic[key].items():
        p_floor, r_floor = AUTOMATIC[key][name]
        precision = 1.0 if c.precision is None else c.precision
        if precision < p_floor or (r_floor is not None and (c.recall is None or c.recall < r_floor)):
            low[name] = (c.precision, c.recall, AUTOMATIC[key][name])
    assert not low, (key, low)


def test_misses_are_listed_for_development_folders(result) -> None:
    assert result.misses and {m["folder"] for m in result.misses} <= set(realgold.DEV_FOLDERS)
    assert all(m["text"] and "\n" not in m["text"] for m in result.misses)
