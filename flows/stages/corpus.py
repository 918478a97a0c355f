"""Corpus pass: the lines that repeat across many articles, and each file's corpus context.

Why a separate cheap pass: corpus-level boilerplate (CCNet-style hash and count) can only be
known after seeing every article, and the incremental plan needs each file's context key before
deciding what to reprocess. It decodes and hashes lines, no NLP.
"""
from __future__ import annotations

from array import array
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import pyarrow as pa

from flows.inputs import CHUNK, Inputs, Keyed
from flows.model import InputFile, RawDoc
from flows.stages import ingest
from flows.stages.plan import context_key
from flows.text import boilerplate


@dataclass(frozen=True)
class CorpusContext:
    repeated: frozenset[str]
    context_keys: Keyed  # source_file -> context key (of the files that decode), as Arrow columns


def corpus_context(files: Sequence[InputFile], *, min_docs: int, max_bytes: int) -> CorpusContext:
    """Same result as `boilerplate.repeats_from_sets` over every file's `doc_fingerprints` (and
    `context_key` per file), but the fingerprints are held as one uint64 array (8 bytes per
    distinct short line of a file) instead of a Python set per file: at 100,000 files the sets
    would cost hundreds of MB in the flow process. The keys come back as Arrow columns too."""
    files = Inputs.of(files)
    fps: array[int] = array("Q")
    ends: array[int] = array("Q")
    loaded: array[int] = array("q")  # position in `files` of each file that decoded
    for i, f in enumerate(files):
        raw = ingest.load(f, max_bytes=max_bytes)
        if isinstance(raw, RawDoc):
            fps.extend(int(fp, 16) for fp in boilerplate.doc_fingerprints(raw.text))
            ends.append(len(fps))
            loaded.append(i)
    allfp = np.frombuffer(fps, dtype=np.uint64) if len(fps) else np.empty(0, dtype=np.uint64)
    uniq, counts = np.unique(allfp, return_counts=True)
    rep = uniq[counts >= min_docs]
    repeated = frozenset(f"{int(x):016x}" for x in rep)
    hit = np.isin(allfp, rep)
    chunks: list[pa.Array] = []
    keys: list[str] = []
    start = 0
    for end in ends:
        mine = {f"{int(x):016x}" for x in allfp[start:end][hit[start:end]]}
        keys.append(context_key(mine, repeated))
        start = end
        if len(keys) >= CHUNK:
            chunks.append(pa.array(keys, pa.string()))
            keys = []
    chunks.append(pa.array(keys, pa.string()))
    names = files.column("source_file").take(pa.array(loaded, pa.int64()))
    return CorpusContext(repeated, Keyed(names, pa.concat_arrays(chunks)))
