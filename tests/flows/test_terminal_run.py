"""`bantin run` as a person sees it in a terminal (a pseudo-terminal here), on the seeds and 20
files of the real development corpus run in one batch by a worker process: the bar moves per
article, every stage gets its line, no log line is glued to the bar, no link to a UI that does not
exist, no usage-data notice on a fresh PREFECT_HOME, and a summary that adds up."""
from __future__ import annotations

import os
import re
import shutil

import pytest
from locations import DEV_CORPUS, ROOT, SEEDS
from terminal import glued, run_on_pty, screen_lines

pytestmark = pytest.mark.slow

N_DEV = 20


@pytest.fixture(scope="module")
def terminal_run(tmp_path_factory):
    base = tmp_path_factory.mktemp("terminal")
    raw = base / "raw"
    raw.mkdir()
    for p in SEEDS + sorted((DEV_CORPUS / "vietnam-news_nguyenvulebinh").glob("*.txt"))[:N_DEV]:
        shutil.copy2(p, raw / p.name)
    shutil.copy2(SEEDS[0], raw / "copy.txt")
    (raw / "empty.txt").write_bytes(b"")
    env = {k: v for k, v in os.environ.items() if not k.startswith("PREFECT_") and k != "DO_NOT_TRACK"}
    env["PREFECT_HOME"] = str(base / "fresh-prefect-home")  # where Prefect would print its first-run notice
    code, out = run_on_pty([str(ROOT / ".venv" / "bin" / "bantin"), "run", "--raw", str(raw), "--out", "out",
                            "--inline-max", "0", "--workers", "1"], cwd=base, env=env, timeout=900)
    return base, code, out, screen_lines(out)


def test_the_run_succeeds(terminal_run):
    _, code, out, _ = terminal_run
    assert code == 0, out[-3000:]


def test_the_bar_moves_per_article_within_one_batch(terminal_run):
    *_, lines = terminal_run
    total = len(SEEDS) + N_DEV + 1  # the copy is not processed again; the empty file is
    counts = {int(m.group(1)) for ln in lines if (m := re.search(rf"\b(\d+)/{total}\b", ln))}
    # One batch of 26: a bar counted from batch results shows 0 and 26 only. The bar is polled every
    # POLL_SECONDS (0.2 s) and articles whose NER the gate skips take less, so frames may skip a count.
    assert len(counts) >= 6, sorted(counts)
    assert max(counts) == total


def test_each_stage_gets_a_line(terminal_run):
    *_, lines = terminal_run
    assert [ln.split()[1] for ln in lines if ln.startswith("✓ ")] == [
        "scan", "corpus", "process", "assemble", "validate", "write"]


def test_no_line_is_glued_to_the_bar(terminal_run):
    _, _, out, lines = terminal_run
    assert any("Finished in state" in ln for ln in lines)  # the worker's and the flow's log lines are shown
    for marker in ("Finished in state", "| INFO", "| WARNING"):
        assert glued(out, marker) == [], marker


def test_no_dead_ui_link_no_usage_notice_and_the_make_serve_hint(terminal_run):
    *_, out, lines = terminal_run
    assert "View at" not in out
    assert "anonymous usage" not in out and "DO_NOT_TRACK" not in out
    assert "`make serve`" in " ".join(lines)


def test_the_summary_adds_up_and_names_the_snapshot_absolutely(terminal_run):
    base, _, _, lines = terminal_run
    header = next(ln for ln in lines if ln.startswith("┃ read"))
    row = lines[lines.index(header) + 2]
    cells = dict(zip([c.strip() for c in header.split("┃")[1:-1]], [int(c) for c in row.split("│")[1:-1]]))
    assert cells["read"] == cells["articles"] + cells["aliases"] + cells["quarantined"] == len(SEEDS) + N_DEV + 2
    assert (cells["aliases"], cells["quarantined"]) == (1, 1)
    snapshot = next(ln for ln in lines if ln.startswith("snapshot: ")).removeprefix("snapshot: ")
    assert snapshot.startswith(str(base.resolve() / "out" / "snapshots"))
