"""The incremental plan on crafted inputs and state tables: what is new, changed, unchanged,
deleted, and which previous rows are carried over."""
from __future__ import annotations

from datetime import datetime, timezone

import pyarrow as pa
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import schemas
from bantin.build import plan
from bantin.records import InputFile, Quarantined
from tests.build.oracles import carry_over

V = "0.1.0+aaaa"


def f(name: str, sha: str) -> InputFile:
    return InputFile(path=f"/raw/{name}", source_file=name, size_bytes=10, mtime=None, content_sha256=sha)


def state(*rows: tuple) -> pa.Table:
    """rows: (source_file, sha, version, context_key, article_id, outcome)."""
    keys = ("source_file", "content_sha256", "pipeline_version", "context_key", "article_id", "outcome")
    return schemas.STATE.from_rows([dict(zip(keys, r)) for r in rows])


PREV = state(("a.txt", "sa", V, "ka", "id-a", "article"), ("b.txt", "sb", V, "kb", "id-b", "article"),
             ("c.txt", "sc", V, "kc", "id-c", "article"))
CTX = {"a.txt": "ka", "b.txt": "kb", "c.txt": "kc", "d.txt": "kd"}


def test_first_run_processes_everything():
    p = plan.make_plan([f("a.txt", "sa")], None, version=V, context_keys=CTX, full=False)
    assert (p.mode, [x.source_file for x in p.todo], p.new) == ("first", ["a.txt"], ("a.txt",))


@pytest.mark.parametrize("files, expect", [
    # nothing changed
    ([f("a.txt", "sa"), f("b.txt", "sb"), f("c.txt", "sc")],
     {"todo": [], "new": (), "changed": (), "deleted": (), "keep": ("a.txt", "b.txt", "c.txt")}),
    # one added
    ([f("a.txt", "sa"), f("b.txt", "sb"), f("c.txt", "sc"), f("d.txt", "sd")],
     {"todo": ["d.txt"], "new": ("d.txt",), "changed": (), "deleted": (), "keep": ("a.txt", "b.txt", "c.txt")}),
    # one changed, one deleted
    ([f("a.txt", "sa"), f("b.txt", "CHANGED")],
     {"todo": ["b.txt"], "new": (), "changed": ("b.txt",), "deleted": ("c.txt",), "keep": ("a.txt",)}),
])
def test_incremental_plan(files, expect):
    p = plan.make_plan(files, PREV, version=V, context_keys=CTX, full=False)
    assert p.mode == "incremental"
    assert [x.source_file for x in p.todo] == expect["todo"]
    assert (p.new, p.changed, p.deleted, p.keep) == (expect["new"], expect["changed"], expect["deleted"], expect["keep"])


def test_a_changed_corpus_context_reprocesses_the_file():
    files = [f("a.txt", "sa"), f("b.txt", "sb"), f("c.txt", "sc")]
    p = plan.make_plan(files, PREV, version=V, context_keys={**CTX, "a.txt": "other"}, full=False)
    assert p.changed == ("a.txt",) and p.keep == ("b.txt", "c.txt")


def test_a_new_version_reprocesses_everything():
    files = [f("a.txt", "sa"), f("b.txt", "sb"), f("d.txt", "sd")]
    p = plan.make_plan(files, PREV, version="0.1.0+bbbb", context_keys=CTX, full=False)
    assert p.mode == "version" and len(p.todo) == 3 and p.keep == ()
    assert (p.new, p.changed, p.deleted) == (("d.txt",), ("a.txt", "b.txt"), ("c.txt",))


def test_full_reprocesses_everything():
    files = [f("a.txt", "sa"), f("b.txt", "sb"), f("c.txt", "sc")]
    p = plan.make_plan(files, PREV, version=V, context_keys=CTX, full=True)
    assert p.mode == "full" and len(p.todo) == 3 and p.keep == ()
    assert not plan.is_noop(p)


def test_an_alias_of_a_reprocessed_article_is_reprocessed_too():
    prev = state(("a.txt", "sa", V, "ka", "id-a", "article"), ("a-copy.txt", "sa", V, "ka", "id-a", "alias"))
    files = [f("a.txt", "CHANGED"), f("a-copy.txt", "sa")]
    p = plan.make_plan(files, prev, version=V, context_keys={"a.txt": "ka", "a-copy.txt": "ka"}, full=False)
    assert sorted(x.source_file for x in p.todo) == ["a-copy.txt", "a.txt"] and p.keep == ()


