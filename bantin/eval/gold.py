"""Loaders for the hand-made evaluation data: gold extractions and per-line role labels.

Why a module of its own: the gold set is the blind yardstick for the cleaning and extraction
rules, written by an annotator who never read those rules. Keeping the readers here (and only
readers: nothing in this module derives a label) lets `bantin eval`, the tests and ad-hoc
scripts share one definition of the file formats described in tests/gold/README.md.
"""
from __future__ import annotations

import json
from pathlib import Path

from schemas.lines import ROLES
from schemas.suites_rules import DATE_SOURCES

REPO_ROOT = Path(__file__).resolve().parents[2]
GOLD_DIR = REPO_ROOT / "tests" / "gold"
FIXTURE_DIR = REPO_ROOT / "tests" / "fixtures" / "portals"

# Every gold file carries exactly these keys, so a missing field is an error, never "unknown".
GOLD_KEYS = (
    "source_file", "title", "section", "published_date", "date_source", "outlet", "authors",
    "photographers", "provinces", "provinces_2025", "people", "organisations", "legal_refs",
    "quantities", "periods", "acronyms",
)
LIST_KEYS = GOLD_KEYS[6:]


def load_gold(dir: Path = GOLD_DIR) -> dict[str, dict]:
    """All gold extractions under `dir`, keyed by the article's `source_file`."""
    out: dict[str, dict] = {}
    for path in sorted(Path(dir).glob("*.json")):
        record = json.loads(path.read_text(encoding="utf-8"))
        key = record["source_file"]
        if key in out:
            raise ValueError(f"duplicate source_file {key!r} in {path.name}")
        out[key] = record
    return out


def _read_rows(path: Path) -> list[str]:
    """Rows of a TSV label file. Only '\\n' separates rows: the texts may hold NBSP, zero-width
    and trailing spaces that must survive byte-for-byte, so nothing is stripped."""
    text = Path(path).read_text(encoding="utf-8")
    rows = text.split("\n")
    if rows and rows[-1] == "":
        rows.pop()
    return rows


def load_roles(path: Path) -> list[tuple[int, str, str]]:
    """(line_no, role, text) rows of a `*.roles.tsv` file: one row per line of the fixture."""
    out = []
    for n, row in enumerate(_read_rows(path)):
        parts = row.split("\t", 2)
        if len(parts) != 3:
            raise ValueError(f"{Path(path).name}:{n + 1}: expected line_no<TAB>role<TAB>text")
        out.append((int(parts[0]), parts[1], parts[2]))
    return out


def load_units(path: Path) -> list[tuple[str, str]]:
    """(role, text) rows of a `*.units.tsv` file: the sentence-level units of a one-line dump."""
    out = []
    for n, row in enumerate(_read_rows(path)):
        parts = row.split("\t", 1)
        if len(parts) != 2:
            raise ValueError(f"{Path(path).name}:{n + 1}: expected role<TAB>text")
        out.append((parts[0], parts[1]))
    return out


def fixture_lines(txt: Path) -> list[str]:
    """The lines of a fixture exactly as the labels number them: split on '\\n' only."""
    return Path(txt).read_text(encoding="utf-8").split("\n")


def label_file(txt: Path) -> Path | None:
    """The label file of a fixture: `.roles.tsv` for ordinary pages, `.units.tsv` for one-line dumps."""
    stem = Path(txt).with_suffix("")
    for suffix in (".roles.tsv", ".units.tsv"):
        cand = stem.with_name(stem.name + suffix)
        if cand.exists():
            return cand
    return None


def gold_errors(record: dict) -> list[str]:
    """Format problems of one gold record (empty list when it is well-formed)."""
    errs = [f"missing key {k}" for k in GOLD_KEYS if k not in record]
    errs += [f"unknown key {k}" for k in record if k not in GOLD_KEYS]
    if errs:
        return errs
    for k in ("title", "section", "outlet"):
        if record[k] is not None and not (isinstance(record[k], str) and record[k].strip()):
            errs.append(f"{k} must be a non-empty string or null")
    if record["date_source"] is not None and record["date_source"] not in DATE_SOURCES:
        errs.append(f"bad date_source {record['date_source']!r}")
    if (record["published_date"] is None) != (record["date_source"] is None):
        errs.append("published_date and date_source disagree")
    for k in LIST_KEYS:
        if not isinstance(record[k], list):
            errs.append(f"{k} must be a list")
    for k in ("authors", "photographers", "provinces", "provinces_2025", "organisations"):
        if isinstance(record[k], list) and not all(isinstance(x, str) and x for x in record[k]):
            errs.append(f"{k} must hold non-empty strings")
    errs += _row_errors(record)
    return errs


def _row_errors(record: dict) -> list[str]:
    errs = []
    for p in record["people"]:
        if set(p) != {"name", "posts", "honorific"} or not isinstance(p["posts"], list):
            errs.append(f"bad person {p}")
    for r in record["legal_refs"]:
        if set(r) != {"doc_type", "number", "symbol", "issuer"}:
            errs.append(f"bad legal_ref {r}")
        elif r["symbol"] is not None and r["symbol"] != r["symbol"].strip():
            errs.append(f"unstripped symbol {r}")
    for q in record["quantities"]:
        if set(q) != {"value", "unit", "qualifier"} or not isinstance(q["value"], (int, float)):
            errs.append(f"bad quantity {q}")
    for p in record["periods"]:
        if set(p) != {"start_year", "end_year"} or not p["start_year"] < p["end_year"]:
            errs.append(f"bad period {p}")
    for a in record["acronyms"]:
        if set(a) != {"acronym", "expansion"}:
            errs.append(f"bad acronym {a}")
    return errs


def role_errors(labels: list[tuple[int, str, str]], lines: list[str]) -> list[str]:
    """Disagreements between a fixture's lines and its `.roles.tsv` rows."""
    errs = []
    if len(labels) != len(lines):
        errs.append(f"{len(labels)} label rows for {len(lines)} lines")
    for i, (no, role, text) in enumerate(labels):
        if no != i:
            errs.append(f"row {i} numbered {no}")
        if role not in ROLES:
            errs.append(f"row {i}: unknown role {role!r}")
        if i < len(lines) and text != lines[i]:
            errs.append(f"row {i}: text differs from the fixture line")
        if (role == "empty") != (text.strip() == ""):
            errs.append(f"row {i}: role {role!r} for {'blank' if not text.strip() else 'non-blank'} text")
    return errs
