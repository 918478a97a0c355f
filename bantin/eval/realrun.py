"""Run the real pure path over one corpus folder: scan, corpus pass, load, clean, extract.

Why exactly this path: it is what `bantin run` and the fixture `bantin eval` do (the corpus pass
sees the whole folder, as if it were the raw directory, so corpus repeats are found as in
production); a score on a shortcut would not say how the published dataset does.

Why NER is switched off for files without hand-read gold: those files are scored only on
title, published_date, outlet and authors (the automatic scores from metadata), which
`bantin.extract.article.extract` computes before and without its two NLP calls
(`nlp.ner_sentences`, `nlp.count_words`); tests/eval/test_realrun.py checks that those fields
are the same with and without NER. It saves ~0.4 s per article (1,240 development files).
"""
from __future__ import annotations

import multiprocessing
from collections.abc import Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from unittest import mock

from bantin.build.corpus import corpus_context
from bantin.clean import document as clean_stage
from bantin.eval import scoring
from bantin.extract import article as extract_stage
from bantin.ingest import files as ingest
from bantin.records import CleanDoc, RawDoc
from bantin.settings import DEFAULT_MAX_BYTES, Settings
from bantin.vi import nlp

AUTOMATIC_FIELDS = ("title", "published_date", "outlet", "authors")


@dataclass
class FolderRun:
    """Predictions for one folder. `docs` only for the gold files (their units are scored)."""

    folder: str
    preds: dict[str, dict] = field(default_factory=dict)  # file -> prediction in gold shape
    texts: dict[str, str] = field(default_factory=dict)  # file -> ingested text
    docs: dict[str, CleanDoc] = field(default_factory=dict)
    quarantined: dict[str, str] = field(default_factory=dict)  # file -> reason


@contextmanager
def ner_off() -> Iterator[None]:
    """Extraction without underthesea: no entities, no word counts (see module docstring)."""
    with mock.patch.object(nlp, "ner_sentences", lambda sents: [[] for _ in sents]), \
            mock.patch.object(nlp, "count_words", lambda text: 0):
        yield


def run_folder(directory: Path, gold_files: frozenset[str] = frozenset()) -> FolderRun:
    """Clean and extract every .txt of `directory`; full extraction (with NER) for `gold_files`,
    the NER-free one for the others."""
    run = FolderRun(Path(directory).name)
    files = ingest.scan(Path(directory)).files
    ctx = corpus_context(list(files), min_docs=Settings().boilerplate_min_docs, max_bytes=DEFAULT_MAX_BYTES)
    for f in files:
        raw = ingest.load(f)
        if not isinstance(raw, RawDoc):
            run.quarantined[f.source_file] = raw.reason
            continue
        doc = clean_stage.clean(raw, ctx.facts)
        arrived = f.mtime.date() if f.mtime else None
        if f.source_file in gold_files:
            ex = extract_stage.extract(doc, arrived=arrived)
            run.docs[f.source_file] = doc
        else:
            with ner_off():
                ex = extract_stage.extract(doc, arrived=arrived)
        run.preds[f.source_file] = scoring.to_gold_shape(ex.fields, ex, doc.body)
        run.texts[f.source_file] = raw.text
    return run


def run_folders(jobs: Sequence[tuple[Path, frozenset[str]]], workers: int = 1) -> list[FolderRun]:
    """`run_folder` for each (directory, gold files), in order; one process per folder, at most
    `workers` at a time, when workers > 1 (spawned: a clean interpreter, no forked model state)."""
    if workers <= 1 or len(jobs) <= 1:
        return [run_folder(d, g) for d, g in jobs]
    ctx = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(max_workers=min(workers, len(jobs)), mp_context=ctx) as pool:
        return list(pool.map(run_folder, *zip(*jobs)))
