"""The real-corpus runner: NER-free extraction gives the automatic fields unchanged, and folders
run in worker processes give what they give in-process."""
from __future__ import annotations

import shutil
from pathlib import Path

from locations import RAW, SEEDS

from bantin.eval import realrun
from bantin.vi import nlp


def test_ner_off_leaves_the_automatically_scored_fields_unchanged(monkeypatch) -> None:
    names = frozenset(p.name for p in SEEDS)
    calls = []
    real_ner = nlp.ner_sentences
    monkeypatch.setattr(nlp, "ner_sentences", lambda sents: calls.append(len(sents)) or real_ner(sents))
    with_ner = realrun.run_folder(RAW, names)
    assert len(calls) == len(names)  # NER ran for every gold file
    without = realrun.run_folder(RAW)
    assert len(calls) == len(names)  # and for no other
    assert set(with_ner.docs) == names and not without.docs
    for name in names:
        for field in (*realrun.AUTOMATIC_FIELDS, "date_source"):
            assert with_ner.preds[name][field] == without.preds[name][field], (name, field)


def test_folders_in_worker_processes_match_in_process(tmp_path: Path) -> None:
    jobs = []
    for k, seeds in enumerate((SEEDS[:2], SEEDS[2:])):
        d = tmp_path / f"f{k}"
        d.mkdir()
        for p in seeds:
            shutil.copy2(p, d / p.name)
        jobs.append((d, frozenset()))
    parallel = realrun.run_folders(jobs, workers=2)
    serial = realrun.run_folders(jobs, workers=1)
    assert [r.folder for r in parallel] == ["f0", "f1"]
    assert [r.preds for r in parallel] == [r.preds for r in serial]
    assert [r.texts for r in parallel] == [r.texts for r in serial]
