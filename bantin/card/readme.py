"""The dataset card: README.md (+ card.html and charts/*.png) generated for every snapshot.

Why generated: a hand-written card goes stale the day a column is added. Everything here comes
from `schemas/` (types, meanings, examples), the published tables (row counts, null rates,
example values) and the run summary (snapshot, version, validation), so the card always
describes the files next to it. Links and code use paths relative to the output directory.
"""
from __future__ import annotations

import html
from collections import Counter
from collections.abc import Sequence
from pathlib import Path

import pyarrow as pa

import schemas
from bantin.card.charts import CHART_TITLES, make_charts
from bantin.card.counts import ChartCounts
from bantin.card.profile import percent, profile_table
from bantin.card.snippets import KNOWN_LIMITATIONS, loading_snippets

CATALOGUE_PATH = "bantin/clean/rules/catalogue.py"

CHARTS_DIR = "charts"
README = "README.md"
HTML = "card.html"
TITLE = "bantin: Vietnamese provincial news on security, defence and local governance"
INTRO = (
    "Articles from Vietnamese provincial news portals (provincial newspapers, radio-television "
    "stations and Party/government sites) about security, national defence and local governance, "
    "cleaned and structured by **bantin**, a Prefect pipeline: raw `.txt` pages in, one row per "
    "article with the cleaned body, extracted fields (dates, outlet, authors, provinces, people, "
    "organisations, legal references, figures) and the line-by-line cleaning decisions out. "
    "The text is in Vietnamese; column names and this card are in English."
)
HTML_STYLE = (
    "body{font-family:'DejaVu Sans',system-ui,sans-serif;max-width:1100px;margin:2em auto;padding:0 1em;"
    "line-height:1.45;color:#222}table{border-collapse:collapse;margin:1em 0;font-size:.9em}"
    "th,td{border:1px solid #ccc;padding:.3em .5em;vertical-align:top}th{background:#f0f3f7}"
    "pre{background:#f6f8fa;padding:1em;overflow-x:auto}code{font-size:.9em}img{max-width:100%}"
)


def cell(text: object) -> str:
    """Text safe inside a markdown table cell (and in the HTML rendered from it)."""
    s = "" if text is None else str(text)
    return s.replace("\\", "\\\\").replace("|", "\\|").replace("<", "&lt;").replace("\n", " ")


def code(text: str | None) -> str:
    if text is None or text == "":
        return ""
    s = text.replace("|", "\\|").replace("\n", " ")
    return f"`` {s} ``" if "`" in s else f"`{s}`"


def _rows(tables: dict[str, pa.Table], profiles: dict[str, list] | None) -> dict[str, int]:
    """Rows per table: from the profiles when given (the chart tables may be pre-counted)."""
    rows = {n: t.num_rows for n, t in tables.items()}
    for n, ps in (profiles or {}).items():
        if ps:
            rows[n] = max(p.rows for p in ps)
    return rows


def _overview(summary: dict, rows: dict[str, int]) -> list[str]:
    finished = str(summary.get("finished_at") or "")
    validation = summary.get("validation") or {}
    ok = validation.get("success")
    suites = validation.get("suites") or {}
    passed = sum(bool(v) for v in suites.values())
    verdict = "not run" if ok is None else ("passed" if ok else "FAILED")
    return [
        "| | |", "|---|---|",
        f"| snapshot | {code(str(summary.get('snapshot_id', '')))} |",
        f"| date | {cell(finished[:10])} (finished {cell(finished)}) |",
        f"| pipeline_version | {code(str(summary.get('pipeline_version', '')))} |",
        f"| articles | {rows.get('articles', 0)} |",
        f"| validation | {verdict} ({passed}/{len(suites)} suites; details in [quality/index.html](quality/index.html)) |",
    ]


