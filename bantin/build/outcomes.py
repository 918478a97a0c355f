"""What each input became: one article, an alias of a published article, or a quarantine row.

Why a module of its own: copies are decided in three places (identical bytes before processing,
`assemble.split_identical`; the same cleaned text after it, `assemble.exact_groups`; aliases
carried over from the previous state), and each could point at something that did not survive:
a first copy that was quarantined (two empty files), an article that became an alias itself (a
CRLF twin of a seed and its byte copies), an article that failed a row check. Each alias is
therefore resolved here to the article that is actually published, or, when its first copy
was quarantined, quarantined itself with the same stage, reason and detail. Every quarantine
row then gets `duplicate_of`: the first input, by name, with the same bytes that is also
quarantined. The state table is built last, from these outcomes only, so that each input has
exactly one row and each alias's `article_id` names a published article
(`bantin.validate.accounting` checks this on the tables before they are published).
"""
from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

import pyarrow as pa
import pyarrow.compute as pc

import schemas
from bantin.ingest.inputs import Names, lookup
from bantin.records import Quarantined
from bantin.validate.accounting import AccountingError


@dataclass
class Resolved:
    aliases: dict[str, str]  # alias source_file -> published article_id
    quarantined: list[Quarantined]  # copies of quarantined first copies, to add to the quarantine


def resolve(alias_of: Mapping[str, str], *, canonical: Mapping[str, str], quarantined_by_id: Mapping[str, Quarantined],
            published: pa.Array, sha_by_file: Mapping[str, str | None]) -> Resolved:
    """Resolve every alias (source_file -> the article id it was made an alias of) to a
    published article id, or to a quarantine copy of the quarantined input that had that id.

    `canonical`: article id dropped as a text duplicate -> the id of the article kept instead;
    `quarantined_by_id`: article id an input would have had -> its quarantine record (failed
    row checks, and files quarantined by load, clean or extract); `published`: the ids of the
    articles that are published."""
    aliases: dict[str, str] = {}
    copies: list[Quarantined] = []
    for src, aid in alias_of.items():
        aid = canonical.get(aid, aid)
        first = quarantined_by_id.get(aid)
        if first is not None:
            copies.append(Quarantined(src, None, first.stage, first.reason, first.detail))
        else:
            aliases[src] = aid
    if copies:
        shas = lookup(sha_by_file, [q.source_file for q in copies]).to_pylist()
        copies = [Quarantined(q.source_file, sha, q.stage, q.reason, q.detail) for q, sha in zip(copies, shas)]
    targets = pa.array(sorted(set(aliases.values())), pa.string())
    missing = targets.filter(pc.invert(pc.is_in(targets, value_set=published))).to_pylist()
    if missing:
        raise AccountingError(f"Aliases point at articles that are not published ({missing[:5]}), so nothing was "
                              "published. This is a bug in bantin; please report it with the input names.")
    return Resolved(aliases, copies)


def with_duplicate_of(rows: list[dict]) -> list[dict]:
    """Quarantine rows sorted by source_file, each with `duplicate_of`: the first row (by
    source_file) with the same non-null content_sha256, or None for that first row itself."""
    rows = sorted(rows, key=lambda r: r["source_file"])
    first: dict[str, str] = {}
    out = []
    for r in rows:
        sha = r.get("content_sha256")
        dup = first.setdefault(sha, r["source_file"]) if sha else r["source_file"]
        out.append({**r, "duplicate_of": None if dup == r["source_file"] else dup})
    return out


def state_table(articles: pa.Table, aliases: Mapping[str, str], quarantine: pa.Table, *,
                kept_state: pa.Table | None, sha_by_file: Mapping[str, str | None],
                context_keys: Mapping[str, str | None], version: str) -> pa.Table:
    """One state row per input, from the outcomes: `articles` (article_id, source_file of the
    published articles), `aliases` and the whole quarantine table. The hash and context key of
    an input carried over are the previous state's (equal to this scan's, or it would not have
    been carried over); the others are looked up in this run's columns."""
    n_art, n_al, n_q = articles.num_rows, len(aliases), quarantine.num_rows
    srcs = pa.concat_arrays([articles.column("source_file").combine_chunks().cast(pa.string()),
                             Names(list(aliases)).array,
                             quarantine.column("source_file").combine_chunks().cast(pa.string())])
    aids = pa.concat_arrays([articles.column("article_id").combine_chunks().cast(pa.string()),
                             Names(list(aliases.values())).array, pa.nulls(n_q, pa.string())])
    outcome = pa.concat_arrays([pa.repeat(pa.scalar(o, pa.string()), n).cast(pa.string())
                                for o, n in (("article", n_art), ("alias", n_al), ("quarantine", n_q))])
    sha, ctx = lookup(sha_by_file, srcs), lookup(context_keys, srcs)
    if kept_state is not None and kept_state.num_rows:
        pos = pc.index_in(srcs, value_set=kept_state.column("source_file").combine_chunks())
        sha = pc.coalesce(kept_state.column("content_sha256").combine_chunks().take(pos), sha)
        ctx = pc.coalesce(kept_state.column("context_key").combine_chunks().take(pos), ctx)
    state = pa.table({"source_file": srcs, "content_sha256": sha,
                      "pipeline_version": pa.repeat(pa.scalar(version, pa.string()), len(srcs)).cast(pa.string()),
                      "context_key": ctx, "article_id": aids, "outcome": outcome}, schema=schemas.STATE.schema)
    return state.take(pc.sort_indices(state, sort_keys=[("source_file", "ascending")])).combine_chunks()
