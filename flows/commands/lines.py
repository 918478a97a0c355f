"""`bantin lines FILE`: show every line of an article with its role and the rule that decided it.

Why: a user who wonders why a sentence is missing from `body` can see the decision and the
rule id (look it up in bantin/clean/rules/; README, Developing, says which module holds it)
without reading Parquet. Kept lines are green, dropped ones dim or red, so furniture and text
separate at a glance.
"""
from __future__ import annotations

import argparse
import os
from pathlib import Path

from rich.console import Console
from rich.markup import escape

from bantin.build.corpus import corpus_context
from bantin.clean.classify import classify
from bantin.errors import BantinError, UsageError
from bantin.ingest.files import load, scan
from bantin.ingest.names import escape_name
from bantin.printable import printable
from bantin.records import InputFile, Quarantined
from bantin.settings import DEFAULT_MAX_BYTES
from schemas.lines import KEPT_ROLES as KEPT

ROLE_STYLE = {
    "title": "bold green", "lead": "green", "body": "green", "subheading": "bold green",
    "section": "cyan", "dateline": "cyan", "caption": "yellow", "byline": "magenta",
    "photo_credit": "magenta", "source_credit": "magenta", "duplicate": "red", "empty": "dim",
}
DROPPED_STYLE = "dim red"
PREVIEW_CHARS = 160


def read_text(path: Path) -> str:
    """Decode exactly as the ingest stage does (`bantin.ingest.files.load`: UTF-8 with or
    without BOM, UTF-16/32, mojibake, the legacy Vietnamese encodings, line endings normalised).
    A file the pipeline would quarantine is a DataError naming the reason."""
    if not path.is_file():
        raise UsageError(f"No such file: {printable(str(path))!r}. Pass the path of an article .txt file.")
    st = path.stat()
    f = InputFile(path=os.path.realpath(path), source_file=escape_name(path.name), size_bytes=st.st_size,
                  mtime=None, content_sha256=None)
    doc = load(f)
    if isinstance(doc, Quarantined):
        raise DataError(f"{printable(str(path))} would be quarantined by a run ({doc.reason}): {doc.detail}")
    return doc.text


class DataError(BantinError):
    """The file cannot be shown: a run would quarantine it (exit 1, as for data failures)."""


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("file", type=Path, help="article .txt file to inspect")
    parser.add_argument("--repeated-from", type=Path, default=None, metavar="DIR",
                        help="count repeated lines over the *.txt files under DIR (corpus boilerplate), "
                             "and whether FILE's folder there prints no headline")
    parser.add_argument("--min-docs", type=int, default=3,
                        help="a line repeated in at least this many documents is boilerplate (default 3)")
    parser.add_argument("--full", action="store_true", help="print whole lines instead of a preview")
    parser.add_argument("--no-color", action="store_true", help="plain output")


def _corpus(directory: Path | None, min_docs: int, file: Path) -> tuple[frozenset[str], bool]:
    """What a run over `directory` would know of `file` from the other files (the run's own corpus
    pass, `corpus_context`): the corpus boilerplate lines, and whether the file's folder prints no
    headline (bantin.clean.sites; False when the file is not under the directory)."""
    if directory is None:
        return frozenset(), False
    files = list(scan(directory).files)
    ctx = corpus_context(files, min_docs=min_docs, max_bytes=DEFAULT_MAX_BYTES)
    mine = next((f.source_file for f in files if f.path == os.path.realpath(file)), None)
    return ctx.facts.repeated, mine is not None and ctx.facts.is_headless(mine)


def run(args: argparse.Namespace) -> int:
    console = Console(no_color=args.no_color, highlight=False, soft_wrap=True)
    repeated, headless = _corpus(args.repeated_from, args.min_docs, args.file)
    decisions = classify(read_text(args.file), repeated=repeated, headless=headless)
    for d in decisions:
        text = d.text if args.full or len(d.text) <= PREVIEW_CHARS else d.text[:PREVIEW_CHARS] + "…"
        style = ROLE_STYLE.get(d.role, "green") if d.role in KEPT or d.role in ROLE_STYLE else DROPPED_STYLE
        split = "" if d.split == "line" else " (sentence)"
        no = d.raw_line if d.raw_line is not None else d.line_no  # the raw line; its sentences share it
        # The raw text as printable: an escape sequence or a bidi override in it is shown, not obeyed.
        console.print(f"{no:>4}  {d.role:<14} {d.rule:<22}{split} {escape(printable(text))}", style=style)
    kept = sum(d.role in KEPT for d in decisions)
    dropped = sum(d.role not in KEPT and d.role != "empty" for d in decisions)
    console.print(f"{len(decisions)} units: {kept} kept, {dropped} dropped", style="bold")
    return 0
