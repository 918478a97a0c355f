"""`bantin stats`: what the current output holds, in the terminal.

Why: before writing a query a person wants the shape of the data: rows per table, how complete
each articles column is, and which provinces and documents dominate. The numbers come from the
same functions as the dataset card and its charts, so the terminal and the card agree.
"""
from __future__ import annotations

import argparse
from pathlib import Path

from rich.console import Console
from rich.markup import escape
from rich.table import Table

import schemas
from bantin.card.charts import legal_doc_counts, province_counts
from bantin.card.profile import percent, profile_table
from bantin.printable import printable
from flows.commands._output import manifest, read_tables

BAR_WIDTH = 10


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("--out", type=Path, default=Path("output"), help="output directory (default: output)")
    p.add_argument("--top", type=int, default=10, help="rows in the top provinces/documents tables (default 10)")
    p.add_argument("--no-color", action="store_true", help="plain output")


def bar(share: float | None, width: int = BAR_WIDTH) -> str:
    """A text bar for a share in [0, 1]: 0.5 -> '█████░░░░░'."""
    if share is None:
        return ""
    full = round(share * width)
    return "█" * full + "░" * (width - full)


def counts_table(tables: dict) -> Table:
    t = Table(title="Rows per table")
    t.add_column("table")
    t.add_column("rows", justify="right")
    t.add_column("what a row is", style="dim")
    for name, decl in schemas.TABLES.items():
        if name in tables:
            t.add_row(name, str(tables[name].num_rows), decl.description)
    return t


def coverage_table(articles) -> Table:
    t = Table(title=f"Coverage of articles fields ({articles.num_rows} rows; non-null and non-empty)")
    for col, just in (("column", "left"), ("type", "left"), ("coverage", "right"), ("", "left"),
                      ("null", "right")):
        t.add_column(col, justify=just, no_wrap=col != "type")
    for p in profile_table(schemas.ARTICLES, articles):
        t.add_row(p.name, escape(p.type), percent(p.coverage), bar(p.coverage), percent(p.null_rate))
    return t


def top_table(title: str, label: str, items: list[tuple[str, int]], unit: str) -> Table:
    t = Table(title=title, min_width=len(title) + 4)
    t.add_column("#", justify="right", style="dim")
    t.add_column(label)
    t.add_column(unit, justify="right")
    for i, (name, n) in enumerate(items, 1):
        t.add_row(str(i), escape(printable(name)), str(n))  # from the text: shown, never obeyed
    if not items:
        t.add_row("", "(none)", "")
    return t


def run(args: argparse.Namespace) -> int:
    tables = read_tables(args.out)
    console = Console(no_color=args.no_color, highlight=False)
    m = manifest(args.out)
    if m:
        console.print(f"snapshot [bold]{escape(str(m.get('snapshot_id', '?')))}[/]  "
                      f"pipeline_version {escape(str(m.get('pipeline_version', '?')))}  "
                      f"finished {escape(str(m.get('finished_at', '?')))}")
    console.print(counts_table(tables))
    articles = tables["articles"]
    console.print(coverage_table(articles))
    top = max(1, args.top)
    console.print(top_table("Top provinces (before July 2025)", "province",
                            province_counts(articles, "provinces")[:top], "articles"))
    console.print(top_table("Top provinces (after July 2025)", "province",
                            province_counts(articles, "provinces_2025")[:top], "articles"))
    console.print(top_table("Top legal documents", "document",
                            legal_doc_counts(tables.get("legal_refs"))[:top], "articles citing"))
    return 0
