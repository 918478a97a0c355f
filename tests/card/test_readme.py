"""Dataset card: content generated from schemas/ and the data, and every code snippet runs.

The card is written to a staging directory and published into a snapshot the way the pipeline
does it, then each ```python block is executed with the output directory as working directory.
"""
from __future__ import annotations

import contextlib
import io
import re
from collections import Counter
from pathlib import Path

import dataset_factory
import pytest

import schemas
from bantin.card import readme as card
from bantin.card.charts import CHART_TITLES

PY_BLOCK_RE = re.compile(r"^```python\n(.*?)^```", re.M | re.S)
IMG_RE = re.compile(r"!\[[^\]]*\]\(([^)]+)\)")


def publish_with_card(out: Path, tables: dict, staging: Path) -> Path:
    written = card.write_card(tables, staging, summary=dataset_factory.summary(tables))
    assert {p.name for p in written} >= {"README.md", "card.html"}
    assert {p.stem for p in written if p.suffix == ".png"} <= set(CHART_TITLES)
    dataset_factory.publish(out, tables, extra_files={n: staging / n for n in ("README.md", "card.html", "charts")})
    return out


def run_snippets(out: Path, monkeypatch) -> list[str]:
    """Execute every python block of out/README.md in out; return what each printed."""
    blocks = PY_BLOCK_RE.findall((out / "README.md").read_text(encoding="utf-8"))
    monkeypatch.chdir(out)
    printed = []
    for code in blocks:
        buf = io.StringIO()
        with contextlib.redirect_stdout(buf):
            exec(compile(code, "README.md", "exec"), {})
        printed.append(buf.getvalue())
    return printed


