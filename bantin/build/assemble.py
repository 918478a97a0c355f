"""Assemble stage: corpus-level decisions over every article, then the tables to publish.

Why a stage of its own: exact and near duplicates, row-level quality failures and the
incremental state need every article at once, while load/clean/extract run per batch in workers.
Why decide from an index: at 100,000 articles the flow process must not hold the texts, so
`decide` works on a small index per article (ids, exact key, MinHash signature; see
`process.BatchSummary`) and the resulting `Decision` is applied row batch by row batch
(`apply`), by `finalise.finalise` on the part files.
"""
from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path

import numpy as np
import polars as pl
import pyarrow as pa
import pyarrow.compute as pc

import schemas
from bantin.ingest.inputs import Inputs, Names, lookup
from bantin.records import InputFile, Quarantined
from bantin import memory
from bantin.build import parts
from bantin.dedup import near as signatures
from bantin.dedup.keys import exact_key

EMPTY_KEY = exact_key("")  # the exact key of a text with no characters but spaces: never a duplicate


@dataclass
class Decision:
    drop: set[str]  # article_ids whose rows are not published (exact duplicates, row failures)
    aliases: dict[str, list[str]]  # article_id -> alias source_files
    near: dict[str, str]  # article_id -> earlier near duplicate
    quarantine: pa.Table  # the whole quarantine table (small)
    state: pa.Table  # the whole state table (small)
    quarantined_now: list[Quarantined]
    counts: dict[str, int] = field(default_factory=dict)  # aliases, near_duplicates, row_failures

    def drop_array(self) -> pa.Array:
        return pa.array(sorted(self.drop), pa.string())


def split_identical(files: Sequence[InputFile], known: Mapping[str, str]) -> tuple[Inputs, dict[str, str]]:
    """Files with identical bytes are processed once: returns (to process, in source_file order;
    alias source_file -> article_id). `known` maps sha -> article_id of articles already kept.
    The first file (by source_file) of each new hash is processed; the others are its aliases.
    Done on the columns: only the (few) aliases become Python objects."""
    files = Inputs.of(files)
    order = pc.sort_indices(files.column("source_file")).to_numpy()
    shas = files.column("content_sha256").take(order)
    is_known = pc.fill_null(pc.is_in(shas, value_set=pa.array(list(known), pa.string())), False)
    alias = ~pl.Series(shas).is_first_distinct().to_numpy() | is_known.to_numpy(zero_copy_only=False)
    at = order[alias]
    aliases = {src: known.get(sha) or sha[:16] for src, sha in zip(
        files.column("source_file").take(at).to_pylist(), files.column("content_sha256").take(at).to_pylist())}
    if not aliases and np.array_equal(order, np.arange(len(order))):
        return files, aliases  # the usual case (scan order, no twin files): no copy of the columns
    return files.take(order[~alias]), aliases


def exact_groups(index: pa.Table) -> dict[str, list[str]]:
    """{canonical article_id: [alias source_file, ...]} from the index (article_id, source_file,
    exact_key), with the rule the tests' row-by-row reference applies to texts: canonical = first by source_file; empty
    texts never group. Grouped in polars: only the (few) rows of repeated keys reach Python."""
    df = pl.from_arrow(index.select(["article_id", "source_file", "exact_key"]))
    assert isinstance(df, pl.DataFrame)
    dup = df.filter((pl.col("exact_key") != EMPTY_KEY) & pl.col("exact_key").is_duplicated()).sort("source_file")
    by_key: dict[str, list[tuple[str, str]]] = {}
    for aid, src, key in dup.iter_rows():
        by_key.setdefault(key, []).append((aid, src))
    return {g[0][0]: [src for _, src in g[1:]] for g in by_key.values()}


def _quarantine_rows(items: list[Quarantined], run_id: str | None) -> list[dict]:
    now = datetime.now(timezone.utc)
    return [{"source_file": q.source_file, "content_sha256": q.content_sha256, "stage": q.stage,
             "reason": q.reason, "detail": q.detail, "run_id": run_id, "quarantined_at": now} for q in items]


def _signature_items(index: pa.Table, signature_files: list[Path] | None,
                     drop: pa.Array) -> Iterator[tuple[str, str, bytes | None]]:
    """(article_id, exact_key, signature) of the articles not dropped, in index order, from the
    index itself or streamed from the index part files (same order)."""
    sources = ([pa.Table.from_batches([b]) for b in index.to_batches()] if signature_files is None else
               (pa.Table.from_batches([b]) for f in signature_files for b in parts.iter_batches(f)))
    for t in sources:
        if len(drop) and t.num_rows:
            t = t.filter(pc.invert(pc.is_in(t.column("article_id"), value_set=drop)))
        yield from zip(t.column("article_id").to_pylist(), t.column("exact_key").to_pylist(),
                       t.column("signature").to_pylist())


