"""The run summary as the artifacts show it: every input accounted for once, and where the Data
Docs are (the stable absolute path, not a file:// link into a snapshot pruned later)."""
from __future__ import annotations

from bantin.publish import report

SUMMARY = {"snapshot_id": "s1", "pipeline_version": "v", "mode": "incremental", "inputs": 9, "articles": 5,
           "aliases": 1, "quarantined": 3, "ignored_files": 2,
           "plan": {"new": 2, "changed": 1, "unchanged": 6, "deleted": 0, "to_process": 3},
           "timings": {"validate": 1.5}, "quality_index": "/data/out/quality/index.html"}


def test_run_summary_markdown_adds_up():
    md = report.markdown(SUMMARY, "| suite | passed |")
    assert "| read | articles | aliases (exact duplicates) | quarantined | ignored (not .txt) |" in md
    assert "| 9 | 5 | 1 | 3 | 2 |" in md
    assert "| 2 | 1 | 6 | 0 | 3 |" in md  # new, changed, unchanged, deleted, processed


def test_data_docs_artifact_names_the_stable_path_and_the_summary():
    md = report.data_docs_markdown(SUMMARY, "| articles | passed |")
    assert "`/data/out/quality/index.html`" in md and "file://" not in md
    assert "| 9 | 5 | 1 | 3 | 2 |" in md and "| articles | passed |" in md