@pytest.fixture(scope="module")
def crafted(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("card")
    return publish_with_card(root / "out", dataset_factory.build_tables(), root / "staging")


@pytest.fixture(scope="module")
def readme(crafted) -> str:
    return (crafted / "README.md").read_text(encoding="utf-8")


def test_every_snippet_runs_in_the_output_directory(crafted, monkeypatch):
    printed = run_snippets(crafted, monkeypatch)
    assert len(printed) == 3  # DuckDB, polars, pandas
    duck, pols, pandas_out = printed
    assert "Báo Đồng Khởi" in duck and "08-NQ/TU" in duck
    assert "Bến Tre" in pols and "Nguyễn Văn Danh" in pols
    assert "4 rows;" in pandas_out


def test_snippets_only_use_tables_in_the_snapshot(tmp_path, monkeypatch):
    tables = {"articles": dataset_factory.build_tables()["articles"]}
    out = publish_with_card(tmp_path / "out", tables, tmp_path / "staging")
    text = (out / "README.md").read_text(encoding="utf-8")
    assert "legal_refs.parquet'" not in text and "people.parquet" not in text
    assert "| people | not in this snapshot |" in text
    assert len(run_snippets(out, monkeypatch)) == 3


def test_snippets_run_on_an_empty_snapshot(tmp_path, monkeypatch):
    out = publish_with_card(tmp_path / "out", dataset_factory.build_tables(empty=True), tmp_path / "staging")
    printed = run_snippets(out, monkeypatch)
    assert "0 rows;" in printed[2]


def test_overview_names_the_dataset_snapshot_and_counts(readme):
    assert readme.startswith("# bantin: Vietnamese provincial news on security, defence and local governance")
    assert "| snapshot | `20250102T030405000000Z-test` |" in readme
    assert "| date | 2025-01-02 " in readme
    assert "| articles | 4 | `articles.parquet`, `articles.jsonl` |" in readme
    assert "| legal_refs | 5 |" in readme and "| quarantine | 1 |" in readme


@pytest.mark.parametrize("table", list(schemas.TABLES))
def test_every_column_of_every_table_is_documented(readme, table):
    section = readme.split(f"\n### {table}\n", 1)[1].split("\n### ", 1)[0]
    for col in schemas.TABLES[table].columns:
        row = next((line for line in section.splitlines() if line.startswith(f"| `{col.name}` |")), None)
        assert row is not None, f"{table}.{col.name} missing from the card"
        assert card.cell(col.description) in row


@pytest.mark.parametrize(
    ("column", "expected"),
    [
        # 1 of 4 articles has no date; its example comes from the data (first article)
        ("published_date", "| `published_date` | `date32[day]` | yes | 25% | 75% |"),
        # authors: null in 2 rows, empty list in 1 -> coverage 25%
        ("authors", "| `authors` | `list<string>` | yes | 50% | 25% |"),
        ("outlet", "| `outlet` | `string` | yes | 25% | 75% |"),
    ],
)
def test_null_rate_and_coverage_are_computed_from_the_data(readme, column, expected):
    assert expected in readme


def test_examples_come_from_data_else_schema(readme):
    articles = readme.split("\n### articles\n", 1)[1]
    assert "`2023-01-30` |" in articles.split("| `published_date` |", 1)[1].splitlines()[0]
    assert '`["Bến Tre"]`' in articles.split("| `provinces` |", 1)[1].splitlines()[0]
    acronyms = readme.split("\n### acronyms\n", 1)[1]  # no rows: the schema's example, marked
    assert "`ANTQ` *schema*" in acronyms


def test_charts_are_embedded_with_relative_links_that_resolve(crafted, readme):
    links = IMG_RE.findall(readme)
    assert links == [f"charts/{n}.png" for n in CHART_TITLES]
    for link in links:
        assert (crafted / link).read_bytes()[:4] == b"\x89PNG"


def test_the_glance_says_what_the_charts_leave_out(readme, tmp_path):
    glance = readme.split("## The corpus at a glance", 1)[1].split("\n## ", 1)[0]
    assert "a group of near duplicates (`near_duplicate_of`, the same story republished) counts once" in glance
    assert "1 of 4 articles have no `published_date`" in glance
    tables = dataset_factory.build_tables()
    tables["quarantine"] = schemas.QUARANTINE.empty()
    card.write_card(tables, tmp_path, summary=dataset_factory.summary(tables))
    text = (tmp_path / "README.md").read_text(encoding="utf-8")
    assert "Left out, having nothing to show in this snapshot: Quarantined inputs per reason." in text
    assert "charts/quarantine_reasons.png" not in text


def test_rules_in_force_point_to_the_catalogue_and_count_it(readme):
    from bantin.clean.rules.catalogue import RULES

    rules = readme.split("## Rules in force", 1)[1].split("\n## ", 1)[0]
    assert "`0.1.0+test`" in rules and "`bantin/clean/rules/catalogue.py`" in rules
    assert (Path(__file__).parents[2] / "bantin/clean/rules/catalogue.py").is_file()  # the pointer is real
    counts = dict(re.findall(r"^\| (\w+) \| (\d+) \|$", rules, re.MULTILINE))
    assert {role: int(n) for role, n in counts.items()} == dict(Counter(r.role for r in RULES))
    assert not any(f"`{rule.id}`" in rules for rule in RULES)  # linked, not copied


def test_limitations_and_quality(readme):
    lim = readme.split("## Known limitations", 1)[1]
    assert lim.count("\n- ") == len(card.KNOWN_LIMITATIONS)
    assert "| empty | 1 |" in readme.split("## Quality", 1)[1]


def test_html_version(crafted):
    page = (crafted / "card.html").read_text(encoding="utf-8")
    assert page.startswith("<!doctype html>") and '<meta charset="utf-8">' in page
    assert '<img src="charts/articles_per_month.png"' in page
    assert '<code class="language-python">' in page and "<table>" in page
    assert "list&lt;string&gt;" in page  # types are escaped, not parsed as tags


@pytest.mark.parametrize(
    ("raw", "expected"),
    [("a|b", "a\\|b"), ("line\nbreak", "line break"), ("list<string>", "list&lt;string>"), (None, "")],
)
def test_cell_escaping(raw, expected):
    assert card.cell(raw) == expected


@pytest.mark.parametrize(("raw", "expected"), [("x", "`x`"), ("a`b", "`` a`b ``"), ("", ""), (None, "")])
def test_code_span(raw, expected):
    assert card.code(raw) == expected


def test_card_on_the_seed_output_and_its_snippets(tmp_path, monkeypatch):
    tables = dataset_factory.seed_tables()
    out = publish_with_card(tmp_path / "out", tables, tmp_path / "staging")
    text = (out / "README.md").read_text(encoding="utf-8")
    assert "| articles | 5 | `articles.parquet`, `articles.jsonl` |" in text
    duck, pols, pandas_out = run_snippets(out, monkeypatch)
    assert "Báo Đồng Khởi" in duck and "('Bến Tre', '08-NQ/TU', 1)" in duck
    assert "Bến Tre" in pols and "Nguyễn Văn Tuấn" in pols
    assert "5 rows;" in pandas_out
    for link in IMG_RE.findall(text):
        assert (out / link).read_bytes()[:4] == b"\x89PNG"