def _counts(table_rows: dict[str, int]) -> list[str]:
    out = ["| table | rows | file | what a row is |", "|---|---:|---|---|"]
    for name, decl in schemas.TABLES.items():
        if name in table_rows:
            rows, files = table_rows[name], f"`{name}.parquet`" + (", `articles.jsonl`" if name == "articles" else "")
        else:
            rows, files = "not in this snapshot", "–"
        out.append(f"| {name} | {rows} | {files} | {cell(decl.description)} |")
    return out


def _charts(paths: dict[str, Path], counts: ChartCounts) -> list[str]:
    per_story = ("Counts are per story: a group of near duplicates (`near_duplicate_of`, the same story "
                 f"republished) counts once; {counts.near_duplicates} article(s) were left out as near duplicates.")
    out = [per_story, ""]
    if counts.undated:
        out += [f"{counts.undated} of {counts.articles} articles have no `published_date` and are not in the "
                "month chart.", ""]
    missing = [title for name, title in CHART_TITLES.items() if name not in paths]
    if missing:
        out += ["Left out, having nothing to show in this snapshot: " + "; ".join(missing) + ".", ""]
    for name in paths:
        out += [f"### {CHART_TITLES[name]}", "", f"![{CHART_TITLES[name]}]({CHARTS_DIR}/{name}.png)", ""]
    return out


def _loading(tables: dict[str, pa.Table]) -> list[str]:
    out = ["Every path below is relative to this directory (run the code from here). "
           "`articles.parquet` and the other files are stable links to the current snapshot, so "
           "they always show one consistent version of every table.", ""]
    for heading, snippet in loading_snippets(set(tables)):
        out += [f"### {heading}", "", "```python", snippet, "```", ""]
    out += ["Ready-made analytics views (documents cited per province and year, leaders per "
            "province, trends of reported figures, articles per outlet) are the DuckDB SQL files in "
            "the repository's `queries/` folder; run them from this directory.", ""]
    return out


def _columns(tables: dict[str, pa.Table], profiles: dict[str, list] | None = None) -> list[str]:
    out = ["Null rate: share of rows where the value is null. Coverage: share of rows with a "
           "non-null, non-empty value (empty text and empty lists count as missing). The example "
           "is the first non-empty value in the data, or the schema's example (marked *schema*) "
           "when the data has none.", ""]
    for name, decl in schemas.TABLES.items():
        key = ", ".join(decl.key)
        out += [f"### {name}", "", cell(decl.description) + (f" Key: `{key}`." if key else ""), "",
                "| column | type | nullable | null rate | coverage | meaning | example |",
                "|---|---|---|---:|---:|---|---|"]
        for p in (profiles[name] if profiles and name in profiles else profile_table(decl, tables.get(name))):
            ex = code(p.example) + ("" if p.example_from_data or not p.example else " *schema*")
            out.append(f"| `{p.name}` | {code(p.type)} | {'yes' if p.nullable else 'no'} | "
                       f"{percent(p.null_rate)} | {percent(p.coverage)} | {cell(p.description)} | {ex} |")
        out.append("")
    return out


def _rules(summary: dict) -> list[str]:
    out = [f"Every row carries `pipeline_version` = `{summary.get('pipeline_version', '')}`: a hash of "
           "the code, rules, data tables and schemas that produced it, so two snapshots with the same "
           "version were cleaned and extracted by the same rules.", ""]
    try:  # the rule catalogue is optional for the card: tolerate its absence
        from bantin.clean.rules.catalogue import RULES
    except (ImportError, AttributeError):
        return out
    # Counts per role, not the catalogue itself: the catalogue (id, role, description, examples of
    # each rule) lives with the code of this version and would be most of the card if copied here.
    per_role = Counter(r.role for r in RULES)
    out += [f"{len(RULES)} cleaning rules decide the role of every unit of text; each row of "
            "`lines.parquet` names its rule. The rules, with their descriptions and examples, are the "
            f"catalogue `{CATALOGUE_PATH}` of bantin at this `pipeline_version`; `bantin lines FILE` shows "
            "them at work on one article. Roles `lead`, `body` and `subheading` form the body.", "",
            "| role | rules |", "|---|---:|",
            *[f"| {cell(role)} | {n} |" for role, n in sorted(per_role.items(), key=lambda kv: (-kv[1], kv[0]))]]
    return out + [""]


