"""PNG charts of a snapshot for the dataset card.

Why matplotlib's object API (Figure + Agg) and not pyplot: no global figure state, no GUI
backend, safe in worker processes and under Prefect. DejaVu Sans (matplotlib's default font)
has the Vietnamese glyphs. A chart with nothing to show is not drawn (and not in the card): an
image that says "no data" tells a reader less than its absence, and the card says it in words.
Counts are per story: a group of near duplicates counts once (counts.py).

The numbers come from `chart_counts.ChartCounts` (counted batch by batch from the published
files, or from whole tables); the counting functions below return plain lists, so tests can
check the numbers without looking at pixels.
"""
from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np
import pyarrow as pa

from bantin.card.counts import ChartCounts

if TYPE_CHECKING:  # matplotlib is imported when a chart is drawn, not when the flow starts
    from matplotlib.figure import Figure

CHART_TITLES: dict[str, str] = {
    "articles_per_month": "Articles per month (published_date)",
    "articles_per_province": "Articles per province",
    "legal_refs_top": "Most referenced legal and party documents",
    "quantities_by_unit": "Reported figures, by unit of measure and what is counted",
    "boilerplate_by_rule": "Lines kept out of the body, per rule",
    "quarantine_reasons": "Quarantined inputs per reason",
}
TOP = 20
MAX_TICKS = 20
MAX_POINTS = 2000  # dots drawn per unit (evenly spaced quantiles beyond that; n stays exact)
LABEL_CHARS = 42
DPI = 110
BAR_COLOR = "#3b6ea5"


# The counting functions of one table, kept for callers and tests that count a whole table.
def month_counts(articles: pa.Table | None) -> list[tuple[str, int]]:
    """(YYYY-MM, articles) for every month from the first to the last date, gaps as zero."""
    return ChartCounts.of({"articles": articles}).month_counts()


def province_counts(articles: pa.Table | None, column: str) -> list[tuple[str, int]]:
    """(province, articles naming it), most frequent first; an article counts once per province."""
    return ChartCounts.of({"articles": articles}).province_counts(column)


def legal_doc_counts(legal_refs: pa.Table | None) -> list[tuple[str, int]]:
    """(document, articles citing it): the symbol, else 'doc_type number'; bare types skipped."""
    return ChartCounts.of({"legal_refs": legal_refs}).legal_doc_counts()


def quantity_groups(quantities: pa.Table | None) -> list[tuple[str | None, list[tuple[str, list[float]]]]]:
    """[(unit or None for counts, [(noun, positive values)])]: values comparable within a group."""
    return ChartCounts.of({"quantities": quantities}).quantity_groups()


def boilerplate_counts(lines: pa.Table | None) -> list[tuple[str, int]]:
    """('rule (role)', lines) for every line kept out of the body; blank lines are not counted."""
    return ChartCounts.of({"lines": lines}).boilerplate_counts()


def reason_counts(quarantine: pa.Table | None) -> list[tuple[str, int]]:
    return ChartCounts.of({"quarantine": quarantine}).reason_counts()


def _short(label: str) -> str:
    return label if len(label) <= LABEL_CHARS else label[: LABEL_CHARS - 1] + "…"


def _no_data(ax, title: str) -> None:
    """One empty side of a two-sided chart (the other side has data)."""
    ax.set_title(title)
    ax.text(0.5, 0.5, "none", ha="center", va="center", fontsize=14, color="#888888", transform=ax.transAxes)
    ax.set_axis_off()


def _barh(ax, items: list[tuple[str, int | float]], title: str, xlabel: str) -> None:
    """Horizontal bars, largest on top, value written at the end of each bar."""
    from matplotlib.ticker import MaxNLocator

    if not items:
        _no_data(ax, title)
        return
    labels = [_short(k) for k, _ in items][::-1]
    values = [v for _, v in items][::-1]
    bars = ax.barh(range(len(values)), values, color=BAR_COLOR)
    ax.set_yticks(range(len(values)), labels)
    ax.bar_label(bars, padding=3, fontsize=8)
    ax.set_xlim(0, max(values) * 1.15 or 1)
    ax.xaxis.set_major_locator(MaxNLocator(integer=True))
    ax.set_xlabel(xlabel)
    ax.set_title(title)
    ax.spines[["top", "right"]].set_visible(False)


def _height(n: int) -> float:
    return max(2.6, 0.32 * n + 1.4)


def _save(fig: Figure, path: Path) -> Path:
    fig.savefig(path, dpi=DPI, bbox_inches="tight")
    return path


def month_title(counts: ChartCounts) -> str:
    """The month chart's title, with how many articles it cannot show (no date)."""
    n, undated = counts.articles, counts.undated
    shown = f"{n - undated} of {n} articles; {undated} without a date not shown" if undated else f"all {n} articles"
    return f"{CHART_TITLES['articles_per_month']}: {shown}"


