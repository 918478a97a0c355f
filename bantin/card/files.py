"""The dataset card from the published Parquet files, in bounded memory.

Why: `card.write_card` profiles in-memory tables; at 100,000 articles the articles and lines
tables (raw text, every line) are gigabytes. Here each file is read once, one byte-sized record
batch at a time (`parts.iter_batches`), and every batch feeds both its column profile (null
rate, coverage, first example) and the charts' counters (`chart_counts.ChartCounts`), so the
card costs the memory of one batch plus a few counters, whatever the corpus size.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pyarrow as pa

import schemas
from bantin import memory
from bantin.build import parts
from bantin.card import readme as card
from bantin.card.charts import make_charts
from bantin.card.counts import ChartCounts
from bantin.card.profile import ColumnProfile, coverage, first_present, format_value, type_label


class _Profiler:
    """`profile.profile_table` of one table, accumulated batch by batch."""

    def __init__(self, decl: schemas.Table, names: set[str]) -> None:
        self.decl, self.names, self.rows = decl, names, 0
        self.nulls = {c.name: 0 for c in decl.columns}
        self.present = {c.name: 0 for c in decl.columns}
        self.example: dict[str, object] = {}

    def add(self, batch: pa.RecordBatch) -> None:
        n = batch.num_rows
        self.rows += n
        for c in self.decl.columns:
            if c.name not in self.names or n == 0:
                continue
            arr = pa.chunked_array([batch.column(c.name)])
            self.nulls[c.name] += arr.null_count
            self.present[c.name] += round((coverage(arr) or 0.0) * n)
            if c.name not in self.example:
                v = first_present(arr)
                if v is not None:
                    self.example[c.name] = v

    def profiles(self) -> list[ColumnProfile]:
        out = []
        for c in self.decl.columns:
            has = c.name in self.names and self.rows > 0
            from_data = c.name in self.example
            out.append(ColumnProfile(
                name=c.name, type=type_label(c.type), description=c.description, nullable=c.nullable,
                rows=self.rows if c.name in self.names else 0,
                null_rate=self.nulls[c.name] / self.rows if has else None,
                coverage=self.present[c.name] / self.rows if has else None,
                example=format_value(self.example[c.name]) if from_data else c.example, example_from_data=from_data))
        return out


def read_file(decl: schemas.Table, path: Path, counts: ChartCounts) -> list[ColumnProfile]:
    """Profile the columns of one published file and add its rows to `counts`, in one pass."""
    prof = _Profiler(decl, set(parts.open_file(path).schema_arrow.names))
    for batch in parts.iter_batches(path):
        prof.add(batch)
        counts.add(decl.name, batch)
    return prof.profiles()


def profile_file(decl: schemas.Table, path: Path) -> list[ColumnProfile]:
    """`profile.profile_table` of a Parquet file, computed batch by batch."""
    return read_file(decl, path, ChartCounts())


@dataclass(frozen=True)
class Drawn:
    """What the card takes from the data alone: column profiles, chart counts and the charts
    drawn under the card's directory. Only the card's text needs the run summary."""

    profiles: dict[str, list[ColumnProfile]]
    counts: ChartCounts
    charts: dict[str, Path]


def draw_card_files(paths: dict[str, Path], dest: Path) -> Drawn:
    """Profile and count the published files, and draw the charts under `dest/charts`.

    Why apart from the text: this reads every file and draws with matplotlib (~3 s on the seeds,
    most of the card), and needs nothing of the run summary, so the runner does it while the
    quality gate validates in its own process (bantin/validate/background.py)."""
    counts = ChartCounts()
    try:
        profiles = {n: read_file(schemas.TABLES[n], p, counts) for n, p in paths.items()}
        charts = make_charts({}, dest / card.CHARTS_DIR, counts)
        return Drawn(profiles, counts, charts)
    finally:
        memory.release()


def write_card_files(paths: dict[str, Path], dest: Path, *, summary: dict, drawn: Drawn | None = None) -> list[Path]:
    """`card.write_card` for published files: README.md, card.html and charts/ under `dest`.
    `drawn`: `draw_card_files(paths, dest)` done already; otherwise done here."""
    drawn = drawn if drawn is not None else draw_card_files(paths, dest)
    tables = {n: schemas.TABLES[n].empty() for n in paths}  # the card needs only their names here
    return card.write_card(tables, dest, summary=summary, profiles=drawn.profiles, counts=drawn.counts,
                           charts=drawn.charts)
