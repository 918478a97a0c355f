"""Tests for bantin/build/assemble.py and bantin/build/finalise.py: the decisions (exact
duplicates, row failures, aliases, state) and the streaming path, which must publish exactly what
the in-memory `assemble` publishes."""
from __future__ import annotations

import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import schemas
from bantin.build import assemble, finalise, parts, plan, process
from bantin.records import InputFile, Quarantined
from bantin.validate.rows import row_failures
from tests import dataset_factory as factory
from tests.build.oracles import assemble_in_memory, carry_over

COPY = "dddd000000000005"  # same body as BT1 under another name: an exact duplicate
BAD = "eeee000000000006"  # n_words = 0: fails a row-level expectation
V = factory.VERSION


def _batches() -> list[dict[str, pa.Table]]:
    """The crafted corpus as two batches, plus a copy of BT1 and a failing article in the second."""
    base = factory.build_tables()
    extra = schemas.ARTICLES.from_rows([
        factory._article(COPY, body=factory.ARTICLES[0]["body"], title="Bản sao"),
        factory._article(BAD, n_words=0),
    ])
    first = {n: base[n].filter(pa.compute.is_in(base[n].column("article_id"), pa.array([factory.BT1, factory.BT2])))
             for n in schemas.ARTICLE_TABLES}
    second = {n: base[n].filter(pa.compute.invert(pa.compute.is_in(base[n].column("article_id"),
                                                                   pa.array([factory.BT1, factory.BT2]))))
              for n in schemas.ARTICLE_TABLES}
    second["articles"] = pa.concat_tables([second["articles"], extra])
    return [first, second]


def _kwargs(tables_list) -> dict:
    sha = {r["source_file"]: r["content_sha256"] for t in tables_list for r in t["articles"].to_pylist()}
    return dict(identical={"same-bytes.txt": factory.TG}, sha_by_file=sha, context_keys={}, version=V, run_id="r1")


QUARANTINED = [Quarantined("empty.txt", None, "ingest", "empty", "The file is empty.")]


@pytest.fixture(scope="module")
def both(tmp_path_factory):
    batches = _batches()
    mem = assemble_in_memory({}, batches, list(QUARANTINED), **_kwargs(batches))
    parts_dir = tmp_path_factory.mktemp("parts")
    for i, b in enumerate(batches):
        for name, t in b.items():
            parts.write_part(t, parts_dir, name, parts.part_name(i))
    index = pa.concat_tables([process.index_rows(b["articles"]) for b in batches])
    failures = {k: v for b in batches for k, v in row_failures(b).items()}
    d = assemble.decide(index, failures, list(QUARANTINED), kept_quarantine=None, kept_state=None, **_kwargs(batches))
    built = tmp_path_factory.mktemp("built")
    rows = finalise.finalise(parts_dir, [parts.CARRY, parts.part_name(0), parts.part_name(1)], d, built)
    return mem, d, built, rows


@pytest.mark.parametrize("name", schemas.ARTICLE_TABLES)
def test_streaming_finalise_publishes_what_in_memory_assemble_publishes(both, name):
    mem, _, built, rows = both
    got = pq.read_table(built / f"{name}.parquet")
    assert got.to_pylist() == mem.tables[name].to_pylist()
    assert rows[name] == mem.tables[name].num_rows


def test_state_and_quarantine_agree_and_jsonl_has_one_line_per_article(both):
    mem, d, built, _ = both
    assert d.state.to_pylist() == mem.tables["state"].to_pylist()
    drop_time = lambda t: [{k: v for k, v in r.items() if k != "quarantined_at"} for r in t.to_pylist()]  # noqa: E731
    assert drop_time(d.quarantine) == drop_time(mem.tables["quarantine"])
    assert len((built / finalise.JSONL).read_text().splitlines()) == mem.tables["articles"].num_rows


def test_decisions_exact_duplicate_alias_row_failure_and_identical_bytes(both):
    mem, d, _, _ = both
    arts = {r["article_id"]: r for r in mem.tables["articles"].to_pylist()}
    assert COPY not in arts and BAD not in arts
    assert arts[factory.BT1]["aliases"] == [f"{COPY}.txt"]
    assert arts[factory.TG]["aliases"] == ["same-bytes.txt"]
    assert {q.reason for q in d.quarantined_now} == {"empty", "row_expectation_failed"}
    outcomes = {r["source_file"]: r["outcome"] for r in d.state.to_pylist()}
    assert outcomes[f"{COPY}.txt"] == "alias" and outcomes[f"{BAD}.txt"] == "quarantine"
    assert d.counts == {"aliases": 2, "near_duplicates": 0, "row_failures": 1, "quarantined_copies": 0}


