"""Ratios, targets and the printed tables of `run_bench.py` (one corpus section at a time).

Why apart from the runner: the figures are what the issues set targets on, so their definitions
sit in one short place (also documented in bench/README.md) and tests/bench checks them against
the raw seconds of a `--quick` run.
"""
from __future__ import annotations

# figure -> (what the target says, limit, comparison, issue)
TARGETS = {
    "stages_over_floor": ("whole pipeline, 1 worker: stage seconds <= 1.0x the bare NER pass", 1.0, "<=", 23),
    "flow_over_floor": ("whole flow, 1 worker (Prefect included) <= 1.3x the bare NER pass", 1.3, "<=", 7),
    "speedup_per_core": ("all cores: speed-up of the process stage >= 0.85 x cores", 0.85, ">=", 7),
    "peak_rss_gb": ("peak RSS of any process < 1.5 GB", 1.5, "<", 7),
    "nochange_over_full": ("no-change re-run < 5% of the full run", 0.05, "<", 7),
    "onepct_over_full": ("1% new files re-run < 10% of the full run", 0.10, "<", 7),
    "startup_s": ("start-up (import + Prefect server) < 15 s", 15.0, "<", 7),
}


def target_texts() -> dict[str, str]:
    return {k: f"{v[0]} (issue {v[3]})" for k, v in TARGETS.items()}


def ratios(floor: dict, runs: dict, workers: int) -> dict:
    """Every figure of one corpus from its floor and runs (definitions: bench/README.md)."""
    one, full = runs["one_worker"], runs["all_cores"]
    f = floor["floor_s"] or None
    r = {
        "stages_over_floor": one["stages_s"] / f if f else None,
        "flow_over_floor": one["flow_s"] / f if f else None,
        "process_over_floor": one["timings"].get("process", 0) / f if f else None,
        "stages_over_floor_all_cores": full["stages_s"] / f if f else None,
        "speedup": one["timings"]["process"] / full["timings"]["process"] if full["timings"].get("process") else None,
        "nochange_over_full": runs["rerun_nochange"]["flow_s"] / full["flow_s"],
        "nochange_over_full_with_startup": runs["rerun_nochange"]["wall_s"] / full["wall_s"],
        "full_warm_over_full": runs["rerun_full_warm"]["stages_s"] / full["stages_s"],
        "peak_rss_gb": max(v for run in [floor, *runs.values()] for v in run["peak_rss_gb"].values()),
        "startup_s": max(run["startup_s"] for run in runs.values()),
    }
    r["speedup_per_core"] = r["speedup"] / workers if r["speedup"] else None
    if "rerun_1pct" in runs:
        r["onepct_over_full"] = runs["rerun_1pct"]["flow_s"] / full["flow_s"]
        r["onepct_over_full_with_startup"] = runs["rerun_1pct"]["wall_s"] / full["wall_s"]
    return {k: (round(v, 4) if isinstance(v, float) else v) for k, v in r.items()}


def verdicts(r: dict) -> dict[str, str]:
    out = {}
    for key, (_, limit, op, _) in TARGETS.items():
        v = r.get(key)
        ok = None if v is None else v <= limit if op == "<=" else v >= limit if op == ">=" else v < limit
        out[key] = "n/a" if ok is None else "PASS" if ok else "FAIL"
    return out


def _rss(run: dict) -> str:
    short = {"main": "main", "worker": "wrk", "prefect_server": "srv"}
    return " ".join(f"{short[k]} {v:.2f}" for k, v in run["peak_rss_gb"].items() if k in short)


LABELS = {"one_worker": "pipeline, 1 worker", "all_cores": "pipeline, all cores", "rerun_nochange": "re-run, no change",
          "rerun_full_warm": "re-run --full, warm NER cache", "rerun_1pct": "re-run, 1% new files"}


def print_tables(res: dict) -> None:
    from rich.console import Console
    from rich.table import Table

    c = Console(width=150)
    m = res["meta"]
    for name, sec in res["corpora"].items():
        t = Table(title=f"{name} corpus: {sec['files']} files (+{sec['extra_files']}), {m['workers']} workers on "
                        f"{m['cpus']} CPUs{' (--quick: not a measurement)' if m['quick'] else ''}")
        for col in ("measurement", "start-up s", "stages s", "process s", "s/file", "peak RSS GB"):
            t.add_column(col, justify="left" if col == "measurement" else "right")
        f = sec["floor"]
        t.add_row("bare NER floor (1 process)", f"{f['startup_s']:.1f}", f"{f['floor_s']:.1f}",
                  f"ner {f['ner_s']:.1f}", f"{f['floor_s'] / max(f['files'], 1):.3f}", _rss(f))
        for key, label in LABELS.items():
            if key in sec["runs"]:
                r = sec["runs"][key]
                t.add_row(label, f"{r['startup_s']:.1f}", f"{r['stages_s']:.1f}", f"{r['timings'].get('process', 0):.1f}",
                          f"{r['stages_s'] / max(sec['files'], 1):.3f}", _rss(r))
        c.print(t)
        rt = Table(title=f"{name}: ratios vs targets")
        for col in ("figure", "measured", "target", "verdict"):
            rt.add_column(col)
        for key, (text, _, _, issue) in TARGETS.items():
            v = sec["ratios"].get(key)
            rt.add_row(key, "n/a" if v is None else f"{v:.3f}", f"{text} (issue {issue})", sec["verdicts"][key])
        for key in ("process_over_floor", "stages_over_floor_all_cores", "speedup", "full_warm_over_full"):
            v = sec["ratios"].get(key)
            rt.add_row(key, "n/a" if v is None else f"{v:.3f}", "", "")
        c.print(rt)
    c.print(f"JSON: {m['json']}")
