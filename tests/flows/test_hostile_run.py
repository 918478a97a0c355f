"""The accounting invariant end to end: `bantin run` (a subprocess, as a user runs it) on the
seeds mixed with every hostile input of tests/hostile_corpus.py, a 5 MB line and a 1 MB word
included.

It must exit 0 (1 with --strict), put every input in exactly one of articles, an article's
aliases or quarantine exactly as the corpus says, read nothing outside raw/ (the secret next to
it appears nowhere in the output, links out and devices are not copied, quarantine/ holds at most
--max-bytes per file), and keep terminal escapes out of titles while `show` and `lines` print
them escaped. The run is unprivileged (root's capabilities dropped), so unreadable inputs are
really unreadable, and limited to files of 200 MB, so a regression that copies /dev/zero fails
fast instead of filling the disk.
"""
from __future__ import annotations

import os
import resource
import subprocess
import sys
from pathlib import Path

import hostile_corpus as hc
import polars as pl
import pyarrow.parquet as pq
import pytest
from locations import ROOT
from prefect.settings import PREFECT_API_URL

from bantin.ingest.names import path_of
from bantin.printable import BIDI_RE
from bantin.validate.accounting import violations
from flows.cli import main

pytestmark = pytest.mark.slow

BANTIN = str(ROOT / ".venv" / "bin" / "bantin")
MAX_BYTES = 8_000_000
UNPRIVILEGED = (["setpriv", "--bounding-set", "-dac_override,-dac_read_search", "--inh-caps=-all"]
                if os.geteuid() == 0 else [])


def _limit_file_size() -> None:
    resource.setrlimit(resource.RLIMIT_FSIZE, (200 << 20, 200 << 20))


def _bantin(*args: str, timeout: float = 900) -> subprocess.CompletedProcess:
    env = dict(os.environ, PREFECT_API_URL=PREFECT_API_URL.value(), PREFECT_LOGGING_LEVEL="WARNING")
    return subprocess.run([*UNPRIVILEGED, BANTIN, *args], capture_output=True, text=True, env=env,
                          timeout=timeout, preexec_fn=_limit_file_size)


@pytest.fixture(scope="module")
def hostile_run(prefect_harness, tmp_path_factory):
    root = tmp_path_factory.mktemp("hostile")
    corpus = hc.build(root, long=True, enforced=bool(UNPRIVILEGED) or os.geteuid() != 0)
    out = root / "out"
    common = ("--raw", str(corpus.raw), "--out", str(out), "--max-bytes", str(MAX_BYTES), "--file-timeout", "10")
    first = _bantin("run", *common)
    again = _bantin("run", *common, "--strict")  # nothing changed: no NLP, same tables, exit 1 for the quarantine
    yield corpus, out, first, again
    hc.unlock(corpus)


def _tables(out: Path) -> tuple[pl.DataFrame, pl.DataFrame, pl.DataFrame]:
    return (pl.read_parquet(out / "state.parquet"), pl.read_parquet(out / "articles.parquet"),
            pl.read_parquet(out / "quarantine.parquet"))


def test_both_runs_exit_with_the_documented_codes(hostile_run):
    _, _, first, again = hostile_run
    assert first.returncode == 0, first.stderr[-3000:]
    assert "Traceback" not in first.stderr and "warning:" in first.stdout
    assert again.returncode == 1, again.stderr[-3000:]  # --strict: quarantined inputs are a data failure
    assert "Nothing new or changed" in again.stdout


