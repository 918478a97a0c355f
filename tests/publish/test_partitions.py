"""Year partitions of the articles table and their content digests."""
from __future__ import annotations

from datetime import date
from pathlib import Path

import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq

import schemas
from bantin.build import parts
from bantin.publish import partitions
from tests import dataset_factory as factory

# ---- the in-memory reference the streaming writer is held to (test-only: the pipeline only
# ever partitions the published file)


def split_by_year(articles: pa.Table) -> dict[str, pa.Table]:
    """Partition value (a year, or partitions.NULL_PARTITION for undated articles) -> its rows, sorted by id."""
    years = pc.year(articles.column("published_date"))
    out: dict[str, pa.Table] = {}
    for y in sorted({v for v in years.to_pylist()}, key=lambda v: (v is None, v or 0)):
        mask = pc.is_null(years) if y is None else pc.equal(years, y)
        part = articles.filter(pc.fill_null(mask, False))
        out[partitions.NULL_PARTITION if y is None else str(y)] = part.sort_by("article_id")
    return out


def digest(table: pa.Table) -> str:
    return partitions.digest_hashes(partitions.row_hashes(table))


def write_dataset(articles: pa.Table, stage: Path, previous: Path | None, prev_digests: dict[str, dict]) -> dict:
    """Write (or hard-link) every partition under stage/DATASET; returns {year: {rows, sha256, reused}}."""
    root = stage / partitions.DATASET
    root.mkdir()
    info: dict[str, dict] = {}
    for year, part in split_by_year(articles).items():
        sha = digest(part)
        dest = root / f"year={year}" / partitions.PART_FILE
        dest.parent.mkdir()
        reused = partitions._reuse(year, sha, dest, previous, prev_digests)
        if not reused:
            pq.write_table(part, dest, compression="zstd")
        info[year] = {"rows": part.num_rows, "sha256": sha, "reused": reused}
    return info


def _articles(*dates) -> pa.Table:
    return schemas.ARTICLES.from_rows([factory._article(f"{i:016x}", published_date=d) for i, d in enumerate(dates)])


def test_split_by_year_puts_undated_articles_in_the_hive_null_partition():
    parts = split_by_year(_articles(date(2020, 2, 1), None, date(2019, 1, 1), date(2020, 12, 31)))
    assert list(parts) == ["2019", "2020", partitions.NULL_PARTITION]
    assert [t.num_rows for t in parts.values()] == [1, 2, 1]


def test_digest_ignores_row_order_and_chunking_but_not_content():
    t = _articles(date(2020, 2, 1), date(2020, 3, 1))
    a = split_by_year(t)["2020"]
    b = split_by_year(pa.concat_tables([t.slice(1), t.slice(0, 1)]))["2020"]
    assert digest(a) == digest(b)
    changed = t.set_column(t.schema.get_field_index("title"), "title", pa.array(["x", None], pa.string()))
    assert digest(split_by_year(changed)["2020"]) != digest(a)


def test_empty_table_has_no_partitions():
    assert split_by_year(schemas.ARTICLES.empty()) == {}


def test_streamed_partitions_equal_in_memory_ones_and_reuse_unchanged_years(tmp_path, monkeypatch):
    monkeypatch.setattr(parts, "READ_ROWS", 2)  # several record batches per year
    t = _articles(date(2020, 2, 1), None, date(2019, 1, 1), date(2020, 12, 31), date(2020, 5, 5))
    src = tmp_path / "articles.parquet"
    pq.write_table(t, src)
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    (tmp_path / "c").mkdir()
    mem = write_dataset(t, tmp_path / "a", None, {})
    streamed = partitions.write_dataset_file(src, tmp_path / "b", None, {})
    assert streamed == mem
    for year, info in streamed.items():
        got = pq.read_table(tmp_path / "b" / partitions.DATASET / f"year={year}" / partitions.PART_FILE)
        assert got.num_rows == info["rows"] and digest(got) == info["sha256"]
    again = partitions.write_dataset_file(src, tmp_path / "c", tmp_path / "b", streamed)
    assert all(v["reused"] for v in again.values())


def _row_groups(path) -> list[int]:
    md = pq.ParquetFile(path).metadata
    return [md.row_group(i).num_rows for i in range(md.num_row_groups)]


def test_a_year_is_written_as_few_row_groups_not_one_per_record_batch(tmp_path, monkeypatch):
    monkeypatch.setattr(parts, "READ_ROWS", 1)  # every row its own record batch
    dates = [date(2020, 1, 1 + i) for i in range(6)] + [date(2021, 1, 1 + i) for i in range(3)]
    src = tmp_path / "articles.parquet"
    pq.write_table(_articles(*dates), src)
    partitions.write_dataset_file(src, tmp_path, None, {})
    root = tmp_path / partitions.DATASET
    assert _row_groups(root / "year=2020" / partitions.PART_FILE) == [6]
    assert _row_groups(root / "year=2021" / partitions.PART_FILE) == [3]


def test_the_pending_budget_flushes_the_largest_year_first_and_loses_no_row(tmp_path, monkeypatch):
    monkeypatch.setattr(parts, "READ_ROWS", 1)
    t = _articles(*[date(2020, 1, 1 + i) for i in range(6)], *[date(2021, 1, 1 + i) for i in range(3)])
    one_row = t.slice(0, 1).nbytes
    monkeypatch.setattr(partitions._YearWriters, "PENDING_BYTES", 3 * one_row)  # flush at 3 pending rows
    src = tmp_path / "articles.parquet"
    pq.write_table(t, src)
    info = partitions.write_dataset_file(src, tmp_path, None, {})
    for year, n in (("2020", 6), ("2021", 3)):
        path = tmp_path / partitions.DATASET / f"year={year}" / partitions.PART_FILE
        got = pq.read_table(path)
        assert got.num_rows == n == info[year]["rows"] and digest(got) == info[year]["sha256"]
    assert _row_groups(tmp_path / partitions.DATASET / "year=2020" / partitions.PART_FILE) == [3, 3]  # the budget
