"""The quality gate in a prewarmed child process (bantin/validate/background.py): the same report
as validating here, failures come back as exceptions, and nothing starts where GE is imported."""
from __future__ import annotations

import sys
import time

import pytest
from test_gate import BAD, build, good_tables

from bantin.validate import background, gate


def _verdicts(report) -> list:
    return [(s.table, s.success, [(d["description"], d["status"], d["observed"]) for d in s.details])
            for s in report.suites]


def test_the_child_reports_what_validating_here_reports(tmp_path):
    rows = good_tables()
    for _, mutate, *_ in BAD:  # failures of every kind, so a verdict that differs shows
        mutate(rows)
    tables = build(rows)
    child = background.Prewarmed()
    try:
        there = child.run_suites(tables, quality_dir=tmp_path / "there", run_id="r1")
    finally:
        child.close()
    assert child.process.returncode == 0
    here = gate.run_suites(tables, quality_dir=tmp_path / "here", run_id="r1")
    assert there.success is False and here.success is False
    assert _verdicts(there) == _verdicts(here)
    for q in ("there", "here"):  # the child wrote the same outputs: our index, the JSON, GE's Data Docs
        assert (tmp_path / q / "index.html").is_file() and (tmp_path / q / "summary.json").is_file()
        assert (tmp_path / q / "gx" / "index.html").is_file() and (tmp_path / q / "validation" / "articles.json").is_file()
    assert there.data_docs == "native"


def test_a_failure_in_the_child_is_raised_here(tmp_path):
    child = background.Prewarmed()
    try:
        with pytest.raises(OSError):
            child.run_suites({"articles": tmp_path / "missing.parquet"}, quality_dir=tmp_path / "q", run_id=None)
    finally:
        child.close()


def test_an_unused_child_is_stopped_at_once_when_the_run_ends():
    child = background.Prewarmed()
    t0 = time.monotonic()
    child.close()  # never asked for work (a run with nothing to validate): no wait for GE's import
    assert time.monotonic() - t0 < 2 and child.process.returncode is not None


def test_nothing_starts_where_ge_is_imported_and_validation_runs_here(monkeypatch, tmp_path):
    monkeypatch.setitem(sys.modules, background.GE, sys.modules.get(background.GE) or object())
    calls = []
    monkeypatch.setattr(background, "run_here", lambda tables, **kw: calls.append(kw) or "here")
    with background.prewarmed() as child:
        assert child is None
        assert background.run_suites({}, quality_dir=tmp_path, run_id=None) == "here"
    assert calls == [{"quality_dir": tmp_path, "run_id": None}]
