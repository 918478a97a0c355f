"""The committed real-corpus gold: format and offset integrity of all 178 files, blind included.

Nothing here prints or compares an article's text or a gold value: failures name files, span
numbers and hashes only (tests/realgold/README.md, blind folders).
"""
from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest
from locations import DEV_CORPUS, TESTS

from bantin.eval import realgold


@pytest.fixture
def needs_corpus() -> None:
    assert DEV_CORPUS.is_dir(), f"the development corpus must be at {DEV_CORPUS} (see tests/realgold/README.md)"


def test_the_gold_lives_in_tests_realgold_and_the_corpus_beside_the_repository() -> None:
    assert realgold.REALGOLD_DIR == TESTS / "realgold"
    assert realgold.CORPUS_DIR == DEV_CORPUS


def test_every_gold_file_is_well_formed() -> None:
    records = realgold.load_records(realgold.ALL_FOLDERS)  # raises on any format problem
    assert len(records) == 178
    assert {r.folder for r in records} == set(realgold.ALL_FOLDERS)
    on_disk = sorted(p.relative_to(realgold.REALGOLD_DIR).as_posix()
                     for p in realgold.REALGOLD_DIR.glob("*/*.json"))
    assert on_disk == sorted(f"{r.folder}/{Path(r.file).stem}.json" for r in records)


@pytest.mark.usefixtures("needs_corpus")
def test_every_raw_file_and_span_matches_its_hashes() -> None:
    problems = []
    for record in realgold.load_records(realgold.ALL_FOLDERS):
        try:
            realgold.read_raw(record)
        except realgold.GoldMismatch as exc:  # its message names the file and span, never text
            problems.append(str(exc))
    assert not problems, problems


def _crafted(tmp_path: Path, text: str, spans: list) -> tuple[Path, Path]:
    corpus, gold = tmp_path / "corpus", tmp_path / "gold"
    (corpus / "dev").mkdir(parents=True)
    (gold / "dev").mkdir(parents=True)
    (corpus / "dev" / "a.txt").write_bytes(text.encode("utf-8"))
    record = {"file": "a.txt", "folder": "dev", "sha256": hashlib.sha256(text.encode()).hexdigest(),
              "spans": spans, "title": None, "published_date": None, "date_source": None, "outlet": None,
              "outlet_evidence": None, "authors": [], "people": [], "provinces": [], "legal_refs": [],
              "quantities": [], "notes": None}
    (gold / "dev" / "a.json").write_text(json.dumps(record), encoding="utf-8")
    return corpus, gold


def test_a_matching_crafted_record_reads_back(tmp_path: Path) -> None:
    text = "Tiêu đề\r\nNội dung. Ảnh: TTXVN"
    corpus, gold = _crafted(tmp_path, text, [[0, 7, "title", realgold.sha1_8("Tiêu đề")],
                                             [19, 29, "caption", realgold.sha1_8(text[19:29])]])
    [record] = realgold.load_records(["dev"], gold)
    assert realgold.read_raw(record, corpus) == text


@pytest.mark.parametrize("change, message", [
    (lambda p: p.write_bytes(p.read_bytes() + b" "), "SHA-256"),
    (lambda p: p.unlink(), "cannot read"),
])
def test_a_changed_or_missing_raw_file_fails_loudly(tmp_path: Path, change, message) -> None:
    corpus, gold = _crafted(tmp_path, "Tiêu đề", [[0, 7, "title", realgold.sha1_8("Tiêu đề")]])
    change(corpus / "dev" / "a.txt")
    [record] = realgold.load_records(["dev"], gold)
    with pytest.raises(realgold.GoldMismatch, match=message):
        realgold.read_raw(record, corpus)


def test_a_span_whose_text_hash_differs_fails_without_showing_the_text(tmp_path: Path) -> None:
    corpus, gold = _crafted(tmp_path, "Tiêu đề bài", [[0, 7, "title", realgold.sha1_8("Tiêu đề bài")]])
    [record] = realgold.load_records(["dev"], gold)
    with pytest.raises(realgold.GoldMismatch) as err:
        realgold.read_raw(record, corpus)
    assert "span 0 [0:7]" in str(err.value) and "Tiêu" not in str(err.value)


@pytest.mark.parametrize("spans, problem", [
    ([[0, 7, "headline", "00000000"]], "bad shape"),
    ([[5, 7, "byline", "00000000"], [0, 6, "caption", "00000000"]], "overlaps"),
    ([[0, 2, "title", "00000000"], [3, 4, "title", "00000000"]], "more than one title"),
])
def test_malformed_spans_are_refused(tmp_path: Path, spans, problem) -> None:
    _, gold = _crafted(tmp_path, "Tiêu đề", spans)
    with pytest.raises(realgold.GoldMismatch, match=problem):
        realgold.load_records(["dev"], gold)


def test_blind_folders_only_on_request(monkeypatch) -> None:
    assert realgold.BLIND_FOLDERS == () and len(realgold.DEV_FOLDERS) == 6  # the first blind pair is folded in
    blind, dev = realgold.DEV_FOLDERS[-1:], realgold.DEV_FOLDERS[:-1]
    monkeypatch.setattr(realgold, "BLIND_FOLDERS", blind)
    monkeypatch.setattr(realgold, "DEV_FOLDERS", dev)
    monkeypatch.setattr(realgold, "ALL_FOLDERS", dev + blind)
    assert realgold.select_folders() == list(dev)
    assert realgold.select_folders(include_blind=True) == list(dev + blind)
    assert realgold.select_folders(["ktlab-mds_lupanh"]) == ["ktlab-mds_lupanh"]
    with pytest.raises(ValueError, match="blind"):
        realgold.select_folders([blind[0]])
    with pytest.raises(ValueError, match="unknown folder"):
        realgold.select_folders(["nowhere"])
