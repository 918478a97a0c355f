"""pipeline_version: derived from the code and rules that shape the data, never typed by hand.

Why: incremental runs reprocess everything when the rules change. Hashing the source of the
text rules, the stages, the NLP adapter, the maintained data tables and the schemas (plus the
underthesea version) means any change that could alter a row changes the version.
"""
from __future__ import annotations

import hashlib
from functools import lru_cache
from importlib import metadata
from pathlib import Path

from flows import __version__

_ROOT = Path(__file__).resolve().parent
_SCHEMAS = _ROOT.parent / "schemas"
_PATTERNS = ("text/**/*.py", "text/**/*.json", "text/**/*.tsv", "stages/*.py", "nlp.py", "model.py",
             "inputs.py")  # inputs.py: the file records (mtime, hash) the stages read


def _files() -> list[Path]:
    found = {p for pat in _PATTERNS for p in _ROOT.glob(pat)}
    found |= set(_SCHEMAS.glob("*.py"))
    return sorted(p for p in found if p.is_file() and "__pycache__" not in p.parts)


@lru_cache(maxsize=1)
def pipeline_version() -> str:
    """`<package version>+<12 hex digits>` over rule/stage sources and the NLP library version."""
    h = hashlib.sha256()
    for p in _files():
        base = _SCHEMAS.parent if p.is_relative_to(_SCHEMAS.parent) else _ROOT
        h.update(p.relative_to(base).as_posix().encode())
        h.update(b"\0")
        h.update(p.read_bytes())
    try:
        h.update(metadata.version("underthesea").encode())
    except metadata.PackageNotFoundError:  # pragma: no cover - underthesea is a hard dependency
        pass
    return f"{__version__}+{h.hexdigest()[:12]}"
