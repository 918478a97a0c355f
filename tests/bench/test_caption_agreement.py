"""bench/caption_agreement.py: the second reader's captions are found in their articles, and the
agreement figures are computed from them (the figures themselves are reported, not gated)."""
from __future__ import annotations

import json
import sys

from locations import DEV_CORPUS, ROOT


def test_every_caption_of_the_second_reader_is_in_its_article(tmp_path, monkeypatch) -> None:
    assert DEV_CORPUS.is_dir(), f"the development corpus must be at {DEV_CORPUS}"
    sys.path.insert(0, str(ROOT / "bench"))
    try:
        import caption_agreement
    finally:
        sys.path.remove(str(ROOT / "bench"))
    monkeypatch.setattr(caption_agreement, "RESULTS", tmp_path / "agreement.json")
    assert caption_agreement.main() == 0  # raises when a caption text is not in its article
    report = json.loads((tmp_path / "agreement.json").read_text(encoding="utf-8"))
    counts = report["counts"]
    rows = caption_agreement.READER.read_text(encoding="utf-8").splitlines()
    assert report["articles"] == len(rows) == 42
    assert sum(counts[f"reader_{c}"] for c in ("sure", "likely", "unsure")) == sum(
        len(json.loads(r)["captions"]) for r in rows)
    assert 0 < counts["gold_bare_agreed"] <= counts["gold_bare"]
    assert counts["bare_agreed_removed"] <= counts["gold_bare_agreed"]
