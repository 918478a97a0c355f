"""Process stage: one input file to table rows (load -> clean -> extract), and batches of them.

Why batches: a Prefect task per article would cost more in orchestration than the work itself;
a batch is the unit sent to a worker process or a Dask worker, and it returns Arrow tables that
pickle compactly. Every failure becomes a Quarantined record with its stage and reason, so the
run goes on.
"""
from __future__ import annotations

import time
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

import schemas
from bantin import progress
from bantin.build import budget, parts
from bantin.clean import document as clean_stage
from bantin.clean.document import CorpusFacts
from bantin.dedup import near as signatures
from bantin.extract import article as extract_stage
from bantin.ingest import files as ingest
from bantin.printable import printable
from bantin.records import InputFile, Quarantined, RawDoc
from bantin.validate.rows import row_failures
from bantin.vi import nercache, nlp
from bantin.vi.language import detect_language

LONG_TABLES = ("people", "organisations", "legal_refs", "quantities", "periods", "acronyms")


@dataclass
class BatchResult:
    tables: dict[str, pa.Table]
    quarantined: list[Quarantined]
    seconds: dict[str, float] = field(default_factory=dict)  # per stage, summed over the batch

    @property
    def n_articles(self) -> int:
        return self.tables["articles"].num_rows


@dataclass
class BatchSummary:
    """What the flow needs from a batch whose tables were written as part files: a few bytes per
    article (ids, duplicate keys, row-level failures), never the texts."""

    part: str  # part name under parts/<table>/
    index: pa.Table  # SUMMARY_COLUMNS of INDEX_SCHEMA: one row per article of the batch
    failures: dict[str, list[str]]  # article_id -> failed row-level expectations (within the batch)
    quarantined: list[Quarantined]
    rows: dict[str, int]  # rows written per table
    seconds: dict[str, float] = field(default_factory=dict)

    @property
    def n_articles(self) -> int:
        return self.index.num_rows


INDEX_SCHEMA = schemas.DEDUP_INDEX
#: What a batch summary carries per article: the index without the signature (the signatures
#: stay in the index part file, so the flow process never holds them all).
SUMMARY_COLUMNS = ["article_id", "source_file", "exact_key"]


def index_rows(articles: pa.Table) -> pa.Table:
    """The duplicate-detection index of an articles table (reads only ids and bodies)."""
    cols = articles.select(["article_id", "source_file", "body"]).to_pydict()
    ks = [signatures.keys(b) for b in cols["body"]]
    return pa.table({"article_id": cols["article_id"], "source_file": cols["source_file"],
                     "exact_key": [k for k, _ in ks], "signature": [s for _, s in ks]}, schema=INDEX_SCHEMA)


def index_of_file(path: Path, dest: Path | None = None) -> pa.Table:
    """`index_rows` of an articles Parquet file, read a record batch at a time (the carried-over
    articles of a snapshot written before the index was kept). With `dest`, the index is also
    written there as a part file."""
    tables = [index_rows(pa.Table.from_batches([b]))
              for b in (parts.iter_batches(path, columns=["article_id", "source_file", "body"])
                        if Path(path).exists() else []) if b.num_rows]
    index = pa.concat_tables(tables) if tables else INDEX_SCHEMA.empty_table()
    if dest is not None:
        dest.parent.mkdir(parents=True, exist_ok=True)
        pq.write_table(index, dest, compression="zstd")
    return index


def summary_index(path: Path) -> pa.Table:
    """The index part at `path` without its signatures (empty when there is no such part)."""
    if not Path(path).exists():
        return INDEX_SCHEMA.empty_table().select(SUMMARY_COLUMNS)
    return pq.read_table(path, columns=SUMMARY_COLUMNS).cast(
        pa.schema([INDEX_SCHEMA.field(c) for c in SUMMARY_COLUMNS]))


