"""Duplicate-detection keys computed where the text is: in the worker, once per article.

Why: with 100,000 articles the flow process must not hold every body to find duplicates. A
worker that has the cleaned body computes its exact key (`dedup.exact_key`) and its MinHash
signature (the same shingles, seed and permutations as `dedup.near_duplicates`, 128 x 8 bytes);
the flow then decides exact and near duplicates from these few bytes per article.
`near_links` gives exactly the links `dedup.near_duplicates` gives on the texts (tested).
"""
from __future__ import annotations

from collections.abc import Iterable

import numpy as np
from datasketch import LeanMinHash, MinHash, MinHashLSH

from flows.stages.dedup import SEED, exact_key, shingles

NUM_PERM = 128
SHINGLE = 5
DTYPE = np.uint64
SCHEME = MinHash(num_perm=1, seed=SEED).scheme  # the hash scheme of this datasketch's MinHash


def signature(text: str, *, num_perm: int = NUM_PERM, shingle: int = SHINGLE) -> bytes | None:
    """MinHash hash values of the text's word shingles as bytes, or None for a text without words."""
    sh = shingles(text, shingle)
    if not sh:
        return None
    m = MinHash(num_perm=num_perm, seed=SEED)
    m.update_batch([s.encode("utf-8") for s in sorted(sh)])
    return np.asarray(m.hashvalues, dtype=DTYPE).tobytes()


def keys(text: str) -> tuple[str, bytes | None]:
    """(exact key, MinHash signature) of one cleaned body."""
    return exact_key(text), signature(text)


def _lean(sig: bytes) -> LeanMinHash:
    values = np.frombuffer(sig, dtype=DTYPE)
    return LeanMinHash(seed=SEED, hashvalues=values, scheme=SCHEME)


def near_links(items: Iterable[tuple[str, str, bytes | None]], *, threshold: float = 0.8,
               num_perm: int = NUM_PERM) -> dict[str, str]:
    """{article_id: earliest near-duplicate article_id} from (article_id, exact_key, signature)
    in the order that defines "earliest"; same rules as `dedup.near_duplicates`: a text identical
    to an earlier one is skipped, a text without words is never linked."""
    lsh = MinHashLSH(threshold=threshold, num_perm=num_perm)
    order: dict[str, int] = {}
    sigs: dict[str, LeanMinHash] = {}
    seen_exact: set[str] = set()
    links: dict[str, str] = {}
    for aid, key, sig in items:
        if aid in order or key in seen_exact or sig is None:
            continue
        seen_exact.add(key)
        m = _lean(sig)
        similar = [c for c in lsh.query(m) if m.jaccard(sigs[c]) >= threshold]
        if similar:
            links[aid] = min(similar, key=order.__getitem__)
        order[aid] = len(order)
        sigs[aid] = m
        lsh.insert(aid, m)
    return links
