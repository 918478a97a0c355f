"""The accounting invariant as code (bantin/validate/accounting.py): each input in exactly one
place, aliases of published articles only, `duplicate_of` pointing at a quarantined copy."""
from __future__ import annotations

import pyarrow as pa

import schemas
from bantin.validate.accounting import violations


def _tables(state, articles, quarantine):
    st = schemas.STATE.from_rows([{"source_file": s, "pipeline_version": "v", "article_id": a, "outcome": o}
                                  for s, a, o in state])
    arts = pa.table({"article_id": [a for a, _, _ in articles], "source_file": [s for _, s, _ in articles],
                     "aliases": pa.array([al for _, _, al in articles], pa.list_(pa.string()))})
    q = schemas.QUARANTINE.from_rows([{"source_file": s, "content_sha256": h, "stage": "ingest", "reason": "empty",
                                       "duplicate_of": d, "quarantined_at": pa.scalar(0, pa.timestamp("us", "UTC")).as_py()}
                                      for s, h, d in quarantine])
    return st, arts, q


GOOD = ([("a.txt", "A", "article"), ("b.txt", "A", "alias"), ("e1.txt", None, "quarantine"),
         ("e2.txt", None, "quarantine")],
        [("A", "a.txt", ["b.txt"])],
        [("e1.txt", "h", None), ("e2.txt", "h", "e1.txt")])


def test_a_consistent_run_has_no_violation():
    assert violations(*_tables(*GOOD)) == []


def test_each_kind_of_violation_is_named():
    state, arts, q = GOOD
    cases = {
        "in state.parquet but in no table": (state + [("lost.txt", "A", "alias")], arts, q),
        "more than one place": (state, [("A", "a.txt", ["b.txt", "e1.txt"])], q),
        "not inputs of state.parquet": (state, [("A", "a.txt", ["b.txt", "ghost.txt"])], q),
        "disagree with where the input is": ([("a.txt", "A", "article"), ("b.txt", "Z", "alias"), *state[2:]], arts, q),
        "more than one state row": (state + [("a.txt", "A", "article")], arts, q),
        "duplicate_of naming no quarantined input": (state, arts, [("e1.txt", "h", None), ("e2.txt", "h", "gone.txt")]),
    }
    for expected, tables in cases.items():
        problems = violations(*_tables(*tables))
        assert any(expected in p for p in problems), (expected, problems)