def process_to_parts(files: list[InputFile], *, facts: CorpusFacts, version: str, run_id: str | None,
                     max_bytes: int, parts_dir: Path, batch_no: int, file_timeout: float | None = None) -> BatchSummary:
    """`process_batch`, then write the batch's tables as part files and return only a summary.
    Row-level expectations are checked here, on the batch (an article's rows are all in it)."""
    ticker = progress.Ticker(parts_dir, batch_no)  # per-article progress, read by the flow process
    name = parts.part_name(batch_no)
    with nercache.session(parts_dir, name):  # NLP results reused and recorded (bantin/vi/nercache.py)
        result = process_batch(files, facts=facts, version=version, run_id=run_id,
                               max_bytes=max_bytes, file_timeout=file_timeout, on_file=ticker.tick)
    for table, data in result.tables.items():
        parts.write_part(data, parts_dir, table, name)
    index = index_rows(result.tables["articles"])
    parts.write_part(index, parts_dir, parts.INDEX, name)
    return BatchSummary(part=name, index=index.select(SUMMARY_COLUMNS),
                        failures=row_failures(result.tables), quarantined=result.quarantined,
                        rows={t: d.num_rows for t, d in result.tables.items()}, seconds=result.seconds)


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
    facts: CorpusFacts,
    version: str,
    run_id: str | None,
    max_bytes: int,
    file_timeout: float | None = None,
    on_file: Callable[[], None] | None = None,
) -> BatchResult:
    """Load, clean and extract each file; never raises for a bad article. A file that takes
    longer than `file_timeout` seconds is quarantined as too_slow (bantin/build/budget.py).
    `on_file` is called after each file, whatever became of it (progress reporting)."""
    rows: dict[str, list[dict]] = defaultdict(list)
    quarantined: list[Quarantined] = []
    seconds: dict[str, float] = defaultdict(float)
    now = datetime.now(timezone.utc)
    if file_timeout and files:
        nlp.warm()  # loading the models (seconds, once per process) is not the first file's time
    for f in files:
        stage = ["ingest"]  # where the file is, for a too_slow record
        try:
            with budget.limit(file_timeout):
                out = _one(f, facts=facts, version=version, run_id=run_id,
                           max_bytes=max_bytes, now=now, seconds=seconds, stage=stage)
        except budget.TooSlow:
            out = _too_slow(f, stage[0], file_timeout)
        if isinstance(out, Quarantined):
            quarantined.append(out)
        else:
            for name, new in out.items():  # all of a file's rows, or none of them
                rows[name] += new
        if on_file is not None:
            on_file()
    tables = {name: schemas.TABLES[name].from_rows(rows[name]) for name in ("articles", "lines", *LONG_TABLES)}
    return BatchResult(tables=tables, quarantined=quarantined, seconds=dict(seconds))


def _one(f: InputFile, *, facts: CorpusFacts, version: str, run_id: str | None,
         max_bytes: int, now: datetime, seconds: dict[str, float],
         stage: list[str]) -> dict[str, list[dict]] | Quarantined:
    """One file's rows per table, or why it was quarantined. `stage[0]` follows the work."""
    t0 = time.perf_counter()
    raw = ingest.load(f, max_bytes=max_bytes)
    t1 = time.perf_counter()
    seconds["ingest"] += t1 - t0
    if isinstance(raw, Quarantined):
        return raw
    stage[0] = "clean"
    try:
        doc = clean_stage.clean(raw, facts)
    except Exception as exc:  # a rule bug must not stop the run: quarantine with the cause
        return _crash(raw, "clean", exc)
    t2 = time.perf_counter()
    seconds["clean"] += t2 - t1
    if not doc.body.strip():
        return Quarantined(
            raw.source_file, raw.content_sha256, "clean", "empty_after_cleaning",
            "Every line of this file was classified as page furniture (no lead, body or "
            "subheading line remained). Check `bantin lines` on it to see each line's rule.",
        )
    stage[0] = "extract"
    try:
        ex = extract_stage.extract(doc, arrived=(f.mtime.date() if f.mtime else None))
    except Exception as exc:
        return _crash(raw, "extract", exc)
    seconds["extract"] += time.perf_counter() - t2
    aid = raw.article_id
    out = {"articles": [article_rows(raw, doc, ex, version=version, run_id=run_id, now=now)],
           "lines": [{"article_id": aid, "line_no": ln.line_no, "text": ln.text, "clean_text": ln.clean_text,
                      "role": ln.role, "rule": ln.rule, "split": ln.split, "raw_line": ln.raw_line} for ln in doc.lines]}
    for name in LONG_TABLES:
        out[name] = [{**r, "article_id": aid} for r in getattr(ex, name)]
    return out


def _too_slow(f: InputFile, stage: str, limit: float | None) -> Quarantined:
    return Quarantined(
        f.source_file, f.content_sha256, stage, "too_slow",
        f"Loading, cleaning and extracting this file took longer than the limit of {limit:g} s "
        f"(--file-timeout), so it was stopped during the {stage} stage and set aside; the other inputs "
        "were processed. Very long texts (a page of several megabytes) do this; split it into articles, "
        "or raise --file-timeout to process it.",
    )


def _crash(raw: RawDoc, stage: str, exc: Exception) -> Quarantined:
    return Quarantined(
        raw.source_file, raw.content_sha256, stage, f"{stage}_error",
        f"The {stage} stage raised {type(exc).__name__}: {printable(str(exc))[:500]}. The file was set aside so the run "
        "could go on; this is a bug in bantin's rules, please report it with the file.",
    )