@pytest.mark.parametrize("sha, outcome, expect", [
    ("sq", "quarantine", "keep"),  # same broken file as last time: carried over, nothing to do
    ("sq2", "quarantine", "changed"),  # different bytes, still broken: a fresh quarantine row
    ("sq", "article", "changed"),  # was an article, now rejected at scan
])
def test_scan_quarantined_inputs(sha, outcome, expect):
    prev = state(("a.txt", "sa", V, "ka", "id-a", "article"), ("q.txt", "sq", V, None, None if outcome != "article"
                                                                else "id-q", outcome))
    q = Quarantined("q.txt", sha, "ingest", "too_large", "too big")
    p = plan.make_plan([f("a.txt", "sa")], prev, version=V, context_keys=CTX, full=False, quarantined=[q])
    assert p.deleted == ()
    assert ("q.txt" in p.keep) is (expect == "keep") and ("q.txt" in p.changed) is (expect == "changed")
    assert plan.is_noop(p) is (expect == "keep")
    assert plan.fresh_quarantine(p, [q]) == ([] if expect == "keep" else [q])


def test_a_new_scan_quarantined_input_is_new():
    q = Quarantined("q.txt", None, "ingest", "dangling_symlink", "link to nowhere")
    p = plan.make_plan([f("a.txt", "sa"), f("b.txt", "sb"), f("c.txt", "sc")], PREV, version=V,
                       context_keys=CTX, full=False, quarantined=[q])
    assert p.new == ("q.txt",) and p.todo == () and not plan.is_noop(p)


def test_carry_over_keeps_only_rows_of_kept_inputs():
    arts = schemas.ARTICLES.empty()
    lines = schemas.LINES.from_rows([
        {"article_id": aid, "line_no": 0, "text": "x", "clean_text": "x", "role": "body", "rule": "r", "split": "line",
             "raw_line": 0}
        for aid in ("id-a", "id-b", "id-c")])
    quarantine = schemas.QUARANTINE.from_rows([
        {"source_file": s, "content_sha256": None, "stage": "ingest", "reason": "empty", "detail": "d",
         "quarantined_at": datetime(2025, 1, 1, tzinfo=timezone.utc)}
        for s in ("a.txt", "z.txt")])
    kept = carry_over({"articles": arts, "lines": lines, "quarantine": quarantine, "state": PREV}, PREV,
                           ("a.txt", "c.txt"))
    assert kept["state"].column("source_file").to_pylist() == ["a.txt", "c.txt"]
    assert sorted(kept["lines"].column("article_id").to_pylist()) == ["id-a", "id-c"]
    assert kept["quarantine"].column("source_file").to_pylist() == ["a.txt"]


@pytest.mark.parametrize("stored_index", [True, False])
def test_carry_over_files_carries_the_kept_articles_dedup_index(tmp_path, stored_index):
    """The kept articles' signatures come from the previous snapshot's index, or (a snapshot
    written before the index was kept) are computed once from the kept bodies: same rows."""
    import dataset_factory
    import pyarrow.parquet as pq

    from bantin.build import parts, process

    prev = tmp_path / "prev"
    prev.mkdir()
    articles = dataset_factory.build_tables()["articles"]
    pq.write_table(articles, prev / "articles.parquet")
    full_index = process.index_rows(articles)
    if stored_index:
        (prev / "internal").mkdir()
        pq.write_table(full_index, prev / schemas.DEDUP_INDEX_FILE)
    srcs, aids = articles.column("source_file").to_pylist(), articles.column("article_id").to_pylist()
    state = schemas.STATE.from_rows([{"source_file": s, "content_sha256": None, "pipeline_version": V,
                                      "context_key": None, "article_id": a, "outcome": "article"}
                                     for s, a in zip(srcs[:-1], aids[:-1])])  # the last one is not kept
    plan.carry_over_files(prev, state, None, tmp_path / "parts")
    got = pq.read_table(parts.part_path(tmp_path / "parts", parts.INDEX, parts.CARRY))
    assert len(aids) > 1
    assert sorted(got.to_pylist(), key=str) == sorted(full_index.to_pylist()[:-1], key=str)


