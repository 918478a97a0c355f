"""Finalise: stream the part files into the tables to publish, applying the assemble decision.

Why streaming: the published tables (articles with raw_text and body, lines with every raw line)
grow with the corpus; the flow process reads one record batch of one part at a time, drops the
rows of dropped articles, fills `aliases` / `near_duplicate_of`, and appends to
`<table>.parquet` (one Parquet writer per table) and `articles.jsonl`. Peak memory is one batch.
"""
from __future__ import annotations

from pathlib import Path

import polars as pl
import pyarrow as pa
import pyarrow.parquet as pq

import schemas
from bantin import memory
from bantin.build import parts
from bantin.build.assemble import Decision, apply
from schemas import ARTICLE_TABLES

JSONL = "articles.jsonl"


def write_jsonl(table: pa.Table, fh) -> None:
    """Append `table`'s rows to the open binary file `fh` as JSON Lines (one object a row;
    dates ISO, lists as arrays: the shape schemas/json/*.schema.json describes)."""
    pl.from_arrow(table).write_ndjson(fh)


def finalise(parts_dir: Path, order: list[str], decision: Decision, dest: Path) -> dict[str, int]:
    """Write every table of the snapshot into `dest` (`<table>.parquet` and `articles.jsonl`)
    from the parts named `order` (in that order); returns the rows written per table."""
    dest.mkdir(parents=True, exist_ok=True)
    rows: dict[str, int] = {}
    for name in ARTICLE_TABLES:
        schema = schemas.TABLES[name].schema
        n = 0
        jsonl = open(dest / JSONL, "wb") if name == "articles" else None
        try:
            with pq.ParquetWriter(dest / f"{name}.parquet", schema, compression="zstd") as w:
                out = parts.BufferedWriter(w)
                for path in parts.part_files(parts_dir, name, order):
                    for batch in parts.iter_batches(path):
                        t = apply(name, batch, decision)
                        if t.num_rows:
                            out.write(t)
                            n += t.num_rows
                            if jsonl is not None:
                                write_jsonl(t, jsonl)
                out.flush()
        finally:
            if jsonl is not None:
                jsonl.close()
        rows[name] = n
    _write_index(parts_dir, order, decision, dest / schemas.DEDUP_INDEX_FILE)
    for name, table in (("quarantine", decision.quarantine), ("state", decision.state)):
        pq.write_table(table.cast(schemas.TABLES[name].schema), dest / f"{name}.parquet", compression="zstd")
        rows[name] = table.num_rows
    memory.release()
    return rows


def _write_index(parts_dir: Path, order: list[str], decision: Decision, path: Path) -> int:
    """The snapshot's internal dedup index (schemas.DEDUP_INDEX): the index parts without the
    dropped articles, so the next incremental run reuses these signatures."""
    path.parent.mkdir(parents=True, exist_ok=True)
    drop = decision.drop_array()
    n = 0
    with pq.ParquetWriter(path, schemas.DEDUP_INDEX, compression="zstd") as w:
        for part in parts.part_files(parts_dir, parts.INDEX, order):
            for batch in parts.iter_batches(part):
                kept = parts.drop_ids(batch, "article_id", drop)
                if kept.num_rows:
                    w.write_table(pa.Table.from_batches([kept]).cast(schemas.DEDUP_INDEX))
                    n += kept.num_rows
    return n
