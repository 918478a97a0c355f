"""End-to-end: the real flow under the session's Prefect test harness, into a temporary output
directory, read back with polars, DuckDB and pandas, and checked against schemas/."""
from __future__ import annotations

import gc
import shutil
import time
from pathlib import Path

import duckdb
import pandas as pd
import polars as pl
import pyarrow.parquet as pq
import pytest
from locations import RAW, ROOT

import schemas
from bantin import runner
from bantin.build.corpus import CorpusContext
from bantin.build.plan import Plan
from bantin.build.process import BatchSummary
from bantin.clean.repair import repair_line
from bantin.clean.rules.datelines import story_prefix_end
from bantin.ingest.files import ScanResult
from bantin.ingest.inputs import Inputs, Keyed, Names
from bantin.publish import snapshot as write
from bantin.records import InputFile
from bantin.settings import Settings
from flows import pipeline

pytestmark = pytest.mark.slow

BOILERPLATE = ("BÌNH LUẬN", "Loading...", "Please enter your", "Chia sẻ bài viết", "Newer news items",
               "Older news items", "vlcsnap-", "Written by")


@pytest.fixture(scope="module")
def seed_run(prefect_harness, tmp_path_factory) -> tuple[Path, dict]:
    out = tmp_path_factory.mktemp("out")
    # inline_max=0: the seeds go through the worker pool, as a large corpus does; one article per
    # batch and at most two batches in flight, so the bounded submission window really slides
    summary = pipeline.run(Settings(raw_dir=RAW, out_dir=out, workers=1, inline_max=0, batch_size=1, max_pending=2))
    return out, summary


def test_run_publishes_five_typed_articles(seed_run):
    out, summary = seed_run
    assert summary["articles"] == 5 and summary["quarantined"] == 0
    assert summary["executor"] == "task runner"  # inline_max=0: the batches went to the workers
    assert summary["max_pending"] == 2 and summary["stage_seconds"]  # 5 batches through a window of 2
    table = pq.read_table(out / "articles.parquet")
    assert table.num_rows == 5
    assert table.schema.equals(schemas.ARTICLES.schema, check_metadata=False)


@pytest.mark.parametrize("name", [n for n in schemas.TABLES])
def test_every_table_matches_its_declared_schema(seed_run, name):
    out, _ = seed_run
    written = pq.read_schema(out / f"{name}.parquet")
    assert written.remove_metadata().equals(schemas.TABLES[name].schema.remove_metadata())


def test_readable_by_polars_duckdb_and_pandas(seed_run):
    out, _ = seed_run
    df = pl.read_parquet(out / "articles.parquet")
    assert df["published_date"].dtype == pl.Date
    assert df.filter(pl.col("source_file") == "004_e5b9de7fa5e357f6.txt")["provinces"].to_list() == [["Bến Tre"]]
    joined = duckdb.sql(
        f"SELECT a.source_file, count(*) AS n FROM '{out}/articles.parquet' a "
        f"JOIN '{out}/legal_refs.parquet' l USING (article_id) GROUP BY 1 ORDER BY 1"
    ).fetchall()
    assert dict(joined)["001_0bd30eea7aaaa816.txt"] >= 3
    pdf = pd.read_parquet(out / "articles.parquet")
    assert len(pdf) == 5 and pdf["n_words"].min() > 0
    jsonl = pl.read_ndjson(out / "articles.jsonl")
    assert sorted(jsonl["article_id"].to_list()) == sorted(df["article_id"].to_list())


def test_body_has_no_boilerplate_and_keeps_paragraphs(seed_run):
    out, _ = seed_run
    arts = pl.read_parquet(out / "articles.parquet")
    for body in arts["body"]:
        for junk in BOILERPLATE:
            assert junk not in body
    for art in arts.iter_rows(named=True):
        golden = ROOT / "tests" / "golden" / "lines" / art["source_file"].replace(".txt", ".tsv")
        kept = [row.split("\t", 2)[2] for row in golden.read_text(encoding="utf-8").splitlines()
                if row.split("\t", 2)[1] in schemas.KEPT_ROLES]
        assert art["n_paragraphs"] == len(kept)
        for paragraph in kept:  # golden texts are raw; the body holds them repaired (NBSP etc.),
            paragraph = repair_line(paragraph).strip()  # without an outlet tag opening the lead
            assert paragraph[story_prefix_end(paragraph):] in art["body"]


