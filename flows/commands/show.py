"""`bantin show ARTICLE`: one article's fields, cleaned text and extracted entities.

Why: to check an extraction a person needs the row as the pipeline wrote it, next to the text it
came from, without writing a query. ARTICLE is an article_id, a unique prefix of one, or the
input file's name (as in `source_file` or `aliases`, with or without its directory).
"""
from __future__ import annotations

import argparse
from pathlib import Path, PurePosixPath

import pyarrow as pa
import pyarrow.compute as pc
from rich.console import Console, Group
from rich.markup import escape
from rich.panel import Panel
from rich.table import Table

from bantin.card.profile import format_value
from bantin.errors import UsageError
from bantin.printable import printable
from flows.commands._output import read_tables

LONG_FIELDS = ("body", "raw_text")
ENTITY_TABLES = {
    "people": ("name", "posts", "honorific"),
    "organisations": ("name", "kind", "mentions"),
    "legal_refs": ("doc_type", "number", "symbol", "issuer", "issued_date", "mention"),
    "quantities": ("value", "unit", "noun", "qualifier", "mention"),
    "periods": ("start_year", "end_year", "mention"),
    "acronyms": ("acronym", "expansion", "source"),
}
FIELD_CHARS = 200
MAX_CANDIDATES = 10


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("article", help="article_id, a unique prefix of it, or the input file name")
    p.add_argument("--out", type=Path, default=Path("output"), help="output directory (default: output)")
    p.add_argument("--raw", action="store_true", help="also print the raw input text")
    p.add_argument("--no-color", action="store_true", help="plain output")


def _file_matches(query: str, row: dict) -> bool:
    names = [row.get("source_file") or "", *(row.get("aliases") or [])]
    return any(query == n or query == PurePosixPath(n).name for n in names)


def find_article(articles: pa.Table, query: str) -> dict:
    """The one row `query` designates; UsageError when none or several do."""
    q = query.strip()
    ids = articles.column("article_id").to_pylist()
    if q in ids:
        return articles.slice(ids.index(q), 1).to_pylist()[0]
    rows = articles.select([c for c in ("article_id", "source_file", "aliases", "title")
                            if c in articles.column_names]).to_pylist()
    q_name = PurePosixPath(q).name if "/" in q else q
    hits = [i for i, r in enumerate(rows) if _file_matches(q, r) or _file_matches(q_name, r)]
    if not hits and q:
        hits = [i for i, aid in enumerate(ids) if aid.startswith(q.lower())]
    if len(hits) == 1:
        return articles.slice(hits[0], 1).to_pylist()[0]
    if not hits:
        raise UsageError(f"No article matches {query!r}: give an article_id (or a unique prefix of it) "
                         "or an input file name; `bantin stats` or articles.parquet lists them.")
    names = ", ".join(f"{rows[i]['article_id']} ({printable(rows[i]['source_file'])})" for i in hits[:MAX_CANDIDATES])
    more = f" and {len(hits) - MAX_CANDIDATES} more" if len(hits) > MAX_CANDIDATES else ""
    raise UsageError(f"{query!r} matches {len(hits)} articles: {names}{more}. Give more of the id.")


def _safe(text: str, *, keep_newlines: bool = False) -> str:
    """Text from the data as rich markup that prints it, never obeys it: control characters,
    escape sequences and bidi overrides shown escaped (bantin.printable), brackets escaped."""
    return escape(printable(text, keep_newlines=keep_newlines))


def _value(v: object) -> str:
    if v is None or v == []:
        return "[dim]–[/dim]"
    if isinstance(v, list) and all(isinstance(x, str) for x in v):
        return _safe(format_value(", ".join(v), FIELD_CHARS))
    return _safe(format_value(v, FIELD_CHARS))


def fields_table(row: dict) -> Table:
    t = Table(show_header=False, box=None, pad_edge=False)
    t.add_column("field", style="bold cyan", no_wrap=True)
    t.add_column("value", overflow="fold")
    for k, v in row.items():
        if k not in LONG_FIELDS:
            t.add_row(k, _value(v))
    return t


def entity_table(name: str, table: pa.Table, article_id: str) -> Table | None:
    rows = table.filter(pc.equal(table.column("article_id"), article_id))
    if rows.num_rows == 0:
        return None
    cols = [c for c in ENTITY_TABLES[name] if c in rows.column_names]
    t = Table(title=f"{name} ({rows.num_rows})", title_justify="left")
    for c in cols:
        t.add_column(c, overflow="fold")
    for r in rows.select(cols).to_pylist():
        t.add_row(*(_value(r[c]) for c in cols))
    return t


def run(args: argparse.Namespace) -> int:
    tables = read_tables(args.out)
    row = find_article(tables["articles"], args.article)
    console = Console(no_color=args.no_color, highlight=False)
    console.print(Panel(fields_table(row), title=f"[bold]{_safe(row.get('title') or row['article_id'])}[/]",
                        subtitle=_safe(row["article_id"]), title_align="left"))
    console.print(Panel(_safe(row.get("body") or "", keep_newlines=True), title="cleaned body", title_align="left"))
    extras = [t for n in ENTITY_TABLES if n in tables
              for t in [entity_table(n, tables[n], row["article_id"])] if t is not None]
    if extras:
        console.print(Group(*extras))
    if args.raw:
        console.print(Panel(_safe(row.get("raw_text") or "", keep_newlines=True), title="raw text", title_align="left"))
    return 0
