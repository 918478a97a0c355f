"""Quality gate on the real development corpus: cleaning and extraction against the hand-read
gold, automatic scores against the metadata, per development folder and overall.

Floors are today's measured figure minus 0.01, rounded down to two decimals (so 0.01-0.02 under
it; the measured figures are in the comments and in tests/realgold/README.md). A rule change
that makes any figure worse fails `make test`; raise a floor when a figure improves for good.
A figure with nothing to measure (no prediction, or no gold item) counts as 1.0, like
bantin/eval/scoring.Counts, so a first wrong prediction there fails too. Blind folders are
never evaluated here.

Reads ../shared/dev-corpus (skipped when absent). Runtime: the four folders are cleaned and
extracted once per session (`real_runs` in tests/conftest.py), two folders at a time.
"""
from __future__ import annotations

import os

import pytest

from bantin.eval import realcorpus, realgold
from bantin.eval.realcorpus import OVERALL
from locations import DEV_CORPUS

pytestmark = pytest.mark.skipif(not DEV_CORPUS.is_dir(), reason=f"no development corpus at {DEV_CORPUS}")

CLEANING = {  # furniture recall, furniture precision, story kept
    "baomoi2025_daibangsamac": (0.6, 0.92, 0.98),  # measured 0.613 0.933 0.997
    "baomoi2014_daibangsamac": (0.33, 0.92, 0.98),  # measured 0.347 0.933 0.999
    "vietnam-news_nguyenvulebinh": (0.22, 0.54, 0.94),  # measured 0.234 0.553 0.954
    "ktlab-mds_lupanh": (0.19, 0.94, 0.98),  # measured 0.206 0.953 0.999
    "overall": (0.41, 0.74, 0.97),  # measured 0.424 0.760 0.989
}
EXTRACTION = {  # field: (precision, recall)
    "baomoi2025_daibangsamac": {
        "title": (0.99, 0.99), "published_date": (0.99, 0.49), "outlet": (0.99, 0.24),
        "authors": (0.89, 0.7), "people": (0.88, 0.75), "provinces": (0.89, 0.93),
        "legal_refs": (0.99, 0.99), "quantities": (0.85, 0.52)
    },
    "baomoi2014_daibangsamac": {
        "title": (0.0, 0.99), "published_date": (0.99, 0.99), "outlet": (0.99, 0.0),
        "authors": (0.99, 0.6), "people": (0.99, 0.46), "provinces": (0.99, 0.95),
        "legal_refs": (0.99, 0.0), "quantities": (0.87, 0.48)
    },
    "vietnam-news_nguyenvulebinh": {
        "title": (0.99, 0.0), "published_date": (0.99, 0.99), "outlet": (0.99, 0.34),
        "authors": (0.99, 0.13), "people": (0.99, 0.45), "provinces": (0.95, 0.89),
        "legal_refs": (0.99, 0.65), "quantities": (0.81, 0.56)
    },
    "ktlab-mds_lupanh": {
        "title": (0.0, 0.99), "published_date": (0.99, 0.0), "outlet": (0.99, 0.0),
        "authors": (0.89, 0.51), "people": (0.94, 0.52), "provinces": (0.87, 0.94),
        "legal_refs": (0.99, 0.99), "quantities": (0.96, 0.84)
    },
    "overall": {
        "title": (0.8, 0.95), "published_date": (0.99, 0.32), "outlet": (0.99, 0.19),
        "authors": (0.92, 0.5), "people": (0.94, 0.53), "provinces": (0.92, 0.93),
        "legal_refs": (0.99, 0.65), "quantities": (0.89, 0.62)
    },
}
AUTOMATIC = {  # field: (precision, recall); None: recall not measured there
    "baomoi2025_daibangsamac": {
        "title": (0.97, 0.97), "published_date": (0.99, 0.99), "outlet": (0.49, None),
        "authors": (0.97, 0.79)
    },
    "baomoi2014_daibangsamac": {
        "title": (0.99, 0.0), "published_date": (0.99, None), "outlet": (0.99, None),
        "authors": (0.99, None)
    },
    "vietnam-news_nguyenvulebinh": {
        "title": (0.99, 0.0), "published_date": (0.0, None), "outlet": (0.99, 0.36),
        "authors": (0.99, None)
    },
    "ktlab-mds_lupanh": {
        "title": (0.99, None), "published_date": (0.99, None), "outlet": (0.24, 0.0),
        "authors": (0.99, None)
    },
    "overall": {
        "title": (0.97, 0.96), "published_date": (0.93, 0.99), "outlet": (0.85, 0.26),
        "authors": (0.97, 0.79)
    },
}
ARTICLES = {"baomoi2025_daibangsamac": 30, "baomoi2014_daibangsamac": 25, "vietnam-news_nguyenvulebinh": 35,
            "ktlab-mds_lupanh": 30}
FILES = {"baomoi2025_daibangsamac": 400, "baomoi2014_daibangsamac": 163, "vietnam-news_nguyenvulebinh": 400,
         "ktlab-mds_lupanh": 400}
KEYS = [*realgold.DEV_FOLDERS, OVERALL]


@pytest.fixture(scope="module")
def result(real_runs):
    return realcorpus.evaluate(list(realgold.DEV_FOLDERS), workers=min(os.cpu_count() or 1, 2))


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
