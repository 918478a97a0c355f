"""What each input becomes (bantin/build/outcomes.py via assemble.decide): copies of quarantined
files are quarantined with `duplicate_of`, an alias always names a published article, and the
state table agrees with the tables (bantin/validate/accounting.py)."""
from __future__ import annotations

import hashlib

import pyarrow as pa
import pytest

import schemas
from bantin.build import assemble, outcomes
from bantin.records import Quarantined
from bantin.validate.accounting import AccountingError, violations

V = "v1"


def _index(*rows: tuple[str, str, str]) -> pa.Table:
    """(article_id, source_file, text key) rows; the exact key is a hex hash of the text key, no
    signatures (no near duplicates)."""
    key = lambda k: hashlib.sha256(k.encode()).hexdigest()  # noqa: E731
    return pa.table({"article_id": [r[0] for r in rows], "source_file": [r[1] for r in rows],
                     "exact_key": [key(r[2]) for r in rows], "signature": [None] * len(rows)},
                    schema=schemas.DEDUP_INDEX)


def _decide(index, *, failures=None, quarantined=(), identical=None, sha=None, kept_state=None):
    return assemble.decide(index, failures or {}, list(quarantined), kept_quarantine=None, kept_state=kept_state,
                           identical=identical or {}, sha_by_file=sha or {}, context_keys={}, version=V,
                           run_id="r")


def _articles(d: assemble.Decision, index: pa.Table) -> pa.Table:
    keep = [i for i, a in enumerate(index.column("article_id").to_pylist()) if a not in d.drop]
    t = index.take(keep)
    return pa.table({"article_id": t.column("article_id"), "source_file": t.column("source_file"),
                     "aliases": pa.array([d.aliases.get(a, []) for a in t.column("article_id").to_pylist()],
                                         pa.list_(pa.string()))})


def _check(d, index):
    assert violations(d.state, _articles(d, index), d.quarantine) == []


def test_copies_of_a_quarantined_file_are_quarantined_with_duplicate_of():
    sha = "e" * 64
    empty = Quarantined("empty1.txt", sha, "ingest", "empty", "The file is empty.")
    index = _index(("a" * 16, "a.txt", "k1"))
    d = _decide(index, quarantined=[empty], identical={"empty2.txt": sha[:16], "empty3.txt": sha[:16]},
                sha={"empty1.txt": sha, "empty2.txt": sha, "empty3.txt": sha, "a.txt": "a" * 64})
    q = {r["source_file"]: r for r in d.quarantine.to_pylist()}
    assert {n: (r["reason"], r["duplicate_of"]) for n, r in q.items()} == {
        "empty1.txt": ("empty", None), "empty2.txt": ("empty", "empty1.txt"), "empty3.txt": ("empty", "empty1.txt")}
    assert d.aliases == {} and d.counts["quarantined_copies"] == 2
    _check(d, index)


def test_byte_copies_of_a_text_twin_alias_the_article_that_is_published():
    """seed.txt, its CRLF twin (same text, other bytes) and two byte copies of the twin: the
    twin is an alias of the seed, and so are its copies (they used to name the twin's id)."""
    index = _index(("s" * 16, "seed.txt", "K"), ("t" * 16, "twin.txt", "K"))
    d = _decide(index, identical={"twin_copy1.txt": "t" * 16, "twin_copy2.txt": "t" * 16})
    assert d.aliases == {"s" * 16: ["twin.txt", "twin_copy1.txt", "twin_copy2.txt"]}
    assert "t" * 16 in d.drop
    _check(d, index)


def test_a_row_failure_is_quarantined_with_its_copies_and_its_text_twin_survives():
    index = _index(("b" * 16, "bad.txt", "K"), ("c" * 16, "twin.txt", "K"))
    d = _decide(index, failures={"b" * 16: ["articles.body has no replacement character U+FFFD"]},
                identical={"bad_copy.txt": "b" * 16}, sha={"bad.txt": "b" * 64, "bad_copy.txt": "b" * 64})
    q = {r["source_file"]: (r["stage"], r["reason"], r["duplicate_of"]) for r in d.quarantine.to_pylist()}
    assert q == {"bad.txt": ("validate", "row_expectation_failed", None),
                 "bad_copy.txt": ("validate", "row_expectation_failed", "bad.txt")}
    assert d.aliases == {} and "c" * 16 not in d.drop  # the twin passes its own checks: published
    _check(d, index)


def test_kept_aliases_follow_their_article_when_it_becomes_an_alias_itself():
    """A new file with the same text sorts before a kept article: the kept article and its kept
    aliases all become aliases of the new one, and their state rows say so."""
    kept = schemas.STATE.from_rows([
        {"source_file": "b.txt", "pipeline_version": V, "article_id": "b" * 16, "outcome": "article"},
        {"source_file": "b_copy.txt", "pipeline_version": V, "article_id": "b" * 16, "outcome": "alias"}])
    index = _index(("b" * 16, "b.txt", "K"), ("a" * 16, "a.txt", "K"))
    d = _decide(index, kept_state=kept)
    assert d.aliases == {"a" * 16: ["b.txt", "b_copy.txt"]}
    state = {r["source_file"]: (r["outcome"], r["article_id"]) for r in d.state.to_pylist()}
    assert state == {"a.txt": ("article", "a" * 16), "b.txt": ("alias", "a" * 16), "b_copy.txt": ("alias", "a" * 16)}
    _check(d, index)


def test_an_alias_of_nothing_is_a_loud_error_not_a_lost_input():
    with pytest.raises(AccountingError, match="not published"):
        outcomes.resolve({"x.txt": "f" * 16}, canonical={}, quarantined_by_id={}, published=pa.array(["a"]),
                         sha_by_file={})


def test_duplicate_of_names_the_first_copy_by_name():
    rows = [{"source_file": n, "content_sha256": s} for n, s in
            (("c.txt", "1"), ("a.txt", "1"), ("b.txt", None), ("d.txt", "2"), ("e.txt", "1"))]
    got = {r["source_file"]: r["duplicate_of"] for r in outcomes.with_duplicate_of(rows)}
    assert got == {"a.txt": None, "b.txt": None, "c.txt": "a.txt", "d.txt": None, "e.txt": "a.txt"}
