"""Snapshots: atomic publish, stable links, partitioned dataset with hard-linked unchanged
partitions, pruning, recovery after a crash, and the crash-test pause hook."""
from __future__ import annotations

import json
import os
from datetime import date
from pathlib import Path

import pyarrow.parquet as pq
import pytest

import schemas
from bantin.publish import partitions
from bantin.publish import snapshot as write
from tests import dataset_factory as factory


def _publish(out: Path, sid: str, tables=None, keep: int = 3, **kw) -> Path:
    tables = factory.build_tables() if tables is None else tables
    built = factory.write_built(tables, out.parent / f"built-{out.name}-{sid}")
    return write.publish(out, built_dir=built, snapshot_id=sid, manifest=factory.summary(tables), keep=keep, **kw)


def _inodes(snap: Path) -> dict[str, int]:
    return {p.parent.name: p.stat().st_ino for p in (snap / partitions.DATASET).glob("*/part-0.parquet")}


def test_publish_switches_current_and_every_stable_link_goes_through_it(tmp_path):
    snap = _publish(tmp_path, "s1")
    assert write.current_snapshot(tmp_path) == snap.resolve()
    for name in [f"{t}.parquet" for t in schemas.TABLES] + ["articles.jsonl", "manifest.json", "quarantine",
                                                            partitions.DATASET]:
        link = tmp_path / name
        assert link.is_symlink() and os.readlink(link) == f"{write.CURRENT}/{name}", name
    assert pq.read_table(tmp_path / "articles.parquet").num_rows == len(factory.ARTICLES)
    assert not list((tmp_path / write.SNAPSHOTS).glob(f"{write.TMP_PREFIX}*"))


def test_manifest_records_write_time_and_partitions(tmp_path):
    snap = _publish(tmp_path, "s1")
    m = json.loads((snap / "manifest.json").read_text())
    assert m["timings"]["write"] >= 0
    parts = m["partitions"][partitions.DATASET]
    assert set(parts) == {"2019", "2023", partitions.NULL_PARTITION}
    assert sum(p["rows"] for p in parts.values()) == len(factory.ARTICLES)
    assert not any(p["reused"] for p in parts.values())


def test_unchanged_partitions_are_hard_linked_from_the_previous_snapshot(tmp_path):
    first = _publish(tmp_path, "s1")
    tables = factory.build_tables()
    extra = factory._article("dddd000000000005", published_date=date(2024, 6, 1), title="Bài mới")
    tables["articles"] = schemas.ARTICLES.from_rows(tables["articles"].to_pylist() + [extra])
    second = _publish(tmp_path, "s2", tables)
    before, after = _inodes(first), _inodes(second)
    assert set(after) == set(before) | {"year=2024"}
    assert all(after[k] == before[k] for k in before)  # not rewritten: the same file
    m = json.loads((second / "manifest.json").read_text())["partitions"][partitions.DATASET]
    assert m["2024"]["reused"] is False and m["2019"]["reused"] is True


def test_a_changed_row_rewrites_only_its_partition(tmp_path):
    first = _publish(tmp_path, "s1")
    tables = factory.build_tables()
    rows = tables["articles"].to_pylist()
    rows[2]["title"] = "Tiêu đề đã sửa"  # the 2019 article
    tables["articles"] = schemas.ARTICLES.from_rows(rows)
    second = _publish(tmp_path, "s2", tables)
    before, after = _inodes(first), _inodes(second)
    assert after["year=2019"] != before["year=2019"] and after["year=2023"] == before["year=2023"]


def test_prune_keeps_the_current_snapshot_and_keep_others(tmp_path):
    for i in range(4):
        _publish(tmp_path, f"s{i}", keep=1)
    names = sorted(p.name for p in (tmp_path / write.SNAPSHOTS).iterdir())
    assert names == ["s2", "s3"] and write.current_snapshot(tmp_path).name == "s3"
    # hard-linked partitions outlive the snapshot they were first written in
    assert pq.read_table(tmp_path / partitions.DATASET).num_rows == len(factory.ARTICLES)


def test_recover_removes_what_a_killed_run_left(tmp_path):
    _publish(tmp_path, "s1")
    stale = tmp_path / write.SNAPSHOTS / f"{write.TMP_PREFIX}s2"
    stale.mkdir()
    (stale / "articles.parquet").write_bytes(b"half a file")
    os.symlink("nowhere", tmp_path / f"{write.TMP_PREFIX}current.123")
    assert write.recover(tmp_path) == [stale.name]
    assert not stale.exists() and not (tmp_path / f"{write.TMP_PREFIX}current.123").is_symlink()
    assert write.current_snapshot(tmp_path).name == "s1"


def test_a_retried_publish_starts_its_staging_directory_over(tmp_path):
    stage = tmp_path / write.SNAPSHOTS / f"{write.TMP_PREFIX}s1"
    stage.mkdir(parents=True)
    (stage / "junk").write_text("from the failed attempt")
    snap = _publish(tmp_path, "s1")
    assert not (snap / "junk").exists() and (snap / "articles.parquet").is_file()


def test_extra_files_are_copied_in_and_their_staging_source_removed(tmp_path):
    docs = tmp_path / "staged-docs"
    docs.mkdir()
    (docs / "index.html").write_text("<html></html>")
    snap = _publish(tmp_path / "out", "s1", extra_files={"quality": docs})
    assert (snap / "quality" / "index.html").read_text() == "<html></html>"
    assert (tmp_path / "out" / "quality" / "index.html").is_file() and not docs.exists()


def test_quarantined_bytes_are_copied_byte_for_byte(tmp_path):
    raw = tmp_path / "raw"
    raw.mkdir()
    (raw / "empty.txt").write_bytes(b"\xff\xfe odd bytes")
    snap = _publish(tmp_path / "out", "s1", quarantine_files={"empty.txt": raw / "empty.txt"})
    assert (snap / "quarantine" / "empty.txt").read_bytes() == b"\xff\xfe odd bytes"


def test_pause_point_is_a_no_op_unless_asked(tmp_path, monkeypatch):
    marker = tmp_path / "paused"
    monkeypatch.setenv(write.PAUSE_FILE_ENV, str(marker))
    monkeypatch.setenv("BANTIN_TEST_PAUSE_SECONDS", "0")
    monkeypatch.delenv(write.PAUSE_ENV, raising=False)
    write.pause_point("publish")
    assert not marker.exists()
    monkeypatch.setenv(write.PAUSE_ENV, "publish")
    write.pause_point("scan")
    assert not marker.exists()
    write.pause_point("publish")
    assert marker.read_text().split() == [str(os.getpid()), "publish"]


@pytest.mark.parametrize("name", ["articles", "state"])
def test_read_table_reads_the_current_snapshot(tmp_path, name):
    assert write.read_table(tmp_path, name) is None
    _publish(tmp_path, "s1")
    assert write.read_table(tmp_path, name).num_rows == factory.build_tables()[name].num_rows