def _quality(summary: dict) -> list[str]:
    out = []
    suites = (summary.get("validation") or {}).get("suites") or {}
    if suites:
        out += ["| suite | result |", "|---|---|",
                *[f"| {cell(k)} | {'passed' if v else 'FAILED'} |" for k, v in suites.items()], ""]
    reasons = summary.get("quarantine_reasons") or {}
    if reasons:
        out += ["Inputs set aside (rows in `quarantine.parquet`, original bytes under `quarantine/`):", "",
                "| reason | inputs |", "|---|---:|", *[f"| {cell(k)} | {v} |" for k, v in reasons.items()], ""]
    else:
        out += ["No input was quarantined in this snapshot.", ""]
    return out


def markdown(tables: dict[str, pa.Table], summary: dict, charts: dict[str, Path],
             limitations: Sequence[str], profiles: dict[str, list] | None = None,
             counts: ChartCounts | None = None) -> str:
    """The whole card as markdown. `profiles`: column profiles per table computed elsewhere
    (from files, see card_files), used instead of profiling `tables`; `counts`: the charts'
    counts (made from `tables` when not given)."""
    rows = _rows(tables, profiles)
    counts = counts if counts is not None else ChartCounts.of(tables)
    parts = [
        [f"# {TITLE}", "", INTRO, ""], _overview(summary, rows), ["", "## Tables", ""], _counts(rows),
        ["", "## The corpus at a glance", ""], _charts(charts, counts), ["## How to load it", ""], _loading(tables),
        ["## Columns", ""], _columns(tables, profiles), ["## Rules in force", ""], _rules(summary),
        ["## Quality", ""], _quality(summary), ["## Known limitations", ""],
        [f"- {item}" for item in limitations],
        ["", "JSON Schema files for every table (for validating `articles.jsonl` and other JSON "
         "exports) are in the repository under `schemas/json/`.", ""],
    ]
    return "\n".join(line for part in parts for line in part)


def to_html(md: str, title: str = TITLE) -> str:
    """The card as a standalone HTML page (markdown-it, which rich already depends on)."""
    from markdown_it import MarkdownIt

    body = MarkdownIt("commonmark", {"html": True}).enable("table").render(md)
    return (f'<!doctype html>\n<html lang="en"><head><meta charset="utf-8">'
            f"<title>{html.escape(title)}</title><style>{HTML_STYLE}</style></head>\n"
            f"<body>\n{body}</body></html>\n")


def write_card(tables: dict[str, pa.Table], dest: Path, *, summary: dict,
               limitations: Sequence[str] = KNOWN_LIMITATIONS, profiles: dict[str, list] | None = None,
               counts: ChartCounts | None = None, charts: dict[str, Path] | None = None) -> list[Path]:
    """Write dest/README.md, dest/card.html and dest/charts/*.png; return every path written.
    `profiles` and `counts`: column profiles and chart counts made from files (card_files);
    without them `tables` are profiled and counted here. `charts`: the charts of these counts,
    already drawn under dest/charts (card_files.draw_card_files); otherwise drawn here."""
    dest.mkdir(parents=True, exist_ok=True)
    counts = counts if counts is not None else ChartCounts.of(tables)
    charts = charts if charts is not None else make_charts(tables, dest / CHARTS_DIR, counts)
    md = markdown(tables, summary, charts, limitations, profiles, counts)
    readme, page = dest / README, dest / HTML
    readme.write_text(md, encoding="utf-8")
    page.write_text(to_html(md), encoding="utf-8")
    return [readme, page, *charts.values()]
