"""Incremental runs for real: one history of flow runs on a private copy of the seeds, each step
checked by its own test. The history: first run on 4 seeds (+ an empty file and a dangling link,
both quarantined) -> add the 5th seed -> change one and delete one -> nothing new -> a new
pipeline_version -> --full.

The flow runs with a one-thread task runner so NLP models load once for the whole module; the
process-pool runner is exercised by tests/test_deploy.py and tests/test_crash.py.
"""
from __future__ import annotations

import json
import os
import shutil
import threading
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from locations import SEEDS
from prefect.task_runners import ThreadPoolTaskRunner

import schemas
from bantin import runner
from bantin.publish import partitions
from bantin.publish import snapshot as write
from flows import pipeline

pytestmark = pytest.mark.slow

ADDED, CHANGED, DELETED = SEEDS[4].name, SEEDS[1].name, SEEDS[2].name


def _run(raw: Path, out: Path, **kw) -> dict:
    flow = pipeline.bantin_pipeline.with_options(task_runner=ThreadPoolTaskRunner(max_workers=1))
    return flow(raw_dir=str(raw), out_dir=str(out), keep_snapshots=2, **kw)


def _tables(out: Path) -> dict:
    """Every table of the current snapshot, read through ONE resolution of `current`."""
    cur = write.current_snapshot(out)
    return {"snapshot": cur, "manifest": json.loads((cur / "manifest.json").read_text()),
            "dedup_index": pq.read_table(cur / schemas.DEDUP_INDEX_FILE),  # read now: old snapshots get pruned
            **{n: pq.read_table(cur / f"{n}.parquet").to_pylist() for n in ("articles", "state", "quarantine", "lines")}}


def _inodes(out: Path) -> dict[str, int]:
    root = write.current_snapshot(out) / partitions.DATASET
    return {p.parent.name: p.stat().st_ino for p in root.glob(f"year=*/{partitions.PART_FILE}")}


def _consistent_reader(out: Path, stop: threading.Event, seen: list, errors: list) -> None:
    """A reader polling during a run: manifest and tables of one snapshot must always agree."""
    while not stop.is_set():
        try:
            t = _tables(out)
            counts = t["manifest"]["counts"]
            assert len(t["articles"]) == counts["articles"] and len(t["state"]) == counts["state"]
            assert len(t["state"]) == t["manifest"]["inputs"]
            seen.append(t["snapshot"].name)
        except Exception as exc:  # noqa: BLE001 - reported by the test below
            errors.append(exc)
            return


@pytest.fixture(scope="module")
def history(prefect_harness, tmp_path_factory) -> dict:
    base = tmp_path_factory.mktemp("incremental")
    raw, out = base / "raw", base / "out"
    raw.mkdir()
    for p in SEEDS[:4]:
        shutil.copy2(p, raw / p.name)
    (raw / "empty.txt").write_bytes(b"")
    os.symlink(base / "nowhere.txt", raw / "dangling.txt")
    h: dict = {"raw": raw, "out": out}
    h["first"] = (_run(raw, out), _tables(out), _inodes(out))

    shutil.copy2(SEEDS[4], raw / ADDED)
    stop, seen, errors = threading.Event(), [], []
    reader = threading.Thread(target=_consistent_reader, args=(out, stop, seen, errors))
    reader.start()
    try:
        h["added"] = (_run(raw, out), _tables(out), _inodes(out))
    finally:
        stop.set()
        reader.join()
    h["reader"] = (seen, errors)

    with open(raw / CHANGED, "a", encoding="utf-8") as fh:
        fh.write("\nNgày 5/3, Ban chỉ huy đã tổng kết công tác tuyển quân và khen thưởng 12 tập thể.\n")
    (raw / DELETED).unlink()
    h["changed"] = (_run(raw, out), _tables(out), _inodes(out))
    h["noop"] = (_run(raw, out), _tables(out), _inodes(out))
    return h


def _n_inputs(history) -> int:
    """Readable .txt inputs (4 seeds + the empty file; the dangling link is quarantined at scan)."""
    return sum(1 for p in history["raw"].glob("*.txt") if p.is_file())


def _by_src(rows: list[dict]) -> dict[str, dict]:
    return {r["source_file"]: r for r in rows}


def test_first_run_processes_everything_and_quarantines_bad_inputs(history):
    summary, t, _ = history["first"]
    assert summary["plan"]["mode"] == "first" and summary["plan"]["to_process"] == 5  # 4 seeds + empty.txt
    assert len(t["articles"]) == 4
    assert {q["source_file"]: q["reason"] for q in t["quarantine"]} == {"empty.txt": "empty",
                                                                        "dangling.txt": "dangling_symlink"}


