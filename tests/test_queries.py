"""Analytics views in queries/: every SQL file runs with DuckDB from an output directory and
answers its question, on a crafted dataset (exact answers) and on the seed output."""
from __future__ import annotations

from datetime import date
from pathlib import Path

import dataset_factory
import duckdb
import pytest
from locations import QUERIES

SQL_FILES = sorted(QUERIES.glob("*.sql"))


def run_query(out: Path, name: str, monkeypatch) -> list[dict]:
    monkeypatch.chdir(out)
    rel = duckdb.sql((QUERIES / name).read_text(encoding="utf-8"))
    return [dict(zip(rel.columns, row)) for row in rel.fetchall()]


@pytest.fixture(scope="module")
def crafted(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("crafted") / "out"
    dataset_factory.publish(out)
    return out


@pytest.fixture(scope="module")
def seeds(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("seeds") / "out"
    dataset_factory.publish(out, dataset_factory.seed_tables())
    return out


def test_every_query_is_documented_and_checked():
    readme = (QUERIES / "README.md").read_text(encoding="utf-8")
    assert SQL_FILES, "no queries"
    for f in SQL_FILES:
        assert f"`{f.name}`" in readme
        assert f.name in CRAFTED_EXPECTATIONS


@pytest.mark.parametrize("path", SQL_FILES, ids=lambda p: p.name)
def test_queries_read_only_relative_output_files(path):
    sql = path.read_text(encoding="utf-8")
    assert "/" not in "".join(part for part in sql.split("'")[1::2] if part.endswith(".parquet"))
    assert sql.lstrip().startswith("--"), "each file starts with the question it answers"


def _documents(rows):
    assert {"province": "Bến Tre", "year": 2023, "document": "08-NQ/TU", "doc_type": "Nghị quyết",
            "issuer": "TU", "issuer_name": "Tỉnh ủy", "articles": 2, "rank": 1} in rows
    assert ("Tiền Giang", 2019, "Chỉ thị 48") in {(r["province"], r["year"], r["document"]) for r in rows}
    assert not any(r["document"] == "Nghị quyết" for r in rows)  # a bare type names no document
    assert [r["year"] for r in rows if r["province"] == "Hòa Bình"] == [None]  # undated article kept


def _leaders(rows):
    got = {(r["province"], r["year"], r["post"], r["name"]) for r in rows}
    assert ("Bến Tre", 2023, "Bí thư Thành ủy", "Nguyễn Văn Tuấn") in got
    assert ("Tiền Giang", 2019, "Chủ tịch HĐND tỉnh", "Nguyễn Văn Danh") in got
    assert not any(r["name"] == "Trần Văn Bình" for r in rows)  # named without a post


def _figures_month(rows):
    got = {(r["unit"], r["noun"], r["month"]): (r["mentions"], r["total"]) for r in rows}
    assert got == {(None, "buổi tuyên truyền", date(2023, 3, 1)): (1, 35.0),
                   (None, "công dân", date(2019, 11, 1)): (1, 1200.0), (None, "công dân", None): (1, 800.0),
                   ("đồng", None, date(2019, 11, 1)): (1, 2e9)}  # money apart from counts; 95% left out


def _figures_topic(rows):
    got = {(r["topic"], r["province"], r["year"]): r["total"] for r in rows}
    assert got == {("propaganda_sessions", "Bến Tre", 2023): 35.0, ("recruits", "Tiền Giang", 2019): 1200.0,
                   ("recruits", "Hòa Bình", None): 800.0}


def _outlets(rows):
    got = {(r["outlet"], r["month"]): r["articles"] for r in rows}
    assert got == {("Báo Đồng Khởi", date(2023, 1, 1)): 1, ("Báo Đồng Khởi", date(2023, 3, 1)): 1,
                   ("Truyền hình Tiền Giang", date(2019, 11, 1)): 1, ("(unknown)", None): 1}


CRAFTED_EXPECTATIONS = {
    "documents_by_province_year.sql": _documents,
    "leaders_by_province.sql": _leaders,
    "figures_by_unit_month.sql": _figures_month,
    "figures_by_topic.sql": _figures_topic,
    "articles_by_outlet_month.sql": _outlets,
}


@pytest.mark.parametrize("name", sorted(CRAFTED_EXPECTATIONS))
def test_query_answers_on_crafted_rows(name, crafted, monkeypatch):
    CRAFTED_EXPECTATIONS[name](run_query(crafted, name, monkeypatch))


@pytest.mark.parametrize("name", sorted(CRAFTED_EXPECTATIONS))
def test_query_runs_on_an_empty_snapshot(name, tmp_path, monkeypatch):
    dataset_factory.publish(tmp_path / "out", dataset_factory.build_tables(empty=True))
    assert run_query(tmp_path / "out", name, monkeypatch) == []


# On the seed output: facts a reader can check in raw/ (004 is Báo Đồng Khởi, Bến Tre, 30/01/2023,
# citing Nghị quyết số 08-NQ/TU; 002 reports "1.931 buổi tuyên truyền").

def test_seed_documents_include_08_nq_tu_for_ben_tre(seeds, monkeypatch):
    rows = run_query(seeds, "documents_by_province_year.sql", monkeypatch)
    assert any(r["province"] == "Bến Tre" and r["year"] == 2023 and r["document"] == "08-NQ/TU" for r in rows)
    assert all(r["rank"] >= 1 and r["articles"] >= 1 for r in rows)


def test_seed_leaders_name_ben_tre_party_secretary(seeds, monkeypatch):
    rows = run_query(seeds, "leaders_by_province.sql", monkeypatch)
    assert any(r["province"] == "Bến Tre" and r["name"] == "Nguyễn Văn Tuấn" and "Bí thư" in r["post"] for r in rows)


def test_seed_figures_find_propaganda_sessions(seeds, monkeypatch):
    topics = run_query(seeds, "figures_by_topic.sql", monkeypatch)
    assert any(r["topic"] == "propaganda_sessions" and r["total"] == 1931.0 for r in topics)
    units = run_query(seeds, "figures_by_unit_month.sql", monkeypatch)
    assert any(r["unit"] is None and r["noun"] == "buổi tuyên truyền" and r["total"] == 1931.0 for r in units)


def test_seed_outlets_count_every_article(seeds, monkeypatch):
    rows = run_query(seeds, "articles_by_outlet_month.sql", monkeypatch)
    assert sum(r["articles"] for r in rows) == 5
    assert {"outlet": "Báo Đồng Khởi", "month": date(2023, 1, 1)}.items() <= next(
        r for r in rows if r["outlet"] == "Báo Đồng Khởi").items()
