"""Tests for bantin/validate/gate.py: row-level failures (polars) and the GE suites.

GE is slow to import (~5-7 s), so every run_suites call happens once, in module-scoped fixtures.
The gazetteer is replaced by a tiny one, so these tests do not depend on its contents.
"""
from __future__ import annotations

import hashlib
import json
import sys
import types
from datetime import date, datetime, timedelta, timezone
from zoneinfo import ZoneInfo

import polars as pl
import pyarrow as pa
import pyarrow.parquet as pq
import pytest

import schemas
from bantin.validate.gate import run_suites
from bantin.validate.rows import row_failures, runtime_values
from schemas._base import TZ

TINY_GAZETTEER = types.SimpleNamespace(PROVINCES=("Quảng Bình", "Tiền Giang"), PROVINCES_2025=("Quảng Trị", "Đồng Tháp"))
NOW = datetime(2024, 5, 1, tzinfo=timezone.utc)
TOMORROW = datetime.now(ZoneInfo(TZ)).date() + timedelta(days=1)
ORPHAN = "ffffffffffffffff"


def _sha(i: int) -> str:
    return hashlib.sha256(f"article {i}".encode()).hexdigest()


def aid(i: int) -> str:
    return _sha(i)[:16]


def _article(i: int) -> dict:
    body = "Chiều 27/12, Ban Chỉ đạo tổ chức hội nghị tổng kết.\n\nĐồng chí Bí thư Tỉnh ủy chủ trì."
    return dict(
        article_id=aid(i), source_file=f"{i:03d}.txt", content_sha256=_sha(i), aliases=[], size_bytes=len(body) + 40,
        mtime=NOW, encoding="utf-8", repairs=["nfc"], title="Ban Chỉ đạo tổng kết", published_date=date(2020, 12, 28),
        date_source="dateline", outlet="Báo Quảng Bình", authors=["Nguyễn Giang"], provinces=["Quảng Bình"],
        provinces_2025=["Quảng Trị"], body=body, language="vi", n_chars=len(body), n_words=18, n_sentences=2,
        n_paragraphs=2, raw_text=body, pipeline_version="0.1.0", processed_at=NOW,
    )


def good_tables(n: int = 12) -> dict[str, list[dict]]:
    """Rows of every table for n articles, each long table with one or more rows per article."""
    rows: dict[str, list[dict]] = {name: [] for name in schemas.TABLES}
    for i in range(n):
        a = aid(i)
        rows["articles"].append(_article(i))
        rows["lines"] += [dict(article_id=a, line_no=k, raw_line=k, text=t, clean_text=t, role=r, rule="default." + r, split="line")
                          for k, (t, r) in enumerate([("Tiêu đề", "title"), ("Đoạn một.", "body"), ("BÌNH LUẬN", "comment_prompt")])]
        rows["people"].append(dict(article_id=a, name="Nguyễn Thị Thanh", posts=["Bí thư Tỉnh ủy"], honorific="đồng chí"))
        rows["organisations"].append(dict(article_id=a, name="Ban Chỉ đạo 138", kind="committee", mentions=2))
        rows["legal_refs"].append(dict(article_id=a, doc_type="Nghị quyết", number="28", symbol="28-NQ/TW",
                                       issuer="TW", issuer_name="Trung ương Đảng", mention="Nghị quyết số 28-NQ/TW"))
        rows["quantities"].append(dict(article_id=a, value=7900.0, noun="công dân", mention="7.900 công dân", sentence="Có 7.900 công dân."))
        rows["quantities"].append(dict(article_id=a, value=4e9, unit="đồng", mention="4 tỷ đồng", sentence="Hỗ trợ 4 tỷ đồng."))
        rows["periods"].append(dict(article_id=a, start_year=2015, end_year=2020, mention="giai đoạn 2015 - 2020"))
        rows["acronyms"].append(dict(article_id=a, acronym="ANTQ", expansion="an ninh Tổ quốc", source="in_text"))
        rows["state"].append(dict(source_file=f"{i:03d}.txt", content_sha256=_sha(i), pipeline_version="0.1.0", article_id=a, outcome="article"))
    rows["quarantine"].append(dict(source_file="image.txt", content_sha256="0" * 64, stage="ingest", reason="binary",
                                   detail="PNG bytes", quarantined_at=NOW))
    return rows


def build(rows: dict[str, list[dict]]) -> dict[str, pa.Table]:
    return {name: schemas.TABLES[name].from_rows(r) for name, r in rows.items()}


def _set(table: str, i: int, **values):
    def mutate(rows):
        for r in rows[table]:
            if r.get("article_id") == aid(i):
                r.update(values)
    return mutate


