"""Corpus pass: the lines that repeat across many articles, and each file's corpus context.

Why a separate cheap pass: corpus-level boilerplate (CCNet-style hash and count) can only be
known after seeing every article, and the incremental plan needs each file's context key before
deciding what to reprocess. It decodes and hashes lines, no NLP.
"""
from __future__ import annotations

from dataclasses import dataclass

from flows.model import InputFile, RawDoc
from flows.stages import ingest
from flows.stages.plan import context_key
from flows.text import boilerplate


@dataclass(frozen=True)
class CorpusContext:
    repeated: frozenset[str]
    context_keys: dict[str, str]  # source_file -> context key


def corpus_context(files: list[InputFile], *, min_docs: int, max_bytes: int) -> CorpusContext:
    sets: dict[str, set[str]] = {}
    for f in files:
        raw = ingest.load(f, max_bytes=max_bytes)
        if isinstance(raw, RawDoc):
            sets[f.source_file] = boilerplate.doc_fingerprints(raw.text)
    repeated = boilerplate.repeats_from_sets(sets.values(), min_docs=min_docs)
    return CorpusContext(repeated, {s: context_key(fps, repeated) for s, fps in sets.items()})
