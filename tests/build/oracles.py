"""In-memory references the streaming build steps are held to (test-only).

The pipeline never holds a whole table: `finalise` streams part files and `plan.carry_over_files`
copies the kept rows a record batch at a time. These whole-table versions apply the same
decisions in the obvious way, so a test can compare the two.
"""
from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import pyarrow as pa
import pyarrow.compute as pc

import schemas
from bantin.build import assemble, process
from bantin.ingest.inputs import Names
from bantin.records import Quarantined
from bantin.validate.rows import row_failures


@dataclass
class Assembled:
    tables: dict[str, pa.Table]  # every table in schemas.TABLES, state included
    quarantined_now: list[Quarantined]  # quarantined in this run (for copies of the bytes)
    counts: dict[str, int]


def assemble_in_memory(
    kept: dict[str, pa.Table],
    batch_tables: list[dict[str, pa.Table]],
    quarantined: list[Quarantined],
    *,
    identical: dict[str, str],
    sha_by_file: Mapping[str, str | None],
    context_keys: Mapping[str, str | None],
    version: str,
    run_id: str | None,
    near_dup_threshold: float = 0.8,
) -> Assembled:
    """The in-memory reference: the same `decide` and `apply` as the streaming path in
    `finalise`, on whole tables."""
    tables = {
        n: pa.concat_tables([t for t in [kept.get(n), *(b[n] for b in batch_tables)] if t is not None]
                            or [schemas.TABLES[n].empty()]).cast(schemas.TABLES[n].schema)
        for n in schemas.ARTICLE_TABLES
    }
    new = {n: pa.concat_tables([b[n] for b in batch_tables]) if batch_tables else schemas.TABLES[n].empty()
           for n in schemas.ARTICLE_TABLES}
    index = process.index_rows(tables["articles"]) if tables["articles"].num_rows else process.INDEX_SCHEMA.empty_table()
    d = assemble.decide(index, row_failures(new), quarantined, kept_quarantine=kept.get("quarantine"),
               kept_state=kept.get("state"), identical=identical, sha_by_file=sha_by_file,
               context_keys=context_keys, version=version, run_id=run_id, near_dup_threshold=near_dup_threshold)
    out = {n: assemble.apply(n, t, d) for n, t in tables.items()}
    out["quarantine"], out["state"] = d.quarantine, d.state
    counts = {n: t.num_rows for n, t in out.items()}
    counts.update(d.counts)
    return Assembled(tables=out, quarantined_now=d.quarantined_now, counts=counts)


def carry_over(prev: dict[str, pa.Table | None], prev_state: pa.Table, keep: Sequence[str]) -> dict[str, pa.Table]:
    """Rows of the previous snapshot that belong to kept inputs (articles, long tables, quarantine,
    state)."""
    keep_arr = Names(keep).array
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
