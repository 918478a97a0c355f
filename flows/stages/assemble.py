"""Assemble stage: corpus-level decisions over every article, then the tables to publish.

Why a stage of its own: exact and near duplicates, row-level quality failures and the
incremental state need every article at once, while load/clean/extract run per batch in workers.
Why decide from an index: at 100,000 articles the flow process must not hold the texts, so
`decide` works on a small index per article (ids, exact key, MinHash signature; see
`process.BatchSummary`) and the resulting `Decision` is applied row batch by row batch
(`apply`), by `finalise.finalise` on part files or by `assemble` on in-memory tables.
"""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime, timezone

import pyarrow as pa
import pyarrow.compute as pc

import schemas
from flows.model import InputFile, Quarantined
from flows.stages import signatures
from flows.stages.dedup import exact_key
from flows.stages.process import INDEX_SCHEMA, index_rows
from flows.stages.validate import row_failures

ARTICLE_TABLES = ("articles", "lines", "people", "organisations", "legal_refs", "quantities", "periods", "acronyms")
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


@dataclass
class Assembled:
    tables: dict[str, pa.Table]  # every table in schemas.TABLES, state included
    quarantined_now: list[Quarantined]  # quarantined in this run (for copies of the bytes)
    counts: dict[str, int]


def split_identical(files: list[InputFile], known: dict[str, str]) -> tuple[list[InputFile], dict[str, str]]:
    """Files with identical bytes are processed once: returns (to process, alias source_file ->
    article_id). `known` maps sha -> article_id of articles already kept."""
    seen = dict(known)
    todo, aliases = [], {}
    for f in sorted(files, key=lambda f: f.source_file):
        if f.content_sha256 in seen:
            aliases[f.source_file] = seen[f.content_sha256]
        else:
            seen[f.content_sha256] = f.content_sha256[:16]
            todo.append(f)
    return todo, aliases


def exact_groups(index: Sequence[dict]) -> dict[str, list[str]]:
    """{canonical article_id: [alias source_file, ...]} from index rows, as
    `dedup.exact_groups` does on texts: canonical = first by source_file; empty texts never group."""
    by_key: dict[str, list[tuple[str, str]]] = {}
    for r in sorted(index, key=lambda r: r["source_file"]):
        if r["exact_key"] != EMPTY_KEY:
            by_key.setdefault(r["exact_key"], []).append((r["article_id"], r["source_file"]))
    return {g[0][0]: [src for _, src in g[1:]] for g in by_key.values() if len(g) > 1}


def _quarantine_rows(items: list[Quarantined], run_id: str | None) -> list[dict]:
    now = datetime.now(timezone.utc)
    return [{"source_file": q.source_file, "content_sha256": q.content_sha256, "stage": q.stage,
             "reason": q.reason, "detail": q.detail, "run_id": run_id, "quarantined_at": now} for q in items]


