"""Bounded-memory validation: a table (in memory or a Parquet file) as chunks for GE, the
per-chunk results merged into one result per expectation, and key uniqueness over all chunks.

Why chunks: GE validates pandas frames, and a 100,000-article table as one frame (raw_text,
body, every line) costs gigabytes. A file is read `CHUNK_BYTES` of uncompressed data at a time,
every chunk is validated with the whole suite, and an expectation passes only if it passes on
every chunk. Per-row expectations are exact under chunking; the one whole-table property a chunk
cannot see, uniqueness of the key, is checked here over all chunks with 64-bit row hashes of
the key columns, bucketed on disk (confirmed exactly on the few hash duplicates), and merged
into the same result.
"""
from __future__ import annotations

import tempfile
from collections.abc import Iterator
from pathlib import Path

import numpy as np
import polars as pl
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq

from bantin.build import parts
from schemas.suites import Runtime

CHUNK_BYTES = 8 * 1024 * 1024  # uncompressed Arrow bytes per GE frame (GE peaks at ~5x this)
UNIQUE = ("ExpectColumnValuesToBeUnique", "ExpectCompoundColumnsToBeUnique")
MIN_ROWS = 1000  # never fewer rows per chunk (each GE call has a fixed cost of ~0.5-1.5 s)
#: Nor more: GE's pandas frame costs ~100 bytes per cell in Python objects whatever the Arrow size,
#: and Parquet's encoded size (all that is known before reading) understates narrow,
#: dictionary-encoded tables ~10x: without a cap, `organisations` was one chunk at any N.
MAX_ROWS = 65_536
RANK = {"pass": 0, "skipped": 0, "fail": 1, "error": 2}
#: Runtime value sets that grow with the corpus (every article id): cut to each chunk's values.
CORPUS_SETS = ("article_ids",)
BUCKET_BYTES = 4 * 1024 * 1024  # key hashes held at once by the uniqueness check (one bucket)
MAX_BUCKET_BITS = 8  # at most 256 bucket files open at once (4 MB each up to 134 million rows)


