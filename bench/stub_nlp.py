"""NER stubbed out, for the memory benchmarks only (never imported by `flows/`).

Why: the question the memory benchmarks answer is whether the flow process (and the Prefect
server, and the workers) stay within a bounded peak RSS as the corpus grows to 100,000 articles.
underthesea's NER costs ~0.2-0.4 s per article on one core, so a real 100,000-article run is a
day of two cores; with NER stubbed it is about an hour, and everything the flow process holds
(scan, corpus pass, batch summaries, part files, decisions, validation, card, publish) is the
real thing, from the same cleaning of the same raw text. Throughput figures come from
`bench/run_bench.py` without the stub.

`install()` patches `bantin.vi.nlp` in the calling process; `warm_stub` is the picklable worker
initializer that does the same in every worker process (it replaces `bantin.vi.nlp.warm`, which the
pipeline passes to the process pool's initializer, `flows.lifecycle.worker_init`).
"""
from __future__ import annotations


def _ner_sentences(sentences):
    # Words split on spaces, no entity: `n_words` is counted from these tokens (nlp.count_sentence_words).
    return [[(w, "", "", "O") for w in s.split()] for s in sentences]


def _count_words(text: str) -> int:
    return sum(1 for w in text.split() if any(c.isalnum() for c in w))


def install() -> None:
    """No entities from NER, words counted by whitespace: in this process, and in the worker
    processes the pipeline starts (`bantin.vi.nlp.warm` is their initializer)."""
    from bantin.vi import nlp

    nlp.ner_sentences = _ner_sentences
    nlp.count_words = _count_words
    nlp.warm = warm_stub


def warm_stub() -> None:
    """Worker initializer: stub NER in the worker instead of loading underthesea's models."""
    install()
