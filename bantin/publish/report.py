"""Run summary: counts per table, plan, timings and validation outcome, as a dict (for
manifest.json and the CLI) and as markdown/table rows (for the Prefect artifacts).

Every input is accounted for once: `inputs` = `articles` + `aliases` (exact duplicates folded
into another article) + `quarantined`, in the dict, the CLI table and the artifacts alike.
"""
from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from datetime import datetime, timezone
from pathlib import Path

import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq

from bantin.errors import QualityGateError
from bantin.publish import snapshot as snap


def sum_seconds(parts: Iterable[dict[str, float]]) -> dict[str, float]:
    total: dict[str, float] = defaultdict(float)
    for part in parts:
        for k, v in part.items():
            total[k] += v
    return {k: round(v, 3) for k, v in total.items()}


def summary(plan: dict, counts: dict[str, int], quarantine, validation, timings, stage_secs, *, version, run_id,
            snapshot_id, ignored) -> dict:
    """The run summary (manifest.json, the CLI, the artifacts). `plan`: `Plan.summary()`;
    `counts`: rows per published table and the assemble counts; `quarantine`: the quarantine
    table. The inputs themselves are not listed: they are the rows of state.parquet (100,000
    names would make every manifest and flow result megabytes), `inputs` is their number."""
    reasons = quarantine.column("reason").to_pylist()
    return {
        "snapshot_id": snapshot_id,
        "run_id": run_id,
        "pipeline_version": version,
        "finished_at": datetime.now(timezone.utc).isoformat(),
        "mode": plan["mode"],
        "plan": plan,
        "inputs": counts.get("state", 0),
        "ignored_files": ignored,
        "articles": counts["articles"],
        "aliases": counts.get("aliases", 0),
        "quarantined": len(reasons),
        "quarantine_reasons": _count(reasons),
        "counts": counts,
        "timings": timings,
        "stage_seconds": stage_secs,
        "validation": {
            "success": validation.success,
            "suites": {r.table: r.success for r in validation.suites},
        },
        "changed": True,
    }


def unchanged_summary(out_dir: Path, plan: dict, *, version: str, run_id: str | None, timings: dict,
                      peaks: dict) -> dict:
    """The summary of a run with nothing to do: the current snapshot's figures."""
    cur = snap.current_snapshot(out_dir)
    outcomes = _column(cur, "state", "outcome")
    return {"run_id": run_id, "pipeline_version": version, "mode": plan["mode"], "inputs": len(outcomes),
            "articles": len(_column(cur, "articles", "article_id")), "aliases": _count_of(outcomes, "alias"),
            "processed": 0, "quarantined": len(_column(cur, "quarantine", "source_file")),
            "snapshot": str(cur) if cur is not None else None, "timings": timings, "peak_rss_mb": peaks,
            "plan": plan, "changed": False}


def _column(snapshot: Path | None, table: str, column: str) -> pa.Array | pa.ChunkedArray:
    path = snapshot / f"{table}.parquet" if snapshot is not None else None
    if path is None or not path.exists():
        return pa.array([], pa.string())
    return pq.read_table(path, columns=[column]).column(0)


def _count_of(values: pa.Array | pa.ChunkedArray, value: str) -> int:
    return (pc.sum(pc.equal(values, value)).as_py() or 0) if len(values) else 0


def metric_rows(summary: dict) -> list[dict]:
    """One row per figure (the run-metrics artifact): the plan counts, quarantined inputs,
    seconds and the flow process's peak RSS per stage, validation."""
    plan = summary.get("plan", {})
    rows = [{"metric": k, "value": plan.get(k, 0)} for k in ("new", "changed", "unchanged", "deleted", "to_process")]
    rows.append({"metric": "quarantined", "value": summary.get("quarantined", 0)})
    rows += [{"metric": f"seconds.{k}", "value": v} for k, v in summary.get("timings", {}).items()]
    rows += [{"metric": f"peak_rss_mb.{k}", "value": v} for k, v in (summary.get("peak_rss_mb") or {}).items()
             if v is not None]
    validation = summary.get("validation") or {}
    rows.append({"metric": "validation", "value": "passed" if validation.get("success") else
                 ("not run" if not validation else "FAILED")})
    return rows


def _count(items: Iterable[str]) -> dict[str, int]:
    out: dict[str, int] = defaultdict(int)
    for it in items:
        out[it] += 1
    return dict(out)


def accounting(s: dict) -> list[str]:
    """Where every input went, as a markdown table: read = articles + aliases + quarantined."""
    return ["| read | articles | aliases (exact duplicates) | quarantined | ignored (not .txt) |",
            "|---:|---:|---:|---:|---:|",
            f"| {s.get('inputs', 0)} | {s.get('articles', 0)} | {s.get('aliases', 0)} | {s.get('quarantined', 0)} | "
            f"{s.get('ignored_files', 0)} |"]


def markdown(s: dict, validation_md: str | None) -> str:
    plan = s.get("plan", {})
    lines = [
        f"# bantin run {s.get('snapshot_id', '')}",
        "",
        f"pipeline_version `{s.get('pipeline_version', '')}`, mode **{s.get('mode')}**",
        "",
        *accounting(s),
        "",
        "| new | changed | unchanged | deleted | processed |",
        "|---:|---:|---:|---:|---:|",
        f"| {plan.get('new', 0)} | {plan.get('changed', 0)} | {plan.get('unchanged', 0)} | "
        f"{plan.get('deleted', 0)} | {plan.get('to_process', 0)} |",
        "",
        "## Time per stage (s)",
        "",
        "| stage | seconds |",
        "|---|---:|",
        *[f"| {k} | {v} |" for k, v in s.get("timings", {}).items()],
    ]
    if s.get("quarantine_reasons"):
        lines += ["", "## Quarantine reasons", "", "| reason | files |", "|---|---:|",
                  *[f"| {k} | {v} |" for k, v in s["quarantine_reasons"].items()]]
    if validation_md:
        lines += ["", "## Validation", "", validation_md]
    if s.get("quality_index"):
        lines += ["", f"Data Docs: `{s['quality_index']}`"]
    return "\n".join(lines)


def data_docs_markdown(s: dict, validation_md: str | None) -> str:
    """The Data Docs artifact: where the page is and what it says in short. A path, not a
    file:// link: a browser does not open file:// links from the Prefect UI. The path is the
    stable one (`<out>/quality/index.html`, through the `current` link), so it stays valid after
    the snapshot it shows today is pruned."""
    return "\n".join([
        "# Data Docs", "",
        f"Every suite and expectation with its result: `{s.get('quality_index')}` (open it in a browser on the "
        "machine that ran bantin; it always shows the current snapshot's results).", "",
        *accounting(s), "", "## Validation", "", validation_md or "not run",
    ])


def table_rows(s: dict) -> list[dict]:
    return [{"table": k, "rows": v} for k, v in s.get("counts", {}).items()]


def gate_error(validation, quality_dir: Path) -> QualityGateError:
    failed = [f"{r.table}: {', '.join(r.failed[:3])}" for r in validation.suites if not r.success]
    return QualityGateError(
        "The quality gate failed, so nothing was published (the previous snapshot is unchanged). "
        f"Failing suites: {'; '.join(failed)}. See {quality_dir / 'index.html'} for every expectation."
    )
