"""Run settings: one frozen value passed from the CLI/flow parameters down to the pure stages."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

DEFAULT_MAX_BYTES = 20 * 1024 * 1024


@dataclass(frozen=True)
class Settings:
    raw_dir: Path = Path("raw")
    out_dir: Path = Path("output")
    full: bool = False  # reprocess everything, ignoring the incremental state
    batch_size: int = 64  # most articles per worker task (bantin/build/batching.py sizes them)
    workers: int | None = None  # worker processes for the NLP stage (None: all cores)
    dask_address: str | None = None  # "local" for a LocalCluster, or tcp://host:8786
    max_bytes: int = DEFAULT_MAX_BYTES  # larger inputs are quarantined as too_large
    boilerplate_min_docs: int = 3  # a short line in this many articles is corpus boilerplate
    # A folder of at least this many pages, fewer than this share of which open with a headline,
    # prints none: no title is taken on its pages (bantin/clean/sites.py).
    headline_min_pages: int = 20
    headline_min_share: float = 0.5
    near_dup_threshold: float = 0.8  # MinHash Jaccard estimate for near duplicates
    keep_snapshots: int = 3  # old snapshots kept besides the current one
    strict: bool = False  # exit 1 when anything was quarantined
    # This few files to process run in the flow process: starting workers (spawn, imports, NER
    # model) takes ~8 s, the NLP of ~33 synthetic articles on one core (bench/README.md).
    inline_max: int = 48
    # Batches submitted ahead of the oldest unfinished one (0: 4 per worker, or 1,024 for a Dask
    # scheduler address): the task runner holds every pending call, so this bounds that memory.
    max_pending: int = 0
    # Seconds one input may take from load to extraction before it is quarantined as too_slow
    # (0: no limit). An article takes well under a second; a page of megabytes can take minutes
    # of NER, and must not stall the run (bantin/build/budget.py).
    file_timeout: float = 120.0
