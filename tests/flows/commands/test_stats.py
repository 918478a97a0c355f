"""`bantin stats` on a crafted output, the seed output, and without a dataset."""
from __future__ import annotations

import re

import dataset_factory
import pytest

from flows import cli
from flows.commands import stats


def _row(text: str, first_cell: str) -> list[str]:
    """Cells of the table row whose first cell is `first_cell`."""
    for line in text.splitlines():
        cells = [c.strip() for c in line.strip("│ ").split("│")]
        if cells and cells[0] == first_cell:
            return cells
    raise AssertionError(f"no row {first_cell!r}")


def test_stats_counts_coverage_and_tops(crafted, capsys, wide):
    assert cli.main(["stats", "--out", str(crafted), "--no-color"]) == 0
    out = capsys.readouterr().out
    assert "20250102T030405000000Z-test" in out
    assert _row(out, "articles")[1] == "4" and _row(out, "legal_refs")[1] == "5"
    # published_date: 3 of 4 articles dated; authors: 1 non-empty list of 4
    assert _row(out, "published_date")[2:5:2] == ["75%", "25%"]
    assert _row(out, "authors")[2] == "25%"
    assert re.search(r"│\s+1 │ Bến Tre\s+│\s+2 │", out)
    assert re.search(r"│\s+1 │ Vĩnh Long\s+│\s+2 │", out)
    assert re.search(r"│\s+1 │ 08-NQ/TU\s+│\s+2 │", out)


def test_top_limits_rows(crafted, capsys, wide):
    assert cli.main(["stats", "--out", str(crafted), "--top", "1", "--no-color"]) == 0
    out = capsys.readouterr().out
    assert "Tiền Giang" not in out.split("Top provinces (before July 2025)", 1)[1].split("Top provinces (after", 1)[0]


def test_stats_on_the_seed_output(tmp_path, capsys, wide):
    dataset_factory.publish(tmp_path / "out", dataset_factory.seed_tables())
    assert cli.main(["stats", "--out", str(tmp_path / "out"), "--no-color"]) == 0
    out = capsys.readouterr().out
    assert _row(out, "articles")[1] == "5"
    assert _row(out, "body")[2] == "100%"
    assert "08-NQ/TU" in out and "Bến Tre" in out


@pytest.mark.parametrize("setup", ["missing", "empty_dir"])
def test_no_dataset_is_a_usage_error(setup, tmp_path, capsys):
    out = tmp_path / "out"
    if setup == "empty_dir":
        out.mkdir()
    assert cli.main(["stats", "--out", str(out)]) == 2
    err = capsys.readouterr().err
    assert "No dataset in" in err and "bantin run" in err


@pytest.mark.parametrize(("share", "expected"), [(0.0, "░" * 10), (0.5, "█████░░░░░"), (1.0, "█" * 10), (None, "")])
def test_bar(share, expected):
    assert stats.bar(share) == expected
