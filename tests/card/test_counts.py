"""chart_counts.ChartCounts: counting a table batch by batch gives the counts of the whole table,
and the card made from published files equals the card made from the same tables in memory."""
from __future__ import annotations

import dataset_factory
import pyarrow as pa
import pyarrow.parquet as pq
import pytest

import schemas
from bantin.build import parts
from bantin.card import files as card_files
from bantin.card import readme as card
from bantin.card.counts import ChartCounts

RESULTS = ("month_counts", "legal_doc_counts", "quantity_groups", "boilerplate_counts", "reason_counts")


def _results(c: ChartCounts) -> dict:
    out = {name: getattr(c, name)() for name in RESULTS}
    out.update({col: c.province_counts(col) for col in ("provinces", "provinces_2025")})
    return out


def _by_rows(tables: dict[str, pa.Table], size: int) -> ChartCounts:
    c = ChartCounts()
    for name, t in tables.items():
        for b in t.to_batches(max_chunksize=size):
            c.add(name, b)
    return c


@pytest.mark.parametrize("size", [1, 2, 3])
def test_counting_batch_by_batch_equals_counting_whole_tables(size):
    tables = dataset_factory.build_tables()
    whole = _results(ChartCounts.of(tables))
    assert any(whole.values())  # the factory tables have something to count in every chart
    assert _results(_by_rows(tables, size)) == whole


def test_an_article_split_over_two_batches_counts_once_per_document():
    rows = [{"article_id": a, "doc_type": "Nghị quyết", "number": "08", "symbol": "08-NQ/TU", "mention": m}
            for a, m in (("a", "Nghị quyết số 08-NQ/TU"), ("a", "Nghị quyết 08-NQ/TU"), ("a", "NQ 08-NQ/TU"),
                         ("b", "Nghị quyết 08-NQ/TU"))]
    t = schemas.LEGAL_REFS.from_rows(rows)
    for size in (1, 2, 4):
        assert _by_rows({"legal_refs": t}, size).legal_doc_counts() == [("08-NQ/TU", 2)], size


def test_tables_without_the_columns_a_chart_needs_are_ignored():
    c = ChartCounts().add("lines", pa.table({"line_no": [1, 2]})).add("state", schemas.STATE.empty())
    assert all(not v for v in _results(c).values())


def test_the_card_from_files_equals_the_card_from_tables(tmp_path, monkeypatch):
    monkeypatch.setattr(parts, "READ_ROWS", 1)  # every row its own record batch
    tables = dataset_factory.build_tables()
    paths = {}
    for name, t in tables.items():
        paths[name] = tmp_path / f"{name}.parquet"
        pq.write_table(t, paths[name])
    summary = {"snapshot_id": "s", "pipeline_version": "v", "validation": {"success": True, "suites": {}}}
    card.write_card(tables, tmp_path / "mem", summary=summary)
    card_files.write_card_files(paths, tmp_path / "files", summary=summary)
    mem, files = ((tmp_path / d / card.README).read_text() for d in ("mem", "files"))
    assert "Articles per month" in mem and mem == files