def _add(table: str, row_from, **values):
    def mutate(rows):
        rows[table].append({**row_from(rows), **values})
    return mutate


# (case id, mutation of article i, blamed article id, phrase of the failed expectation, suite)
BAD = [
    ("duplicate_id", _add("articles", lambda r: r["articles"][1], source_file="dup.txt"), aid(1), "article_id is unique", "articles"),
    ("date_1900", _set("articles", 2, published_date=date(1900, 1, 1)), aid(2), "published_date is between", "articles"),
    ("date_future", _set("articles", 3, published_date=TOMORROW + timedelta(days=2)), aid(3), "published_date is between", "articles"),
    ("zero_words", _set("articles", 4, n_words=0), aid(4), "n_words > 0", "articles"),
    ("boilerplate", _set("articles", 5, body="Đoạn văn.\n\nBÌNH LUẬN\n\nPlease enter your comment!"), aid(5), "no boilerplate", "articles"),
    ("replacement_char", _set("articles", 6, body="Các đơn v\ufffd được khen."), aid(6), "U+FFFD", "articles"),
    ("orphan_row", _add("people", lambda r: r["people"][0], article_id=ORPHAN), ORPHAN, "refers to an article", "people"),
    ("bad_symbol", _set("legal_refs", 7, symbol="NQ/TW-28"), aid(7), "legal_refs.symbol", "legal_refs"),
    ("nan_quantity", _set("quantities", 8, value=float("nan")), aid(8), "quantities.value", "quantities"),
    ("unknown_province", _set("articles", 9, provinces=["Quảng Bình", "Gotham"]), aid(9), "provinces are in the gazetteer", "articles"),
    ("unknown_role", _set("lines", 10, role="footer"), aid(10), "lines.role", "lines"),
    ("period_reversed", _set("periods", 11, start_year=2020, end_year=2015), aid(11), "start_year <= end_year", "periods"),
    ("inf_quantity", _set("quantities", 0, value=float("inf")), aid(0), "quantities.value is a finite", "quantities"),
    ("duplicate_line", _add("lines", lambda r: r["lines"][0]), aid(0), "(article_id, line_no) is unique", "lines"),
    ("noun_as_unit", _set("quantities", 1, unit="công dân"), aid(1), "quantities.unit is a unit of measure", "quantities"),
    ("unknown_issuer_name", _set("legal_refs", 2, issuer_name="Ban Gotham"), aid(2), "legal_refs.issuer_name", "legal_refs"),
]


@pytest.fixture(autouse=True, scope="module")
def tiny_gazetteer():
    with pytest.MonkeyPatch.context() as mp:
        mp.setitem(sys.modules, "bantin.vi.gazetteer", TINY_GAZETTEER)
        yield


def test_good_tables_have_no_row_failures():
    assert row_failures(build(good_tables())) == {}


@pytest.mark.parametrize("case, mutate, blamed, phrase, suite", BAD, ids=[b[0] for b in BAD])
def test_each_bad_row_blames_its_article(case, mutate, blamed, phrase, suite):
    rows = good_tables()
    mutate(rows)
    failures = row_failures(build(rows))
    assert set(failures) == {blamed}
    assert any(phrase in reason for reason in failures[blamed]), failures


def test_row_failures_collects_every_reason_of_an_article():
    rows = good_tables()
    _set("articles", 1, n_words=0, n_chars=0)(rows)
    _set("periods", 1, start_year=2030)(rows)
    reasons = row_failures(build(rows))[aid(1)]
    assert reasons == ["articles.n_words > 0", "articles.n_chars > 0", "periods.start_year <= end_year"]


def test_missing_gazetteer_skips_only_the_province_checks(monkeypatch):
    monkeypatch.setitem(sys.modules, "bantin.vi.gazetteer", None)  # import raises ImportError
    rows = good_tables()
    _set("articles", 9, provinces=["Gotham"])(rows)
    _set("articles", 4, n_words=0)(rows)
    values, missing = runtime_values(build(rows))
    assert set(missing) == {"provinces", "provinces_2025"} and "article_ids" in values
    assert set(row_failures(build(rows))) == {aid(4)}


@pytest.fixture(scope="module")
def good_run(tmp_path_factory):
    return run_suites(build(good_tables()), quality_dir=tmp_path_factory.mktemp("good"), run_id="run-good")


@pytest.fixture(scope="module")
def bad_run(tmp_path_factory):
    rows = good_tables()
    for _, mutate, *_ in BAD:
        mutate(rows)
    return run_suites(build(rows), quality_dir=tmp_path_factory.mktemp("bad"), run_id="run-bad")