def test_lines_reproduce_the_raw_text(seed_run):
    out, _ = seed_run
    lines = pl.read_parquet(out / "lines.parquet")
    arts = pl.read_parquet(out / "articles.parquet")
    for art in arts.iter_rows(named=True):
        mine = lines.filter(pl.col("article_id") == art["article_id"]).sort("line_no")
        rows = mine.group_by("raw_line", maintain_order=True).agg(pl.col("text").str.join(""))
        assert "\n".join(rows["text"].to_list()) == art["raw_text"]  # a raw line's units, end to end


def test_snapshot_layout_and_manifest(seed_run):
    out, summary = seed_run
    cur = write.current_snapshot(out)
    assert cur is not None and (out / "articles.parquet").resolve() == cur / "articles.parquet"
    assert (out / "manifest.json").exists() and (out / "quality" / "index.html").exists()
    assert summary["validation"]["success"] is True


def test_second_run_with_nothing_new_does_no_work(seed_run, prefect_harness):
    out, first = seed_run
    again = pipeline.run(Settings(raw_dir=RAW, out_dir=out, workers=1))
    assert again["changed"] is False and again["processed"] == 0
    assert write.current_snapshot(out).name == Path(first["snapshot"]).name


def _holders(types: tuple, old: set[int]) -> list[str]:
    """Who still refers to a live per-file object: two levels of referrers, for the failure message."""
    out = []
    for o in (o for o in gc.get_objects() if isinstance(o, types) and id(o) not in old):
        for r in gc.get_referrers(o):
            if isinstance(r, list) and len(r) > 1000:
                continue  # gc's own list of every object
            out.append(f"{type(o).__name__} <- {type(r).__name__} {str(r)[:120]!r} <- "
                       + ", ".join(type(r2).__name__ for r2 in gc.get_referrers(r))[:200])
    return out[:10]


def test_per_file_lists_are_freed_before_validation(prefect_harness, tmp_path, monkeypatch):
    """Validation is the flow process's heaviest stage: nothing that holds something per input
    file (the scan's file table or records, the corpus keys, the plan, the batch summaries) may
    still be alive when it starts, or the peak grows with the number of inputs. (inline_max=0: the batches go to a worker, as on any corpus
    large enough for this to matter; a batch run in the flow process stays referenced by Prefect's
    task transaction until the flow ends, which only small runs do.)"""
    raw = tmp_path / "raw"
    raw.mkdir()
    for src in sorted(RAW.glob("*.txt"))[:2]:
        shutil.copy(src, raw / src.name)
    real, alive, holders = runner.validate_step, [], []
    per_file = (InputFile, Inputs, Keyed, Names, ScanResult, CorpusContext, Plan, BatchSummary)

    gc.collect()
    # What earlier tests' runs left in this process is not this run's (held here, so that no new
    # object can take one of their ids).
    before = [o for o in gc.get_objects() if isinstance(o, per_file)]
    old = {id(o) for o in before}

    def live() -> list[str]:
        gc.collect()
        return sorted(type(o).__name__ for o in gc.get_objects() if isinstance(o, per_file) and id(o) not in old
                      and (not isinstance(o, InputFile) or o.path.startswith(str(raw))))

    def spy(paths, quality_dir, run_id):
        # Prefect's future callback thread unpickles a batch's result once more to check it and
        # may still hold that copy for a moment (seconds on a loaded machine): a reference that
        # goes away is not a leak, one that is still there after 10 s is.
        for _ in range(100):
            found = live()
            if not found:
                break
            time.sleep(0.1)
        alive.append(found)
        if found:
            holders.extend(_holders(per_file, old))
        return real(paths, quality_dir, run_id)

    monkeypatch.setattr(runner, "validate_step", spy)
    summary = pipeline.run(Settings(raw_dir=raw, out_dir=tmp_path / "out", workers=1, inline_max=0))
    assert summary["articles"] == 2 and summary["executor"] == "task runner"
    assert alive == [[]], holders
    peaks = summary["peak_rss_mb"]
    assert set(peaks) == set(summary["timings"])
    if Path("/proc/self/status").exists():  # per stage, the flow process's own peak (Linux)
        assert all(50 < v < 4000 for v in peaks.values())