def rows_per_chunk(path: Path, chunk_bytes: int = CHUNK_BYTES) -> int:
    md = pq.ParquetFile(path).metadata
    size = sum(md.row_group(i).total_byte_size for i in range(md.num_row_groups))
    per_row = max(1, size // max(1, md.num_rows))
    return min(MAX_ROWS, max(MIN_ROWS, chunk_bytes // per_row))


def chunks(data: pa.Table | Path, chunk_bytes: int = CHUNK_BYTES) -> Iterator[pa.Table]:
    """The table itself, or a Parquet file's rows in chunks of about `chunk_bytes`."""
    if isinstance(data, pa.Table):
        yield data
        return
    pf = parts.open_file(data)
    if pf.metadata.num_rows == 0:
        yield pf.schema_arrow.empty_table()
        return
    for batch in pf.iter_batches(batch_size=rows_per_chunk(Path(data), chunk_bytes)):
        yield pa.Table.from_batches([batch])
        del batch
        pa.default_memory_pool().release_unused()  # the chunk's pages, not kept idle (see parts.iter_batches)


def bounded_plan(plan: list[tuple], chunk: pa.Table, sets: dict[str, pa.Array]) -> list[tuple]:
    """`plan` [(spec, kwargs, why)] with each corpus-sized `value_set` (the article ids) cut to
    the values `chunk` holds that are in the set.

    Why: GE copies a value set into the chunk's suite, its result JSON and its Data Docs page, so
    with all 100,000 ids per chunk and chunks growing with the corpus, memory, time and the quality
    directory grew quadratically. `x in S` equals `x in (S & values(chunk))` for every x of the
    chunk, so the verdict and the unexpected values are the same, and the set is bounded by the
    chunk."""
    out = []
    for spec, kwargs, why in plan:
        v = spec.kwargs.get("value_set")
        if kwargs is not None and isinstance(v, Runtime) and v.name in sets:
            col = chunk.column(spec.columns[0])
            if spec.each:
                col = pc.list_flatten(col)
            present = pc.unique(col.drop_null())
            kept = present.filter(pc.is_in(present, value_set=sets[v.name]))
            kwargs = {**kwargs, "value_set": sorted(kept.to_pylist())}
        out.append((spec, kwargs, why))
    return out


def merge(per_chunk: list[list[dict]], rows: list[int]) -> list[dict]:
    """One detail per expectation: the worst status over the chunks, observed values of the
    failing chunks (or of the first one when all pass)."""
    if len(per_chunk) == 1:
        return per_chunk[0]
    out = []
    for i, first in enumerate(per_chunk[0]):
        ds = [c[i] for c in per_chunk]
        worst = max(ds, key=lambda d: RANK[d["status"]])
        bad = [f"chunk {k + 1} ({rows[k]} rows): {d['observed']}" for k, d in enumerate(ds) if d["status"] not in ("pass", "skipped")]
        observed = "; ".join(bad) if bad else f"{len(ds)} chunks ({sum(rows)} rows), all passed; chunk 1: {first['observed']}"
        out.append({**first, "status": worst["status"], "observed": observed[:500]})
    return out


def key_duplicates(data: pa.Table | Path, columns: list[str], spill_dir: Path | None = None) -> int:
    """Number of rows whose key (non-null `columns`) equals an earlier row's, over the whole
    table, reading only the key columns chunk by chunk.

    Each row's key becomes one 64-bit hash. The hashes are spread over buckets by their top
    bits and written to temporary files, then each bucket is read back, sorted and scanned for
    equal neighbours: memory holds one bucket (BUCKET_BYTES), not 8 bytes per row of the table
    (33 MB and as much again to sort for the 4 million lines of 100,000 articles). Equal hashes
    are only suspects: `_confirm` checks their keys exactly, so a collision never counts."""
    rows = data.num_rows if isinstance(data, pa.Table) else pq.ParquetFile(data).metadata.num_rows
    bits = min(MAX_BUCKET_BITS, max(0, int(np.ceil(np.log2(max(1, rows * 8 / BUCKET_BYTES))))))
    suspects: list[np.ndarray] = []
    with tempfile.TemporaryDirectory(dir=spill_dir, prefix="bantin-keys-") as tmp:
        files = [open(Path(tmp) / f"{b}.u64", "wb") for b in range(1 << bits)]
        try:
            for t in _key_chunks(data, columns):
                df = pl.from_arrow(t)
                assert isinstance(df, pl.DataFrame)
                h = df.drop_nulls().hash_rows(seed=0).to_numpy()
                bucket = (h >> np.uint64(64 - bits)) if bits else np.zeros(len(h), dtype=np.uint64)
                order = np.argsort(bucket, kind="stable")
                h, bucket = h[order], bucket[order]
                bounds = np.searchsorted(bucket, np.arange(len(files) + 1, dtype=np.uint64))
                for b, fh in enumerate(files):
                    h[bounds[b]:bounds[b + 1]].tofile(fh)
        finally:
            for fh in files:
                fh.close()
        for b in range(len(files)):
            h = np.fromfile(Path(tmp) / f"{b}.u64", dtype=np.uint64)
            h.sort()
            dup = h[1:][h[1:] == h[:-1]]
            if len(dup):
                suspects.append(np.unique(dup))
    suspect = np.concatenate(suspects) if suspects else np.empty(0, dtype=np.uint64)
    return _confirm(data, columns, suspect) if len(suspect) else 0


def _key_chunks(data: pa.Table | Path, columns: list[str]) -> Iterator[pa.Table]:
    if isinstance(data, pa.Table):
        yield data.select(columns)
    else:
        for b in parts.open_file(data).iter_batches(batch_size=262_144, columns=columns):
            yield pa.Table.from_batches([b])


def _confirm(data: pa.Table | Path, columns: list[str], suspect: np.ndarray) -> int:
    """Exact count of duplicate keys among the rows whose hashes are in `suspect`."""
    seen: set[tuple] = set()
    dups = 0
    for t in _key_chunks(data, columns):
        df = pl.from_arrow(t)
        assert isinstance(df, pl.DataFrame)
        df = df.drop_nulls()
        for k in np.flatnonzero(np.isin(df.hash_rows(seed=0).to_numpy(), suspect)):
            key = tuple(map(repr, df.row(int(k))))
            dups += key in seen
            seen.add(key)
    return dups


def with_global_uniqueness(details: list[dict], data: pa.Table | Path, n_chunks: int) -> list[dict]:
    """Fail the key-uniqueness expectation when keys repeat across chunks (a single chunk was
    already checked whole by GE)."""
    if n_chunks < 2:
        return details
    out = []
    for d in details:
        if d["expectation"] in UNIQUE and d["status"] == "pass":
            cols = [d["kwargs"]["column"]] if "column" in d["kwargs"] else list(d["kwargs"]["column_list"])
            n = key_duplicates(data, cols)
            if n:
                d = {**d, "status": "fail", "observed": f"{n} rows repeat a key of an earlier chunk"}
        out.append(d)
    return out
