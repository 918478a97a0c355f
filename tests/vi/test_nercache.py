"""The NER cache (bantin.vi.nercache): content-addressed, carried from snapshot to snapshot,
read by worker processes and merged by the flow process, and invisible in the published rows."""
from __future__ import annotations

import multiprocessing
import sqlite3
from pathlib import Path

import pyarrow.parquet as pq
import pytest

from bantin import runner
from bantin.clean.document import NO_FACTS
from bantin.ingest import files as ingest
from bantin.settings import Settings
from bantin.vi import nercache, nlp

TOKENS = [("Nguyễn Văn Danh", "Np", "B-NP", "B-PER"), ("phát biểu", "V", "B-VP", "O")]
WORDS = [("Lực lượng", "", "", "O"), ("đến", "", "", "O")]


def test_key_is_the_sentence_and_the_underthesea_version() -> None:
    assert nercache.key("Câu.") == nercache.key("Câu.") == nercache.key("Câu.", nlp.underthesea_version())
    assert nercache.key("Câu.") != nercache.key("Câu!")
    assert nercache.key("Câu.", "9.5.0") != nercache.key("Câu.", "9.6.0")
    assert len(nercache.key("Câu.")) == 16


def _base(path: Path, rows: dict[str, tuple[list, bool]]) -> Path:
    s = nercache.Session(None)
    for sentence, (tokens, tags) in rows.items():
        s.put(sentence, tokens, tags)
    path.parent.mkdir(parents=True, exist_ok=True)
    con = sqlite3.connect(path)
    con.execute(nercache._SCHEMA)
    con.executemany("INSERT INTO ner VALUES (?, ?, ?)", [(k, t, v) for k, (t, v) in s.new.items()])
    con.commit()
    con.close()
    return path


def test_session_answers_from_the_base_and_from_itself(tmp_path: Path) -> None:
    base = _base(tmp_path / "parts" / nercache.DIR / nercache.BASE, {"A.": (TOKENS, True), "B.": (WORDS, False)})
    s = nercache.Session(base)
    assert s.get("A.", True) == TOKENS and s.get("A.", False) == TOKENS  # tags answer a words request
    assert s.get("B.", False) == WORDS
    assert s.get("B.", True) is None  # words never answer a tags request
    assert s.get("C.", False) is None
    s.put("C.", WORDS, False)
    assert s.get("C.", False) == WORDS and s.get("C.", True) is None
    s.put("C.", TOKENS, True)
    s.put("C.", WORDS, False)  # a words-only entry never replaces a tagged one
    assert s.get("C.", True) == TOKENS
    assert s.used == {nercache.key("A."), nercache.key("B.")} and (s.hits, s.misses) == (5, 3)
    s.close()


def _parts_with(tmp_path: Path, used: list[str], new: dict[str, tuple[list, bool]]) -> Path:
    parts = tmp_path / "parts"
    with nercache.session(parts, "00000") as s:
        for sentence in used:
            assert s.get(sentence, False) is not None
        for sentence, (tokens, tags) in new.items():
            s.put(sentence, tokens, tags)
    return parts


@pytest.mark.parametrize("prune", [False, True])
def test_merge_keeps_the_base_or_only_what_was_used(tmp_path: Path, prune: bool) -> None:
    prev = tmp_path / "prev"
    _base(prev / nercache.CACHE_FILE, {"A.": (TOKENS, True), "B.": (WORDS, False), "Old.": (WORDS, False)})
    parts = tmp_path / "parts"
    assert nercache.prepare(parts, prev) == parts / nercache.DIR / nercache.BASE
    _parts_with(tmp_path, ["A.", "B."], {"B.": (TOKENS, True), "New.": (WORDS, False)})
    table = pq.read_table(nercache.part_path(parts, "00000")).to_pydict()
    assert len(table["key"]) == 3 and table["value"].count(None) == 1  # A. used; B. and New. added
    counts = nercache.merge(parts, tmp_path / "built", prune=prune)
    merged = nercache.Session(tmp_path / "built" / nercache.CACHE_FILE)
    assert merged.get("A.", True) == TOKENS and merged.get("B.", True) == TOKENS  # the tagged entry won
    assert merged.get("New.", False) == WORDS
    assert (merged.get("Old.", False) is None) is prune
    assert counts["entries"] == (3 if prune else 4)
    merged.close()


def test_no_previous_cache_means_no_base(tmp_path: Path) -> None:
    assert nercache.prepare(tmp_path / "parts", None) is None
    assert nercache.prepare(tmp_path / "parts", tmp_path) is None
    assert nercache.merge(tmp_path / "parts", tmp_path / "built", prune=True)["entries"] == 0


def _tables(out: Path) -> dict[str, list[dict]]:
    drop = {"run_id", "processed_at"}
    return {name: [{k: v for k, v in row.items() if k not in drop} for row in
                   pq.read_table(out / "current" / f"{name}.parquet").to_pylist()]
            for name in ("articles", "people", "organisations", "quantities")}


def test_a_full_rerun_takes_ner_from_the_cache_and_publishes_the_same_rows(seed_dir: Path, tmp_path: Path,
                                                                          monkeypatch) -> None:
    calls: list[str] = []
    real_ner = nlp.ner
    monkeypatch.setattr(nlp, "ner", lambda s: calls.append(s) or real_ner(s))
    out = tmp_path / "out"
    runner.run(Settings(raw_dir=seed_dir, out_dir=out))
    first, n_calls = _tables(out), len(calls)
    assert n_calls > 0 and nercache.entries(out / "current" / nercache.CACHE_FILE) > n_calls
    assert (out / "internal" / "ner_cache.sqlite").is_file()  # published with the snapshot
    runner.run(Settings(raw_dir=seed_dir, out_dir=out, full=True))
    assert len(calls) == n_calls  # no NER at all the second time
    assert _tables(out) == first


def _batch(files, parts: Path, no: int) -> tuple:
    return (files, NO_FACTS, "test", None, 1 << 24, None, parts, no)  # runner.process_step's arguments


def test_worker_processes_share_the_base_and_write_their_own_parts(seed_dir: Path, tmp_path: Path) -> None:
    """Two spawned processes read the same base at once and each writes its part; the flow
    process merges them: every sentence of both batches is in the next cache."""
    files = list(ingest.scan(seed_dir).files)
    prev, parts = tmp_path / "prev", tmp_path / "parts"
    warm = tmp_path / "warm"
    runner.process_step(*_batch(files[:1], warm, 0))  # a previous run that saw the first seed only
    nercache.merge(warm, prev, prune=True)
    before = nercache.entries(prev / nercache.CACHE_FILE)
    nercache.prepare(parts, prev)
    ctx = multiprocessing.get_context("spawn")
    with ctx.Pool(2) as pool:
        pool.starmap(runner.process_step, [_batch(files[:3], parts, 0), _batch(files[3:], parts, 1)])
    used = pq.read_table(nercache.part_path(parts, "00000")).column("value").null_count
    assert used > 0  # the first seed's sentences came from the base
    counts = nercache.merge(parts, tmp_path / "built", prune=True)
    assert counts["parts"] == 2 and counts["entries"] > before
    solo = tmp_path / "solo"
    for i, f in enumerate(files):
        runner.process_step(*_batch([f], solo, i))
    assert counts["entries"] == nercache.merge(solo, tmp_path / "built-solo", prune=True)["entries"]