def decide(
    index: pa.Table,
    failures: dict[str, list[str]],
    quarantined: list[Quarantined],
    *,
    kept_quarantine: pa.Table | None,
    kept_state: pa.Table | None,
    identical: dict[str, str],
    sha_by_file: dict[str, str | None],
    context_keys: dict[str, str],
    version: str,
    run_id: str | None,
    near_dup_threshold: float = 0.8,
) -> Decision:
    """Every corpus-level decision, from the index of all articles (kept first, then this run's
    batches, in order), the row-level failures of this run's articles and the quarantine list."""
    arts = index.select(["article_id", "source_file", "exact_key"]).to_pylist()
    state_rows = kept_state.to_pylist() if kept_state is not None else []
    # Exact duplicates: same cleaned text under two names -> one article with aliases.
    groups = exact_groups(arts)
    src_to_id = {a["source_file"]: a["article_id"] for a in arts}
    drop = {src_to_id[s] for aliases in groups.values() for s in aliases if s in src_to_id}
    alias_of = {r["source_file"]: r["article_id"] for r in state_rows if r["outcome"] == "alias"}
    alias_of.update({s: cid for cid, aliases in groups.items() for s in aliases})
    alias_of.update(identical)
    # Row-level expectations: failing articles go to quarantine, with their rows removed.
    failures = {aid: why for aid, why in failures.items() if aid not in drop}
    new_q = list(quarantined) + [
        Quarantined(a["source_file"], sha_by_file.get(a["source_file"]), "validate", "row_expectation_failed",
                    "; ".join(failures[a["article_id"]]))
        for a in arts if a["article_id"] in failures
    ]
    drop |= set(failures)
    alias_of = {s: a for s, a in alias_of.items() if a not in failures}
    # Near duplicates are linked, never deleted.
    keep = pc.invert(pc.is_in(index.column("article_id"), pa.array(sorted(drop), pa.string())))
    rest = index.filter(keep)
    near = signatures.near_links(
        zip(rest.column("article_id").to_pylist(), rest.column("exact_key").to_pylist(),
            rest.column("signature").to_pylist()), threshold=near_dup_threshold)
    aliases_by_id: dict[str, list[str]] = {}
    for s, aid in sorted(alias_of.items()):
        aliases_by_id.setdefault(aid, []).append(s)
    # Quarantine and state.
    q_rows = (kept_quarantine.to_pylist() if kept_quarantine is not None else []) + _quarantine_rows(new_q, run_id)
    done = {r["source_file"] for r in state_rows}
    for a in arts:
        if a["article_id"] not in drop and a["source_file"] not in done:
            state_rows.append(_state(a["source_file"], a["article_id"], "article", sha_by_file, context_keys, version))
    for s, aid in alias_of.items():
        if s not in done:
            state_rows.append(_state(s, aid, "alias", sha_by_file, context_keys, version))
    for q in new_q:
        state_rows.append(_state(q.source_file, None, "quarantine", sha_by_file, context_keys, version))
    return Decision(
        drop=drop, aliases=aliases_by_id, near=near, quarantine=schemas.QUARANTINE.from_rows(q_rows),
        state=schemas.STATE.from_rows(sorted(state_rows, key=lambda r: r["source_file"])), quarantined_now=new_q,
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


def assemble(
    kept: dict[str, pa.Table],
    batch_tables: list[dict[str, pa.Table]],
    quarantined: list[Quarantined],
    *,
    identical: dict[str, str],
    sha_by_file: dict[str, str | None],
    context_keys: dict[str, str],
    version: str,
    run_id: str | None,
    near_dup_threshold: float = 0.8,
) -> Assembled:
    """The in-memory form (tests, small corpora, the profiler): same `decide` and `apply` as the
    streaming path in `finalise`."""
    tables = {
        n: pa.concat_tables([t for t in [kept.get(n), *(b[n] for b in batch_tables)] if t is not None]
                            or [schemas.TABLES[n].empty()]).cast(schemas.TABLES[n].schema)
        for n in ARTICLE_TABLES
    }
    new = {n: pa.concat_tables([b[n] for b in batch_tables]) if batch_tables else schemas.TABLES[n].empty()
           for n in ARTICLE_TABLES}
    index = index_rows(tables["articles"]) if tables["articles"].num_rows else INDEX_SCHEMA.empty_table()
    d = decide(index, row_failures(new), quarantined, kept_quarantine=kept.get("quarantine"),
               kept_state=kept.get("state"), identical=identical, sha_by_file=sha_by_file,
               context_keys=context_keys, version=version, run_id=run_id, near_dup_threshold=near_dup_threshold)
    out = {n: apply(n, t, d) for n, t in tables.items()}
    out["quarantine"], out["state"] = d.quarantine, d.state
    counts = {n: t.num_rows for n, t in out.items()}
    counts.update(d.counts)
    return Assembled(tables=out, quarantined_now=d.quarantined_now, counts=counts)


def _state(src: str, aid: str | None, outcome: str, sha: dict, ctx: dict, version: str) -> dict:
    return {"source_file": src, "content_sha256": sha.get(src), "pipeline_version": version,
            "context_key": ctx.get(src), "article_id": aid, "outcome": outcome}
