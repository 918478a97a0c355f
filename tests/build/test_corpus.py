"""Tests for bantin/build/corpus.py: the compact (uint64 array) corpus pass gives exactly what
the per-file fingerprint sets give."""
from __future__ import annotations

import pytest
from locations import ROOT

from bantin.build import corpus
from bantin.build.plan import context_key
from bantin.clean import repeats as boilerplate
from bantin.ingest import files as ingest
from bantin.records import RawDoc
from bantin.settings import DEFAULT_MAX_BYTES

DIRS = [ROOT / "raw", ROOT / "tests" / "fixtures" / "portals", ROOT / "tests" / "fixtures" / "portals_blind2"]


def _files():
    files = [f for d in DIRS for f in ingest.scan(d, max_bytes=DEFAULT_MAX_BYTES).files]
    assert len(files) > 20
    return files


@pytest.mark.parametrize("min_docs", [2, 3])
@pytest.mark.parametrize("spill", [None, (7, 2)])  # (values per spill write/read, partition bits)
def test_corpus_context_equals_the_per_file_sets(min_docs, spill, monkeypatch, tmp_path):
    if spill:  # many spill writes, reads across file boundaries, several hash partitions
        monkeypatch.setattr(corpus, "SPILL_VALUES", spill[0])
        monkeypatch.setattr(corpus, "PARTITION_BITS", spill[1])
    files = _files()
    sets, keys = {}, {}
    for f in files:
        raw = ingest.load(f, max_bytes=DEFAULT_MAX_BYTES)
        if isinstance(raw, RawDoc):
            sets[f.source_file] = boilerplate.doc_fingerprints(raw.text)
            keys[f.source_file] = boilerplate.story_key(raw.text)
    expected = boilerplate.repeats_from_sets(((keys[s], fps) for s, fps in sets.items()), min_docs=min_docs)
    got = corpus.corpus_context(files, min_docs=min_docs, max_bytes=DEFAULT_MAX_BYTES, spill_dir=tmp_path)
    assert expected and got.repeated == expected and list(tmp_path.iterdir()) == []  # spill removed
    assert got.context_keys == {s: context_key(fps, expected) for s, fps in sets.items()}
    assert len(set(got.context_keys.values())) > 1  # files differ in their boilerplate


def test_corpus_context_of_nothing():
    got = corpus.corpus_context([], min_docs=3, max_bytes=DEFAULT_MAX_BYTES)
    assert got.repeated == frozenset() and got.context_keys == {}
