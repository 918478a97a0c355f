"""Corpus pass: the lines that repeat across many articles, and each file's corpus context.

Why a separate cheap pass: corpus-level boilerplate (CCNet-style hash and count) can only be
known after seeing every article, and the incremental plan needs each file's context key before
deciding what to reprocess. It decodes and hashes lines, no NLP.
"""
from __future__ import annotations

import tempfile
from array import array
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pyarrow as pa

from bantin.build.plan import context_key
from bantin.clean import repeats as boilerplate
from bantin.clean.document import CorpusFacts
from bantin.clean.sites import SiteTally, is_headless
from bantin.ingest import files as ingest
from bantin.ingest.inputs import CHUNK, Inputs, Keyed
from bantin.records import InputFile, RawDoc
from bantin.settings import Settings

#: Fingerprints are spilled to disk this many at a time (2 MB), and read back as many at a time.
SPILL_VALUES = 1 << 18
#: Hash partitions (by the top bits of the 64-bit fingerprint) counted one at a time.
PARTITION_BITS = 6


@dataclass(frozen=True)
class CorpusContext:
    facts: CorpusFacts  # what cleaning a page needs from the corpus; shipped to every batch
    context_keys: Keyed  # source_file -> context key (of the files that decode), as Arrow columns


class _Spill:
    """Every file's fingerprints on disk: once in file order (for the per-file keys) and once
    split into 2**PARTITION_BITS hash partitions, each value beside its file's story key (for the
    counts), written SPILL_VALUES at a time."""

    def __init__(self, tmp: Path) -> None:
        self.seq = open(tmp / "fingerprints", "w+b")
        self.parts = [open(tmp / f"part-{k:03d}", "w+b") for k in range(1 << PARTITION_BITS)]
        self.pending: array[int] = array("Q")
        self.groups: array[int] = array("Q")

    def add(self, fps, group: int) -> None:
        self.pending.extend(fps)
        self.groups.extend([group] * len(fps))
        if len(self.pending) >= SPILL_VALUES:
            self.flush()

    def flush(self) -> None:
        if not self.pending:
            return
        values = np.frombuffer(self.pending, dtype=np.uint64).copy()
        groups = np.frombuffer(self.groups, dtype=np.uint64).copy()
        self.pending, self.groups = array("Q"), array("Q")
        values.tofile(self.seq)
        part = (values >> np.uint64(64 - PARTITION_BITS)).astype(np.intp)
        order = np.argsort(part, kind="stable")
        bounds = np.searchsorted(part[order], np.arange(len(self.parts) + 1))
        for k, fh in enumerate(self.parts):
            at = order[bounds[k]:bounds[k + 1]]
            np.stack([values[at], groups[at]], axis=1).tofile(fh)

    def repeated(self, min_docs: int) -> np.ndarray:
        """Sorted fingerprints found in at least `min_docs` story groups (a value counts once per
        group: `boilerplate.repeats_from_sets`), one partition in memory at a time."""
        found = []
        for fh in self.parts:
            fh.seek(0)
            pairs = np.fromfile(fh, dtype=np.uint64).reshape(-1, 2)
            if not len(pairs):
                continue
            pairs = pairs[np.lexsort((pairs[:, 1], pairs[:, 0]))]
            first = np.ones(len(pairs), dtype=bool)
            first[1:] = (pairs[1:] != pairs[:-1]).any(axis=1)  # one row per (value, group)
            uniq, counts = np.unique(pairs[first, 0], return_counts=True)
            found.append(uniq[counts >= min_docs])
        return np.sort(np.concatenate(found)) if found else np.empty(0, dtype=np.uint64)

    def per_file(self, ends: array) -> Iterator[np.ndarray]:
        """Each file's fingerprints, in file order, read back SPILL_VALUES at a time."""
        self.seq.seek(0)
        buf, offset, start = np.empty(0, dtype=np.uint64), 0, 0  # buf[0] is value number `offset`
        for end in ends:
            while end > offset + len(buf):
                more = np.fromfile(self.seq, dtype=np.uint64, count=SPILL_VALUES)
                if not len(more):
                    raise RuntimeError("corpus pass: the fingerprint spill file ended early")
                buf, offset = np.concatenate([buf[start - offset:], more]), start
            yield buf[start - offset:end - offset]
            start = end

    def close(self) -> None:
        for fh in (self.seq, *self.parts):
            fh.close()


def _members(values: np.ndarray, sorted_set: np.ndarray) -> np.ndarray:
    """The `values` found in `sorted_set` (a binary search each: one file's few values against
    the corpus' repeated lines, cheaper per file than np.isin's sort)."""
    if not len(sorted_set):
        return values[:0]
    at = np.minimum(np.searchsorted(sorted_set, values), len(sorted_set) - 1)
    return values[sorted_set[at] == values]


def corpus_context(files: Sequence[InputFile], *, min_docs: int, max_bytes: int, spill_dir: Path | None = None,
                   headline_min_pages: int = Settings.headline_min_pages,
                   headline_min_share: float = Settings.headline_min_share) -> CorpusContext:
    """Same result as `boilerplate.repeats_from_sets` over every file's (`story_key`,
    `doc_fingerprints`) (and `context_key` per file), in memory that does not grow with the
    corpus: the fingerprints (64-bit, ~30 a file, each with its story key) go to temporary files
    under `spill_dir`, are counted one hash partition at a time and read back in file order for
    the keys. Held per file: 16 bytes (where its
    fingerprints end, which input it is) and its key in the Arrow result. Held in full, the
    fingerprints and their sort copies grew the corpus pass by ~1.2 KB per article.
    The same read counts, per folder, the pages that open with a headline (`SiteTally`): the
    folders that print none are `headless`, and a file's key says whether its folder is."""
    files = Inputs.of(files)
    sites = SiteTally()
    ends: array[int] = array("Q")
    loaded: array[int] = array("q")  # position in `files` of each file that decoded
    # ".tmp-": the prefix of every staging directory, which write.recover removes after a crash
    with tempfile.TemporaryDirectory(prefix=".tmp-corpus-", dir=spill_dir) as tmp:
        spill = _Spill(Path(tmp))
        try:
            n = 0
            for i, f in enumerate(files):
                raw = ingest.load(f, max_bytes=max_bytes)
                if isinstance(raw, RawDoc):
                    fps = [int(fp, 16) for fp in boilerplate.doc_fingerprints(raw.text)]
                    spill.add(fps, int(boilerplate.story_key(raw.text) or "0", 16))
                    sites.add(f.source_file, raw.text)
                    n += len(fps)
                    ends.append(n)
                    loaded.append(i)
            spill.flush()
            rep = spill.repeated(min_docs)
            repeated = frozenset(f"{int(x):016x}" for x in rep)
            headless = sites.headless(min_pages=headline_min_pages, min_share=headline_min_share)
            chunks: list[pa.Array] = []
            keys: list[str] = []
            sources = files.column("source_file")
            for i, mine in zip(loaded, spill.per_file(ends)):
                keys.append(context_key({f"{int(x):016x}" for x in _members(mine, rep)}, repeated,
                                        headless=is_headless(sources[i].as_py(), headless)))
                if len(keys) >= CHUNK:
                    chunks.append(pa.array(keys, pa.string()))
                    keys = []
            chunks.append(pa.array(keys, pa.string()))
        finally:
            spill.close()
    names = files.column("source_file").take(pa.array(loaded, pa.int64()))
    return CorpusContext(CorpusFacts(repeated, headless), Keyed(names, pa.concat_arrays(chunks)))
