"""The real-corpus evaluation: cleaning and extraction against the hand-read gold, automatic
scores against the metadata, per folder and overall (`bantin eval --real`, the quality gate in
tests/eval/test_real_quality.py).

Why one function returns everything: the command, the gate test and ad-hoc scripts must count
the very same characters and items, from one pass over each folder (the corpus pass and the
cleaning of ~400 files per folder are the cost; NER runs on the gold articles only).

Blind folders (realgold.BLIND_FOLDERS) are evaluated only when the caller names them and asks
for them; their misses and per-article errors are never collected, only their totals.
"""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from bantin.eval import automatic, realclean, realfields, realgold, realrun
from bantin.eval.automatic import AutoCounts
from bantin.eval.realclean import CleaningCounts
from bantin.eval.scoring import Counts

OVERALL = "overall"


class CorpusMissing(FileNotFoundError):
    """The corpus directory, or one of its folders, is not there."""


@dataclass
class RealResult:
    folders: list[str]
    articles: dict[str, int] = field(default_factory=dict)  # folder -> gold articles
    files: dict[str, int] = field(default_factory=dict)  # folder -> files read
    cleaning: dict[str, CleaningCounts] = field(default_factory=lambda: defaultdict(CleaningCounts))
    extraction: dict[str, dict[str, Counts]] = field(
        default_factory=lambda: defaultdict(lambda: {f: Counts() for f in realfields.FIELDS}))
    automatic: dict[str, dict[str, AutoCounts]] = field(
        default_factory=lambda: defaultdict(lambda: {f: AutoCounts() for f in automatic.AUTO_FIELDS}))
    misses: list[dict] = field(default_factory=list)  # development folders only
    errors: dict[str, dict] = field(default_factory=dict)  # dev article -> field -> missed/spurious

    def to_json(self) -> dict:
        keys = [*self.folders, OVERALL]
        return {
            "folders": self.folders, "articles": self.articles, "files": self.files,
            "cleaning": {k: self.cleaning[k].to_json() for k in keys},
            "extraction": {k: {f: realfields.counts_json(c) for f, c in self.extraction[k].items()} for k in keys},
            "automatic": {k: {f: c.to_json() for f, c in self.automatic[k].items()} for k in keys},
            "misses": self.misses, "extraction_errors": self.errors,
        }


def evaluate(folders: list[str], *, corpus_dir: Path = realgold.CORPUS_DIR,
             gold_dir: Path = realgold.REALGOLD_DIR, workers: int = 1) -> RealResult:
    """Every figure for `folders` (choose them with realgold.select_folders); the folders run in
    up to `workers` processes.

    Raises CorpusMissing when a folder is not in `corpus_dir`, realgold.GoldMismatch when a raw
    file or a span does not match the gold (both before any pipeline work)."""
    for folder in folders:
        if not (Path(corpus_dir) / folder).is_dir():
            raise CorpusMissing(f"no folder {folder} in the corpus directory {corpus_dir}")
    result = RealResult(list(folders))
    records = {f: realgold.load_records([f], gold_dir) for f in folders}
    raws = {f: {r.file: realgold.read_raw(r, corpus_dir) for r in records[f]} for f in folders}  # verified first
    runs = realrun.run_folders([(Path(corpus_dir) / f, frozenset(raws[f])) for f in folders], workers)
    for folder, run in zip(folders, runs):
        result.articles[folder], result.files[folder] = len(records[folder]), len(run.preds)
        for r in records[folder]:
            if r.file not in run.docs:
                raise realgold.GoldMismatch(f"{r.key}: quarantined at ingest ({run.quarantined.get(r.file)})")
            _score_gold(result, r, raws[folder][r.file], run)
        _score_automatic(result, folder, Path(corpus_dir) / folder, run)
    for folder in folders:
        result.cleaning[OVERALL].add(result.cleaning[folder])
        for f, c in result.extraction[folder].items():
            result.extraction[OVERALL][f].add(c)
        for f, c in result.automatic[folder].items():
            result.automatic[OVERALL][f].add(c)
    return result


def _score_gold(result: RealResult, record: realgold.RealGold, raw: str, run: realrun.FolderRun) -> None:
    counts, misses = realclean.score_article(record, raw, run.docs[record.file])
    result.cleaning[record.folder].add(counts)
    per_field = realfields.score_article(run.preds[record.file], record.fields)
    for name, res in per_field.items():
        result.extraction[record.folder][name].add(res.counts)
        if not record.blind and (res.missed or res.spurious):
            result.errors.setdefault(record.key, {})[name] = {
                "missed": [_plain(x) for x in res.missed], "spurious": [_plain(x) for x in res.spurious]}
    if not record.blind:
        result.misses += misses


def _score_automatic(result: RealResult, folder: str, directory: Path, run: realrun.FolderRun) -> None:
    meta = automatic.FOLDER_META[folder]
    rows = automatic.load_metadata(directory)
    for name, pred in run.preds.items():
        if name not in rows:
            continue
        for f, c in automatic.score_file(meta, rows[name], run.texts[name], pred).items():
            result.automatic[folder][f].add(c)


def _plain(item):
    return list(item) if isinstance(item, tuple) else item
