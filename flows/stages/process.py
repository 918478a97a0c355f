"""Process stage: one input file to table rows (load -> clean -> extract), and batches of them.

Why batches: a Prefect task per article would cost more in orchestration than the work itself;
a batch is the unit sent to a worker process or a Dask worker, and it returns Arrow tables that
pickle compactly. Every failure becomes a Quarantined record with its stage and reason, so the
run goes on.
"""
from __future__ import annotations

import time
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import datetime, timezone

import pyarrow as pa

import schemas
from flows.model import InputFile, Quarantined, RawDoc
from flows.stages import clean as clean_stage
from flows.stages import extract as extract_stage
from flows.stages import ingest
from flows.text.language import detect_language

LONG_TABLES = ("people", "organisations", "legal_refs", "quantities", "periods", "acronyms")


@dataclass
class BatchResult:
    tables: dict[str, pa.Table]
    quarantined: list[Quarantined]
    seconds: dict[str, float] = field(default_factory=dict)  # per stage, summed over the batch

    @property
    def n_articles(self) -> int:
        return self.tables["articles"].num_rows


def article_rows(raw: RawDoc, doc, ex, *, version: str, run_id: str | None, now: datetime) -> dict:
    aid = raw.article_id
    return {
        "article_id": aid,
        "source_file": raw.source_file,
        "content_sha256": raw.content_sha256,
        "aliases": [],
        "size_bytes": raw.size_bytes,
        "mtime": raw.mtime,
        "encoding": raw.encoding,
        "repairs": list(doc.repairs),
        **ex.fields,
        "body": doc.body,
        "captions": list(doc.captions),
        "damaged_words": [
            {"word": d.word, "candidate": d.candidate, "line_no": d.line_no} for d in doc.damaged_words
        ],
        "language": detect_language(doc.body),
        "near_duplicate_of": None,
        "raw_text": raw.text,
        "pipeline_version": version,
        "run_id": run_id,
        "processed_at": now,
    }


def process_batch(
    files: list[InputFile],
    *,
    repeated: frozenset[str],
    version: str,
    run_id: str | None,
    max_bytes: int,
) -> BatchResult:
    """Load, clean and extract each file; never raises for a bad article."""
    rows: dict[str, list[dict]] = defaultdict(list)
    quarantined: list[Quarantined] = []
    seconds: dict[str, float] = defaultdict(float)
    now = datetime.now(timezone.utc)
    for f in files:
        t0 = time.perf_counter()
        raw = ingest.load(f, max_bytes=max_bytes)
        t1 = time.perf_counter()
        seconds["ingest"] += t1 - t0
        if isinstance(raw, Quarantined):
            quarantined.append(raw)
            continue
        try:
            doc = clean_stage.clean(raw, repeated=repeated)
        except Exception as exc:  # a rule bug must not stop the run: quarantine with the cause
            quarantined.append(_crash(raw, "clean", exc))
            continue
        t2 = time.perf_counter()
        seconds["clean"] += t2 - t1
        if not doc.body.strip():
            quarantined.append(Quarantined(
                raw.source_file, raw.content_sha256, "clean", "empty_after_cleaning",
                "Every line of this file was classified as page furniture (no lead, body or "
                "subheading line remained). Check `bantin lines` on it to see each line's rule.",
            ))
            continue
        try:
            ex = extract_stage.extract(doc, arrived=(f.mtime.date() if f.mtime else None))
        except Exception as exc:
            quarantined.append(_crash(raw, "extract", exc))
            continue
        seconds["extract"] += time.perf_counter() - t2
        aid = raw.article_id
        rows["articles"].append(article_rows(raw, doc, ex, version=version, run_id=run_id, now=now))
        rows["lines"] += [
            {"article_id": aid, "line_no": ln.line_no, "text": ln.text, "clean_text": ln.clean_text,
             "role": ln.role, "rule": ln.rule, "split": ln.split}
            for ln in doc.lines
        ]
        for name in LONG_TABLES:
            rows[name] += [{**r, "article_id": aid} for r in getattr(ex, name)]
    tables = {name: schemas.TABLES[name].from_rows(rows[name]) for name in ("articles", "lines", *LONG_TABLES)}
    return BatchResult(tables=tables, quarantined=quarantined, seconds=dict(seconds))


def _crash(raw: RawDoc, stage: str, exc: Exception) -> Quarantined:
    return Quarantined(
        raw.source_file, raw.content_sha256, stage, f"{stage}_error",
        f"The {stage} stage raised {type(exc).__name__}: {exc}. The file was set aside so the run "
        "could go on; this is a bug in bantin's rules, please report it with the file.",
    )
