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
from datetime import datetime, timezone
from pathlib import Path

import polars as pl
import pyarrow as pa
import pyarrow.parquet as pq

import schemas

SNAPSHOTS = "snapshots"
CURRENT = "current"
TMP_PREFIX = ".tmp-"
JSONL_TABLES = ("articles",)


def new_snapshot_id(run_id: str | None) -> str:
    stamp = datetime.now(timezone.utc).strftime("%Y%m%dT%H%M%S%fZ")
    return f"{stamp}-{(run_id or 'local')[:8]}"


def _fsync_dir(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def write_parquet(table: pa.Table, path: Path) -> None:
    """zstd Parquet with the declared schema (cast first so a drifted table fails here)."""
    schema = schemas.TABLES[table.schema.metadata[b"table"].decode()].schema if table.schema.metadata else table.schema
    pq.write_table(table.cast(schema), path, compression="zstd")


def write_jsonl(table: pa.Table, path: Path) -> None:
    pl.from_arrow(table).write_ndjson(path)


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
    """Remove staging directories a killed run left behind; return their names."""
    root = out_dir / SNAPSHOTS
    removed = []
    if root.is_dir():
        for p in root.iterdir():
            if p.name.startswith(TMP_PREFIX):
                shutil.rmtree(p, ignore_errors=True)
                removed.append(p.name)
    for p in out_dir.glob(f"{TMP_PREFIX}*"):
        if p.is_symlink() or p.is_file():
            p.unlink()
    return removed


def publish(
    out_dir: Path,
    tables: dict[str, pa.Table],
    *,
    snapshot_id: str,
    manifest: dict,
    quarantine_files: dict[str, Path] | None = None,
    extra_files: dict[str, Path] | None = None,
    keep: int = 3,
) -> Path:
    """Write every table into a new snapshot and make it current in one atomic switch.

    quarantine_files: source_file -> original path, copied byte for byte under quarantine/.
    extra_files: relative name -> existing file or directory moved into the snapshot (e.g. Data Docs).
    """
    out_dir.mkdir(parents=True, exist_ok=True)
    root = out_dir / SNAPSHOTS
    root.mkdir(exist_ok=True)
    stage = root / f"{TMP_PREFIX}{snapshot_id}"
    stage.mkdir()
    for name, table in tables.items():
        write_parquet(table, stage / f"{name}.parquet")
        if name in JSONL_TABLES:
            write_jsonl(table, stage / f"{name}.jsonl")
    qdir = stage / "quarantine"
    qdir.mkdir()
    for rel, src in (quarantine_files or {}).items():
        dest = qdir / rel
        dest.parent.mkdir(parents=True, exist_ok=True)
        try:
            shutil.copyfile(src, dest, follow_symlinks=True)
        except OSError:
            pass  # unreadable or a symlink loop: the quarantine row says so, nothing to copy
    for rel, src in (extra_files or {}).items():
        if Path(src).exists():
            shutil.move(str(src), stage / rel)
    (stage / "manifest.json").write_text(json.dumps(manifest, indent=2, default=str, ensure_ascii=False))
    for p in stage.rglob("*"):
        if p.is_file():
            with open(p, "rb") as fh:
                os.fsync(fh.fileno())
    final = root / snapshot_id
    os.rename(stage, final)
    _fsync_dir(root)
    _atomic_symlink(f"{SNAPSHOTS}/{snapshot_id}", out_dir / CURRENT)
    for name in [*(f"{t}.parquet" for t in tables), *(f"{t}.jsonl" for t in JSONL_TABLES if t in tables),
                 "quarantine", "manifest.json", *(extra_files or {})]:
        link = out_dir / name
        if not link.is_symlink():
            if link.is_dir():
                shutil.rmtree(link)
            elif link.exists():
                link.unlink()
            _atomic_symlink(f"{CURRENT}/{name}", link)
    _fsync_dir(out_dir)
    prune(out_dir, keep=keep)
    return final


def prune(out_dir: Path, *, keep: int) -> list[str]:
    """Delete all but the `keep` newest snapshots besides the current one."""
    root = out_dir / SNAPSHOTS
    cur = current_snapshot(out_dir)
    snaps = sorted(p for p in root.iterdir() if p.is_dir() and not p.name.startswith(TMP_PREFIX))
    others = [p for p in snaps if p != cur]
    old = others[: max(0, len(others) - keep)]
    for p in old:
        shutil.rmtree(p, ignore_errors=True)
    return [p.name for p in old]


def read_table(out_dir: Path, name: str) -> pa.Table | None:
    """The current snapshot's table, or None when there is no snapshot yet."""
    cur = current_snapshot(out_dir)
    if cur is None or not (cur / f"{name}.parquet").exists():
        return None
    return pq.read_table(cur / f"{name}.parquet")
