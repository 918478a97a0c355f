"""`bantin run` exit codes scripts rely on: 2 for usage errors (before any Prefect start-up),
0 with a warning when inputs were quarantined, 1 for the same with --strict."""
from __future__ import annotations

import shutil

import pytest
from locations import SEEDS

from flows.cli import main


@pytest.mark.parametrize("argv, message", [
    (["run", "--raw", "/nonexistent/raw"], "does not exist"),
    (["run", "--batch-size", "0"], "positive"),
    (["run", "--inline-max", "-1"], "--inline-max"),
    (["run", "--max-pending", "-3"], "--max-pending"),
    (["run", "--file-timeout", "-1"], "--file-timeout"),
])
def test_usage_errors_exit_2_with_a_clear_message(argv, message, capsys):
    assert main(argv) == 2
    err = capsys.readouterr().err
    assert err.startswith("bantin: error:") and message in err


def test_inline_max_and_max_pending_reach_the_settings(seed_dir, tmp_path):
    import argparse

    from flows.commands import run

    p = argparse.ArgumentParser()
    run.add_arguments(p)
    paths = ["--raw", str(seed_dir), "--out", str(tmp_path / "out")]
    assert run.settings_from(p.parse_args([*paths, "--inline-max", "0"])).inline_max == 0
    assert run.settings_from(p.parse_args(paths)).inline_max == run.Settings().inline_max > 0
    assert run.settings_from(p.parse_args([*paths, "--max-pending", "5"])).max_pending == 5
    assert run.settings_from(p.parse_args(paths)).max_pending == 0  # 0: the window follows the workers
    assert run.settings_from(p.parse_args([*paths, "--file-timeout", "7.5"])).file_timeout == 7.5


def test_unknown_command_exits_2(capsys):
    assert main(["frobnicate"]) == 2
    assert "unknown command" in capsys.readouterr().err


@pytest.mark.slow
def test_quarantine_warns_with_0_and_fails_with_1_under_strict(prefect_harness, tmp_path, capsys):
    raw = tmp_path / "raw"
    raw.mkdir()
    shutil.copy2(SEEDS[0], raw / SEEDS[0].name)
    (raw / "empty.txt").write_bytes(b"")
    out = tmp_path / "out"
    assert main(["run", "--raw", str(raw), "--out", str(out), "--workers", "1"]) == 0
    assert "1 input(s) quarantined" in capsys.readouterr().out
    assert main(["run", "--raw", str(raw), "--out", str(out), "--workers", "1", "--strict"]) == 1


@pytest.mark.parametrize("peaks, header, cells", [
    ({"scan": 190.4, "validate": None}, "peak MB", ["190", "–"]),  # None: not measurable for that stage
    ({}, None, []),  # off Linux the column is left out
])
def test_summary_shows_each_stages_peak_rss_when_measured(peaks, header, cells):
    from rich.console import Console

    from flows.commands.run import print_summary

    console = Console(record=True, width=100)
    print_summary({"mode": "first", "timings": {"scan": 0.5, "validate": 9.25}, "peak_rss_mb": peaks}, console)
    text = console.export_text()
    assert "9.25" in text and ((header in text) if header else ("peak MB" not in text))
    assert all(c in text for c in cells)


def test_summary_table_adds_up_and_points_to_make_serve_after_a_temporary_server():
    from rich.console import Console

    from flows.commands.run import UI_HINT, print_summary

    s = {"mode": "first", "inputs": 9, "articles": 5, "aliases": 1, "quarantined": 3, "ignored_files": 2,
         "plan": {"to_process": 9}, "timings": {}, "snapshot": "/abs/out/snapshots/x"}
    console = Console(record=True, width=200)
    print_summary(s, console, temporary_api=True)
    text = console.export_text()
    header = next(ln for ln in text.splitlines() if "read" in ln)
    row = next(ln for ln in text.splitlines() if "│" in ln and any(c.isdigit() for c in ln))
    cells = dict(zip([c.strip() for c in header.split("┃")[1:-1]], [c.strip() for c in row.split("│")[1:-1]]))
    assert cells == {"read": "9", "processed": "9", "articles": "5", "aliases": "1", "quarantined": "3", "ignored": "2"}
    assert "read = articles + aliases (exact duplicates) + quarantined" in text
    assert "make serve" in text and "http://127.0.0.1:4200" in text and "View at" not in text
    quiet = Console(record=True, width=200)
    print_summary(s, quiet, temporary_api=False)  # a real server (PREFECT_API_URL): Prefect links to its UI
    assert UI_HINT[:20] not in quiet.export_text()
