"""Golden-file test of the extract stage on the five seeds.

Each seed goes through the real pure path (ingest.load -> clean, with corpus repeats over raw/
-> extract) and its fields and long tables are compared exactly with tests/golden/extract/<stem>.json.
After an intended change, regenerate with `BANTIN_UPDATE_GOLDEN=1 pytest tests/stages/test_extract.py`
and review the diff: the golden files are the record of what the extractor outputs.
"""
from __future__ import annotations

import json
import os
from datetime import date, datetime
from pathlib import Path

import pytest

from flows.model import RawDoc
from flows.settings import DEFAULT_MAX_BYTES
from flows.stages import clean as clean_stage
from flows.stages import extract as extract_stage
from flows.stages import ingest
from flows.stages.corpus import corpus_context

ROOT = Path(__file__).resolve().parents[2]
RAW = ROOT / "raw"
GOLDEN = ROOT / "tests" / "golden" / "extract"
UPDATE = os.environ.get("BANTIN_UPDATE_GOLDEN") == "1"
TABLES = ("people", "organisations", "legal_refs", "quantities", "periods", "acronyms")


def _plain(value):
    if isinstance(value, (date, datetime)):
        return value.isoformat()
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    return value


@pytest.fixture(scope="module")
def extractions() -> dict[str, dict]:
    files = ingest.scan(RAW).files
    ctx = corpus_context(list(files), min_docs=3, max_bytes=DEFAULT_MAX_BYTES)
    out = {}
    for f in files:
        raw = ingest.load(f)
        assert isinstance(raw, RawDoc)
        ex = extract_stage.extract(clean_stage.clean(raw, repeated=ctx.repeated), arrived=None)
        out[Path(f.source_file).stem] = _plain({"fields": ex.fields, **{t: getattr(ex, t) for t in TABLES}})
    return out


@pytest.mark.parametrize("stem", sorted(p.stem for p in RAW.glob("*.txt")))
def test_extraction_matches_golden(extractions, stem):
    path = GOLDEN / f"{stem}.json"
    got = extractions[stem]
    if UPDATE:
        GOLDEN.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps(got, ensure_ascii=False, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    expected = json.loads(path.read_text(encoding="utf-8"))
    assert got == expected


def test_quantities_are_unique_per_mention(extractions):
    for stem, ex in extractions.items():
        mentions = [q["mention"] for q in ex["quantities"]]
        assert len(mentions) == len(set(mentions)), stem
