"""bantin/version.py: the version changes with what shapes rows, and with nothing else."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from bantin import version

PACKAGE = version.PACKAGE


@pytest.fixture
def tree(tmp_path: Path) -> Path:
    """A copy of the package and the schemas to edit."""
    shutil.copytree(PACKAGE, tmp_path / "bantin", ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copytree(PACKAGE.parent / "schemas", tmp_path / "schemas", ignore=shutil.ignore_patterns("__pycache__"))
    return tmp_path / "bantin"


def _edit(path: Path) -> None:
    path.write_text(path.read_text(encoding="utf-8") + "\n# an edit\n", encoding="utf-8")


@pytest.mark.parametrize("source", [
    "clean/rules/catalogue.py", "clean/classify.py", "extract/dates.py", "extract/outlet_table.py",
    "ingest/decode.py", "dedup/keys.py", "build/assemble.py", "vi/nlp.py", "records.py",
    "validate/rows.py", "../schemas/articles.py", "../schemas/suites_rules.py",
])
def test_editing_what_shapes_rows_changes_the_version(tree: Path, source: str):
    before = version.compute(tree)
    _edit(tree / source)
    assert version.compute(tree) != before


@pytest.mark.parametrize("source", [
    "card/charts.py", "card/readme.py", "eval/scoring.py", "publish/snapshot.py", "publish/lock.py",
    "validate/gate.py", "memory.py",
])
def test_editing_what_does_not_shape_rows_keeps_the_version(tree: Path, source: str):
    before = version.compute(tree)
    _edit(tree / source)
    assert version.compute(tree) == before


def test_the_edge_is_outside_the_package():
    # the Prefect flow, its tasks and the CLI decide where work runs, not what a row holds
    assert not any("flows" in p.parts for p in version.shaping_files())


def test_installed_version_is_the_computed_one():
    assert version.pipeline_version() == version.compute()