def test_an_added_file_is_processed_alone(history):
    (_, before, _), (summary, after, _) = history["first"], history["added"]
    assert summary["plan"] == {"mode": "incremental", "new": 1, "changed": 0, "unchanged": 6, "deleted": 0,
                               "to_process": 1}
    assert summary["executor"] == "flow process"  # one file: no worker is started for it
    old, new = _by_src(before["articles"]), _by_src(after["articles"])
    assert set(new) == set(old) | {ADDED}
    for src, row in old.items():  # untouched rows keep the run that produced them
        assert (new[src]["run_id"], new[src]["processed_at"]) == (row["run_id"], row["processed_at"])
    assert new[ADDED]["run_id"] == summary["run_id"] != old[SEEDS[0].name]["run_id"]
    assert new[ADDED]["run_id"] == after["manifest"]["run_id"]


def test_kept_quarantine_rows_and_bytes_survive_an_incremental_run(history):
    (_, before, _), (_, after, _) = history["first"], history["added"]
    assert after["quarantine"] == before["quarantine"]  # carried over, not re-quarantined
    assert (after["snapshot"] / "quarantine" / "empty.txt").is_file()


def test_a_changed_file_is_reprocessed_alone_and_a_deleted_one_loses_its_rows(history):
    (_, before, _), (summary, after, _) = history["added"], history["changed"]
    assert summary["plan"] == {"mode": "incremental", "new": 0, "changed": 1, "unchanged": 5, "deleted": 1,
                               "to_process": 1}
    old, new = _by_src(before["articles"]), _by_src(after["articles"])
    assert set(new) == set(old) - {DELETED}
    assert new[CHANGED]["run_id"] == summary["run_id"] and new[CHANGED]["content_sha256"] != old[CHANGED]["content_sha256"]
    assert "12 tập thể" in new[CHANGED]["raw_text"]
    for src in set(new) - {CHANGED}:
        assert new[src]["processed_at"] == old[src]["processed_at"]
    deleted_id = old[DELETED]["article_id"]
    assert DELETED not in {r["source_file"] for r in after["state"]}
    assert deleted_id not in {r["article_id"] for r in after["lines"]}


def test_nothing_new_does_no_work_and_says_so(history):
    (_, before, _), (summary, after, _) = history["changed"], history["noop"]
    assert summary["changed"] is False and summary["processed"] == 0
    assert "process" not in summary["timings"] and "validate" not in summary["timings"]
    assert after["snapshot"] == before["snapshot"]
    assert summary["inputs"] == summary["articles"] + summary["aliases"] + summary["quarantined"] > 0
    md = _artifacts(summary["run_id"])["bantin-run-summary"].data
    assert md.startswith("**Nothing new or changed")


def test_partitions_of_untouched_years_are_hard_linked_not_rewritten(history):
    (_, _, inodes_before), (_, after, inodes_after) = history["first"], history["added"]
    added_year = next(str(r["published_date"].year) if r["published_date"] else partitions.NULL_PARTITION
                      for r in after["articles"] if r["source_file"] == ADDED)
    untouched = {k for k in inodes_before if k != f"year={added_year}"}
    assert untouched, "the seeds should span more than one partition"
    for part in untouched:
        assert inodes_after[part] == inodes_before[part]
    assert inodes_after[f"year={added_year}"] != inodes_before.get(f"year={added_year}")
    info = after["manifest"]["partitions"][partitions.DATASET]
    assert info[added_year]["reused"] is False
    assert all(info[k.removeprefix("year=")]["reused"] for k in untouched)
    assert sum(v["rows"] for v in info.values()) == len(after["articles"])


def test_partitioned_dataset_reads_back_with_hive_partitioning(history):
    import duckdb

    out = history["out"]
    n = duckdb.sql(f"SELECT count(*) FROM read_parquet('{out}/{partitions.DATASET}/*/*.parquet', "
                   "hive_partitioning=true)").fetchall()[0][0]
    assert n == len(pq.read_table(out / "articles.parquet"))


def test_readers_during_a_run_only_ever_see_whole_snapshots(history):
    seen, errors = history["reader"]
    assert not errors, errors
    assert seen  # the reader did read while the run was going


def test_a_new_pipeline_version_reprocesses_everything(history, monkeypatch):
    monkeypatch.setattr(runner, "pipeline_version", lambda: "0.0.0+bumped")
    summary = _run(history["raw"], history["out"])
    t = _tables(history["out"])
    assert summary["plan"]["mode"] == "version" and summary["plan"]["to_process"] == _n_inputs(history)
    assert {r["pipeline_version"] for r in t["articles"]} == {"0.0.0+bumped"}
    assert {r["run_id"] for r in t["articles"]} == {summary["run_id"]}
    history["bumped"] = summary


def test_full_reprocesses_everything(history):
    summary = _run(history["raw"], history["out"], full=True)
    t = _tables(history["out"])
    assert summary["plan"]["mode"] == "full" and summary["plan"]["to_process"] == _n_inputs(history)
    assert {r["run_id"] for r in t["articles"]} == {summary["run_id"]}


