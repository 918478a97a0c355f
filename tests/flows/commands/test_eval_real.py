"""`bantin eval --real`: one development folder end to end (tables, JSON, exit codes), and the
errors a user can cause (one `bantin: error:` line, exit 2)."""
from __future__ import annotations

import json
from pathlib import Path

import pytest
from locations import DEV_CORPUS

from bantin.eval import realgold
from flows.cli import main

FOLDER = "baomoi2014_daibangsamac"  # the smallest development folder (163 files, 25 gold)


@pytest.fixture
def needs_corpus() -> None:
    assert DEV_CORPUS.is_dir(), f"the development corpus must be at {DEV_CORPUS} (see tests/realgold/README.md)"
NO_GATE = [f"--{opt}=0" for opt in ("min-furniture-recall", "min-furniture-precision", "min-story-kept",
                                    "min-precision", "min-recall", "min-auto-precision")]


@pytest.mark.usefixtures("needs_corpus")
def test_one_folder_writes_the_json_and_prints_the_tables(tmp_path, capsys, wide, real_runs) -> None:
    out = tmp_path / "real.json"
    assert main(["eval", "--real", "--folders", FOLDER, "--no-color", "--misses", "2", "--json", str(out), *NO_GATE]) == 0
    printed = capsys.readouterr().out
    for title in ("Cleaning vs hand-read spans", "Extraction vs hand-read gold", "Automatic scores vs metadata"):
        assert title in printed
    assert "first 2 cleaning misses" in printed
    data = json.loads(out.read_text(encoding="utf-8"))
    assert data["folders"] == [FOLDER] and data["articles"] == {FOLDER: 25} and data["files"] == {FOLDER: 163}
    assert not data["blind_included"] and data["failing"] == []
    assert set(data["cleaning"]) == {FOLDER, "overall"} and data["cleaning"]["overall"] == data["cleaning"][FOLDER]
    assert set(data["extraction"][FOLDER]) == {"title", "published_date", "outlet", "authors", "people",
                                               "provinces", "legal_refs", "quantities"}
    assert data["automatic"][FOLDER]["published_date"]["files"] == 163
    assert data["misses"] and all(m["folder"] == FOLDER for m in data["misses"])


@pytest.mark.usefixtures("needs_corpus")
def test_a_figure_under_its_minimum_exits_1(tmp_path, capsys, wide, real_runs) -> None:
    args = ["eval", "--real", "--folders", FOLDER, "--no-color", "--json", str(tmp_path / "r.json"), *NO_GATE]
    assert main([*args, "--min-story-kept", "1.01"]) == 1
    assert "story_kept" in capsys.readouterr().out
    assert json.loads((tmp_path / "r.json").read_text(encoding="utf-8"))["failing"]


def _error(capsys) -> str:
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and err[0].startswith("bantin: error: "), err
    return err[0]


def test_a_missing_corpus_is_exit_2(tmp_path, capsys) -> None:
    assert main(["eval", "--real", "--corpus", str(tmp_path / "nowhere")]) == 2
    assert "does not exist" in _error(capsys)


def test_a_corpus_without_the_folder_is_exit_2(tmp_path, capsys) -> None:
    assert main(["eval", "--real", "--corpus", str(tmp_path), "--folders", FOLDER]) == 2
    assert f"no folder {FOLDER}" in _error(capsys)


@pytest.mark.parametrize("argv, says", [
    (["--real", "--folders", "nowhere"], "unknown folder"),
    (["--real", "--misses", "-1"], "--misses"),
    (["--folders", FOLDER], "add --real"),
])
def test_usage_errors_are_exit_2(capsys, argv, says) -> None:
    assert main(["eval", *argv]) == 2
    assert says in _error(capsys)


def test_a_blind_folder_without_blind_is_exit_2(capsys, monkeypatch) -> None:
    blind, dev = realgold.DEV_FOLDERS[-1:], realgold.DEV_FOLDERS[:-1]
    monkeypatch.setattr(realgold, "BLIND_FOLDERS", blind)
    monkeypatch.setattr(realgold, "DEV_FOLDERS", dev)
    monkeypatch.setattr(realgold, "ALL_FOLDERS", dev + blind)
    assert main(["eval", "--real", "--folders", blind[0]]) == 2
    assert "blind folder" in _error(capsys)


def test_a_corpus_that_differs_from_the_gold_is_exit_2(tmp_path: Path, capsys) -> None:
    (tmp_path / FOLDER).mkdir()  # the folder exists but holds none of the gold's raw files
    assert main(["eval", "--real", "--corpus", str(tmp_path), "--folders", FOLDER]) == 2
    assert "cannot read the raw file" in _error(capsys)
