"""Reading a published output directory for the commands meant for people (stats, show).

Why a helper: both commands must fail the same clear way (exit 2, a sentence saying what to do)
when the directory holds no dataset, and must read the tables the stable links point to, so
they always see one consistent snapshot.
"""
from __future__ import annotations

import json
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

import schemas
from bantin.errors import UsageError


def require_dataset(out_dir: Path) -> Path:
    """The directory the tables are read from; UsageError when there is no dataset in out_dir."""
    if not (out_dir / "articles.parquet").is_file():
        raise UsageError(
            f"No dataset in {out_dir}: articles.parquet is missing. Run `bantin run --out {out_dir}` "
            "first, or point --out at a directory a run has written."
        )
    return out_dir


def read_tables(out_dir: Path, names: tuple[str, ...] | None = None) -> dict[str, pa.Table]:
    """The published tables that exist under out_dir (all of schemas.TABLES by default)."""
    require_dataset(out_dir)
    out = {}
    for name in names or tuple(schemas.TABLES):
        path = out_dir / f"{name}.parquet"
        if path.is_file():
            out[name] = pq.read_table(path)
    return out


def manifest(out_dir: Path) -> dict:
    """The run summary of the current snapshot ({} when absent or unreadable)."""
    try:
        return json.loads((out_dir / "manifest.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