def test_good_tables_pass_every_suite(good_run):
    assert good_run.success
    assert [s.table for s in good_run.suites] == [n for n in schemas.TABLES]
    for s in good_run.suites:
        assert s.success and not s.failed and not s.skipped, s
        assert s.evaluated == s.successful == len(s.details) > 1
    assert all(d["status"] == "pass" for s in good_run.suites for d in s.details)


@pytest.mark.parametrize("case, mutate, blamed, phrase, suite", BAD, ids=[b[0] for b in BAD])
def test_suite_catches_each_bad_row(bad_run, case, mutate, blamed, phrase, suite):
    result = next(s for s in bad_run.suites if s.table == suite)
    assert not result.success
    assert any(phrase in d for d in result.failed), result.failed


def test_bad_run_reports_observed_values_and_no_errors(bad_run):
    assert not bad_run.success
    details = [d for s in bad_run.suites for d in s.details]
    assert not [d for d in details if d["status"] == "error"]
    date_check = next(d for d in details if "published_date is between" in d["description"])
    assert date_check["observed"].startswith("2 unexpected of 13")
    assert "1900-01-01" in date_check["observed"]


def test_run_writes_json_and_an_index_listing_every_suite(good_run):
    index = good_run.index_html.read_text(encoding="utf-8")
    for name in schemas.TABLES:
        assert f'id="{name}"' in index
        results = json.loads((good_run.index_html.parent / "validation" / f"{name}.json").read_text(encoding="utf-8"))
        assert results[name]["success"] is True
    summary = json.loads(good_run.summary_json.read_text(encoding="utf-8"))
    assert summary["success"] is True and len(summary["suites"]) == len(schemas.TABLES)
    assert "articles.body contains no boilerplate" in index
    assert good_run.data_docs == "native"
    assert (good_run.index_html.parent / "gx" / "index.html").exists()
    assert "gx/validations/articles/run-good/" in index


def test_markdown_has_one_row_per_suite(good_run, bad_run):
    md = good_run.to_markdown()
    assert all(f"| {name} | ✅ pass |" in md for name in schemas.TABLES)
    bad_md = bad_run.to_markdown()
    assert "| articles | ❌ FAIL |" in bad_md and "articles.n_words > 0" in bad_md


def test_missing_gazetteer_is_reported_as_skipped(tmp_path):
    with pytest.MonkeyPatch.context() as mp:
        mp.setitem(sys.modules, "bantin.vi.gazetteer", None)
        tables = build(good_tables(2))
        report = run_suites({"articles": tables["articles"]}, quality_dir=tmp_path, run_id=None)
    (articles,) = report.suites
    assert report.success and len(articles.skipped) == 2
    assert all("gazetteer not importable" in s for s in articles.skipped)
    assert articles.evaluated == len(articles.details) - 2


def test_row_failures_without_articles_skips_referential_integrity_only():
    rows = good_tables(2)
    _set("periods", 1, start_year=2030)(rows)
    tables = build(rows)
    del tables["articles"]
    assert row_failures(tables) == {aid(1): ["periods.start_year <= end_year"]}
    assert row_failures({}) == {}


# ---------------------------------------------------------------- chunked validation of files


def _detail(status: str, observed: str = "0 unexpected of 7") -> dict:
    return {"description": "d", "expectation": "ExpectColumnValuesToNotBeNull", "kwargs": {"column": "x"},
            "row_level": True, "status": status, "observed": observed}


@pytest.mark.parametrize("statuses, worst", [
    (["pass", "pass"], "pass"), (["pass", "fail"], "fail"), (["fail", "error", "pass"], "error"),
    (["skipped", "skipped"], "skipped"),
])
def test_merge_keeps_the_worst_status_over_chunks(statuses, worst):
    from bantin.validate.chunks import merge

    merged = merge([[_detail(s)] for s in statuses], [7] * len(statuses))
    assert merged[0]["status"] == worst
    if worst in ("fail", "error"):
        assert "chunk" in merged[0]["observed"]


def test_key_duplicates_are_found_across_chunks_of_a_file(tmp_path):
    from bantin.validate.chunks import chunks, key_duplicates

    rows = good_tables()
    path = tmp_path / "lines.parquet"
    pq.write_table(build(rows)["lines"], path, row_group_size=5)
    assert key_duplicates(path, ["article_id", "line_no"]) == 0
    rows["lines"].append(dict(rows["lines"][0]))
    pq.write_table(build(rows)["lines"], path, row_group_size=5)
    assert key_duplicates(path, ["article_id", "line_no"]) == 1
    assert key_duplicates(path, ["article_id"]) == len(rows["lines"]) - len(rows["articles"])
    assert sum(c.num_rows for c in chunks(path)) == len(rows["lines"])


