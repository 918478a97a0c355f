"""Reference implementations the duplicate detection is held to (test-only).

`exact_groups` groups texts by `exact_key`, row by row; the pipeline groups the same keys as
columns (`build.assemble.exact_groups`). `near_duplicates` links texts through the real
signature and LSH code, from texts instead of the index part files the pipeline streams.
"""
from __future__ import annotations

from collections.abc import Sequence

from bantin.dedup.keys import exact_key
from bantin.dedup.near import near_links, signature


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
    return near_links(
        ((aid, exact_key(text), signature(text, num_perm=num_perm, shingle=shingle)) for aid, text in items),
        threshold=threshold, num_perm=num_perm,
    )
