"""Part files: each batch's (and the carried-over) rows of a table, on disk between stages.

Why: the flow process must not hold every article's text. Workers write their tables as part
files `parts/<table>/part-<name>.parquet` and return only a small summary; the flow decides from
summaries and then streams the parts, one record batch at a time, into the published tables.
Parts are written under the run's staging directory, so a killed run leaves nothing readers see.
"""
from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq

import schemas

CARRY = "carry"  # part name of the rows carried over from the previous snapshot (ordered first)
INDEX = "index"  # parts of the duplicate-detection index (schemas.DEDUP_INDEX), besides the tables
READ_BYTES = 8 * 1024 * 1024  # uncompressed bytes per record batch when streaming a file
MIN_ROWS, MAX_ROWS = 64, 65_536  # whatever the row size, a record batch holds this many rows
READ_ROWS: int | None = None  # a fixed number of rows per batch instead (tests: several batches per file)


def schema_of(name: str) -> pa.Schema:
    """The declared schema of a part: a published table's, or the internal dedup index's."""
    return schemas.DEDUP_INDEX if name == INDEX else schemas.TABLES[name].schema


def part_name(batch_no: int) -> str:
    return f"{batch_no:05d}"


def part_path(parts_dir: Path, table: str, name: str) -> Path:
    return Path(parts_dir) / table / f"part-{name}.parquet"


def write_part(table: pa.Table, parts_dir: Path, name: str, part: str) -> Path:
    """Write one part atomically (tmp + rename): a retried task overwrites, never half-writes."""
    path = part_path(parts_dir, name, part)
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    pq.write_table(table.cast(schema_of(name)), tmp, compression="zstd")
    os.replace(tmp, path)
    return path


def part_files(parts_dir: Path, table: str, order: list[str]) -> list[Path]:
    """Existing part files of `table`, in the order of part names `order`."""
    return [p for p in (part_path(parts_dir, table, n) for n in order) if p.exists()]


def open_file(path: Path) -> pq.ParquetFile:
    """A Parquet file opened for streaming: every reader of a part or a published table uses it.

    Why `pre_buffer=False`: with pyarrow's default (`pre_buffer=True`), `iter_batches` keeps the
    pre-buffered column chunks of the row groups it has read until the file is closed, so reading
    a 50,000-article table batch by batch grew Arrow's allocations by ~3 MB per 1,000 rows
    (measured: 180 MB after 50 batches, 31 MB without pre-buffering). Local files gain nothing
    from pre-buffering (it coalesces reads for object stores)."""
    return pq.ParquetFile(path, pre_buffer=False)


def rows_for(pf: pq.ParquetFile, columns: list[str] | None = None, target_bytes: int = READ_BYTES) -> int:
    """Rows per record batch so that a batch of `columns` (all when None) holds about
    `target_bytes` of uncompressed data, from the file's column-chunk sizes.

    Why bytes, not rows: an articles row (raw text, body, lists) is ~9 KB, a lines row ~100
    bytes. A fixed 4,096 rows was 35 MB per articles batch, and the allocators kept several
    batches' worth of pages (measured: RSS +230 MB while reading a 100,000-article file with
    ~40 MB of Arrow memory live); the same file read 8 MB at a time stays within a few batches."""
    md = pf.metadata
    if md.num_rows == 0:
        return MAX_ROWS
    wanted = set(columns) if columns is not None else None
    size = 0
    for i in range(md.num_row_groups):
        rg = md.row_group(i)
        for j in range(rg.num_columns):
            col = rg.column(j)
            if wanted is None or col.path_in_schema.split(".")[0] in wanted:
                size += col.total_uncompressed_size
    per_row = max(1, size // md.num_rows)
    return int(min(MAX_ROWS, max(MIN_ROWS, target_bytes // per_row)))


def iter_batches(path: Path, columns: list[str] | None = None, rows: int | None = None) -> Iterator[pa.RecordBatch]:
    """Record batches of a Parquet file (never the whole file in memory): `rows` rows each, or
    about READ_BYTES of uncompressed data each (`rows_for`)."""
    pf = open_file(path)
    for batch in pf.iter_batches(batch_size=rows or READ_ROWS or rows_for(pf, columns), columns=columns):
        yield batch
        del batch
        # The decoded pages of the batch just handled are free now; without this, pyarrow's pool
        # (mimalloc) kept them for reuse and a long read grew by ~100 MB of idle pages
        # (measured: 282 -> 212 MB peak reading a 100,000-article table, ~6 ms a batch).
        pa.default_memory_pool().release_unused()


class BufferedWriter:
    """A Parquet writer that gathers small tables into row groups of bounded size (a part of
    64 articles per row group would make readers slow): a row group is written when ROW_GROUP_ROWS
    rows or ROW_GROUP_BYTES of Arrow data are pending, or on `flush`."""

    ROW_GROUP_BYTES = 8 * 1024 * 1024
    ROW_GROUP_ROWS = 65_536

    def __init__(self, writer: pq.ParquetWriter) -> None:
        self.writer, self.pending, self.rows, self.bytes = writer, [], 0, 0

    def write(self, t: pa.Table) -> None:
        self.pending.append(t)
        self.rows += t.num_rows
        self.bytes += t.nbytes
        if self.rows >= self.ROW_GROUP_ROWS or self.bytes >= self.ROW_GROUP_BYTES:
            self.flush()

    def flush(self) -> None:
        if self.pending:
            self.writer.write_table(pa.concat_tables(self.pending), row_group_size=self.ROW_GROUP_ROWS)
        self.pending, self.rows, self.bytes = [], 0, 0


def drop_ids(batch: pa.RecordBatch, column: str, ids: pa.Array) -> pa.RecordBatch:
    """The rows of `batch` whose `column` is not in `ids`."""
    if len(ids) == 0 or batch.num_rows == 0:
        return batch
    return batch.filter(pc.invert(pc.is_in(batch.column(column), value_set=ids)))


def keep_ids(batch: pa.RecordBatch, column: str, ids: pa.Array) -> pa.RecordBatch:
    """The rows of `batch` whose `column` is in `ids`."""
    return batch.filter(pc.fill_null(pc.is_in(batch.column(column), value_set=ids), False))


def copy_filtered(src: Path, dest: Path, table: str, column: str, ids: pa.Array) -> int:
    """Stream the rows of `src` whose `column` is in `ids` into `dest` (declared schema, zstd);
    returns the rows copied. Used to carry kept rows of the previous snapshot over."""
    schema = schema_of(table)
    dest.parent.mkdir(parents=True, exist_ok=True)
    n = 0
    with pq.ParquetWriter(dest, schema, compression="zstd") as w:
        for batch in iter_batches(src):
            kept = keep_ids(batch, column, ids)
            if kept.num_rows:
                w.write_table(pa.Table.from_batches([kept]).cast(schema))
                n += kept.num_rows
    return n