def test_chunk_rows_are_bounded_by_bytes_and_by_a_row_cap(tmp_path):
    """A narrow table whose Parquet encoding is tiny (one repeated id) still gets chunks of at
    most MAX_ROWS rows; a wide one gets about CHUNK_BYTES per chunk; never fewer than MIN_ROWS."""
    from bantin.validate import chunks as vc

    narrow, wide = tmp_path / "narrow.parquet", tmp_path / "wide.parquet"
    n = 3 * vc.MAX_ROWS + 5
    pq.write_table(pa.table({"article_id": ["a" * 16] * n, "name": ["x"] * n}), narrow)
    pq.write_table(pa.table({"body": [f"{i:08d}" * 500 for i in range(3000)]}), wide)
    assert vc.rows_per_chunk(narrow) == vc.MAX_ROWS
    assert [c.num_rows for c in vc.chunks(narrow)] == [vc.MAX_ROWS] * 3 + [5]
    assert 1900 < vc.rows_per_chunk(wide, chunk_bytes=8_000_000) <= 2000  # ~4,000 bytes a row
    assert vc.rows_per_chunk(wide, chunk_bytes=1000) == vc.MIN_ROWS


def test_a_file_is_validated_in_chunks_and_a_key_repeated_across_chunks_fails(tmp_path, monkeypatch):
    from bantin.validate import chunks as validate_chunks

    monkeypatch.setattr(validate_chunks, "rows_per_chunk", lambda path, chunk_bytes=0: 7)
    rows = good_tables()
    rows["articles"].append(dict(rows["articles"][0]))  # article 0 again, in the second chunk
    path = tmp_path / "articles.parquet"
    pq.write_table(build(rows)["articles"], path)
    report = run_suites({"articles": path}, quality_dir=tmp_path / "q", run_id=None)
    (suite,) = report.suites
    assert [d["description"] for d in suite.details if d["status"] != "pass"] == ["articles.article_id is unique"]
    assert "repeat a key" in next(d["observed"] for d in suite.details if d["status"] == "fail")
    raw = json.loads((tmp_path / "q" / "validation" / "articles.json").read_text())
    assert {"articles", "articles__chunk2"} <= set(raw)


