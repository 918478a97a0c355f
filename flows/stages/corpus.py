"""Corpus pass: the lines that repeat across many articles, and each file's corpus context.

Why a separate cheap pass: corpus-level boilerplate (CCNet-style hash and count) can only be
known after seeing every article, and the incremental plan needs each file's context key before
deciding what to reprocess. It decodes and hashes lines, no NLP.
"""
from __future__ import annotations

from array import array
from dataclasses import dataclass

import numpy as np

from flows.model import InputFile, RawDoc
from flows.stages import ingest
from flows.stages.plan import context_key
from flows.text import boilerplate


@dataclass(frozen=True)
class CorpusContext:
    repeated: frozenset[str]
    context_keys: dict[str, str]  # source_file -> context key


def corpus_context(files: list[InputFile], *, min_docs: int, max_bytes: int) -> CorpusContext:
    """Same result as `boilerplate.repeats_from_sets` over every file's `doc_fingerprints` (and
    `context_key` per file), but the fingerprints are held as one uint64 array (8 bytes per
    distinct short line of a file) instead of a Python set per file: at 100,000 files the sets
    would cost hundreds of MB in the flow process."""
    fps: array[int] = array("Q")
    ends: array[int] = array("Q")
    names: list[str] = []
    for f in files:
        raw = ingest.load(f, max_bytes=max_bytes)
        if isinstance(raw, RawDoc):
            fps.extend(int(fp, 16) for fp in boilerplate.doc_fingerprints(raw.text))
            ends.append(len(fps))
            names.append(f.source_file)
    allfp = np.frombuffer(fps, dtype=np.uint64) if len(fps) else np.empty(0, dtype=np.uint64)
    uniq, counts = np.unique(allfp, return_counts=True)
    rep = uniq[counts >= min_docs]
    repeated = frozenset(f"{int(x):016x}" for x in rep)
    hit = np.isin(allfp, rep)
    keys: dict[str, str] = {}
    start = 0
    for name, end in zip(names, ends):
        mine = {f"{int(x):016x}" for x in allfp[start:end][hit[start:end]]}
        keys[name] = context_key(mine, repeated)
        start = end
    return CorpusContext(repeated, keys)
