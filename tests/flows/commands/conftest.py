"""Fixtures shared by the command tests: a wide terminal and a published crafted dataset."""
from __future__ import annotations

from pathlib import Path

import dataset_factory
import pytest


@pytest.fixture
def wide(monkeypatch):
    """Rich wraps tables at the terminal width; 200 columns keeps rows on one line."""
    monkeypatch.setenv("COLUMNS", "200")


@pytest.fixture(scope="module")
def crafted(tmp_path_factory) -> Path:
    """The crafted tables of tests/dataset_factory.py, published as a real snapshot."""
    out = tmp_path_factory.mktemp("crafted") / "out"
    dataset_factory.publish(out)
    return out
