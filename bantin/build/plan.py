"""Incremental planning: which inputs to process, which previous rows to carry over.

Why: NLP is the dominant cost, so a re-run must touch only new or changed inputs. A file is
unchanged when its bytes (content_sha256), the pipeline_version and its corpus context (the
corpus-level boilerplate lines it contains) are all as in the previous run's state table.
Everything here is pure: tables in, tables and lists out.
"""
from __future__ import annotations

import hashlib
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

import schemas
from bantin.build import parts
from bantin.ingest.inputs import Inputs, Keyed, Names, lookup
from bantin.records import InputFile, Quarantined
from schemas import ARTICLE_TABLES


@dataclass(frozen=True)
class Plan:
    """Which inputs this run processes and what it carries over. Every field is columnar (Arrow),
    so a plan over 100,000 files holds no Python object per file."""

    todo: Inputs  # to load, clean and extract in this run
    keep: Names  # source_files whose previous outcome is carried over
    new: Names
    changed: Names
    deleted: Names
    mode: str  # first, full, version, incremental

    def summary(self) -> dict[str, int | str]:
        return {"mode": self.mode, "new": len(self.new), "changed": len(self.changed),
                "unchanged": len(self.keep), "deleted": len(self.deleted), "to_process": len(self.todo)}


def context_key(fingerprints: set[str], repeated: frozenset[str], *, headless: bool = False) -> str:
    """Hash of the corpus-boilerplate lines a file contains (changes when the corpus makes a
    line of this file boilerplate, or stops doing so) and of whether its site prints no headline
    (`bantin.clean.sites`: the other pages of its folder decide it)."""
    hits = sorted(fingerprints & repeated) + (["site:headless"] if headless else [])
    return hashlib.sha256("\n".join(hits).encode()).hexdigest()[:16]


def make_plan(
    files: Sequence[InputFile],
    prev_state: pa.Table | None,
    *,
    version: str,
    context_keys: Mapping[str, str | None],
    full: bool,
    quarantined: Sequence[Quarantined] = (),
    unseen: Sequence[str] = (),
) -> Plan:
    """`quarantined`: inputs the scan already rejected (unreadable, too large, links to nowhere).
    One that is unchanged since the previous run (same bytes hash, same version, quarantined then
    too) is kept like an unchanged article, so a folder with a permanently bad file still has
    quiet "nothing changed" runs. `unseen`: directories (`name/`) the scan could not enter; on an
    incremental run the inputs previously found under them are kept as they were, not deleted
    (a directory that cannot be read today has not lost its articles)."""
    files = Inputs.of(files)
    srcs = files.column("source_file")
    qsrcs = pa.array([q.source_file for q in quarantined], pa.string())
    names = pa.concat_arrays([srcs, qsrcs])
    if prev_state is None or prev_state.num_rows == 0 or full:
        mode = "full" if full and prev_state is not None and prev_state.num_rows else "first"
        return Plan(files, Names(), Names(names), Names(), _deleted(prev_state, names), mode)
    if not pc.any(pc.equal(prev_state.column("pipeline_version"), version)).as_py():
        old = pc.is_in(names, value_set=prev_state.column("source_file").combine_chunks())
        return Plan(files, Names(), Names(names.filter(pc.invert(old))), Names(names.filter(old)),
                    _deleted(prev_state, names), "version")
    # Compared as Arrow columns (each name's row in the previous state by a hash lookup), not as a
    # dict of Python rows.
    st, old = _compare(srcs, files.column("content_sha256"), lookup(context_keys, srcs), prev_state,
                       version, quarantine=False)
    qst, _ = _compare(qsrcs, pa.array([q.content_sha256 for q in quarantined], pa.string()), None, prev_state,
                      version, quarantine=True)
    # An alias whose canonical article is reprocessed or gone must be reprocessed too.
    kept = st == KEEP
    outcome, aid = old.column("outcome"), old.column("article_id")
    kept_articles = aid.filter(pa.array(kept & _is(outcome, "article")))
    orphan = kept & _is(outcome, "alias") & ~pc.is_in(aid, value_set=kept_articles.combine_chunks()).to_numpy(
        zero_copy_only=False)
    st = np.where(orphan, ORPHAN, st)

    def pick(code: int, *, q: bool = True) -> list[pa.Array]:
        return [srcs.filter(pa.array(st == code)), *([qsrcs.filter(pa.array(qst == code))] if q else [])]

    def names_of(*arrays: list[pa.Array]) -> Names:
        return Names(pa.concat_arrays([a for group in arrays for a in group]))

    todo = np.concatenate([np.flatnonzero((st == NEW) | (st == CHANGED)), np.flatnonzero(orphan)])
    deleted = _deleted(prev_state, names)
    hidden = deleted.array.filter(_under(deleted.array, unseen)) if unseen and len(deleted) else None
    if hidden is not None and len(hidden):
        deleted = Names(deleted.array.filter(pc.invert(pc.is_in(deleted.array, value_set=hidden))))
    return Plan(files.take(todo), names_of(pick(KEEP), [hidden] if hidden is not None else []), names_of(pick(NEW)),
                names_of(pick(CHANGED), pick(ORPHAN, q=False)), deleted, "incremental")