def decide(
    index: pa.Table,
    failures: dict[str, list[str]],
    quarantined: list[Quarantined],
    *,
    kept_quarantine: pa.Table | None,
    kept_state: pa.Table | None,
    identical: dict[str, str],
    sha_by_file: Mapping[str, str | None],
    context_keys: Mapping[str, str | None],
    version: str,
    run_id: str | None,
    near_dup_threshold: float = 0.8,
    signature_files: list[Path] | None = None,
    spill_dir: Path | None = None,
) -> Decision:
    """Every corpus-level decision, from the index of all articles (kept first, then this run's
    batches, in order), the row-level failures of this run's articles and the quarantine list.

    The index needs article_id, source_file and exact_key; the MinHash signatures come from its
    `signature` column or, streamed, from `signature_files` (index parts in the same order).
    Per article only Arrow/polars columns are held, never Python rows, so memory stays flat."""
    arts = index.select(["article_id", "source_file", "exact_key"])
    # Exact duplicates: same cleaned text under two names -> one article with aliases.
    groups = exact_groups(arts)
    alias_srcs = {s for aliases in groups.values() for s in aliases}
    alias_rows = arts.filter(pc.is_in(arts.column("source_file"), pa.array(sorted(alias_srcs), pa.string())))
    drop = set(alias_rows.column("article_id").to_pylist())
    alias_of: dict[str, str] = {}
    if kept_state is not None:
        kept_aliases = kept_state.filter(pc.equal(kept_state.column("outcome"), "alias"))
        alias_of.update(zip(kept_aliases.column("source_file").to_pylist(),
                            kept_aliases.column("article_id").to_pylist()))
    alias_of.update({s: cid for cid, aliases in groups.items() for s in aliases})
    alias_of.update(identical)
    # Row-level expectations: failing articles go to quarantine, with their rows removed.
    failures = {aid: why for aid, why in failures.items() if aid not in drop}
    failing = arts.filter(pc.is_in(arts.column("article_id"), pa.array(sorted(failures), pa.string())))
    new_q = list(quarantined) + [
        Quarantined(src, sha, "validate", "row_expectation_failed", "; ".join(failures[aid]))
        for aid, src, sha in zip(failing.column("article_id").to_pylist(), failing.column("source_file").to_pylist(),
                                 lookup(sha_by_file, failing.column("source_file")).to_pylist())
    ]
    drop |= set(failures)
    alias_of = {s: a for s, a in alias_of.items() if a not in failures}
    drop_arr = pa.array(sorted(drop), pa.string())
    # Near duplicates are linked, never deleted.
    near = signatures.near_links(_signature_items(index, signature_files, drop_arr),
                                 threshold=near_dup_threshold, spill_dir=spill_dir)
    aliases_by_id: dict[str, list[str]] = {}
    for s, aid in sorted(alias_of.items()):
        aliases_by_id.setdefault(aid, []).append(s)
    # Quarantine and state.
    q_rows = (kept_quarantine.to_pylist() if kept_quarantine is not None else []) + _quarantine_rows(new_q, run_id)
    done = kept_state.column("source_file") if kept_state is not None else pa.array([], pa.string())
    fresh = arts.filter(pc.and_(pc.invert(pc.is_in(arts.column("article_id"), value_set=drop_arr)),
                                pc.invert(pc.is_in(arts.column("source_file"), value_set=done))))
    new_rows = _state_table(fresh.column("source_file"), fresh.column("article_id"), "article", sha_by_file,
                            context_keys, version)
    alias_new = [s for s, hit in zip(alias_of, pc.is_in(pa.array(list(alias_of), pa.string()),
                                                          value_set=done).to_pylist()) if not hit]
    tables = [kept_state.cast(schemas.STATE.schema)] if kept_state is not None else []
    tables += [new_rows,
               _state_table(alias_new, [alias_of[s] for s in alias_new], "alias", sha_by_file, context_keys, version),
               _state_table([q.source_file for q in new_q], [None] * len(new_q), "quarantine", sha_by_file,
                            context_keys, version)]
    state = pa.concat_tables(tables)
    state = state.take(pc.sort_indices(state, sort_keys=[("source_file", "ascending")]))
    memory.release()  # the LSH sort and the Python lists of this stage are gone; return their pages
    return Decision(
        drop=drop, aliases=aliases_by_id, near=near, quarantine=schemas.QUARANTINE.from_rows(q_rows),
        state=state.combine_chunks(), quarantined_now=new_q,
        counts={"aliases": len(alias_of), "near_duplicates": len(near), "row_failures": len(failures)})


def apply(name: str, batch: pa.RecordBatch | pa.Table, decision: Decision) -> pa.Table:
    """One batch of an article table as published: dropped articles removed, and for `articles`
    the `aliases` and `near_duplicate_of` columns filled in."""
    t = batch if isinstance(batch, pa.Table) else pa.Table.from_batches([batch])
    if decision.drop and t.num_rows:
        t = t.filter(pc.invert(pc.is_in(t.column("article_id"), value_set=decision.drop_array())))
    if name == "articles":
        ids = t.column("article_id").to_pylist()
        aliases = pa.array([decision.aliases.get(a, []) for a in ids], schemas.ARTICLES.schema.field("aliases").type)
        near = pa.array([decision.near.get(a) for a in ids], pa.string())
        t = t.set_column(t.schema.get_field_index("aliases"), "aliases", aliases)
        t = t.set_column(t.schema.get_field_index("near_duplicate_of"), "near_duplicate_of", near)
    return t.cast(schemas.TABLES[name].schema)


def _state_table(srcs, aids, outcome: str, sha: Mapping[str, str | None], ctx: Mapping[str, str | None],
                 version: str) -> pa.Table:
    """State rows (schemas.STATE) of `srcs`, built as columns (hash and context key looked up
    column against column: `bantin.ingest.inputs.lookup`)."""
    srcs, aids = Names(srcs).array, Names(aids).array
    n = len(srcs)
    return pa.table({"source_file": srcs,
                     "content_sha256": lookup(sha, srcs),
                     "pipeline_version": pa.repeat(pa.scalar(version, pa.string()), n),
                     "context_key": lookup(ctx, srcs),
                     "article_id": aids,
                     "outcome": pa.repeat(pa.scalar(outcome, pa.string()), n)}, schema=schemas.STATE.schema)
