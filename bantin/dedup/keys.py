"""Duplicates: exact (same text under two names) and near (the same press release re-published).

Why both and why link instead of delete: an exact duplicate adds nothing, so it becomes one
article whose other file names are kept as `aliases`; a near duplicate is usually the same
press release edited by another outlet (new headline, one paragraph changed, different page
furniture) and is real evidence of reach, so it stays and only points at the earliest copy via
`near_duplicate_of`.

Near duplicates use MinHash over word 5-shingles with LSH (datasketch), which finds candidate
pairs without comparing every pair; each candidate is then confirmed with its estimated Jaccard
similarity (LSH alone also returns some pairs below the threshold). Only the signatures are kept
(LeanMinHash, num_perm x 8 bytes per article), never the shingle sets, so memory stays small at
100,000 articles. Everything is deterministic: fixed MinHash seed and hash function, and input
order decides who is "earliest".
"""
from __future__ import annotations

import hashlib
import re
import unicodedata
from collections.abc import Sequence

WORD_RE = re.compile(r"\w+")
SEED = 1


def exact_key(text: str) -> str:
    """Identity of a text up to Unicode form and whitespace (runs of spaces, line breaks)."""
    norm = " ".join(unicodedata.normalize("NFC", text).split())
    return hashlib.sha256(norm.encode("utf-8")).hexdigest()


def exact_groups(items: Sequence[tuple[str, str, str]]) -> dict[str, list[str]]:
    """{canonical article_id: [alias source_file, ...]} for texts present more than once.

    items are (article_id, source_file, normalised_text). The canonical copy is the first by
    source_file; empty texts are never grouped (emptiness is not identity).
    """
    by_key: dict[str, list[tuple[str, str]]] = {}
    for aid, src, text in sorted(items, key=lambda t: t[1]):
        if text.strip():
            by_key.setdefault(exact_key(text), []).append((aid, src))
    return {g[0][0]: [src for _, src in g[1:]] for g in by_key.values() if len(g) > 1}


def shingles(text: str, k: int) -> set[str]:
    """Word k-grams of the case-folded NFC text (the whole text when it has fewer than k words)."""
    ws = WORD_RE.findall(unicodedata.normalize("NFC", text).casefold())
    if not ws:
        return set()
    if len(ws) < k:
        return {" ".join(ws)}
    return {" ".join(ws[i:i + k]) for i in range(len(ws) - k + 1)}


def near_duplicates(
    items: Sequence[tuple[str, str]],
    *,
    threshold: float = 0.8,
    num_perm: int = 128,
    shingle: int = 5,
) -> dict[str, str]:
    """{article_id: near_duplicate_of article_id}: each later article -> earliest similar one.

    Items are (article_id, text) in the order that defines "earliest". Texts identical to an
    earlier one (exact duplicates, handled by `exact_groups`) are skipped, not linked twice.
    """
    from bantin.dedup.near import near_links, signature  # signatures builds on this module

    return near_links(
        ((aid, exact_key(text), signature(text, num_perm=num_perm, shingle=shingle)) for aid, text in items),
        threshold=threshold, num_perm=num_perm,
    )
