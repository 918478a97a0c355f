"""The accounting invariant: every input is in exactly one place, and every pointer lands.

Why: each input of a run (a row of state.parquet) must end in exactly one of
`articles.source_file`, the `aliases` of an article that is published, or
`quarantine.source_file`; nothing lost, nothing counted twice. A per-table suite cannot see
this (it spans three tables), and a violation is a bug in the decisions, never a property of
the data, so the run checks it on the tables it is about to publish (`bantin.runner`) and
refuses to publish when it fails, and the tests check it on every hostile corpus.
"""
from __future__ import annotations

from pathlib import Path

import polars as pl
import pyarrow as pa
import pyarrow.parquet as pq

from bantin.errors import BantinError

EXAMPLES = 5


class AccountingError(BantinError):
    """The tables to publish break the accounting invariant (nothing was published)."""


def _some(df: pl.DataFrame, col: str = "source_file") -> str:
    names = df[col].head(EXAMPLES).to_list()
    return ", ".join(repr(n) for n in names) + (f" and {df.height - EXAMPLES} more" if df.height > EXAMPLES else "")


def violations(state: pa.Table, articles: pa.Table, quarantine: pa.Table) -> list[str]:
    """What breaks the invariant (empty when nothing does). `articles` needs article_id,
    source_file and aliases; `quarantine` source_file, content_sha256 and duplicate_of."""
    st = pl.from_arrow(state.select(["source_file", "article_id", "outcome"]))
    arts = pl.from_arrow(articles.select(["article_id", "source_file", "aliases"]))
    q = pl.from_arrow(quarantine.select(["source_file", "content_sha256", "duplicate_of"]))
    assert isinstance(st, pl.DataFrame) and isinstance(arts, pl.DataFrame) and isinstance(q, pl.DataFrame)
    places = pl.concat([
        arts.select("source_file", "article_id", pl.lit("article").alias("outcome")),
        arts.select(pl.col("aliases").alias("source_file"), "article_id").explode("source_file")
            .drop_nulls("source_file").with_columns(pl.lit("alias").alias("outcome")),
        q.select("source_file", pl.lit(None, pl.String).alias("article_id"), pl.lit("quarantine").alias("outcome")),
    ])
    out = []
    if (twice := places.filter(pl.col("source_file").is_duplicated())).height:
        out.append(f"inputs in more than one place: {_some(twice.unique('source_file', maintain_order=True))}")
    if (dup := st.filter(pl.col("source_file").is_duplicated())).height:
        out.append(f"inputs with more than one state row: {_some(dup.unique('source_file', maintain_order=True))}")
    if (lost := st.join(places, on="source_file", how="anti")).height:
        out.append(f"inputs in state.parquet but in no table: {_some(lost)}")
    if (extra := places.join(st, on="source_file", how="anti")).height:
        out.append(f"names in a table but not inputs of state.parquet: {_some(extra)}")
    both = st.join(places, on="source_file", suffix="_placed")
    wrong = both.filter((pl.col("outcome") != pl.col("outcome_placed"))
                        | (pl.col("article_id").ne_missing(pl.col("article_id_placed"))))
    if wrong.height:
        out.append(f"state rows that disagree with where the input is: {_some(wrong)}")
    if (dangling := q.drop_nulls("duplicate_of").join(q, left_on=["duplicate_of", "content_sha256"],
                                                       right_on=["source_file", "content_sha256"], how="anti")).height:
        out.append(f"duplicate_of naming no quarantined input with the same bytes: {_some(dangling)}")
    return out


def check_built(built: Path) -> None:
    """Raise AccountingError when the tables written under `built` break the invariant."""
    problems = violations(pq.read_table(built / "state.parquet"),
                          pq.read_table(built / "articles.parquet", columns=["article_id", "source_file", "aliases"]),
                          pq.read_table(built / "quarantine.parquet"))
    if problems:
        raise AccountingError(
            "The tables of this run break the accounting invariant (each input in exactly one of "
            "articles, an article's aliases or quarantine), so nothing was published: "
            + "; ".join(problems) + ". This is a bug in bantin; please report it with the input names.")
