"""Content-addressed cache of underthesea's tokens per sentence, carried from snapshot to snapshot.

Why: NER is most of a run's time, and news repeats itself: republished stories, near
duplicates, boilerplate sentences, and above all every article again after a rule change
(a new `pipeline_version` reprocesses the whole corpus, but underthesea's answer for a sentence
depends only on the sentence and underthesea's version). So the answer is kept under a key of
exactly those two: `key(sentence)` = SHA-256(underthesea version, NUL, sentence), 16 bytes.
A value holds the tokens as zlib-compressed JSON (~3x smaller), with `tags` = 1 when they are
NER's (word, POS, chunk, tag) and 0 when they are only `word_tokenize`'s words (a sentence NER
was not needed for); a words-only entry never answers a request for tags, and a tagged one wins
over it when both exist.

Where it lives, and why this is process-safe (workers never write a shared file):
- `OUT/current/internal/ner_cache.sqlite`: the published cache, immutable once published (each
  snapshot has its own, like `internal/dedup_index.parquet`).
- `parts/ner_cache/base.sqlite`: a hard link to it that `prepare` makes before the batches; every
  worker (process, Dask worker on a shared disk) opens it read-only and immutable.
- `parts/ner_cache/part-<batch>.parquet`: what one batch annotated anew, and the keys it read from
  the base, written by its worker when the batch ends (tmp + rename, so a retried batch rewrites it).
- `merge` (flow process, after the batches) writes `built/internal/ner_cache.sqlite`: the base
  plus the new entries; when the run processed every article of the snapshot (nothing carried
  over), only the entries this run used, so sentences of deleted or changed articles go away.
"""
from __future__ import annotations

import hashlib
import json
import os
import shutil
import sqlite3
import zlib
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from importlib import metadata
from pathlib import Path

CACHE_FILE = "internal/ner_cache.sqlite"  # in a snapshot, and in the `built` directory of a run
DIR = "ner_cache"  # under a run's parts directory
BASE = "base.sqlite"
_SCHEMA = ("CREATE TABLE IF NOT EXISTS ner (key BLOB PRIMARY KEY, tags INTEGER NOT NULL, value BLOB NOT NULL) "
           "WITHOUT ROWID")
_UPSERT = ("INSERT INTO ner (key, tags, value) VALUES (?, ?, ?) "
           "ON CONFLICT(key) DO UPDATE SET tags = excluded.tags, value = excluded.value WHERE excluded.tags > ner.tags")
_active: ContextVar[Session | None] = ContextVar("bantin_ner_cache", default=None)


def _version() -> str:
    return metadata.version("underthesea")


def key(sentence: str, version: str | None = None) -> bytes:
    """The cache key of a sentence: its text and the underthesea version, nothing else."""
    return hashlib.sha256(f"{version or _version()}\0{sentence}".encode()).digest()[:16]


class Session:
    """One batch's view of the cache: reads the base (read-only), keeps what it adds in memory."""

    def __init__(self, base: Path | None) -> None:
        self.version = _version()
        self.db = (sqlite3.connect(f"file:{base}?mode=ro&immutable=1", uri=True, check_same_thread=False)
                   if base is not None and base.is_file() else None)
        self.new: dict[bytes, tuple[int, bytes]] = {}  # key -> (tags, value) annotated in this batch
        self.used: set[bytes] = set()  # keys answered by the base
        self.hits = self.misses = 0

    def get(self, sentence: str, tags: bool) -> list[tuple] | None:
        """The cached tokens of `sentence` (with NER tags when `tags`), or None."""
        k = key(sentence, self.version)
        got = self.new.get(k)
        if got is None and self.db is not None:
            got = self.db.execute("SELECT tags, value FROM ner WHERE key = ?", (k,)).fetchone()
            if got is not None and (got[0] or not tags):
                self.used.add(k)
        if got is None or (tags and not got[0]):
            self.misses += 1
            return None
        self.hits += 1
        return [tuple(t) for t in json.loads(zlib.decompress(got[1]))]

    def put(self, sentence: str, tokens: list[tuple], tags: bool) -> None:
        k = key(sentence, self.version)
        if tags or k not in self.new:
            text = json.dumps(tokens, ensure_ascii=False, separators=(",", ":"))
            self.new[k] = (int(tags), zlib.compress(text.encode()))

    def close(self) -> None:
        if self.db is not None:
            self.db.close()


def active() -> Session | None:
    """The session of the batch running in this context, or None (no caching)."""
    return _active.get()


