"""bench/synth.py: the synthetic corpus is deterministic, valid, and cleans to real bodies."""
from __future__ import annotations

import importlib.util
import re
import sys
from pathlib import Path

import pytest
from locations import ROOT

from bantin.clean import document as clean_stage
from bantin.ingest import files as ingest
from bantin.records import RawDoc


def _load_synth():
    spec = importlib.util.spec_from_file_location("bench_synth", ROOT / "bench" / "synth.py")
    mod = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = mod
    spec.loader.exec_module(mod)
    return mod


synth = _load_synth()


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> list[Path]:
    return synth.generate(30, tmp_path_factory.mktemp("synth"), seed=3)


def test_generates_n_files_spread_over_subdirectories(tmp_path: Path, monkeypatch):
    monkeypatch.setattr(synth, "PER_DIR", 4)
    paths = synth.generate(10, tmp_path, seed=1)
    assert len(paths) == len(set(paths)) == 10
    assert sorted(p.parent.name for p in paths) == ["000"] * 4 + ["001"] * 4 + ["002"] * 2
    assert all(p.is_file() for p in paths)


def test_same_seed_same_bytes_other_seed_other_bytes(tmp_path: Path, corpus: list[Path]):
    again = synth.generate(30, tmp_path / "again", seed=3)
    assert [p.read_bytes() for p in again] == [p.read_bytes() for p in corpus]
    other = synth.generate(30, tmp_path / "other", seed=4)
    assert sum(a.read_bytes() != b.read_bytes() for a, b in zip(other, corpus)) == 30


def test_a_corpus_is_a_prefix_of_a_larger_one_and_can_be_extended(tmp_path: Path, corpus: list[Path]):
    extra = synth.generate(2, tmp_path, seed=3, start=28)
    assert [p.read_bytes() for p in extra] == [p.read_bytes() for p in corpus[28:]]


def test_files_are_valid_utf8_and_all_different(corpus: list[Path]):
    texts = [p.read_bytes().decode("utf-8") for p in corpus]  # raises on invalid UTF-8
    assert len(set(texts)) == len(texts)


def test_dates_span_the_requested_years():
    years = set()
    for i in range(200):
        years |= {int(y) for y in re.findall(r"\b(20[12]\d)\b", synth.article(i, seed=0))}
    assert {2015, 2020, 2025} <= years
    assert max(years) <= 2025


def test_legal_numbers_keep_their_shape():
    """Numbers glued to `/` or letters (document numbers) are not rewritten into other shapes."""
    text = "\n\n".join(synth.article(i, seed=0) for i in range(50))
    assert re.search(r"\d+/\d{4}/[A-ZĐ]+-[A-ZĐ]+", text) or re.search(r"\d+-[A-Z]+/[A-Z]+", text)


def test_every_article_cleans_to_a_non_empty_body(corpus: list[Path]):
    scan = ingest.scan(corpus[0].parent.parent)
    assert len(scan.files) == 30 and not scan.quarantined
    for f in scan.files:
        raw = ingest.load(f)
        assert isinstance(raw, RawDoc), raw
        doc = clean_stage.clean(raw)
        assert len(doc.body) > 200, f.source_file
        assert doc.title, f.source_file


def test_story_lines_come_from_labelled_sources():
    pools = synth.pools()
    assert len(pools.story["body"]) >= 50 and len(pools.templates) >= 10
