"""Write stage: publish all tables of a run together, atomically, as one snapshot.

Why snapshots: readers must never see a partial or mixed dataset. A run writes every table into
a fresh directory `snapshots/<id>/`, fsyncs it, then switches the single `current` symlink with an
atomic rename. The stable paths users read (`output/articles.parquet`, ...) are symlinks through
`current`, so all tables change at the same instant. A crash before the switch leaves the previous
snapshot in place; leftover `.tmp-*` directories are removed by the next run.
"""
from __future__ import annotations

import json
import os
import shutil
import time
from datetime import datetime, timezone
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

from bantin.errors import DISK_FULL_ERRNOS
from bantin.ingest.boundary import copy_bounded
from bantin.publish import partitions
from bantin.settings import DEFAULT_MAX_BYTES

SNAPSHOTS = "snapshots"
CURRENT = "current"
TMP_PREFIX = ".tmp-"
JSONL_TABLES = ("articles",)  # also published as JSON Lines (written by build.finalise)
PAUSE_ENV = "BANTIN_TEST_PAUSE_AT"  # crash tests: the stage at which to stop and wait for SIGKILL
PAUSE_FILE_ENV = "BANTIN_TEST_PAUSE_FILE"  # written when the pause is reached


def pause_point(stage: str) -> None:
    """Crash-test hook: a no-op unless BANTIN_TEST_PAUSE_AT names this stage; then write the
    marker file BANTIN_TEST_PAUSE_FILE and sleep, so a test can SIGKILL the run exactly here."""
    if os.environ.get(PAUSE_ENV) != stage:
        return
    marker = os.environ.get(PAUSE_FILE_ENV)
    if marker:
        Path(marker).write_text(f"{os.getpid()} {stage}\n")
    time.sleep(float(os.environ.get("BANTIN_TEST_PAUSE_SECONDS", "600")))


def new_snapshot_id(run_id: str | None) -> str:
    stamp = datetime.now(timezone.utc).strftime("%Y%m%dT%H%M%S%fZ")
    return f"{stamp}-{(run_id or 'local')[:8]}"


