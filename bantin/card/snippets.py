"""The "how to load it" code of the dataset card, and the known limitations.

Why a module of its own: these snippets are executed by the tests with the output directory as
working directory, so every path is relative to it ("articles.parquet"), and a snippet that
joins a table is only shown when that table is in the snapshot.
"""
from __future__ import annotations

KNOWN_LIMITATIONS: tuple[str, ...] = (
    "Extraction is rule-based and prefers an empty field to a wrong one: `outlet`, `authors`, "
    "`published_date`, people and their posts are left empty when the evidence is weak, so "
    "coverage below 100% is expected (see the null rate and coverage columns).",
    "`published_date` comes from the best evidence found (`date_source`: dateline, body, photo_filename; "
    "null when there is no date); a date taken from the body may be the event date rather than the publication date.",
    "`provinces` lists the provinces the text names, not necessarily where the event happened; "
    "`provinces_2025` maps those names through the 1 July 2025 merger (34 units), it does not "
    "re-read the text.",
    "People are not resolved across articles: the same person may appear under different spellings "
    "or with posts held at different times; `posts` are as written in that article.",
    "A figure is `value` + `unit` (a unit of measure; null for a count) + `noun` (what is counted, as "
    "written), so one kind of count can appear under several nouns (e.g. `công dân` and `thanh niên`); "
    "values are not converted between units (`kg` and `tấn` stay apart).",
    "Legal references without a symbol (e.g. `Chỉ thị 48`) are ambiguous: the issuer is often "
    "not stated and the same number exists at several levels.",
    "Damaged or legacy-encoded text is repaired only when the repair is unambiguous; the rest is "
    "listed in `damaged_words` and stays in the body as written.",
    "Boilerplate rules were written from a handful of portals; a new portal's page furniture may "
    "reach `body` until a rule covers it (`lines.parquet` shows every decision).",
)

DUCKDB = '''import duckdb

con = duckdb.connect()
print(con.sql("""
    SELECT outlet, count(*) AS articles, min(published_date) AS first, max(published_date) AS last
    FROM 'articles.parquet'
    GROUP BY outlet
    ORDER BY articles DESC
""").fetchall())
print(con.sql("""
    SELECT province, count(*) AS articles
    FROM (SELECT unnest(provinces) AS province FROM 'articles.parquet')
    GROUP BY province
    ORDER BY articles DESC, province
""").fetchall())'''

DUCKDB_LEGAL = '''
# documents cited, per province named in the citing article
print(con.sql("""
    SELECT a.province, coalesce(l.symbol, l.doc_type || ' ' || l.number) AS document,
           count(DISTINCT l.article_id) AS articles
    FROM 'legal_refs.parquet' AS l
    JOIN (SELECT article_id, unnest(provinces) AS province FROM 'articles.parquet') AS a
      USING (article_id)
    WHERE l.symbol IS NOT NULL OR l.number IS NOT NULL
    GROUP BY ALL
    ORDER BY articles DESC, document
""").fetchall())'''

POLARS = '''import polars as pl

articles = pl.read_parquet("articles.parquet")
print(articles.select("article_id", "title", "published_date", "outlet", "n_words"))
print(
    articles.explode("provinces")
    .drop_nulls("provinces")
    .group_by("provinces")
    .len()
    .sort("len", descending=True)
)'''

POLARS_PEOPLE = '''
people = pl.read_parquet("people.parquet")
leaders = people.filter(pl.col("posts").list.len() > 0).join(
    articles.select("article_id", "published_date", "provinces"), on="article_id"
)
print(leaders.select("name", "posts", "published_date", "provinces"))'''

PANDAS = '''import pandas as pd

articles = pd.read_parquet("articles.parquet")
print(articles[["article_id", "title", "published_date", "outlet"]])

# the same rows as JSON Lines (one object per line), e.g. for tools without Parquet
rows = pd.read_json("articles.jsonl", lines=True, dtype=False, convert_dates=False)
print(len(rows), "rows;", list(rows.columns)[:5], "...")'''


def loading_snippets(present: set[str]) -> list[tuple[str, str]]:
    """(heading, python code) for DuckDB, polars and pandas, using only tables in `present`
    (articles.parquet and articles.jsonl are in every snapshot)."""
    duck = DUCKDB + (DUCKDB_LEGAL if "legal_refs" in present else "")
    pols = POLARS + (POLARS_PEOPLE if "people" in present else "")
    return [("DuckDB", duck), ("polars", pols), ("pandas", PANDAS)]
