"""Proof on the hand-read gold that the NER gate loses nothing: every development gold article
(tests/realgold/, 178 articles of the 6 development folders; a blind folder is never read
here) and the 5 seeds are extracted with NER on every sentence and with the gate
(bantin.vi.nlp.needs_ner), and the whole extraction must be the same: people, organisations,
provinces and every other field and table, `n_words` included.

underthesea's `ner` is memoised for the test's duration (it is a pure function of the sentence):
the ungated pass computes every sentence once and the gated pass reuses the answers it needs, so
the proof costs one NER pass over the gold articles. Figures of the comparison:
`bench/ner_gate.py` (bench/results/ner_gate.json)."""
from __future__ import annotations

from functools import lru_cache

import pytest
from locations import DEV_CORPUS, RAW

from bantin.build.corpus import corpus_context
from bantin.clean import document as clean_stage
from bantin.eval import realgold, realrun
from bantin.extract import article
from bantin.ingest import files as ingest
from bantin.settings import DEFAULT_MAX_BYTES
from bantin.vi import nlp


@pytest.fixture(scope="module")
def gold_docs(real_runs) -> dict:
    """The cleaned documents of every development gold article (shared with the quality gate's
    folder runs through `real_runs`) and of the seeds."""
    assert DEV_CORPUS.is_dir(), f"the development corpus must be at {DEV_CORPUS}"
    jobs = [(DEV_CORPUS / f, frozenset(r.file for r in realgold.load_records([f]))) for f in realgold.DEV_FOLDERS]
    docs = {}
    for (folder, names), run in zip(jobs, realrun.run_folders(jobs, workers=2)):
        assert set(run.docs) == set(names)
        docs.update({f"{folder.name}/{n}": run.docs[n] for n in names})
    files = ingest.scan(RAW).files
    ctx = corpus_context(list(files), min_docs=3, max_bytes=DEFAULT_MAX_BYTES)
    for f in files:
        docs[f"seeds/{f.source_file}"] = clean_stage.clean(ingest.load(f), ctx.facts)
    return docs


def test_gating_changes_no_extracted_field_on_the_gold(gold_docs, monkeypatch) -> None:
    assert sum(k.startswith("seeds/") for k in gold_docs) == 5 and len(gold_docs) == 183
    assert not any(k.split("/")[0] in realgold.BLIND_FOLDERS for k in gold_docs)
    memo = lru_cache(maxsize=None)(nlp.ner)
    calls = {"gated": 0, "ungated": 0}
    mode = ["ungated"]

    def counted(sentence: str):
        calls[mode[0]] += 1
        return memo(sentence)

    monkeypatch.setattr(nlp, "ner", counted)
    totals = {m: {"people": 0, "organisations": 0, "provinces": 0} for m in calls}
    for key, doc in gold_docs.items():
        mode[0] = "ungated"
        with nlp.ungated():
            full = article.extract(doc)
        mode[0] = "gated"
        gated = article.extract(doc)
        assert gated.fields == full.fields, key
        for table in ("people", "organisations", "legal_refs", "quantities", "periods", "acronyms"):
            assert getattr(gated, table) == getattr(full, table), (key, table)
        for m, ex in (("ungated", full), ("gated", gated)):
            totals[m]["people"] += len(ex.people)
            totals[m]["organisations"] += len(ex.organisations)
            totals[m]["provinces"] += len(ex.fields["provinces"])
    assert totals["gated"] == totals["ungated"]
    print(f"\nNER gate on {len(gold_docs)} gold articles: {totals}, NER calls {calls}")
    assert totals["gated"]["people"] > 150 and totals["gated"]["provinces"] > 100
    assert calls["gated"] < calls["ungated"] / 2  # the gate does skip: about 4 sentences in 5

