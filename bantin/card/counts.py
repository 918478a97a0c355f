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

A group of near duplicates (`articles.near_duplicate_of`: the same story republished) counts once:
its first article. The others are left out of every per-article count (months, provinces, documents
cited, figures), so a corpus of republished stories does not show each story as many times as it
was reposted. Their ids are kept while counting (8 bytes each), so `articles` must be added before
the tables that refer to it, as `of` and the card (files in schemas order) do.
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

TOP_NOUNS = 12  # rows of the counts panel of the figures chart
TOP_MEASURED = 3  # units of measure shown (each its own panel), and rows in each
NOT_BOILERPLATE = frozenset(KEPT_ROLES) | {"empty"}
#: The columns each table's counts read (the rest of a file need not be decoded for them).
COLUMNS: dict[str, list[str]] = {
    "articles": ["article_id", "near_duplicate_of", "published_date", "provinces", "provinces_2025"],
    "legal_refs": ["article_id", "doc_type", "number", "symbol"],
    "quantities": ["article_id", "unit", "noun", "value"],
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


def _id_keys(ids: pa.Array | pa.ChunkedArray) -> np.ndarray:
    """Article ids (16 hex digits) as uint64, the compact form the near duplicates are kept in."""
    return np.array([int(a, 16) for a in ids.to_pylist()], dtype=np.uint64)


def _count(c: Counter, df: pl.DataFrame, key: str) -> None:
    g = df.group_by(key).len()
    c.update(dict(zip(g.get_column(key).to_list(), g.get_column("len").to_list())))


@dataclass
class ChartCounts:
    months: Counter = field(default_factory=Counter)  # "YYYY-MM" -> articles
    first: date | None = None
    last: date | None = None
    articles: int = 0  # articles counted (a group of near duplicates once)
    undated: int = 0  # of which without published_date
    near_duplicates: int = 0  # articles left out as a near duplicate of an earlier one
    provinces: dict[str, Counter] = field(default_factory=lambda: {c: Counter() for c in PROVINCE_COLUMNS})
    legal_docs: Counter = field(default_factory=Counter)  # document label -> articles citing it
    units: dict[tuple, list[np.ndarray]] = field(default_factory=dict)  # (unit, noun) -> positive values
    lines: Counter = field(default_factory=Counter)  # (role, rule) -> lines
    reasons: Counter = field(default_factory=Counter)  # quarantine reason -> inputs
    # The labels of the last article seen in legal_refs: a file streamed in batches may split one
    # article's rows over two batches (finalise writes an article's rows together), and an
    # article counts once per document.
    _legal_tail: tuple[str | None, set[str]] = field(default_factory=lambda: (None, set()), init=False, repr=False)
    _near: list[np.ndarray] = field(default_factory=list, init=False, repr=False)  # ids left out, uint64

    @classmethod
    def of(cls, tables: dict[str, pa.Table | None]) -> ChartCounts:
        """The counts of whole in-memory tables (articles first)."""
        counts = cls()
        for name, table in sorted(tables.items(), key=lambda kv: kv[0] != "articles"):
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
            t = self._first_of_groups(t)
            self.articles += t.num_rows
            if "published_date" in have:
                self.undated += t.column("published_date").null_count
                self._add_dates(t.column("published_date"))
            for col in PROVINCE_COLUMNS:
                if col in have:
                    self._add_provinces(t, col)
        elif name in COLUMNS and set(COLUMNS[name]) <= have:
            t = self._without_near_duplicates(t) if "article_id" in COLUMNS[name] else t
            {"legal_refs": self._add_legal, "quantities": self._add_quantities, "lines": self._add_lines,
             "quarantine": self._add_reasons}[name](t)
        return self

    # ------------------------------------------------------------ one batch
    def _first_of_groups(self, t: pa.Table) -> pa.Table:
        """The batch without its near duplicates, whose ids are kept for the other tables."""
        if "near_duplicate_of" not in t.column_names or t.column("near_duplicate_of").null_count == t.num_rows:
            return t
        near = pc.is_valid(t.column("near_duplicate_of"))
        self._near.append(_id_keys(t.filter(near).column("article_id")))
        self.near_duplicates += len(self._near[-1])
        return t.filter(pc.invert(near))

    def _without_near_duplicates(self, t: pa.Table) -> pa.Table:
        if not self._near:
            return t
        left_out = np.isin(_id_keys(t.column("article_id")), np.concatenate(self._near))
        return t.filter(pa.array(~left_out)) if left_out.any() else t

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
        """Positive values per (unit, noun); a count without a noun has nothing to compare with."""
        df = _frame(t, ["unit", "noun", "value"]).filter(
            (pl.col("unit").is_not_null() | pl.col("noun").is_not_null()) & (pl.col("value") > 0))
        groups = df.group_by(["unit", "noun"], maintain_order=True).agg(pl.col("value").cast(pl.Float64))
        for unit, noun, values in groups.iter_rows():
            self.units.setdefault((unit, noun), []).append(np.asarray(values, dtype=np.float64))

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

    def quantity_groups(self) -> list[tuple[str | None, list[tuple[str, list[float]]]]]:
        """[(unit, [(noun, positive values in table order)])], values comparable only within a
        group: counts first (unit None: the TOP_NOUNS most reported nouns), then the TOP_MEASURED
        most reported units of measure (their TOP_MEASURED most reported nouns; '' for none)."""
        sizes = {k: sum(len(a) for a in arrays) for k, arrays in self.units.items()}
        by_unit: dict[str | None, int] = Counter()
        for (unit, _), n in sizes.items():
            by_unit[unit] += n
        units = ([None] if None in by_unit else []) + sorted(
            (u for u in by_unit if u is not None), key=lambda u: (-by_unit[u], u))[:TOP_MEASURED]
        out = []
        for unit in units:
            keys = sorted((k for k in sizes if k[0] == unit), key=lambda k: (-sizes[k], k[1] or ""))
            keys = keys[:TOP_NOUNS if unit is None else TOP_MEASURED]
            out.append((unit, [(k[1] or "", np.concatenate(self.units[k]).tolist()) for k in keys]))
        return out

    def boilerplate_counts(self) -> list[tuple[str, int]]:
        """('rule (role)', lines) for every line kept out of the body; blank lines are not counted."""
        c: Counter = Counter()
        for (role, rule), n in self.lines.items():
            if role not in NOT_BOILERPLATE:
                c[f"{rule} ({role})"] += n
        return ranked(c)

    def reason_counts(self) -> list[tuple[str, int]]:
        return ranked(self.reasons)
