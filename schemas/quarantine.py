"""The quarantine table: every input that did not become an article, with the reason."""
import pyarrow as pa

from schemas._base import TIMESTAMP, Column, Table

STAGES = ("ingest", "clean", "extract", "validate")

QUARANTINE = Table(
    name="quarantine",
    description="Inputs set aside, with the stage and reason; original bytes are under quarantine/.",
    key=("source_file",),
    columns=(
        Column("source_file", pa.string(), "Path of the input, relative to the raw directory.", False),
        Column("content_sha256", pa.string(), "SHA-256 of the bytes (null when unreadable).", True),
        Column("stage", pa.string(), "Stage that rejected it: " + ", ".join(STAGES) + ".", False, "ingest"),
        Column("reason", pa.string(), "Machine-readable reason code.", False, "empty"),
        Column("detail", pa.string(), "One-paragraph explanation for a person.", True),
        Column("duplicate_of", pa.string(),
               "For a copy: the first input (by source_file) with the same bytes that is also "
               "quarantined; null for that first input and for inputs without a copy.", True),
        Column("run_id", pa.string(), "Prefect flow run id.", True),
        Column("quarantined_at", TIMESTAMP, "When it was quarantined (UTC).", False),
    ),
)
