"""Duplicate-detection keys computed where the text is, and near-duplicate links found from them
in memory that does not grow with the corpus.

Why: with 100,000 articles the flow process must not hold every body to find duplicates. A
worker that has the cleaned body computes its exact key (`dedup.exact_key`) and its MinHash
signature (datasketch's MinHash over `dedup.keys.shingles` with its fixed seed; its hash values
fit 32 bits, so 128 x 4 bytes are stored). The
signatures are kept with the snapshot, so an incremental run never recomputes them.

`near_links` is datasketch's LSH done as a sort: every signature is cut into the same `b` bands
of `r` values `MinHashLSH(threshold, num_perm)` chooses, each band becomes one 64-bit key, and
articles sharing a band key are candidates (what `MinHashLSH.query` returns), confirmed with the
same Jaccard estimate (`LeanMinHash.jaccard`). The signatures go to a temporary file and only
the candidates' rows are read back (a memory map), so the flow process holds b x 8 bytes per
article, not an LSH index of Python objects. It gives exactly the links datasketch's own
`MinHashLSH` gives on the texts (tested); a 64-bit band-key collision can only add a candidate,
which the Jaccard check then judges.
"""
from __future__ import annotations

import tempfile
from collections.abc import Iterable
from pathlib import Path

import numpy as np

from bantin.dedup.keys import SEED, exact_key, shingles

NUM_PERM = 128
SHINGLE = 5
DTYPE = np.dtype("<u4")  # datasketch's MinHash hash values are masked to 32 bits
CHUNK = 4096  # signatures per write / band-key computation
PAIR_CHUNK = 65_536  # candidate pairs per Jaccard check


def signature(text: str, *, num_perm: int = NUM_PERM, shingle: int = SHINGLE) -> bytes | None:
    """MinHash hash values of the text's word shingles as bytes, or None for a text without words."""
    from datasketch import MinHash  # imported where signatures are made (workers), not by the flow

    sh = shingles(text, shingle)
    if not sh:
        return None
    m = MinHash(num_perm=num_perm, seed=SEED)
    m.update_batch([s.encode("utf-8") for s in sorted(sh)])
    values = np.asarray(m.hashvalues)
    assert int(values.max()) <= np.iinfo(DTYPE).max, "datasketch hash values no longer fit 32 bits"
    return values.astype(DTYPE).tobytes()


def keys(text: str) -> tuple[str, bytes | None]:
    """(exact key, MinHash signature) of one cleaned body."""
    return exact_key(text), signature(text)


#: datasketch's choice for the default threshold and size (tested against datasketch), so the
#: flow process does not import datasketch (and SciPy) just to ask.
KNOWN_BANDS = {(0.8, 128): (9, 13)}


def bands(threshold: float, num_perm: int) -> tuple[int, int]:
    """(b, r): the banding datasketch's MinHashLSH picks for this threshold and size."""
    if (threshold, num_perm) in KNOWN_BANDS:
        return KNOWN_BANDS[(threshold, num_perm)]
    from datasketch import MinHashLSH

    lsh = MinHashLSH(threshold=threshold, num_perm=num_perm)
    return lsh.b, lsh.r


def band_keys(sigs: np.ndarray, b: int, r: int) -> np.ndarray:
    """(n, b) uint64: one key per band; equal bands give equal keys (random odd multipliers,
    wrapping arithmetic)."""
    mult = np.random.default_rng(SEED).integers(1, 2**63, size=r, dtype=np.uint64) | np.uint64(1)
    out = np.empty((sigs.shape[0], b), dtype=np.uint64)
    with np.errstate(over="ignore"):
        for k in range(b):
            band = sigs[:, k * r:(k + 1) * r].astype(np.uint64)
            out[:, k] = (band * mult).sum(axis=1, dtype=np.uint64) ^ np.uint64(k)
    return out


def candidate_pairs(keys_: np.ndarray) -> np.ndarray:
    """(m, 2) int64 rows (i, j), i < j, of articles sharing at least one band key; unique."""
    n = keys_.shape[0]
    found = []
    for k in range(keys_.shape[1]):
        order = np.argsort(keys_[:, k], kind="stable")
        col = keys_[order, k]
        starts = np.flatnonzero(np.r_[True, col[1:] != col[:-1]])
        sizes = np.diff(np.r_[starts, n])
        for s, size in zip(starts[sizes > 1], sizes[sizes > 1]):
            members = np.sort(order[s:s + size])
            i, j = np.triu_indices(size, k=1)
            found.append(members[i] * n + members[j])
    if not found:
        return np.empty((0, 2), dtype=np.int64)
    flat = np.unique(np.concatenate(found))
    return np.stack([flat // n, flat % n], axis=1)


def near_links(items: Iterable[tuple[str, str, bytes | None]], *, threshold: float = 0.8,
               num_perm: int = NUM_PERM, spill_dir: Path | None = None) -> dict[str, str]:
    """{article_id: earliest near-duplicate article_id} from (article_id, exact_key, signature)
    in the order that defines "earliest": a text identical to an earlier one (an exact duplicate,
    grouped elsewhere) is skipped, a text without words is never linked."""
    b, r = bands(threshold, num_perm)
    ids: list[str] = []
    seen_ids: set[str] = set()
    seen_exact: set[int] = set()
    key_chunks: list[np.ndarray] = []
    pending: list[bytes] = []
    with tempfile.TemporaryFile(dir=spill_dir) as fh:

        def flush() -> None:
            if pending:
                sigs = np.frombuffer(b"".join(pending), dtype=DTYPE).reshape(-1, num_perm)
                fh.write(sigs.tobytes())
                key_chunks.append(band_keys(sigs, b, r))
                pending.clear()

        for aid, key, sig in items:
            k = int(key[:16], 16)
            if aid in seen_ids or k in seen_exact or sig is None:
                continue
            seen_ids.add(aid)
            seen_exact.add(k)
            ids.append(aid)
            pending.append(sig)
            if len(pending) >= CHUNK:
                flush()
        flush()
        if len(ids) < 2:
            return {}
        fh.flush()
        pairs = candidate_pairs(np.concatenate(key_chunks))
        if not len(pairs):
            return {}
        sigs = np.memmap(fh, dtype=DTYPE, mode="r", shape=(len(ids), num_perm))
        best: dict[int, int] = {}
        for s in range(0, len(pairs), PAIR_CHUNK):
            p = pairs[s:s + PAIR_CHUNK]
            same = np.count_nonzero(sigs[p[:, 0]] == sigs[p[:, 1]], axis=1) / num_perm
            for i, j in p[same >= threshold]:
                if int(j) not in best or i < best[int(j)]:
                    best[int(j)] = int(i)
        del sigs
    return {ids[j]: ids[i] for j, i in sorted(best.items())}