def part_path(parts_dir: Path, part: str) -> Path:
    return Path(parts_dir) / DIR / f"part-{part}.parquet"


@contextmanager
def session(parts_dir: Path, part: str) -> Iterator[Session]:
    """Cache the NLP calls made inside the block (bantin.vi.nlp) with the base prepared under
    `parts_dir`; on a clean exit, write what the batch added and used as part `part`."""
    s = Session(Path(parts_dir) / DIR / BASE)
    token = _active.set(s)
    try:
        yield s
    finally:
        _active.reset(token)
        s.close()
    _write_part(s, part_path(parts_dir, part))


def _write_part(s: Session, path: Path) -> None:
    import pyarrow as pa  # noqa: PLC0415 - keeps `import bantin.vi.nlp` cheap
    import pyarrow.parquet as pq  # noqa: PLC0415

    keys = list(s.new) + [k for k in s.used if k not in s.new]
    table = pa.table({"key": pa.array(keys, pa.binary(16)),
                      "tags": pa.array([s.new[k][0] if k in s.new else None for k in keys], pa.int8()),
                      "value": pa.array([s.new[k][1] if k in s.new else None for k in keys], pa.binary())})
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    pq.write_table(table, tmp, compression="zstd")
    os.replace(tmp, path)


def prepare(parts_dir: Path, previous_snapshot: Path | None) -> Path | None:
    """Make the previous snapshot's cache the base the batches read (a hard link, a copy where
    links are impossible); returns its path, or None when there is none."""
    src = Path(previous_snapshot) / CACHE_FILE if previous_snapshot is not None else None
    if src is None or not src.is_file():
        return None
    dest = Path(parts_dir) / DIR / BASE
    dest.parent.mkdir(parents=True, exist_ok=True)
    dest.unlink(missing_ok=True)
    try:
        os.link(src, dest)
    except OSError:
        shutil.copyfile(src, dest)
    return dest


def merge(parts_dir: Path, built: Path, *, prune: bool) -> dict[str, int]:
    """Write `built/internal/ner_cache.sqlite` from the base and every batch's part: all of the
    base (`prune` False), or only the base entries some batch used (`prune` True: the run
    processed every article of its snapshot), then the new entries. Returns entry counts."""
    import pyarrow.parquet as pq  # noqa: PLC0415

    base = Path(parts_dir) / DIR / BASE
    parts = sorted((Path(parts_dir) / DIR).glob("part-*.parquet"))
    dest = Path(built) / CACHE_FILE
    dest.parent.mkdir(parents=True, exist_ok=True)
    tmp = dest.with_name(f".{dest.name}.tmp")
    tmp.unlink(missing_ok=True)
    if base.is_file() and not prune:
        shutil.copyfile(base, tmp)
    con = sqlite3.connect(tmp)
    try:
        con.execute("PRAGMA journal_mode = OFF")  # a staging file: published (fsynced) or discarded whole
        con.execute("PRAGMA synchronous = OFF")
        con.execute(_SCHEMA)
        if base.is_file() and prune:
            con.execute("ATTACH DATABASE ? AS base", (str(base),))
            con.execute("CREATE TEMP TABLE used (key BLOB PRIMARY KEY) WITHOUT ROWID")
        for path in parts:
            t = pq.read_table(path)
            keys, tags, values = (t.column(c).to_pylist() for c in ("key", "tags", "value"))
            con.executemany(_UPSERT, [(k, g, v) for k, g, v in zip(keys, tags, values) if v is not None])
            if base.is_file() and prune:
                con.executemany("INSERT OR IGNORE INTO used VALUES (?)",
                                [(k,) for k, v in zip(keys, values) if v is None])
        if base.is_file() and prune:
            con.execute("INSERT OR IGNORE INTO ner SELECT b.key, b.tags, b.value FROM base.ner b JOIN used USING (key)")
        con.commit()
        counts = {"entries": con.execute("SELECT count(*) FROM ner").fetchone()[0], "parts": len(parts)}
    finally:
        con.close()
    os.replace(tmp, dest)
    return counts


def entries(path: Path) -> int:
    """Entries of a cache file (0 when there is none)."""
    if not Path(path).is_file():
        return 0
    con = sqlite3.connect(f"file:{path}?mode=ro&immutable=1", uri=True)
    try:
        return con.execute("SELECT count(*) FROM ner").fetchone()[0]
    finally:
        con.close()