def _fsync_dir(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _atomic_symlink(target: str, link: Path) -> None:
    tmp = link.with_name(f"{TMP_PREFIX}{link.name}.{os.getpid()}")
    if tmp.is_symlink() or tmp.exists():
        tmp.unlink()
    os.symlink(target, tmp)
    os.replace(tmp, link)


def current_snapshot(out_dir: Path) -> Path | None:
    link = out_dir / CURRENT
    return link.resolve() if link.is_symlink() and link.resolve().is_dir() else None


def recover(out_dir: Path) -> list[str]:
    """Remove staging directories a killed run left behind (snapshot, Data Docs and card
    staging all start with TMP_PREFIX); return their names."""
    root = out_dir / SNAPSHOTS
    removed = []
    if root.is_dir():
        for p in sorted(root.iterdir()):
            if p.name.startswith(TMP_PREFIX):
                shutil.rmtree(p, ignore_errors=True)
                removed.append(p.name)
    for p in out_dir.glob(f"{TMP_PREFIX}*"):
        if p.is_symlink() or p.is_file():
            p.unlink()
    return removed


def publish(
    out_dir: Path,
    *,
    built_dir: Path,
    snapshot_id: str,
    manifest: dict,
    quarantine_files: dict[str, Path] | None = None,
    extra_files: dict[str, Path] | None = None,
    keep: int = 3,
    raw_root: Path | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
) -> Path:
    """Write every table into a new snapshot and make it current in one atomic switch.

    quarantine_files: source_file -> original path, copied byte for byte under quarantine/ when it
    is a regular file inside `raw_root` (default: the file's own directory) of at most `max_bytes`
    bytes (`bantin.ingest.boundary.copy_bounded`: never a device, a FIFO or a link out of raw/).
    extra_files: relative name -> existing file or directory moved into the snapshot (e.g. Data Docs).
    The articles table is also written as a year-partitioned dataset (bantin/publish/partitions.py)
    whose unchanged partitions are hard links into the previous snapshot. manifest.json gets the
    partition digests and this stage's own duration (timings.write).
    built_dir: the tables, already written by `finalise` (`<table>.parquet`, `articles.jsonl`);
    they are hard-linked into the snapshot (copied where links are impossible), so a retry finds
    them.
    """
    t0 = time.perf_counter()
    out_dir.mkdir(parents=True, exist_ok=True)
    root = out_dir / SNAPSHOTS
    root.mkdir(exist_ok=True)
    stage = root / f"{TMP_PREFIX}{snapshot_id}"
    if stage.exists():  # a retried publish: start the staging directory over
        shutil.rmtree(stage)
    stage.mkdir()
    built = sorted(p for p in Path(built_dir).iterdir() if p.is_file())
    for p in built:
        _link_or_copy(p, stage / p.name)
    names = [p.name[: -len(".parquet")] for p in built if p.name.endswith(".parquet")]
    qdir = stage / "quarantine"
    qdir.mkdir()
    for rel, src in (quarantine_files or {}).items():
        try:
            copy_bounded(os.fspath(src), qdir / rel, root=raw_root or Path(src).parent, max_bytes=max_bytes)
        except OSError as exc:
            if exc.errno in DISK_FULL_ERRNOS:
                raise
            # a name too long once escaped, or the like: the quarantine row still says why
    for rel, src in (extra_files or {}).items():  # copied, not moved, so a retried publish still finds them
        if Path(src).is_dir():
            shutil.copytree(src, stage / rel, symlinks=True)
        elif Path(src).exists():
            shutil.copy2(src, stage / rel)
    manifest = dict(manifest)
    if "articles" in names:
        previous = current_snapshot(out_dir)
        info = partitions.write_dataset_file(stage / "articles.parquet", stage, previous, _prev_partitions(previous))
        manifest["partitions"] = {partitions.DATASET: info}
    manifest["timings"] = {**manifest.get("timings", {}), "write": round(time.perf_counter() - t0, 3)}
    (stage / "manifest.json").write_text(json.dumps(manifest, indent=2, default=str, ensure_ascii=False))
    for p in stage.rglob("*"):
        if p.is_file():
            with open(p, "rb") as fh:
                os.fsync(fh.fileno())
    pause_point("publish")
    final = root / snapshot_id
    os.rename(stage, final)
    _fsync_dir(root)
    pause_point("switch")
    _atomic_symlink(f"{SNAPSHOTS}/{snapshot_id}", out_dir / CURRENT)
    for name in [*(f"{t}.parquet" for t in names), *(f"{t}.jsonl" for t in JSONL_TABLES if t in names),
                 "quarantine", "manifest.json", *(extra_files or {}),
                 *([partitions.DATASET] if "articles" in names else [])]:
        link = out_dir / name
        if not link.is_symlink():
            if link.is_dir():
                shutil.rmtree(link)
            elif link.exists():
                link.unlink()
            _atomic_symlink(f"{CURRENT}/{name}", link)
    _fsync_dir(out_dir)
    for src in (extra_files or {}).values():
        shutil.rmtree(src, ignore_errors=True) if Path(src).is_dir() else Path(src).unlink(missing_ok=True)
    shutil.rmtree(built_dir, ignore_errors=True)
    prune(out_dir, keep=keep)
    return final


def _link_or_copy(src: Path, dest: Path) -> None:
    try:
        os.link(src, dest)
    except OSError:
        shutil.copyfile(src, dest)


def _prev_partitions(previous: Path | None) -> dict:
    try:
        return json.loads((previous / "manifest.json").read_text())["partitions"][partitions.DATASET]
    except (TypeError, OSError, KeyError, ValueError):
        return {}


def prune(out_dir: Path, *, keep: int) -> list[str]:
    """Delete all but the `keep` newest snapshots besides the current one."""
    root = out_dir / SNAPSHOTS
    cur = current_snapshot(out_dir)
    snaps = sorted(p for p in root.iterdir() if p.is_dir() and not p.name.startswith("."))
    others = [p for p in snaps if p != cur]
    old = others[: max(0, len(others) - keep)]
    for p in old:
        shutil.rmtree(p, ignore_errors=True)
    return [p.name for p in old]


def read_manifest(out_dir: Path) -> dict:
    """The current snapshot's manifest.json ({} when there is none or it cannot be read)."""
    try:
        return json.loads((current_snapshot(out_dir) / "manifest.json").read_text())
    except (TypeError, OSError, ValueError):
        return {}


def read_table(out_dir: Path, name: str) -> pa.Table | None:
    """The current snapshot's table, or None when there is no snapshot yet."""
    cur = current_snapshot(out_dir)
    if cur is None or not (cur / f"{name}.parquet").exists():
        return None
    return pq.read_table(cur / f"{name}.parquet")
