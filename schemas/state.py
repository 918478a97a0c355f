"""The state table: what each input file became in the last run, for incremental re-runs."""
import pyarrow as pa

from schemas._base import Column, Table

OUTCOMES = ("article", "alias", "quarantine")

STATE = Table(
    name="state",
    description="Processed inputs: a run reprocesses only files whose hash, version or context changed.",
    key=("source_file",),
    columns=(
        Column("source_file", pa.string(), "Input path relative to the raw directory.", False),
        Column("content_sha256", pa.string(), "SHA-256 of the bytes when processed.", True),
        Column("pipeline_version", pa.string(), "pipeline_version that processed it.", False),
        Column("context_key", pa.string(), "Hash of the corpus-level boilerplate lines the file contains.", True),
        Column("article_id", pa.string(), "Article it became (for aliases: the canonical article).", True),
        Column("outcome", pa.string(), "article, alias or quarantine.", False),
    ),
)

#: Internal, not a published table: one row per published article with its duplicate-detection
#: keys (bantin/dedup/near.py), kept in the snapshot under `internal/` so that an
#: incremental run reads the kept articles' MinHash signatures instead of recomputing them.
DEDUP_INDEX_FILE = "internal/dedup_index.parquet"
DEDUP_INDEX = pa.schema([
    pa.field("article_id", pa.string(), nullable=False),
    pa.field("source_file", pa.string(), nullable=False),
    pa.field("exact_key", pa.string(), nullable=False),  # dedup.exact_key of the body
    pa.field("signature", pa.binary()),  # MinHash values (uint32 x 128), null for a body without words
])


#: Internal, in memory only: the scan's input files, one row each, as the flow process holds them
#: (bantin/ingest/inputs.py `Inputs`) instead of one Python record per file. `path` is binary: a file name
#: that is not valid UTF-8 arrives from the OS with surrogate escapes, which Arrow strings cannot
#: hold (os.fsencode / os.fsdecode round-trip it).
INPUT_FILES = pa.schema([
    pa.field("path", pa.binary(), nullable=False),
    pa.field("source_file", pa.string(), nullable=False),
    pa.field("size_bytes", pa.int64(), nullable=False),
    pa.field("mtime", pa.timestamp("us", tz="UTC")),
    pa.field("content_sha256", pa.string()),
])