def chart_month(counts: ChartCounts, path: Path) -> Path | None:
    from matplotlib.figure import Figure
    from matplotlib.ticker import MaxNLocator

    data = counts.month_counts()
    if not data:
        return None
    fig = Figure(figsize=(max(7.0, 0.3 * len(data) + 2), 3.6))
    ax = fig.subplots()
    title = month_title(counts)
    bars = ax.bar(range(len(data)), [n for _, n in data], color=BAR_COLOR)
    step = -(-len(data) // MAX_TICKS)  # ceil: at most MAX_TICKS labels
    ax.set_xticks(range(0, len(data), step), [m for m, _ in data][::step], rotation=45, ha="right")
    ax.bar_label(bars, labels=[str(n) if n else "" for _, n in data], padding=2, fontsize=8)
    ax.yaxis.set_major_locator(MaxNLocator(integer=True))
    ax.set_ylim(0, max(n for _, n in data) * 1.2)
    ax.set_ylabel("articles")
    ax.set_title(title)
    ax.spines[["top", "right"]].set_visible(False)
    return _save(fig, path)


def chart_provinces(counts: ChartCounts, path: Path) -> Path | None:
    from matplotlib.figure import Figure

    old = counts.province_counts("provinces")[:TOP]
    new = counts.province_counts("provinces_2025")[:TOP]
    if not old and not new:
        return None
    fig = Figure(figsize=(11, _height(max(len(old), len(new)))), layout="constrained")
    left, right = fig.subplots(1, 2)
    _barh(left, old, "Before 1 July 2025 (63 provinces)", "articles")
    _barh(right, new, "After 1 July 2025 (34 provinces)", "articles")
    fig.suptitle(CHART_TITLES["articles_per_province"])
    return _save(fig, path)


def _spread(values: list[float], k: int = MAX_POINTS) -> list[float]:
    """At most k values that keep the distribution's shape: evenly spaced quantiles."""
    if len(values) <= k:
        return values
    return np.quantile(np.asarray(values), np.linspace(0, 1, k)).tolist()


def _dots(ax, rows: list[tuple[str, list[float]]], xlabel: str, log: bool) -> None:
    """One row per noun: the values as dots (a box plot from 5 values), largest group on top."""
    rows = rows[::-1]
    for i, (_, values) in enumerate(rows):
        if len(values) >= 5:
            ax.boxplot([values], positions=[i], vert=False, widths=0.5, showfliers=False,
                       medianprops={"color": "#c0392b"})
        dots = _spread(values)
        ax.scatter(dots, [i] * len(dots), s=18, color=BAR_COLOR, alpha=0.7, zorder=3)
    ax.set_yticks(range(len(rows)), [f"{_short(n) if n else '(nothing named)'}  (n={len(v)})" for n, v in rows])
    ax.set_ylim(-0.6, len(rows) - 0.4)
    if log:
        ax.set_xscale("log")
    ax.set_xlabel(xlabel)
    ax.spines[["top", "right"]].set_visible(False)


def chart_quantities(counts: ChartCounts, path: Path) -> Path | None:
    """One panel per comparable kind of figure, each with its own axis: counts of things (by what
    is counted), then each unit of measure (percentages on a linear 0-100 axis, the rest log)."""
    from matplotlib.figure import Figure

    groups = counts.quantity_groups()
    if not groups:
        return None
    heights = [len(rows) + 1.2 for _, rows in groups]
    fig = Figure(figsize=(8, max(2.6, 0.32 * sum(heights) + 1.4)), layout="constrained")
    axes = fig.subplots(len(groups), 1, height_ratios=heights, squeeze=False)[:, 0]
    for ax, (unit, rows) in zip(axes, groups):
        if unit is None:
            _dots(ax, rows, "count (log scale)", log=True)
            ax.set_title("Counts of things, by what is counted", fontsize=10)
        else:
            percent = unit == "%"
            _dots(ax, rows, "%" if percent else f"{unit} (log scale)", log=not percent)
            if percent:  # a rate: the whole 0-100 scale, so that 95% reads as nearly all
                ax.set_xlim(0, max(100.0, *(max(v) for _, v in rows)))
            ax.set_title(f"Unit {unit}, by what is measured", fontsize=10)
    fig.suptitle(CHART_TITLES["quantities_by_unit"] + " (zero and negative values left out)")
    return _save(fig, path)


def _chart_bars(items: list[tuple[str, int]], key: str, xlabel: str, path: Path) -> Path | None:
    from matplotlib.figure import Figure

    items = items[:TOP]
    if not items:
        return None
    fig = Figure(figsize=(8, _height(len(items))))
    _barh(fig.subplots(), items, CHART_TITLES[key], xlabel)
    return _save(fig, path)


def make_charts(tables: dict[str, pa.Table], dest: Path, counts: ChartCounts | None = None) -> dict[str, Path]:
    """Write every chart that has data as dest/<name>.png; return name -> path in CHART_TITLES
    order (charts without data are left out). `counts`: the tables' counts when already made
    (card_files counts files batch by batch); otherwise `tables` are counted here."""
    dest.mkdir(parents=True, exist_ok=True)
    c = counts if counts is not None else ChartCounts.of(tables)
    drawn = {
        "articles_per_month": chart_month(c, dest / "articles_per_month.png"),
        "articles_per_province": chart_provinces(c, dest / "articles_per_province.png"),
        "legal_refs_top": _chart_bars(c.legal_doc_counts(), "legal_refs_top", "articles citing it",
                                      dest / "legal_refs_top.png"),
        "quantities_by_unit": chart_quantities(c, dest / "quantities_by_unit.png"),
        "boilerplate_by_rule": _chart_bars(c.boilerplate_counts(), "boilerplate_by_rule", "lines",
                                           dest / "boilerplate_by_rule.png"),
        "quarantine_reasons": _chart_bars(c.reason_counts(), "quarantine_reasons", "inputs",
                                          dest / "quarantine_reasons.png"),
    }
    return {name: path for name, path in drawn.items() if path is not None}


__all__ = ["CHART_TITLES", "ChartCounts", "make_charts", "month_counts", "province_counts", "legal_doc_counts",
           "quantity_groups", "boilerplate_counts", "reason_counts"]
