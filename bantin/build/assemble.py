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
from bantin import memory
from bantin.build import outcomes, parts
from bantin.dedup import near as signatures
from bantin.dedup.keys import exact_key
from bantin.ingest.inputs import Inputs, lookup
from bantin.records import InputFile, Quarantined

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
    Per article only Arrow/polars columns are held, never Python rows, so memory stays flat.
    Every alias is resolved to a published article or quarantined with its first copy
    (`bantin.build.outcomes`)."""
    arts = index.select(["article_id", "source_file", "exact_key"])
    # Row-level expectations first: a failing article is quarantined on its own rows, so a text
    # twin that passes them can still be the published article.
    failing = arts.filter(pc.is_in(arts.column("article_id"), pa.array(sorted(failures), pa.string())))
    failed_q = [Quarantined(src, sha, "validate", "row_expectation_failed", "; ".join(failures[aid]))
                for aid, src, sha in zip(failing.column("article_id").to_pylist(), failing.column("source_file").to_pylist(),
                                         lookup(sha_by_file, failing.column("source_file")).to_pylist())]
    failing_ids = pa.array(sorted(failures), pa.string())
    ok = arts.filter(pc.invert(pc.is_in(arts.column("article_id"), value_set=failing_ids)))
    # Exact duplicates: same cleaned text under two names -> one article with aliases.
    groups = exact_groups(ok)
    alias_srcs = pa.array(sorted({s for aliases in groups.values() for s in aliases}), pa.string())
    alias_rows = ok.filter(pc.is_in(ok.column("source_file"), value_set=alias_srcs))
    cid_of_src = {s: cid for cid, aliases in groups.items() for s in aliases}
    canonical = {aid: cid_of_src[src] for aid, src in zip(alias_rows.column("article_id").to_pylist(),
                                                          alias_rows.column("source_file").to_pylist())}
    drop = set(canonical) | set(failing.column("article_id").to_pylist())
    drop_arr = pa.array(sorted(drop), pa.string())
    published = ok.filter(pc.invert(pc.is_in(ok.column("article_id"), value_set=drop_arr)))
    alias_of: dict[str, str] = {}
    if kept_state is not None:
        kept_aliases = kept_state.filter(pc.equal(kept_state.column("outcome"), "alias"))
        alias_of.update(zip(kept_aliases.column("source_file").to_pylist(),
                            kept_aliases.column("article_id").to_pylist()))
    alias_of.update(cid_of_src)
    alias_of.update(identical)
    # The id each quarantined input would have had (its bytes hash as scanned), for its copies.
    scan_shas = lookup(sha_by_file, [q.source_file for q in quarantined]).to_pylist()
    by_id = {(sha or q.content_sha256)[:16]: q for q, sha in zip(quarantined, scan_shas) if sha or q.content_sha256}
    by_id.update({q.content_sha256[:16]: q for q in failed_q if q.content_sha256})
    by_id.update({aid: q for aid, q in zip(failing.column("article_id").to_pylist(), failed_q)})
    res = outcomes.resolve(alias_of, canonical=canonical, quarantined_by_id=by_id,
                           published=published.column("article_id").combine_chunks(), sha_by_file=sha_by_file)
    new_q = list(quarantined) + failed_q + res.quarantined
    # Near duplicates are linked, never deleted.
    near = signatures.near_links(_signature_items(index, signature_files, drop_arr),
                                 threshold=near_dup_threshold, spill_dir=spill_dir)
    aliases_by_id: dict[str, list[str]] = {}
    for s, aid in sorted(res.aliases.items()):
        aliases_by_id.setdefault(aid, []).append(s)
    # Quarantine and state.
    q_rows = (kept_quarantine.to_pylist() if kept_quarantine is not None else []) + _quarantine_rows(new_q, run_id)
    quarantine = schemas.QUARANTINE.from_rows(outcomes.with_duplicate_of(q_rows))
    state = outcomes.state_table(published.select(["article_id", "source_file"]), res.aliases, quarantine,
                                 kept_state=kept_state, sha_by_file=sha_by_file, context_keys=context_keys,
                                 version=version)
    memory.release()  # the LSH sort and the Python lists of this stage are gone; return their pages
    return Decision(
        drop=drop, aliases=aliases_by_id, near=near, quarantine=quarantine, state=state, quarantined_now=new_q,
        counts={"aliases": len(res.aliases), "near_duplicates": len(near), "row_failures": len(failed_q),
                "quarantined_copies": len(res.quarantined)})


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
