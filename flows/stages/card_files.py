"""The dataset card from the published Parquet files, in bounded memory.

Why: `card.write_card` profiles in-memory tables; at 100,000 articles the articles and lines
tables (raw text, every line) are gigabytes. Here each file is read a record batch at a time to
profile its columns (null rate, coverage, first example), and the charts get only the columns
they count (dictionary-encoded where the values repeat).
"""
from __future__ import annotations

from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

import schemas
from flows.stages import card, parts
from flows.stages.profile import ColumnProfile, coverage, first_present, format_value, type_label

READ_ROWS = 4096
#: Columns the charts and the loading snippets read, per table (the rest only needs row counts).
CHART_COLUMNS = {
    "articles": ["article_id", "published_date", "provinces", "provinces_2025"],
    "lines": ["role", "rule"],
    "legal_refs": ["article_id", "doc_type", "number", "symbol"],
    "quantities": ["unit", "value"],
    "quarantine": None,
    "state": None,
}


def profile_file(decl: schemas.Table, path: Path) -> list[ColumnProfile]:
    """`profile.profile_table` of a Parquet file, computed batch by batch."""
    rows = 0
    nulls = {c.name: 0 for c in decl.columns}
    present = {c.name: 0 for c in decl.columns}
    example: dict[str, object] = {}
    pf = parts.open_file(path)
    names = set(pf.schema_arrow.names)
    for batch in pf.iter_batches(batch_size=READ_ROWS):
        n = batch.num_rows
        rows += n
        for c in decl.columns:
            if c.name not in names or n == 0:
                continue
            arr = pa.chunked_array([batch.column(c.name)])
            nulls[c.name] += arr.null_count
            present[c.name] += round((coverage(arr) or 0.0) * n)
            if c.name not in example:
                v = first_present(arr)
                if v is not None:
                    example[c.name] = v
    out = []
    for c in decl.columns:
        has = c.name in names and rows > 0
        from_data = c.name in example
        out.append(ColumnProfile(
            name=c.name, type=type_label(c.type), description=c.description, nullable=c.nullable,
            rows=rows if c.name in names else 0, null_rate=nulls[c.name] / rows if has else None,
            coverage=present[c.name] / rows if has else None,
            example=format_value(example[c.name]) if from_data else c.example, example_from_data=from_data))
    return out


def _role_rule_counts(path: Path) -> pa.Table:
    """(role, rule, n) over a lines file, counted record batch by record batch (millions of
    lines at 100,000 articles; only the few distinct pairs are held)."""
    counts: dict[tuple[str, str], int] = {}
    for batch in parts.open_file(path).iter_batches(batch_size=65_536, columns=["role", "rule"]):
        g = pa.Table.from_batches([batch]).group_by(["role", "rule"]).aggregate([([], "count_all")])
        for role, rule, n in zip(*(g.column(c).to_pylist() for c in ("role", "rule", "count_all"))):
            counts[(role, rule)] = counts.get((role, rule), 0) + n
    return pa.table({"role": pa.array([k[0] for k in counts], pa.string()),
                     "rule": pa.array([k[1] for k in counts], pa.string()),
                     "n": pa.array(list(counts.values()), pa.int64())})


def chart_tables(paths: dict[str, Path]) -> dict[str, pa.Table]:
    """Per table, only the columns the card counts or charts; the lines are pre-counted per
    (role, rule). Row counts come from the profiles."""
    out = {}
    for name, path in paths.items():
        if name == "lines":
            out[name] = _role_rule_counts(path)
            continue
        cols = CHART_COLUMNS.get(name, ["article_id"] if "article_id" in schemas.TABLES[name].names else None)
        out[name] = pq.read_table(path, columns=cols)
    return out


def write_card_files(paths: dict[str, Path], dest: Path, *, summary: dict) -> list[Path]:
    """`card.write_card` for published files: README.md, card.html and charts/ under `dest`."""
    profiles = {n: profile_file(schemas.TABLES[n], p) for n, p in paths.items()}
    return card.write_card(chart_tables(paths), dest, summary=summary, profiles=profiles)