def test_every_input_is_in_exactly_one_place_as_the_corpus_says(hostile_run):
    corpus, out, _, _ = hostile_run
    state, arts, q = _tables(out)
    assert violations(pq.read_table(out / "state.parquet"), pq.read_table(out / "articles.parquet"),
                      pq.read_table(out / "quarantine.parquet")) == []
    assert sorted(state["source_file"]) == sorted(corpus.cases)  # every *.txt entry, nothing from outside
    alias_of = {a: row["source_file"] for row in arts.iter_rows(named=True) for a in row["aliases"]}
    reasons = dict(zip(q["source_file"], q["reason"]))
    dups = dict(zip(q["source_file"], q["duplicate_of"]))
    outcome = dict(zip(state["source_file"], state["outcome"]))
    for name, case in corpus.cases.items():
        want = case.final
        if want.outcome == hc.ANY:
            # a text (maybe furniture around a seed's story: an alias), or stopped by --file-timeout
            assert outcome[name] in ("article", "alias") or reasons.get(name) in ("too_slow", "empty_after_cleaning"), name
            continue
        assert outcome[name] == want.outcome, (name, outcome[name], reasons.get(name))
        if want.outcome == "quarantine":
            assert (reasons[name], dups[name]) == (want.reason, want.duplicate_of), name
        if want.alias_of:
            assert alias_of[name] == want.alias_of, name


def test_the_5_mb_line_did_not_stall_the_run(hostile_run):
    _, out, _, _ = hostile_run
    state, _, q = _tables(out)
    slow = q.filter(pl.col("source_file") == "long_line.txt")
    assert slow["reason"].to_list() == ["too_slow"] and "--file-timeout" in slow["detail"][0]


def test_nothing_from_outside_raw_reaches_the_output(hostile_run):
    corpus, out, _, _ = hostile_run
    total = 0
    for path in out.rglob("*"):
        if path.is_file() and not path.is_symlink():
            data = path.read_bytes()
            total += len(data)
            assert hc.SECRET not in data, path
            assert b"root:x:0:0" not in data, path  # /etc/passwd
    assert total < 100 << 20  # no device, no 100 MB sparse file was copied
    copies = out / "quarantine"  # each copy is stored under its input's stored name
    copied = {str(p.relative_to(copies)) for p in copies.rglob("*") if p.is_file()}
    q = pl.read_parquet(out / "quarantine.parquet")
    readable = set(q.filter(pl.col("content_sha256").is_not_null() & (pl.col("reason") != "too_large"))["source_file"])
    assert copied <= readable and {"empty.txt", "image.txt", "page.txt", "rowfail.txt"} <= copied
    for name in copied:  # byte for byte, and never larger than --max-bytes
        data = (copies / name).read_bytes()
        assert data == Path(path_of(corpus.raw, name)).read_bytes() and len(data) <= MAX_BYTES


def test_titles_keep_no_terminal_escapes_and_the_raw_text_keeps_them(hostile_run):
    _, out, _, _ = hostile_run
    arts = pl.read_parquet(out / "articles.parquet")
    for row in arts.iter_rows(named=True):
        for text in (row["title"] or "", row["body"]):
            assert "\x1b" not in text and not BIDI_RE.search(text) and "[2J" not in text, row["source_file"]
    esc = arts.filter(pl.col("source_file") == "escapes.txt").row(0, named=True)
    assert esc["title"].startswith("Lào Cai: Tân binh") and {"ansi", "bidi"} <= set(esc["repairs"])
    assert "\x1b[2J" in esc["raw_text"] and "\u202e" in esc["raw_text"]


def test_show_and_lines_print_the_escapes_escaped(hostile_run, capsys):
    corpus, out, _, _ = hostile_run
    assert main(["show", "escapes.txt", "--out", str(out), "--raw", "--no-color"]) == 0
    assert main(["lines", str(corpus.raw / "escapes.txt"), "--no-color", "--full"]) == 0
    printed = capsys.readouterr().out
    assert "\x1b" not in printed and "\u202e" not in printed and "\\x1b[2J" in printed


def test_the_directories_it_could_not_enter_are_reported(hostile_run):
    corpus, _, first, _ = hostile_run
    for d in corpus.skipped:
        assert f"directory {d} was not read" in " ".join(first.stdout.split())
    assert sys.platform != "linux" or "elsewhere/" in corpus.skipped
