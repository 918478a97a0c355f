"""Hive-partitioned copy of the articles table (`articles_by_year/year=YYYY/part-0.parquet`).

Why: for a large corpus a run should not rewrite what did not change. Each partition's content
digest is recorded in the snapshot's manifest; a partition whose digest equals the previous
snapshot's is hard-linked from it (no bytes written, same inode), only changed years are written.
Hard links keep pruning safe: deleting an old snapshot leaves the linked file alive in newer ones.
The `year` column lives in the directory name (hive convention) and is not stored in the files.

Why a row-hash digest: the published articles table is streamed, batch by batch, so the digest
must not depend on how rows are chunked or ordered: it is the SHA-256 of the sorted 128-bit row
hashes (two seeded polars row hashes) of the partition's rows.
"""
from __future__ import annotations

import hashlib
import os
from pathlib import Path

import numpy as np
import polars as pl
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq

from bantin import memory
from bantin.build import parts

DATASET = "articles_by_year"
PART_FILE = "part-0.parquet"
NULL_PARTITION = "__HIVE_DEFAULT_PARTITION__"  # pyarrow's and Spark's name for a null key


def _years(articles: pa.Table | pa.RecordBatch) -> list[str | None]:
    return pc.year(articles.column("published_date")).to_pylist()


def row_hashes(table: pa.Table | pa.RecordBatch) -> np.ndarray:
    """(rows, 2) uint64: two seeded row hashes per row (128 bits), independent of chunking."""
    if table.num_rows == 0:
        return np.empty((0, 2), dtype=np.uint64)
    df = pl.from_arrow(table if isinstance(table, pa.Table) else pa.Table.from_batches([table]))
    assert isinstance(df, pl.DataFrame)
    return np.stack([df.hash_rows(seed=0).to_numpy(), df.hash_rows(seed=1).to_numpy()], axis=1).astype(np.uint64)


def digest_hashes(hashes: np.ndarray) -> str:
    """SHA-256 of the row hashes in sorted order: equal rows (in any order), equal digest."""
    if len(hashes):
        hashes = hashes[np.lexsort((hashes[:, 1], hashes[:, 0]))]
    return hashlib.sha256(np.ascontiguousarray(hashes, dtype="<u8").tobytes()).hexdigest()


def _key(year) -> str:
    return NULL_PARTITION if year is None else str(year)


def _reuse(year: str, sha: str, dest: Path, previous: Path | None, prev_digests: dict) -> bool:
    src = previous / DATASET / f"year={year}" / PART_FILE if previous is not None else None
    return bool(src is not None and src.is_file() and prev_digests.get(year, {}).get("sha256") == sha
                and _link(src, dest))


def write_dataset_file(articles: Path, stage: Path, previous: Path | None, prev_digests: dict[str, dict]) -> dict:
    """Write (or hard-link) every year partition of the articles Parquet file under
    stage/DATASET; returns {year: {rows, sha256, reused}}. Two streaming passes (digests, then the changed
    years), so memory does not grow with the corpus. Rows keep the file's order.

    Record batches are byte-sized (`parts.iter_batches`); the rows of each year are gathered
    into row groups under one budget (`_YearWriters`), so a year's file does not get one tiny
    row group per batch and the buffers never hold more than PENDING_BYTES in all."""
    root = stage / DATASET
    root.mkdir()
    hashes: dict[str, list[np.ndarray]] = {}
    for batch in parts.iter_batches(articles):
        ys = np.array([_key(y) for y in _years(batch)], dtype=object)
        h = row_hashes(batch)
        for y in dict.fromkeys(ys):
            hashes.setdefault(y, []).append(h[ys == y])
    order = sorted(hashes, key=lambda y: (y == NULL_PARTITION, y))
    info: dict[str, dict] = {}
    changed: dict[str, Path] = {}
    for year in order:
        h = np.concatenate(hashes.pop(year))
        sha = digest_hashes(h)
        dest = root / f"year={year}" / PART_FILE
        dest.parent.mkdir()
        reused = _reuse(year, sha, dest, previous, prev_digests)
        if not reused:
            changed[year] = dest
        info[year] = {"rows": len(h), "sha256": sha, "reused": reused}
    if changed:
        with _YearWriters(changed, parts.open_file(articles).schema_arrow) as writers:
            for batch in parts.iter_batches(articles):
                ys = np.array([_key(y) for y in _years(batch)], dtype=object)
                for y in dict.fromkeys(ys):
                    if y in changed:
                        writers.write(y, pa.Table.from_batches([batch.filter(pa.array(ys == y))]))
    memory.release()
    return info


class _YearWriters:
    """One Parquet writer per changed year; pending rows are buffered per year and the largest
    buffer is written as a row group whenever all of them hold PENDING_BYTES together."""

    PENDING_BYTES = 32 * 1024 * 1024

    def __init__(self, dests: dict[str, Path], schema: pa.Schema) -> None:
        self.writers = {y: pq.ParquetWriter(d, schema, compression="zstd") for y, d in dests.items()}
        self.pending: dict[str, list[pa.Table]] = {y: [] for y in dests}
        self.bytes = dict.fromkeys(dests, 0)

    def __enter__(self) -> _YearWriters:
        return self

    def write(self, year: str, t: pa.Table) -> None:
        self.pending[year].append(t)
        self.bytes[year] += t.nbytes
        if sum(self.bytes.values()) >= self.PENDING_BYTES:
            self._flush(max(self.bytes, key=self.bytes.__getitem__))

    def _flush(self, year: str) -> None:
        if self.pending[year]:
            self.writers[year].write_table(pa.concat_tables(self.pending[year]))
        self.pending[year], self.bytes[year] = [], 0

    def __exit__(self, *exc) -> None:
        try:
            if exc[0] is None:
                for y in self.writers:
                    self._flush(y)
        finally:
            for w in self.writers.values():
                w.close()


def _link(src: Path, dest: Path) -> bool:
    try:
        os.link(src, dest)
        return True
    except OSError:  # no hard links on this filesystem: write the file instead
        return False
