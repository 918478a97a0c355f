"""Corpus-level boilerplate: short lines that repeat across many articles are page furniture.

Why (CCNet-style hash and count): no rule list names the furniture of a portal nobody has seen
yet, but furniture repeats on every page of its portal while real sentences do not. Each line
is reduced to a stable fingerprint (`bantin.clean.repair.fingerprint`), counted once per
*story*, and fingerprints seen in at least `min_docs` stories (and `min_share` of them) are
returned. `bantin.clean.classify.classify` then marks such lines `corpus.repeated`, except protected
ones (long sentences, legal citations, quotations), which legitimately recur, and except where
the page's structure reads the line as the title, a byline or a sentence of the story.

Why per story and not per file: a story republished with small edits (or copied under another
name) repeats its own title, byline and captions, which are not furniture. Files are grouped by
`story_key`, the smallest fingerprint of their long lines: two copies that share most of their
paragraphs share it (with the probability of their overlap, as one MinHash value would), and a
line counts once per group.
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


def story_key(text: str, *, max_words: int = MAX_WORDS) -> str:
    """The group a document counts in: the smallest fingerprint of its long lines (the story's
    paragraphs), else of its whole text."""
    long = [fp for line in text.split("\n") if len(line.split()) > max_words and (fp := fingerprint(line))]
    return min(long) if long else fingerprint(text)


def repeats_from_sets(sets: Iterable[tuple[str, set[str]]], *, min_docs: int = 3,
                      min_share: float = 0.0) -> frozenset[str]:
    """Fingerprints found in >= min_docs story groups and in >= min_share of all groups, from
    (story key, fingerprints) per document.

    Why separate from reading texts: the pipeline computes `doc_fingerprints` per document where
    it loads them and counts them on disk (`bantin.build.corpus`); this is the rule it follows.
    """
    by_group: dict[str, set[str]] = {}
    for key, fps in sets:
        by_group.setdefault(key, set()).update(fps)
    counts: Counter[str] = Counter()
    for fps in by_group.values():
        counts.update(fps)
    if not by_group:
        return frozenset()
    return frozenset(fp for fp, n in counts.items() if n >= min_docs and n / len(by_group) >= min_share)


def corpus_repeats(texts: Iterable[str], *, min_docs: int = 3, min_share: float = 0.0,
                   max_words: int = MAX_WORDS) -> frozenset[str]:
    """Fingerprints of short lines found in >= min_docs stories and >= min_share of all stories."""
    return repeats_from_sets(((story_key(t, max_words=max_words), doc_fingerprints(t, max_words=max_words))
                              for t in texts), min_docs=min_docs, min_share=min_share)