def _reference_plan(files, prev_state, *, version, context_keys, quarantined=()):
    """The plan as first written, over Python dicts of the previous rows: the oracle the columnar
    `make_plan` must agree with (incremental and version modes)."""
    current = {x.source_file: x for x in files}
    names = [*current, *(q.source_file for q in quarantined)]
    prev = {r["source_file"]: r for r in prev_state.to_pylist()}
    deleted = tuple(s for s in prev_state.column("source_file").to_pylist() if s not in set(names))
    if all(r["pipeline_version"] != version for r in prev.values()):
        return (tuple(files), (), tuple(s for s in names if s not in prev), tuple(s for s in names if s in prev),
                deleted, "version")
    keep, todo, new, changed = [], [], [], []
    for src, x in current.items():
        old = prev.get(src)
        if old is None:
            new.append(src)
            todo.append(x)
        elif (old["content_sha256"], old["pipeline_version"], old["context_key"]) != (
                x.content_sha256, version, context_keys.get(src)):
            changed.append(src)
            todo.append(x)
        else:
            keep.append(src)
    for q in quarantined:
        old = prev.get(q.source_file)
        if old is None:
            new.append(q.source_file)
        elif (old["outcome"], old["content_sha256"], old["pipeline_version"]) == ("quarantine", q.content_sha256, version):
            keep.append(q.source_file)
        else:
            changed.append(q.source_file)
    kept_articles = {prev[s]["article_id"] for s in keep if prev[s]["outcome"] == "article"}
    for src in list(keep):
        if prev[src]["outcome"] == "alias" and prev[src]["article_id"] not in kept_articles:
            keep.remove(src)
            changed.append(src)
            todo.append(current[src])
    return tuple(todo), tuple(keep), tuple(new), tuple(changed), deleted, "incremental"


_NAMES = st.sampled_from([f"{c}.txt" for c in "abcdefgh"])
_SHA = st.sampled_from(["s1", "s2", "s3", None])
_KEY = st.sampled_from(["k1", "k2", None])


@settings(max_examples=300, deadline=None)
@given(prev_rows=st.dictionaries(_NAMES, st.tuples(_SHA, st.sampled_from([V, "0.0.9"]), _KEY,
                                                   st.sampled_from(["id-a", "id-b", "id-c", None]),
                                                   st.sampled_from(["article", "alias", "quarantine"])), min_size=1),
       current=st.dictionaries(_NAMES, st.tuples(_SHA, _KEY)),
       quarantined=st.dictionaries(_NAMES, _SHA, max_size=3))
def test_columnar_plan_agrees_with_the_row_by_row_reference(prev_rows, current, quarantined):
    files = [InputFile(path=f"/raw/{n}", source_file=n, size_bytes=1, mtime=None, content_sha256=sha)
             for n, (sha, _) in current.items()]
    ctx = {n: k for n, (_, k) in current.items() if k is not None}
    qs = [Quarantined(n, sha, "ingest", "too_large", "") for n, sha in quarantined.items() if n not in current]
    prev = state(*((n, *row) for n, row in prev_rows.items()))
    p = plan.make_plan(files, prev, version=V, context_keys=ctx, full=False, quarantined=qs)
    assert (p.todo, p.keep, p.new, p.changed, p.deleted, p.mode) == _reference_plan(
        files, prev, version=V, context_keys=ctx, quarantined=qs)


def test_known_articles_is_limited_to_the_files_to_process():
    kept = state(("a.txt", "sa", V, "ka", "id-a", "article"), ("b.txt", "sb", V, "kb", "id-b", "article"),
                 ("c.txt", "sa", V, "ka", "id-a", "alias"))
    assert plan.known_articles(kept, {"sa", "sz"}) == {"sa": "id-a"}
    assert plan.known_articles(kept, set()) == {} and plan.known_articles(None, {"sa"}) == {}


def test_inputs_under_a_directory_that_cannot_be_read_are_kept_not_deleted():
    """`sub/` is unreadable today: its inputs are not seen, but they were not deleted either."""
    prev = state(("a.txt", "sa", V, "ka", "id-a", "article"), ("sub/b.txt", "sb", V, "kb", "id-b", "article"),
                 ("sub/c.txt", "sc", V, None, None, "quarantine"), ("subway.txt", "sw", V, "kw", "id-w", "article"))
    p = plan.make_plan([f("a.txt", "sa")], prev, version=V, context_keys=CTX, full=False, unseen=["sub/"])
    assert (p.keep, p.deleted, list(p.todo)) == (("a.txt", "sub/b.txt", "sub/c.txt"), ("subway.txt",), [])
    assert not plan.is_noop(p)  # subway.txt is gone: the snapshot changes
    full = plan.make_plan([f("a.txt", "sa")], prev, version=V, context_keys=CTX, full=True, unseen=["sub/"])
    assert "sub/b.txt" in full.deleted  # --full reprocesses what it sees; nothing is carried over