def _under(names: pa.Array, dirs: Sequence[str]) -> pa.Array:
    """Which of `names` lie under one of `dirs` (each ending in `/`)."""
    hit = pa.repeat(pa.scalar(False), len(names))
    for d in dirs:
        hit = pc.or_(hit, pc.starts_with(names, pattern=d))
    return hit


NEW, KEEP, CHANGED, ORPHAN = 0, 1, 2, 3


def _compare(names: pa.Array, shas: pa.Array, keys: pa.Array | None, prev: pa.Table, version: str, *,
             quarantine: bool) -> tuple[np.ndarray, pa.Table]:
    """Status of each name against its previous state row (NEW, KEEP, CHANGED) and that row (nulls
    when there is none). Unchanged: same bytes, same version and same context key; or, for a
    scan-quarantined input, same bytes and version and quarantined then too."""
    pos = pc.index_in(names, value_set=prev.column("source_file").combine_chunks())
    old = prev.select(["content_sha256", "pipeline_version", "context_key", "article_id", "outcome"]).take(pos)
    same = _eq_missing(old.column("content_sha256"), shas) & _is(old.column("pipeline_version"), version)
    same &= _is(old.column("outcome"), "quarantine") if quarantine else _eq_missing(old.column("context_key"), keys)
    found = pc.is_valid(pos).to_numpy(zero_copy_only=False)
    return np.where(~found, NEW, np.where(same, KEEP, CHANGED)), old


def _is(col, value: str) -> np.ndarray:
    return pc.fill_null(pc.equal(col, value), False).to_numpy(zero_copy_only=False)


def _eq_missing(a, b) -> np.ndarray:
    """Element-wise a == b with null equal to null (as Python's None == None)."""
    eq = pc.fill_null(pc.equal(a, b), False)
    return pc.or_(eq, pc.and_(pc.is_null(a), pc.is_null(b))).to_numpy(zero_copy_only=False)


def known_articles(kept_state: pa.Table | None, shas: Iterable[str | None] | pa.Array) -> dict[str, str]:
    """content_sha256 -> article_id of the kept articles whose bytes are one of `shas` (those of
    the files to process): what `assemble.split_identical` needs, without a dict over every kept
    article."""
    shas = pc.drop_null(Names(shas).array)
    if kept_state is None or not len(shas):
        return {}
    hit = kept_state.filter(pc.and_(pc.equal(kept_state.column("outcome"), "article"),
                                    pc.fill_null(pc.is_in(kept_state.column("content_sha256"), value_set=shas), False)))
    return dict(zip(hit.column("content_sha256").to_pylist(), hit.column("article_id").to_pylist()))


def fresh_quarantine(plan: Plan, quarantined: Sequence[Quarantined]) -> list[Quarantined]:
    """Scan-time quarantines that are not carried over from the previous run (new rows to add)."""
    if not quarantined:
        return []
    kept = pc.is_in(pa.array([q.source_file for q in quarantined], pa.string()), value_set=plan.keep.array)
    return [q for q, hit in zip(quarantined, kept.to_pylist()) if not hit]


def unchanged_plan(files: Sequence[InputFile], prev_state: pa.Table | None, *, version: str,
                   quarantined: Sequence[Quarantined] = (), unseen: Sequence[str] = ()) -> Plan | None:
    """The plan of a run whose inputs are, byte for byte and version for version, those of the
    previous state, made without the corpus pass; None when any input differs.

    Why: the corpus pass reads every file (most of a no-change re-run's time) only to find the
    context key of each, and over the same bytes with the same settings (the caller checks those)
    it gives every file the key the state already records."""
    if prev_state is None or prev_state.num_rows == 0:
        return None
    keys = Keyed(prev_state.column("source_file").combine_chunks(), prev_state.column("context_key").combine_chunks())
    p = make_plan(files, prev_state, version=version, context_keys=keys, full=False, quarantined=quarantined,
                  unseen=unseen)
    return p if is_noop(p) else None


def is_noop(plan: Plan) -> bool:
    """True when the previous snapshot already says everything this run would: no input to
    process, none deleted, nothing newly quarantined."""
    return plan.mode == "incremental" and not (plan.todo or plan.deleted or plan.new or plan.changed)


def _deleted(prev_state: pa.Table | None, current: pa.Array) -> Names:
    if prev_state is None:
        return Names()
    col = prev_state.column("source_file").combine_chunks()
    return Names(col.filter(pc.invert(pc.is_in(col, value_set=current))))


def kept_state(prev_state: pa.Table, keep: Sequence[str]) -> pa.Table:
    """The previous state rows of the kept inputs."""
    return prev_state.filter(pc.is_in(prev_state.column("source_file"), value_set=Names(keep).array))


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
        from bantin.build.process import index_of_file

        index_of_file(parts.part_path(parts_dir, "articles", parts.CARRY), dest=carry_index)
    if prev_quarantine is None:
        return None
    return prev_quarantine.filter(pc.is_in(prev_quarantine.column("source_file"),
                                           keep_arr.combine_chunks())).cast(schemas.QUARANTINE.schema)
