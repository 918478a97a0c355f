"""The NER gate's figures (issue 23): what it skips on the development corpus, what NER would
have said in the skipped sentences, and the gold comparison with and without it.

    .venv/bin/python bench/ner_gate.py [--sample 600]     # ~3 min here; bench/results/ner_gate.json

Why a script besides the test (tests/eval/test_ner_gate_gold.py asserts the equality): the
shares and counts are figures for the README, and the time share needs NER timed per sentence.
Reads the development folders only (never a blind one); prints no article text.
"""
from __future__ import annotations

import argparse
import json
import random
import sys
import time
from collections import Counter
from functools import lru_cache
from pathlib import Path

from bantin.build.corpus import corpus_context
from bantin.clean import document as clean_stage
from bantin.eval import realgold
from bantin.extract import article
from bantin.ingest import files as ingest
from bantin.records import RawDoc
from bantin.settings import DEFAULT_MAX_BYTES
from bantin.vi import nlp
from bantin.vi.sentences import split_sentences

BENCH = Path(__file__).resolve().parent


def folder_docs(folder: str) -> dict:
    files = list(ingest.scan(realgold.CORPUS_DIR / folder).files)
    ctx = corpus_context(files, min_docs=3, max_bytes=DEFAULT_MAX_BYTES)
    docs = {}
    for f in files:
        raw = ingest.load(f)
        if isinstance(raw, RawDoc):
            doc = clean_stage.clean(raw, ctx.facts)
            if doc.body.strip():
                docs[f.source_file] = doc
    return docs


def ner_sentences_of(doc) -> list[str]:
    """The sentences `article.extract` gives to NER (story sentences, then caption sentences)."""
    body = article.PARAGRAPH_SEP.join(article.unwrap(article.story_lines(doc)))
    return split_sentences(body) + [s for c in doc.captions for s in split_sentences(c)]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sample", type=int, default=600, help="sentences whose NER is timed")
    ap.add_argument("--out", type=Path, default=BENCH / "results" / "ner_gate.json")
    a = ap.parse_args(argv)
    docs, gold = {}, set()
    for folder in realgold.DEV_FOLDERS:
        docs.update({f"{folder}/{k}": d for k, d in folder_docs(folder).items()})
        gold |= {r.key for r in realgold.load_records([folder])}
    sents = [s for d in docs.values() for s in ner_sentences_of(d) if s.strip()]
    gated = [s for s in sents if nlp.needs_ner(s)]
    nlp.warm()
    rng = random.Random(0)
    sample = rng.sample(sents, min(a.sample, len(sents)))
    ner_t = words_t = skipped_t = skipped_words_t = 0.0
    for s in sample:
        t0 = time.perf_counter()
        nlp.ner(s)
        t1 = time.perf_counter()
        nlp.word_tokenize(s)
        t2 = time.perf_counter()
        ner_t, words_t = ner_t + t1 - t0, words_t + t2 - t1
        if not nlp.needs_ner(s):
            skipped_t, skipped_words_t = skipped_t + t1 - t0, skipped_words_t + t2 - t1
    memo = lru_cache(maxsize=None)(nlp.ner)
    totals = {m: Counter() for m in ("ungated", "gated")}
    lost_tags: Counter = Counter()
    same = 0
    for key in sorted(gold):
        doc = docs[key]
        with nlp.ungated():
            full = _extract(doc, memo)
        part = _extract(doc, memo)
        for m, ex in (("ungated", full), ("gated", part)):
            totals[m].update(people=len(ex.people), organisations=len(ex.organisations),
                             provinces=len(ex.fields["provinces"]), articles=1)
        same += (full.fields, full.people, full.organisations) == (part.fields, part.people, part.organisations)
        for s in ner_sentences_of(doc):
            if s.strip() and not nlp.needs_ner(s):
                lost_tags.update(t[3][2:] for t in memo(s) if t[3] != "O")
    res = {"folders": list(realgold.DEV_FOLDERS), "articles": len(docs), "sentences": len(sents),
           "sentences_needing_ner": len(gated), "skipped_share": round(1 - len(gated) / len(sents), 4),
           "timed_sample": len(sample),
           "skipped_ner_time_share": round(skipped_t / ner_t, 4),
           "words_over_ner_time": round(words_t / ner_t, 4),
           "nlp_time_after_gate": round((ner_t - skipped_t + skipped_words_t) / ner_t, 4),
           "gold": {**{m: dict(c) for m, c in totals.items()}, "identical_extractions": same},
           "entity_tokens_ner_would_tag_in_skipped_gold_sentences": dict(lost_tags)}
    a.out.parent.mkdir(parents=True, exist_ok=True)
    a.out.write_text(json.dumps(res, indent=1) + "\n")
    print(json.dumps(res, indent=1))
    return 0 if totals["gated"] == totals["ungated"] and same == len(gold) else 1


def _extract(doc, memo):
    real = nlp.ner
    nlp.ner = memo
    try:
        return article.extract(doc)
    finally:
        nlp.ner = real


if __name__ == "__main__":
    sys.exit(main())
