"""The numbers behind the dataset card's charts, counted one record batch at a time.

Why an accumulator: at 100,000 articles the columns the charts count (dates, provinces, legal
references, quantities, line roles) hold hundreds of thousands to millions of values. Reading
them whole and grouping them in polars made the card stage's peak grow by ~2.5 KB per article
(measured: +164 MB at 2,000 articles, +406 MB at 100,000). `ChartCounts.add` takes one batch
and keeps only counters (one entry per month, province, document, rule, reason) and the
positive values of each quantity unit (8 bytes a value, what the box plots need), so a file is
counted in the memory of one batch.

The same accumulator counts in-memory tables (`ChartCounts.of`), so the card of a test table
and the card of a published file are computed by the same code.
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import date

import numpy as np
import polars as pl
import pyarrow as pa
import pyarrow.compute as pc

from schemas import KEPT_ROLES

TOP_UNITS = 12
NOT_BOILERPLATE = frozenset(KEPT_ROLES) | {"empty"}
#: The columns each table's counts read (the rest of a file need not be decoded for them).
COLUMNS: dict[str, list[str]] = {
    "articles": ["published_date", "provinces", "provinces_2025"],
    "legal_refs": ["article_id", "doc_type", "number", "symbol"],
    "quantities": ["unit", "value"],
    "lines": ["role", "rule"],
    "quarantine": ["reason"],
}
PROVINCE_COLUMNS = ("provinces", "provinces_2025")


def ranked(c: Counter) -> list[tuple[str, int]]:
    """Most frequent first, ties in alphabetical order (deterministic across runs)."""
    return sorted(c.items(), key=lambda kv: (-kv[1], kv[0]))


def _frame(batch: pa.Table, columns: list[str]) -> pl.DataFrame:
    df = pl.from_arrow(batch.select(columns))
    assert isinstance(df, pl.DataFrame)
    return df


def _count(c: Counter, df: pl.DataFrame, key: str) -> None:
    g = df.group_by(key).len()
    c.update(dict(zip(g.get_column(key).to_list(), g.get_column("len").to_list())))


@dataclass
class ChartCounts:
    months: Counter = field(default_factory=Counter)  # "YYYY-MM" -> articles
    first: date | None = None
    last: date | None = None
    provinces: dict[str, Counter] = field(default_factory=lambda: {c: Counter() for c in PROVINCE_COLUMNS})
    legal_docs: Counter = field(default_factory=Counter)  # document label -> articles citing it
    units: dict[str, list[np.ndarray]] = field(default_factory=dict)  # unit -> positive values, in order
    lines: Counter = field(default_factory=Counter)  # (role, rule) -> lines
    reasons: Counter = field(default_factory=Counter)  # quarantine reason -> inputs
    # The labels of the last article seen in legal_refs: a file streamed in batches may split one
    # article's rows over two batches (finalise writes an article's rows together), and an
    # article counts once per document.
    _legal_tail: tuple[str | None, set[str]] = field(default_factory=lambda: (None, set()), init=False, repr=False)

    @classmethod
    def of(cls, tables: dict[str, pa.Table | None]) -> ChartCounts:
        """The counts of whole in-memory tables."""
        counts = cls()
        for name, table in tables.items():
            if table is not None:
                counts.add(name, table)
        return counts

    def add(self, name: str, batch: pa.Table | pa.RecordBatch) -> ChartCounts:
        """Count one batch of table `name` (tables without a chart, or without the columns one
        needs, are ignored)."""
        t = batch if isinstance(batch, pa.Table) else pa.Table.from_batches([batch])
        if t.num_rows == 0:
            return self
        have = set(t.column_names)
        if name == "articles":
            if "published_date" in have:
                self._add_dates(t.column("published_date"))
            for col in PROVINCE_COLUMNS:
                if col in have:
                    self._add_provinces(t, col)
        elif name in COLUMNS and set(COLUMNS[name]) <= have:
            {"legal_refs": self._add_legal, "quantities": self._add_quantities, "lines": self._add_lines,
             "quarantine": self._add_reasons}[name](t)
        return self

    # ------------------------------------------------------------ one batch
    def _add_dates(self, col: pa.ChunkedArray) -> None:
        col = col.drop_null()
        if len(col) == 0:
            return
        key = pc.add(pc.multiply(pc.year(col), 100), pc.month(col)).to_numpy()
        for k, n in zip(*np.unique(key, return_counts=True)):
            self.months[f"{int(k) // 100:04d}-{int(k) % 100:02d}"] += int(n)
        mm = pc.min_max(col)
        lo, hi = mm["min"].as_py(), mm["max"].as_py()
        self.first = lo if self.first is None else min(self.first, lo)
        self.last = hi if self.last is None else max(self.last, hi)

    def _add_provinces(self, t: pa.Table, column: str) -> None:
        """An article counts once per province it names."""
        df = (_frame(t, [column]).with_row_index("row").explode(column).drop_nulls()
              .filter(pl.col(column) != "").unique())
        if not df.is_empty():
            _count(self.provinces[column], df, column)

    def _add_legal(self, t: pa.Table) -> None:
        """Label: the symbol, else 'doc_type number'; bare types are skipped ("Nghị quyết"
        alone names no document). Counted once per (article, label)."""
        symbol = pl.when(pl.col("symbol") != "").then(pl.col("symbol"))
        number = pl.when(pl.col("number") != "").then(pl.col("number"))
        typed = pl.concat_str([pl.col("doc_type").fill_null("None"), number], separator=" ")
        df = (_frame(t, COLUMNS["legal_refs"]).select("article_id", pl.coalesce(symbol, typed).alias("label"))
              .drop_nulls().unique(maintain_order=True))
        if df.is_empty():
            return
        tail_id, tail_labels = self._legal_tail
        if tail_id is not None:
            df = df.filter(~((pl.col("article_id") == tail_id) & pl.col("label").is_in(sorted(tail_labels))))
        if not df.is_empty():
            _count(self.legal_docs, df, "label")
        last = t.column("article_id")[-1].as_py()
        mine = set(df.filter(pl.col("article_id") == last).get_column("label").to_list())
        self._legal_tail = (last, (tail_labels | mine) if last == tail_id else mine)

    def _add_quantities(self, t: pa.Table) -> None:
        df = _frame(t, COLUMNS["quantities"]).filter(
            pl.col("unit").is_not_null() & (pl.col("unit") != "") & (pl.col("value") > 0))
        for unit, values in df.group_by("unit", maintain_order=True).agg(pl.col("value").cast(pl.Float64)).iter_rows():
            self.units.setdefault(unit, []).append(np.asarray(values, dtype=np.float64))

    def _add_lines(self, t: pa.Table) -> None:
        g = t.select(["role", "rule"]).group_by(["role", "rule"]).aggregate([([], "count_all")])
        for role, rule, n in zip(*(g.column(c).to_pylist() for c in ("role", "rule", "count_all"))):
            self.lines[(role, rule)] += n

    def _add_reasons(self, t: pa.Table) -> None:
        self.reasons.update(r for r in t.column("reason").to_pylist() if r)

    # ------------------------------------------------------------ results
    def month_counts(self) -> list[tuple[str, int]]:
        """(YYYY-MM, articles) for every month from the first to the last date, gaps as zero."""
        if self.first is None or self.last is None:
            return []
        out, y, m = [], self.first.year, self.first.month
        while (y, m) <= (self.last.year, self.last.month):
            key = f"{y:04d}-{m:02d}"
            out.append((key, self.months.get(key, 0)))
            y, m = (y + 1, 1) if m == 12 else (y, m + 1)
        return out

    def province_counts(self, column: str) -> list[tuple[str, int]]:
        """(province, articles naming it), most frequent first."""
        return ranked(self.provinces[column])

    def legal_doc_counts(self) -> list[tuple[str, int]]:
        """(document, articles citing it), most cited first."""
        return ranked(self.legal_docs)

    def quantity_values(self, top: int = TOP_UNITS) -> list[tuple[str, list[float]]]:
        """(unit, positive values in table order) for the `top` most frequent units."""
        sizes = {u: sum(len(a) for a in arrays) for u, arrays in self.units.items()}
        best = sorted(sizes, key=lambda u: (-sizes[u], u))[:top]
        return [(u, np.concatenate(self.units[u]).tolist()) for u in best]

    def boilerplate_counts(self) -> list[tuple[str, int]]:
        """('rule (role)', lines) for every line kept out of the body; blank lines are not counted."""
        c: Counter = Counter()
        for (role, rule), n in self.lines.items():
            if role not in NOT_BOILERPLATE:
                c[f"{rule} ({role})"] += n
        return ranked(c)

    def reason_counts(self) -> list[tuple[str, int]]:
        return ranked(self.reasons)
