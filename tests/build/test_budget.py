"""The per-file time budget (bantin/build/budget.py, --file-timeout): a file that takes too long
is quarantined as too_slow and the batch goes on, in the flow process and in a worker process."""
from __future__ import annotations

import multiprocessing
import re
import threading
import time

import pytest
from locations import SEEDS

from bantin.build import budget, process
from bantin.clean import document
from bantin.clean.document import NO_FACTS
from bantin.ingest.files import scan


def _spin(seconds: float) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        pass


def test_limit_stops_python_and_a_runaway_regex():
    t0 = time.monotonic()
    with pytest.raises(budget.TooSlow):
        with budget.limit(0.3):
            _spin(30)
    with pytest.raises(budget.TooSlow):
        with budget.limit(0.3):
            re.search(r"(a+)+b", "a" * 40)  # catastrophic backtracking: the engine checks for signals
    assert time.monotonic() - t0 < 5


def test_no_limit_without_seconds_or_off_the_main_thread():
    with budget.limit(0) as on:
        assert on is False
    seen = []
    thread = threading.Thread(target=lambda: seen.append(budget.limit(1).__enter__()))
    thread.start()
    thread.join()
    assert seen == [False]  # no signal can reach another thread: no limit there, and it says so


def _in_worker(seconds: float) -> str:
    try:
        with budget.limit(seconds):
            _spin(30)
    except budget.TooSlow:
        return "too_slow"
    return "finished"


def test_limit_works_in_a_worker_process():
    with multiprocessing.get_context("spawn").Pool(1) as pool:
        assert pool.apply(_in_worker, (0.3,)) == "too_slow"


def test_a_slow_file_is_quarantined_and_the_batch_goes_on(tmp_path, monkeypatch):
    raw = tmp_path / "raw"
    raw.mkdir()
    (raw / "a.txt").write_bytes(SEEDS[2].read_bytes())
    (raw / "slow.txt").write_bytes(SEEDS[3].read_bytes())
    real = document.clean

    def clean(doc, *args, **kw):
        if doc.source_file == "slow.txt":
            _spin(30)
        return real(doc, *args, **kw)

    monkeypatch.setattr(process.clean_stage, "clean", clean)
    t0 = time.monotonic()
    result = process.process_batch(list(scan(raw).files), facts=NO_FACTS, version="v", run_id=None,
                                   max_bytes=1 << 20, file_timeout=6.0)
    assert time.monotonic() - t0 < 40
    assert result.tables["articles"].column("source_file").to_pylist() == ["a.txt"]
    [q] = result.quarantined
    assert (q.source_file, q.stage, q.reason) == ("slow.txt", "clean", "too_slow")
    assert "--file-timeout" in q.detail
    assert set(result.tables["lines"].column("article_id").to_pylist()) == set(
        result.tables["articles"].column("article_id").to_pylist())  # no rows of the stopped file