def test_ge_keeps_each_chunks_result_on_disk_and_the_docs_list_every_chunk(tmp_path, monkeypatch):
    """GE's stores are files while the run validates (memory must not grow with the number of
    chunks), the Data Docs still get a page per chunk, and the working copy is removed after."""
    from bantin.validate import chunks as validate_chunks
    from bantin.validate import gx as validate_gx

    monkeypatch.setattr(validate_chunks, "rows_per_chunk", lambda path, chunk_bytes=0: 5)
    path = tmp_path / "articles.parquet"
    pq.write_table(build(good_tables())["articles"], path)
    seen: dict[str, list[str]] = {}
    build_docs = validate_gx.Runner.build_docs

    def spy(self):
        store = self.store_dir / "validation_results_store_name"
        seen["results"] = sorted(p.parent.parent.parent.name for p in store.rglob("*.json"))
        seen["listed"] = list(self.ctx.validation_results_store.list_keys())
        return build_docs(self)

    monkeypatch.setattr(validate_gx.Runner, "build_docs", spy)
    report = run_suites({"articles": path}, quality_dir=tmp_path / "q", run_id="r1")
    n = -(-pq.ParquetFile(path).metadata.num_rows // 5)
    chunks = ["articles"] + [f"articles__chunk{k}" for k in range(2, n + 1)]
    assert n >= 2 and set(chunks) <= set(seen["results"])
    assert len(seen["listed"]) == len(seen["results"])  # what GE lists is what is on disk
    assert report.data_docs == "native" and not (tmp_path / "q" / validate_gx.STORE_DIR).exists()
    index = report.index_html.read_text(encoding="utf-8")
    assert all(f"gx/validations/{c}/r1/" in index for c in chunks)


def _value_sets(raw: dict) -> dict[str, list]:
    """GE batch -> the value_set of its article_id expectation, as GE recorded it."""
    return {batch: r["expectation_config"]["kwargs"]["value_set"] for batch, res in raw.items()
            for r in res["results"] if r["expectation_config"]["kwargs"].get("column") == "article_id"
            and "value_set" in r["expectation_config"]["kwargs"]}


def test_chunked_referential_check_uses_a_chunk_sized_value_set_and_still_finds_orphans(tmp_path, monkeypatch):
    from bantin.validate import chunks as validate_chunks

    monkeypatch.setattr(validate_chunks, "rows_per_chunk", lambda path, chunk_bytes=0: 5)
    rows = good_tables()  # 12 articles, one people row each
    rows["people"] += [{**rows["people"][0], "article_id": ORPHAN}, {**rows["people"][1], "article_id": ORPHAN, "name": "Lê Văn Hai"}]
    paths = {}
    for name in ("articles", "people"):
        paths[name] = tmp_path / f"{name}.parquet"
        pq.write_table(build(rows)[name], paths[name])
    report = run_suites(paths, quality_dir=tmp_path / "q", run_id=None)
    people = next(s for s in report.suites if s.table == "people")
    assert people.failed == ["people.article_id refers to an article in articles"]
    observed = next(d["observed"] for d in people.details if d["status"] == "fail")
    assert observed.startswith("chunk 3 (4 rows): 2 unexpected of 4") and ORPHAN in observed
    sets = _value_sets(json.loads((tmp_path / "q" / "validation" / "people.json").read_text()))
    assert set(sets) == {"people", "people__chunk2", "people__chunk3"}
    ids = [r["article_id"] for r in rows["people"]]
    assert sets == {"people": sorted(ids[:5]), "people__chunk2": sorted(ids[5:10]), "people__chunk3": sorted(ids[10:12])}


@pytest.mark.parametrize("column, each, values, expected", [
    ("article_id", False, [aid(0), aid(0), None, ORPHAN], [aid(0)]),
    ("article_id", False, [ORPHAN], []),  # nothing of the chunk is an article: GE must fail every row
    ("ids", True, [[aid(1), ORPHAN], None, [aid(0)]], [aid(0), aid(1)]),
])
def test_bounded_plan_keeps_only_the_chunks_values_that_are_in_the_set(column, each, values, expected):
    from bantin.validate.chunks import bounded_plan
    from schemas.suites import ExpectationSpec, Runtime

    spec = ExpectationSpec("ExpectColumnValuesToBeInSet", {"column": column, "value_set": Runtime("article_ids")},
                           "in articles", row_level=True, each=each)
    fixed = ExpectationSpec("ExpectColumnValuesToBeInSet", {"column": column, "value_set": ["x"]}, "fixed")
    sets = {"article_ids": pa.array([aid(i) for i in range(12)])}
    chunk = pa.table({column: values})
    plan = [(spec, {"column": column, "value_set": ["whole corpus"]}, None), (fixed, {"column": column, "value_set": ["x"]}, None),
            (spec, None, "articles table not given")]
    (_, kwargs, _), unchanged, skipped = bounded_plan(plan, chunk, sets)
    assert kwargs == {"column": column, "value_set": expected}
    assert unchanged == plan[1] and skipped == plan[2]


def test_a_chunk_of_only_orphans_fails_with_an_empty_value_set(tmp_path):
    tables = build(good_tables(1))
    people = tables["people"]
    orphans = people.set_column(0, "article_id", pa.array([ORPHAN] * people.num_rows))
    report = run_suites({"articles": tables["articles"], "people": orphans}, quality_dir=tmp_path / "q", run_id=None)
    people_suite = next(s for s in report.suites if s.table == "people")
    assert people_suite.failed == ["people.article_id refers to an article in articles"]
    assert "1 unexpected of 1" in next(d["observed"] for d in people_suite.details if d["status"] == "fail")


@pytest.mark.parametrize("bucket_bytes", [8, 64, 4 * 1024 * 1024])  # hundreds of buckets .. one
def test_key_duplicates_over_buckets_count_exactly_what_a_whole_table_count_gives(tmp_path, monkeypatch, bucket_bytes):
    import random

    from bantin.validate import chunks as validate_chunks

    monkeypatch.setattr(validate_chunks, "BUCKET_BYTES", bucket_bytes)
    rnd = random.Random(7)
    ids = [rnd.choice(["a", "b", "c", None]) for _ in range(500)]
    nums = [rnd.randrange(60) for _ in range(500)]
    t = pa.table({"article_id": pa.array(ids, pa.string()), "line_no": pa.array(nums, pa.int32())})
    path = tmp_path / "k.parquet"
    pq.write_table(t, path, row_group_size=37)
    non_null = pl.from_arrow(t).drop_nulls()
    expected = non_null.height - non_null.unique().height
    assert expected > 0
    assert validate_chunks.key_duplicates(path, ["article_id", "line_no"], spill_dir=tmp_path) == expected
    assert validate_chunks.key_duplicates(t, ["article_id", "line_no"]) == expected
    assert not [p for p in tmp_path.iterdir() if p.name.startswith("bantin-keys-")]  # spill files removed
