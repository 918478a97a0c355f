"""Assemble stage: merge carried-over rows with this run's batches into the tables to publish.

Why a stage of its own: corpus-level decisions (exact and near duplicates, row-level quality
failures, the incremental state) need every article at once, while load/clean/extract run per
batch in workers. Pure: Arrow tables in, Arrow tables out.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timezone

import pyarrow as pa
import pyarrow.compute as pc

import schemas
from flows.model import InputFile, Quarantined
from flows.stages import dedup
from flows.stages.validate import row_failures

ARTICLE_TABLES = ("articles", "lines", "people", "organisations", "legal_refs", "quantities", "periods", "acronyms")


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


def _drop(tables: dict[str, pa.Table], ids: set[str]) -> dict[str, pa.Table]:
    if not ids:
        return tables
    arr = pa.array(sorted(ids), pa.string())
    return {n: (t.filter(pc.invert(pc.is_in(t.column("article_id"), arr))) if n in ARTICLE_TABLES else t)
            for n, t in tables.items()}


def _quarantine_rows(items: list[Quarantined], run_id: str | None) -> list[dict]:
    now = datetime.now(timezone.utc)
    return [{"source_file": q.source_file, "content_sha256": q.content_sha256, "stage": q.stage,
             "reason": q.reason, "detail": q.detail, "run_id": run_id, "quarantined_at": now} for q in items]


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
    tables = {
        n: pa.concat_tables([t for t in [kept.get(n), *(b[n] for b in batch_tables)] if t is not None]
                            or [schemas.TABLES[n].empty()]).cast(schemas.TABLES[n].schema)
        for n in ARTICLE_TABLES
    }
    state_rows = [r for r in kept["state"].to_pylist()] if "state" in kept else []
    arts = tables["articles"].select(["article_id", "source_file", "body"]).to_pylist()
    # Exact duplicates: same cleaned text under two names -> one article with aliases.
    groups = dedup.exact_groups([(a["article_id"], a["source_file"], a["body"]) for a in arts])
    src_to_id = {a["source_file"]: a["article_id"] for a in arts}
    drop_ids = {src_to_id[s] for aliases in groups.values() for s in aliases if s in src_to_id}
    alias_of = {s: cid for cid, aliases in groups.items() for s in aliases}
    alias_of.update(identical)
    tables = _drop(tables, drop_ids)
    # Row-level expectations: failing articles go to quarantine, with their rows removed.
    failures = row_failures(tables)
    bad_src = {a["source_file"]: a["article_id"] for a in arts if a["article_id"] in failures}
    new_q = list(quarantined) + [
        Quarantined(src, sha_by_file.get(src), "validate", "row_expectation_failed", "; ".join(failures[aid]))
        for src, aid in bad_src.items()
    ]
    tables = _drop(tables, set(failures))
    alias_of = {s: a for s, a in alias_of.items() if a not in failures}
    # Near duplicates are linked, never deleted.
    arts = tables["articles"].to_pylist()
    near = dedup.near_duplicates([(a["article_id"], a["body"]) for a in arts], threshold=near_dup_threshold)
    aliases_by_id: dict[str, list[str]] = {}
    for s, aid in sorted(alias_of.items()):
        aliases_by_id.setdefault(aid, []).append(s)
    for a in arts:
        a["aliases"] = aliases_by_id.get(a["article_id"], [])
        a["near_duplicate_of"] = near.get(a["article_id"])
    tables["articles"] = schemas.ARTICLES.from_rows(arts)
    # Quarantine and state.
    kept_q = kept.get("quarantine")
    q_rows = (kept_q.to_pylist() if kept_q is not None else []) + _quarantine_rows(new_q, run_id)
    tables["quarantine"] = schemas.QUARANTINE.from_rows(q_rows)
    done = {r["source_file"] for r in state_rows}
    for a in arts:
        if a["source_file"] not in done:
            state_rows.append(_state(a["source_file"], a["article_id"], "article", sha_by_file, context_keys, version))
    for s, aid in alias_of.items():
        if s not in done:
            state_rows.append(_state(s, aid, "alias", sha_by_file, context_keys, version))
    for q in new_q:
        state_rows.append(_state(q.source_file, None, "quarantine", sha_by_file, context_keys, version))
    tables["state"] = schemas.STATE.from_rows(sorted(state_rows, key=lambda r: r["source_file"]))
    counts = {n: t.num_rows for n, t in tables.items()}
    counts.update(aliases=len(alias_of), near_duplicates=len(near), row_failures=len(failures))
    return Assembled(tables=tables, quarantined_now=new_q, counts=counts)


def _state(src: str, aid: str | None, outcome: str, sha: dict, ctx: dict, version: str) -> dict:
    return {"source_file": src, "content_sha256": sha.get(src), "pipeline_version": version,
            "context_key": ctx.get(src), "article_id": aid, "outcome": outcome}
