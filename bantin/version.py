"""pipeline_version: derived from the code and data that shape rows, never typed by hand.

Why: incremental runs reprocess everything when the version changes, so it must change with
every edit that could alter a published row, and with nothing else. It hashes, by folder, what
decides rows: decoding (`ingest/`), cleaning rules (`clean/`), extractors and their tables
(`extract/`), duplicate keys (`dedup/`), the build steps (`build/`), the Vietnamese helpers and
the underthesea adapter (`vi/`), the stage records and settings, the row-level checks that
quarantine articles (`validate/rows.py`) and every table and suite declaration (`schemas/`),
plus the installed underthesea version. The dataset card, the command line, evaluation,
publishing and the Prefect edge are left out: editing a chart must not reprocess a corpus.
"""
from __future__ import annotations

import hashlib
from functools import lru_cache
from importlib import metadata
from pathlib import Path

from bantin import __version__

PACKAGE = Path(__file__).resolve().parent
# Relative to the package; a folder stands for every .py, .json and .tsv file under it.
ROW_SHAPING = ("ingest", "clean", "extract", "dedup", "build", "vi", "records.py", "settings.py",
               "validate/rows.py")
DATA_SUFFIXES = (".py", ".json", ".tsv")


def shaping_files(package: Path = PACKAGE) -> list[Path]:
    """Every file whose content goes into the version: ROW_SHAPING under `package`, and the
    table declarations in the `schemas` folder beside it."""
    found: set[Path] = set()
    for name in ROW_SHAPING:
        p = package / name
        found |= {f for f in p.rglob("*") if f.suffix in DATA_SUFFIXES} if p.is_dir() else {p}
    found |= set((package.parent / "schemas").glob("*.py"))
    return sorted(p for p in found if p.is_file() and "__pycache__" not in p.parts)


def compute(package: Path = PACKAGE) -> str:
    """`<package version>+<12 hex digits>` over `shaping_files` and the underthesea version."""
    h = hashlib.sha256()
    root = package.parent
    for p in shaping_files(package):
        h.update(p.relative_to(root).as_posix().encode())
        h.update(b"\0")
        h.update(p.read_bytes())
    try:
        h.update(metadata.version("underthesea").encode())
    except metadata.PackageNotFoundError:  # pragma: no cover - underthesea is a hard dependency
        pass
    return f"{__version__}+{h.hexdigest()[:12]}"


@lru_cache(maxsize=1)
def pipeline_version() -> str:
    """The version of this installation (computed once per process)."""
    return compute()