def test_kept_aliases_survive_an_incremental_run():
    """An alias carried over in the state keeps its place in its article's `aliases`."""
    state = schemas.STATE.from_rows([
        {"source_file": f"{factory.BT1}.txt", "pipeline_version": V, "article_id": factory.BT1, "outcome": "article"},
        {"source_file": "old-copy.txt", "pipeline_version": V, "article_id": factory.BT1, "outcome": "alias"}])
    index = process.index_rows(factory.build_tables()["articles"])
    d = assemble.decide(index, {}, [], kept_quarantine=None, kept_state=state, identical={}, sha_by_file={},
                        context_keys={}, version=V, run_id=None)
    assert d.aliases[factory.BT1] == ["old-copy.txt"]


def test_carry_over_files_streams_the_rows_carry_over_keeps(tmp_path):
    tables = factory.build_tables()
    tables["state"] = schemas.STATE.from_rows([
        {"source_file": r["source_file"], "content_sha256": r["content_sha256"], "pipeline_version": V,
         "article_id": r["article_id"], "outcome": "article"} for r in factory.ARTICLES]
        + [{"source_file": "empty.txt", "pipeline_version": V, "outcome": "quarantine"}])
    prev = tmp_path / "prev"
    prev.mkdir()
    for name, t in tables.items():
        pq.write_table(t, prev / f"{name}.parquet")
    keep = (f"{factory.BT2}.txt", f"{factory.TG}.txt", "empty.txt")
    expected = carry_over(tables, tables["state"], keep)
    kept_q = plan.carry_over_files(prev, plan.kept_state(tables["state"], keep), tables["quarantine"], tmp_path / "p")
    assert kept_q.to_pylist() == expected["quarantine"].to_pylist()
    for name in schemas.ARTICLE_TABLES:
        got = pq.read_table(parts.part_path(tmp_path / "p", name, parts.CARRY))
        assert got.to_pylist() == expected[name].to_pylist(), name


def test_small_batches_are_gathered_into_row_groups(tmp_path, monkeypatch):
    monkeypatch.setattr(parts, "READ_ROWS", 1)  # every article its own record batch
    monkeypatch.setattr(parts.BufferedWriter, "ROW_GROUP_ROWS", 3)
    tables = factory.build_tables()
    for name in schemas.ARTICLE_TABLES:
        parts.write_part(tables[name], tmp_path / "p", name, parts.part_name(0))
    d = assemble.decide(process.index_rows(tables["articles"]), {}, [], kept_quarantine=None, kept_state=None,
                        identical={}, sha_by_file={}, context_keys={}, version=V, run_id=None)
    finalise.finalise(tmp_path / "p", [parts.part_name(0)], d, tmp_path / "b")
    md = pq.ParquetFile(tmp_path / "b" / "articles.parquet").metadata
    assert [md.row_group(i).num_rows for i in range(md.num_row_groups)] == [3, 1]
    assert pq.read_table(tmp_path / "b" / "articles.parquet").column("article_id").to_pylist() == [
        r["article_id"] for r in factory.ARTICLES]


def _reference_split_identical(files, known):
    """The row-by-row rule `split_identical` implements on columns."""
    seen = dict(known)
    todo, aliases = [], {}
    for f in sorted(files, key=lambda f: f.source_file):
        if f.content_sha256 in seen:
            aliases[f.source_file] = seen[f.content_sha256]
        else:
            seen[f.content_sha256] = f.content_sha256[:16]
            todo.append(f)
    return todo, aliases


_SHAS = st.sampled_from([c * 64 for c in "abcde"])


@settings(max_examples=300, deadline=None)
@given(st.dictionaries(st.text("xyzé/._", min_size=1, max_size=6), _SHAS, max_size=12),
       st.dictionaries(_SHAS, st.text("0123456789", min_size=16, max_size=16), max_size=3))
def test_split_identical_agrees_with_the_row_by_row_rule(by_name, known):
    files = [InputFile(f"/raw/{n}", n, 1, None, sha) for n, sha in by_name.items()]
    todo, aliases = assemble.split_identical(files, known)
    want_todo, want_aliases = _reference_split_identical(files, known)
    assert list(todo) == want_todo and aliases == want_aliases