def test_old_snapshots_are_pruned_to_keep_snapshots(history):
    snaps = [p for p in (history["out"] / write.SNAPSHOTS).iterdir()]
    assert len(snaps) == 3  # 5 published, current + keep_snapshots=2 remain; no staging directories
    assert not [p for p in snaps if p.name.startswith(write.TMP_PREFIX)]


def _artifacts(run_id: str) -> dict:
    from prefect.client.orchestration import get_client
    from prefect.client.schemas.filters import ArtifactFilter, ArtifactFilterFlowRunId

    with get_client(sync_client=True) as client:
        found = client.read_artifacts(artifact_filter=ArtifactFilter(flow_run_id=ArtifactFilterFlowRunId(any_=[run_id])))
    return {a.key: a for a in found}


def _rows(data) -> list[dict]:
    return json.loads(data) if isinstance(data, str) else data


def test_each_run_leaves_markdown_and_table_artifacts_in_prefect(history):
    summary, t, _ = history["added"]
    arts = _artifacts(summary["run_id"])
    assert {"bantin-run-summary", "bantin-table-counts", "bantin-run-metrics", "bantin-data-docs"} <= set(arts)
    md = arts["bantin-run-summary"].data
    assert "| 7 | 5 | 0 | 2 | 0 |" in md  # read = articles + aliases + quarantined, ignored
    assert "| 1 | 0 | 6 | 0 | 1 |" in md  # new, changed, unchanged, deleted, processed
    assert "| validate |" in md and "| write |" in md and "## Validation" in md
    metrics = {r["metric"]: r["value"] for r in _rows(arts["bantin-run-metrics"].data)}
    assert (metrics["new"], metrics["deleted"], metrics["quarantined"], metrics["validation"]) == (1, 0, 2, "passed")
    assert metrics["seconds.process"] > 0
    if Path("/proc/self/status").exists():  # the flow process's own peak RSS per stage (Linux)
        peaks = {k.split(".", 1)[1]: v for k, v in metrics.items() if k.startswith("peak_rss_mb.")}
        assert set(peaks) == set(t["manifest"]["timings"]) and all(50 < v < 4000 for v in peaks.values())
    counts = {r["table"]: r["rows"] for r in _rows(arts["bantin-table-counts"].data)}
    assert counts["articles"] == len(t["articles"]) == t["manifest"]["counts"]["articles"]


def test_the_data_docs_artifact_is_markdown_with_the_stable_absolute_path(history):
    """Not a file:// link into a snapshot that is pruned a few runs later: the stable path
    through `current`, absolute, and the summary table."""
    summary, _, _ = history["added"]
    docs = _artifacts(summary["run_id"])["bantin-data-docs"]
    assert docs.type == "markdown"
    stable = str(history["out"].absolute() / "quality" / "index.html")
    assert f"`{stable}`" in docs.data and "snapshots" not in docs.data and "file://" not in docs.data
    assert "| 7 | 5 | 0 | 2 | 0 |" in docs.data and "| articles |" in docs.data
    assert Path(stable).is_file()


def test_manifest_records_run_inputs_counts_durations_and_validation(history):
    summary, t, _ = history["added"]
    m = t["manifest"]
    assert m["run_id"] == summary["run_id"] and m["pipeline_version"] == summary["pipeline_version"]
    # the inputs are the state table's rows; the manifest gives their number
    assert {r["source_file"] for r in t["state"]} == {p.name for p in history["raw"].iterdir()} | {DELETED}
    assert m["inputs"] == len(t["state"])  # (DELETED is deleted after this run)
    assert m["inputs"] == m["articles"] + m["aliases"] + m["quarantined"]  # every input accounted for once
    assert set(m["timings"]) >= {"scan", "corpus", "process", "assemble", "validate", "write"}
    assert m["validation"]["success"] is True and all(m["validation"]["suites"].values())
    assert {n: len(t[n]) for n in ("articles", "state", "quarantine", "lines")} == {
        n: m["counts"][n] for n in ("articles", "state", "quarantine", "lines")}
    for row in t["articles"]:  # lineage on every row
        assert row["source_file"] and row["content_sha256"] and row["pipeline_version"] and row["run_id"]


@pytest.mark.parametrize("step", ["first", "added", "changed"])
def test_the_dedup_index_kept_with_each_snapshot_matches_its_articles(history, step):
    """Incremental runs reuse the kept articles' MinHash signatures from the snapshot's internal
    index instead of recomputing them: they must be exactly what the bodies give."""
    from bantin.build import process

    index = history[step][1]["dedup_index"]
    articles = pa.Table.from_pylist(history[step][1]["articles"], schema=schemas.ARTICLES.schema)
    assert index.schema.equals(schemas.DEDUP_INDEX, check_metadata=False)
    expected = process.index_rows(articles)
    key = lambda t: sorted(t.to_pylist(), key=lambda r: r["article_id"])  # noqa: E731
    assert index.num_rows == articles.num_rows > 0
    assert key(index) == key(expected)
