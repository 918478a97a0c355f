"""Incremental planning: which inputs to process, which previous rows to carry over.

Why: NLP is the dominant cost, so a re-run must touch only new or changed inputs. A file is
unchanged when its bytes (content_sha256), the pipeline_version and its corpus context (the
corpus-level boilerplate lines it contains) are all as in the previous run's state table.
Everything here is pure: tables in, tables and lists out.
"""
from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import pyarrow as pa
import pyarrow.compute as pc

import schemas
from flows.model import InputFile, Quarantined
from flows.stages import parts

#: Tables whose rows belong to one article (carried over by article_id).
ARTICLE_TABLES = ("articles", "lines", "people", "organisations", "legal_refs", "quantities", "periods", "acronyms")


@dataclass(frozen=True)
class Plan:
    todo: tuple[InputFile, ...]  # to load, clean and extract in this run
    keep: tuple[str, ...]  # source_files whose previous outcome is carried over
    new: tuple[str, ...]
    changed: tuple[str, ...]
    deleted: tuple[str, ...]
    mode: str  # first, full, version, incremental

    def summary(self) -> dict[str, int | str]:
        return {"mode": self.mode, "new": len(self.new), "changed": len(self.changed),
                "unchanged": len(self.keep), "deleted": len(self.deleted), "to_process": len(self.todo)}


def context_key(fingerprints: set[str], repeated: frozenset[str]) -> str:
    """Hash of the corpus-boilerplate lines a file contains (changes when the corpus makes a
    line of this file boilerplate, or stops doing so)."""
    hits = sorted(fingerprints & repeated)
    return hashlib.sha256("\n".join(hits).encode()).hexdigest()[:16]


def make_plan(
    files: list[InputFile],
    prev_state: pa.Table | None,
    *,
    version: str,
    context_keys: dict[str, str],
    full: bool,
    quarantined: Sequence[Quarantined] = (),
) -> Plan:
    """`quarantined`: inputs the scan already rejected (unreadable, too large, links to nowhere).
    One that is unchanged since the previous run (same bytes hash, same version, quarantined then
    too) is kept like an unchanged article, so a folder with a permanently bad file still has
    quiet "nothing changed" runs."""
    current = {f.source_file: f for f in files}
    names = [*current, *(q.source_file for q in quarantined)]
    if prev_state is None or prev_state.num_rows == 0 or full:
        mode = "full" if full and prev_state is not None and prev_state.num_rows else "first"
        return Plan(tuple(files), (), tuple(names), (), _deleted(prev_state, names), mode)
    prev = {r["source_file"]: r for r in prev_state.to_pylist()}
    if all(r["pipeline_version"] != version for r in prev.values()):
        return Plan(tuple(files), (), tuple(s for s in names if s not in prev), tuple(s for s in names if s in prev),
                    _deleted(prev_state, names), "version")
    keep, todo, new, changed = [], [], [], []
    for src, f in current.items():
        old = prev.get(src)
        if old is None:
            new.append(src)
            todo.append(f)
        elif (old["content_sha256"], old["pipeline_version"], old["context_key"]) != (
            f.content_sha256, version, context_keys.get(src)
        ):
            changed.append(src)
            todo.append(f)
        else:
            keep.append(src)
    for q in quarantined:
        old = prev.get(q.source_file)
        if old is None:
            new.append(q.source_file)
        elif (old["outcome"], old["content_sha256"], old["pipeline_version"]) == ("quarantine", q.content_sha256, version):
            keep.append(q.source_file)
        else:
            changed.append(q.source_file)
    # An alias whose canonical article is reprocessed or gone must be reprocessed too.
    kept_articles = {prev[s]["article_id"] for s in keep if prev[s]["outcome"] == "article"}
    for src in list(keep):
        if prev[src]["outcome"] == "alias" and prev[src]["article_id"] not in kept_articles:
            keep.remove(src)
            changed.append(src)
            todo.append(current[src])
    return Plan(tuple(todo), tuple(keep), tuple(new), tuple(changed), _deleted(prev_state, names), "incremental")


def fresh_quarantine(plan: Plan, quarantined: Sequence[Quarantined]) -> list[Quarantined]:
    """Scan-time quarantines that are not carried over from the previous run (new rows to add)."""
    kept = set(plan.keep)
    return [q for q in quarantined if q.source_file not in kept]


def is_noop(plan: Plan) -> bool:
    """True when the previous snapshot already says everything this run would: no input to
    process, none deleted, nothing newly quarantined."""
    return plan.mode == "incremental" and not (plan.todo or plan.deleted or plan.new or plan.changed)


def _deleted(prev_state: pa.Table | None, current) -> tuple[str, ...]:
    if prev_state is None:
        return ()
    names = set(current)
    return tuple(s for s in prev_state.column("source_file").to_pylist() if s not in names)


def carry_over(prev: dict[str, pa.Table | None], prev_state: pa.Table, keep: tuple[str, ...]) -> dict[str, pa.Table]:
    """Rows of the previous snapshot that belong to kept inputs (articles, long tables, quarantine,
    state)."""
    keep_arr = pa.array(list(keep), pa.string())
    st = prev_state.filter(pc.is_in(prev_state.column("source_file"), keep_arr))
    aids = pa.array(sorted({r["article_id"] for r in st.to_pylist() if r["outcome"] == "article"}), pa.string())
    out: dict[str, pa.Table] = {"state": st}
    for name, table in prev.items():
        if table is None or name == "state":
            continue
        spec = schemas.TABLES[name]
        if name == "quarantine":
            out[name] = table.filter(pc.is_in(table.column("source_file"), keep_arr)).cast(spec.schema)
        else:
            out[name] = table.filter(pc.is_in(table.column("article_id"), aids)).cast(spec.schema)
    return out


def kept_state(prev_state: pa.Table, keep: tuple[str, ...]) -> pa.Table:
    """The previous state rows of the kept inputs."""
    return prev_state.filter(pc.is_in(prev_state.column("source_file"), pa.array(list(keep), pa.string())))


def carry_over_files(previous: Path, state: pa.Table, prev_quarantine: pa.Table | None,
                     parts_dir: Path) -> pa.Table | None:
    """Stream the kept rows of the previous snapshot's article tables (and of its dedup index)
    into the carry-over parts (`parts.CARRY`), one record batch at a time (never a whole table
    in memory); `state` is
    `kept_state(...)`. Returns the kept quarantine rows (a small table)."""
    keep_arr = state.column("source_file")
    aids = pa.array(sorted({a for a, o in zip(state.column("article_id").to_pylist(),
                                               state.column("outcome").to_pylist()) if o == "article"}), pa.string())
    for name in ARTICLE_TABLES:
        src = Path(previous) / f"{name}.parquet"
        if src.exists():
            parts.copy_filtered(src, parts.part_path(parts_dir, name, parts.CARRY), name, "article_id", aids)
    index = Path(previous) / schemas.DEDUP_INDEX_FILE
    carry_index = parts.part_path(parts_dir, parts.INDEX, parts.CARRY)
    if index.exists():  # the kept articles' signatures, as computed when they were processed
        parts.copy_filtered(index, carry_index, parts.INDEX, "article_id", aids)
    else:  # a snapshot from before the index was kept: compute it once from the kept bodies
        from flows.stages.process import index_of_file

        index_of_file(parts.part_path(parts_dir, "articles", parts.CARRY), dest=carry_index)
    if prev_quarantine is None:
        return None
    return prev_quarantine.filter(pc.is_in(prev_quarantine.column("source_file"),
                                           keep_arr.combine_chunks())).cast(schemas.QUARANTINE.schema)
