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
