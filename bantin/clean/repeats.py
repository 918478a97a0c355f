"""Corpus-level boilerplate: short lines that repeat across many articles are page furniture.

Why (CCNet-style hash and count): no rule list names the furniture of a portal nobody has seen
yet, but furniture repeats on every page of its portal while real sentences do not. Each line
is reduced to a stable fingerprint (`bantin.clean.repair.fingerprint`), counted once per
document, and fingerprints seen in at least `min_docs` documents (and `min_share` of them) are
returned. `bantin.clean.classify.classify` then marks such lines `corpus.repeated`, except protected
ones (long sentences, legal citations, quotations), which legitimately recur.
"""
from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

from bantin.clean.repair import fingerprint

MAX_WORDS = 30  # only short lines are candidates; paragraphs are never boilerplate by count


def doc_fingerprints(text: str, *, max_words: int = MAX_WORDS) -> set[str]:
    """Distinct fingerprints of the short non-empty lines of one document."""
    out: set[str] = set()
    for line in text.split("\n"):
        if line.strip() and len(line.split()) <= max_words:
            fp = fingerprint(line)
            if fp:
                out.add(fp)
    return out


def repeats_from_sets(sets: Iterable[set[str]], *, min_docs: int = 3, min_share: float = 0.0) -> frozenset[str]:
    """Fingerprints found in >= min_docs of the per-document sets and in >= min_share of all of them.

    Why separate from reading texts: the pipeline computes `doc_fingerprints` per document where
    it loads them (in parallel, incrementally) and only the small sets meet here.
    """
    counts: Counter[str] = Counter()
    n_docs = 0
    for fps in sets:
        n_docs += 1
        counts.update(set(fps))
    if n_docs == 0:
        return frozenset()
    return frozenset(fp for fp, n in counts.items() if n >= min_docs and n / n_docs >= min_share)


def corpus_repeats(texts: Iterable[str], *, min_docs: int = 3, min_share: float = 0.0,
                   max_words: int = MAX_WORDS) -> frozenset[str]:
    """Fingerprints of short lines found in >= min_docs documents and >= min_share of all documents."""
    return repeats_from_sets((doc_fingerprints(t, max_words=max_words) for t in texts),
                             min_docs=min_docs, min_share=min_share)
