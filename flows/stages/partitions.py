"""Hive-partitioned copy of the articles table (`articles_by_year/year=YYYY/part-0.parquet`).

Why: for a large corpus a run should not rewrite what did not change. Each partition's content
digest is recorded in the snapshot's manifest; a partition whose digest equals the previous
snapshot's is hard-linked from it (no bytes written, same inode), only changed years are written.
Hard links keep pruning safe: deleting an old snapshot leaves the linked file alive in newer ones.
The `year` column lives in the directory name (hive convention) and is not stored in the files.
"""
from __future__ import annotations

import hashlib
import os
from pathlib import Path

import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.ipc as ipc
import pyarrow.parquet as pq

DATASET = "articles_by_year"
PART_FILE = "part-0.parquet"
NULL_PARTITION = "__HIVE_DEFAULT_PARTITION__"  # pyarrow's and Spark's name for a null key


def split_by_year(articles: pa.Table) -> dict[str, pa.Table]:
    """Partition value (a year, or NULL_PARTITION for undated articles) -> its rows, sorted by id."""
    years = pc.year(articles.column("published_date"))
    out: dict[str, pa.Table] = {}
    for y in sorted({v for v in years.to_pylist()}, key=lambda v: (v is None, v or 0)):
        mask = pc.is_null(years) if y is None else pc.equal(years, y)
        part = articles.filter(pc.fill_null(mask, False))
        out[NULL_PARTITION if y is None else str(y)] = part.sort_by("article_id")
    return out


def digest(table: pa.Table) -> str:
    """SHA-256 of the Arrow IPC stream of the (single-chunk) table: equal rows, equal digest."""
    sink = pa.BufferOutputStream()
    with ipc.new_stream(sink, table.schema) as w:
        w.write_table(table.combine_chunks())
    return hashlib.sha256(sink.getvalue().to_pybytes()).hexdigest()


def write_dataset(articles: pa.Table, stage: Path, previous: Path | None, prev_digests: dict[str, dict]) -> dict:
    """Write (or hard-link) every partition under stage/DATASET; returns {year: {rows, sha256, reused}}."""
    root = stage / DATASET
    root.mkdir()
    info: dict[str, dict] = {}
    for year, part in split_by_year(articles).items():
        sha = digest(part)
        dest = root / f"year={year}" / PART_FILE
        dest.parent.mkdir()
        src = previous / DATASET / f"year={year}" / PART_FILE if previous is not None else None
        reused = bool(src is not None and src.is_file() and prev_digests.get(year, {}).get("sha256") == sha
                      and _link(src, dest))
        if not reused:
            pq.write_table(part, dest, compression="zstd")
        info[year] = {"rows": part.num_rows, "sha256": sha, "reused": reused}
    return info


def _link(src: Path, dest: Path) -> bool:
    try:
        os.link(src, dest)
        return True
    except OSError:  # no hard links on this filesystem: write the file instead
        return False
