"""The Dask path (a LocalCluster of 2 worker processes) publishes the same dataset as the default
local process pool: every table equal row for row once run metadata is set aside."""
from __future__ import annotations

import json
from pathlib import Path

import pyarrow.parquet as pq
import pytest
from locations import RAW

import schemas
from bantin.settings import Settings
from flows import pipeline

pytestmark = pytest.mark.slow

RUN_METADATA = frozenset({"run_id", "processed_at", "quarantined_at", "snapshot_id"})


def _rows(out: Path, name: str) -> list[str]:
    """The table's rows without run metadata, as canonical JSON, sorted (row order is not data)."""
    table = pq.read_table(out / f"{name}.parquet")
    keep = [c for c in table.column_names if c not in RUN_METADATA]
    return sorted(json.dumps(r, sort_keys=True, default=str, ensure_ascii=False)
                  for r in table.select(keep).to_pylist())


@pytest.fixture(scope="module")
def two_runs(prefect_harness, tmp_path_factory) -> tuple[Path, Path, dict, dict]:
    raw = tmp_path_factory.mktemp("raw")
    for p in sorted((RAW).glob("*.txt")):
        (raw / p.name).write_bytes(p.read_bytes())
    (raw / "empty.txt").write_bytes(b"")  # so the quarantine table has a row to compare
    local, dask = tmp_path_factory.mktemp("local"), tmp_path_factory.mktemp("dask")
    s_local = pipeline.run(Settings(raw_dir=raw, out_dir=local, workers=2, batch_size=2, inline_max=0))
    s_dask = pipeline.run(Settings(raw_dir=raw, out_dir=dask, workers=2, batch_size=2, dask_address="local"))
    return local, dask, s_local, s_dask


def test_both_runs_publish_the_seeds(two_runs):
    _, _, s_local, s_dask = two_runs
    assert s_local["articles"] == s_dask["articles"] == 5
    assert s_local["quarantined"] == s_dask["quarantined"]
    assert s_local["run_id"] != s_dask["run_id"]


@pytest.mark.parametrize("name", list(schemas.TABLES))
def test_dask_and_local_tables_are_identical_apart_from_run_metadata(two_runs, name):
    local, dask, _, _ = two_runs
    assert pq.read_schema(local / f"{name}.parquet").equals(pq.read_schema(dask / f"{name}.parquet"))
    assert _rows(local, name) == _rows(dask, name)


def test_the_comparison_sees_real_rows(two_runs):
    """Guard against comparing two empty tables: the seeds yield lines, people and legal refs."""
    local, _, _, _ = two_runs
    assert len(_rows(local, "lines")) > 100
    assert len(_rows(local, "people")) > 0 and len(_rows(local, "legal_refs")) > 0
