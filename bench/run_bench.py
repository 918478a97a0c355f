"""Throughput benchmark (issue 7): NLP floor vs the full pipeline, 1 worker vs all cores,
peak RSS of every process, and incremental re-runs, in one run; a rich table and a JSON file.

Why every measurement runs in a fresh child process: start-up (interpreter, imports, the
temporary Prefect server) is reported apart from the work, and each run's peak memory is its own.
The parent samples VmHWM (the kernel's exact per-process peak) of the whole process tree.
Usage: .venv/bin/python bench/run_bench.py [--n 2000] [--workers K] [--quick]; see bench/README.md.
"""
from __future__ import annotations

import argparse
import json
import math
import os
import platform
import shutil
import subprocess
import sys
import time
from datetime import datetime, timezone
from pathlib import Path

import psutil

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent
# Not inserting ROOT into sys.path on purpose: the children must import the frozen copy of the
# code (PYTHONPATH, see freeze_code), the parent the installed package.
import synth  # noqa: E402  (bench/ is sys.path[0] when run as a script)

TARGETS = {  # issue 7
    "pipeline_over_floor": ("full pipeline on one worker <= 1.3x the bare NLP floor", 1.3, "<="),
    "speedup_per_core": ("all cores: speed-up >= 0.85 x cores on the NLP stage", 0.85, ">="),
    "peak_rss_gb": ("peak RSS of any process < 1.5 GB (at 100,000 articles, flat)", 1.5, "<"),
    "nochange_over_full": ("no-change re-run < 5% of the full run", 0.05, "<"),
    "onepct_over_full": ("1% new files re-run < 10% of the full run", 0.10, "<"),
    "startup_s": ("start-up (import + Prefect server) < 15 s", 15.0, "<"),
}
ENV = {"PREFECT_SERVER_ANALYTICS_ENABLED": "false", "PREFECT_LOGGING_LEVEL": "WARNING",
       "PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS": "180", "PYTHONWARNINGS": "ignore"}


# ---------------------------------------------------------------- child side (one measurement)
def _since_start() -> float:
    return time.time() - psutil.Process().create_time()


def child_floor(raw: Path) -> dict:
    """underthesea's calls exactly as bantin.extract.article makes them, over the pipeline's cleaned texts."""
    from bantin.vi import nlp
    from bantin.settings import Settings
    from bantin.clean import document as clean
    from bantin.build import corpus
    from bantin.ingest import files as ingest
    from bantin.vi.sentences import split_sentences

    from bantin.version import pipeline_version

    startup = _since_start()
    s = Settings()
    scan = ingest.scan(raw, max_bytes=s.max_bytes)
    ctx = corpus.corpus_context(list(scan.files), min_docs=s.boilerplate_min_docs, max_bytes=s.max_bytes)
    t0 = time.perf_counter()
    docs = [clean.clean(ingest.load(f, max_bytes=s.max_bytes), repeated=ctx.repeated) for f in scan.files]
    docs = [d for d in docs if d.body.strip()]
    clean_s = time.perf_counter() - t0
    t0 = time.perf_counter()
    nlp.warm()
    warm_s = time.perf_counter() - t0
    split_s = ner_s = words_s = 0.0
    for d in docs:
        t0 = time.perf_counter()
        sents = split_sentences(d.body)
        people_sents = sents + [x for c in d.captions for x in split_sentences(c)]
        t1 = time.perf_counter()
        nlp.ner_sentences(people_sents)
        t2 = time.perf_counter()
        nlp.count_words(d.body)
        t3 = time.perf_counter()
        split_s, ner_s, words_s = split_s + t1 - t0, ner_s + t2 - t1, words_s + t3 - t2
    return {"pipeline_version": pipeline_version(), "flows": str(Path(nlp.__file__).parent),
            "startup_s": startup, "docs": len(docs), "chars": sum(len(d.body) for d in docs),
            "clean_s": clean_s, "warm_s": warm_s, "split_s": split_s, "ner_s": ner_s, "words_s": words_s,
            "floor_s": ner_s + words_s + split_s}


def child_pipeline(raw: Path, out: Path, workers: int, batch_size: int, dask: str | None) -> dict:
    """One `bantin run`, started the way flows/commands/run.py starts it: the temporary Prefect
    server is launched first and boots while this process imports Prefect and the stages."""
    from flows.server import TemporaryServer

    server = TemporaryServer.launch()
    from bantin.settings import Settings
    from bantin.version import pipeline_version
    from flows import pipeline

    import_s = _since_start()
    if server is not None:
        server.wait()
    startup_s = _since_start()  # imports and server both done: the flow can start
    try:
        t1 = time.perf_counter()
        summary = pipeline.run(Settings(raw_dir=raw, out_dir=out, workers=workers, batch_size=batch_size,
                                        dask_address=dask), server=server)
        flow_s = time.perf_counter() - t1
    finally:
        if server is not None:
            server.stop()
    return {"pipeline_version": pipeline_version(), "flows": str(Path(pipeline.__file__).parent),
            "import_s": import_s, "server_s": server.boot_seconds if server is not None else 0.0,
            "startup_s": startup_s, "flow_s": flow_s,
            "timings": summary.get("timings", {}), "stage_seconds": summary.get("stage_seconds", {}),
            "articles": summary.get("articles"), "quarantined": summary.get("quarantined"),
            "plan": summary.get("plan", {}), "changed": summary.get("changed", True)}


# ---------------------------------------------------------------- parent side
def _hwm_kb(pid: int) -> int:
    try:
        with open(f"/proc/{pid}/status") as fh:
            for line in fh:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1])
    except OSError:
        pass
    try:
        return psutil.Process(pid).memory_info().rss // 1024
    except psutil.Error:
        return 0


def _role(proc: psutil.Process, root: int) -> str:
    if proc.pid == root:
        return "main"
    try:
        cmd = " ".join(proc.cmdline())
    except psutil.Error:
        return "other"
    if "uvicorn" in cmd or "prefect" in cmd and "server" in cmd:
        return "prefect_server"
    if "resource_tracker" in cmd:
        return "other"
    return "worker"


def sample_peaks(proc: subprocess.Popen, every: float = 0.2) -> dict[int, tuple[str, int]]:
    """Until `proc` exits, sample the peak RSS (VmHWM, kB) of every process of its tree:
    pid -> (role, peak kB); roles from `_role` (main, worker, prefect_server, other)."""
    peaks: dict[int, tuple[str, int]] = {}
    root = psutil.Process(proc.pid)
    while proc.poll() is None:
        try:
            tree = [root, *root.children(recursive=True)]
        except psutil.Error:
            tree = []
        for p in tree:
            kb = _hwm_kb(p.pid)
            role = peaks[p.pid][0] if p.pid in peaks else _role(p, proc.pid)
            peaks[p.pid] = (role, max(kb, peaks.get(p.pid, ("", 0))[1]))
        time.sleep(every)
    return peaks


def freeze_code(work: Path) -> Path:
    """A private copy of the package for the children (PYTHONPATH wins over the editable install):
    other people editing the code during a long benchmark must not change pipeline_version between
    the full run and the re-runs, which would turn an incremental re-run into a full one."""
    code = work / "code"
    for pkg in ("bantin", "flows", "schemas"):
        shutil.copytree(ROOT / pkg, code / pkg, ignore=shutil.ignore_patterns("__pycache__"))
    return code


def measure(mode: str, args: list[str], workdir: Path, tag: str) -> dict:
    """Run one child measurement and sample the peak RSS of its whole process tree."""
    result = workdir / f"{tag}.json"
    env = {**os.environ, **ENV, "PREFECT_HOME": str(workdir / ".prefect"), "PYTHONPATH": str(workdir / "code")}
    log = open(workdir / f"{tag}.log", "w")
    t0 = time.perf_counter()
    proc = subprocess.Popen([sys.executable, __file__, "--_child", mode, str(result), *args],
                            cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT)
    peaks = sample_peaks(proc)
    wall = time.perf_counter() - t0
    log.close()
    if proc.returncode != 0:
        tail = (workdir / f"{tag}.log").read_text(errors="replace")[-3000:]
        raise RuntimeError(f"{tag} failed (exit {proc.returncode}); log {workdir / f'{tag}.log'}:\n{tail}")
    out = json.loads(result.read_text())
    out["wall_s"] = wall
    rss: dict[str, float] = {}
    for role, kb in peaks.values():
        rss[role] = max(rss.get(role, 0.0), kb / 1024**2)
    out["peak_rss_gb"] = {k: round(v, 3) for k, v in sorted(rss.items())}
    out["processes"] = len(peaks)
    return out


def init_prefect_db(workdir: Path) -> float:
    """Create the measurements' Prefect database once (its migrations), as `make setup` does for
    `.prefect/`: a one-time installation cost (~10 s here), not part of any run's start-up."""
    env = {**os.environ, **ENV, "PREFECT_HOME": str(workdir / ".prefect")}
    t0 = time.perf_counter()
    subprocess.run([sys.executable, "-m", "prefect", "server", "database", "upgrade", "-y"], cwd=ROOT, env=env,
                   check=True, capture_output=True, timeout=600)
    return time.perf_counter() - t0


def ensure_corpus(n: int, seed: int, cache: Path) -> tuple[list[Path], list[Path]]:
    """The corpus (n files) and 1% extra files, generated once into `cache`."""
    extra = max(1, math.ceil(n / 100))
    marker = cache / ".complete"
    if not marker.exists():
        shutil.rmtree(cache, ignore_errors=True)
        synth.generate(n + extra, cache, seed)
        marker.write_text(json.dumps({"n": n, "extra": extra, "seed": seed}))
    paths = [synth.path_for(cache, i) for i in range(n + extra)]
    return paths[:n], paths[n:]


def _link(paths: list[Path], src: Path, dest: Path) -> None:
    for p in paths:
        target = dest / p.relative_to(src)
        target.parent.mkdir(parents=True, exist_ok=True)
        try:
            os.link(p, target)
        except OSError:
            shutil.copy2(p, target)


def _verdict(key: str, value: float | None) -> str:
    if value is None:
        return "n/a"
    _, limit, op = TARGETS[key]
    ok = value <= limit if op == "<=" else value >= limit if op == ">=" else value < limit
    return "PASS" if ok else "FAIL"


def ratios(floor: dict, runs: dict, workers: int) -> dict:
    one, full = runs.get("one_worker"), runs["all_cores"]
    r = {"pipeline_over_floor": one["flow_s"] / floor["floor_s"] if one and floor["floor_s"] else None,
         "process_over_floor": one["timings"].get("process", 0) / floor["floor_s"] if one and floor["floor_s"] else None,
         "speedup": one["timings"]["process"] / full["timings"]["process"] if one else None}
    r["speedup_per_core"] = r["speedup"] / workers if r["speedup"] else None
    r["nochange_over_full"] = runs["rerun_nochange"]["flow_s"] / full["flow_s"]
    r["onepct_over_full"] = runs["rerun_1pct"]["flow_s"] / full["flow_s"]
    r["nochange_over_full_with_startup"] = runs["rerun_nochange"]["wall_s"] / full["wall_s"]
    r["onepct_over_full_with_startup"] = runs["rerun_1pct"]["wall_s"] / full["wall_s"]
    r["peak_rss_gb"] = max(v for run in [floor, *runs.values()] for v in run["peak_rss_gb"].values())
    r["startup_s"] = max(run["startup_s"] for run in runs.values())
    return {k: (round(v, 4) if isinstance(v, float) else v) for k, v in r.items()}


def print_table(res: dict) -> None:
    from rich.console import Console
    from rich.table import Table

    c = Console(width=150)
    m = res["meta"]
    t = Table(title=f"bantin bench: {m['n']} articles, {m['workers']} workers on {m['cpus']} CPUs "
                    f"(load avg {m['loadavg_start']:.1f} -> {m['loadavg_end']:.1f})")
    for col in ("measurement", "start-up s", "work s", "process s", "s/article", "peak RSS GB (role)"):
        t.add_column(col, justify="right" if col != "measurement" else "left")
    f = res["floor"]
    t.add_row("NLP floor (1 process)", f"{f['startup_s']:.1f}", f"{f['floor_s']:.1f}",
              f"ner {f['ner_s']:.1f} + words {f['words_s']:.1f}", f"{f['floor_s'] / max(f['docs'], 1):.3f}",
              _rss(f))
    for key, label in (("one_worker", "pipeline, 1 worker"), ("all_cores", f"pipeline, {m['workers']} workers"),
                       ("rerun_nochange", "re-run, no change"), ("rerun_1pct", "re-run, 1% new files")):
        if key in res["runs"]:
            r = res["runs"][key]
            t.add_row(label, f"{r['startup_s']:.1f}", f"{r['flow_s']:.1f}", f"{r['timings'].get('process', 0):.1f}",
                      f"{r['flow_s'] / max(m['n'], 1):.3f}", _rss(r))
    c.print(t)
    rt = Table(title="ratios vs targets (issue 7)")
    for col in ("figure", "measured", "target", "verdict"):
        rt.add_column(col)
    for key, (text, _, _) in TARGETS.items():
        v = res["ratios"].get(key)
        rt.add_row(key, "n/a" if v is None else f"{v:.3f}", text, res["verdicts"][key])
    rt.add_row("speedup", str(res["ratios"].get("speedup")), f"{m['workers']} workers", "")
    c.print(rt)
    c.print(f"JSON: {res['meta']['json']}")


def _rss(run: dict) -> str:
    short = {"main": "main", "worker": "wrk", "prefect_server": "srv"}
    return " ".join(f"{short[k]} {v:.2f}" for k, v in run["peak_rss_gb"].items() if k in short)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--n", type=int, default=None, help="articles in the synthetic corpus (default 2000)")
    ap.add_argument("--workers", type=int, default=os.cpu_count(), help="workers for the all-cores run")
    ap.add_argument("--quick", action="store_true", help="smoke run: 20 articles unless --n is given")
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--batch-size", type=int, default=64)
    ap.add_argument("--dask", default=None, help="run the pipeline runs on Dask ('local' or tcp://host:8786)")
    ap.add_argument("--skip-one-worker", action="store_true", help="skip the 1-worker run (no speed-up figure)")
    ap.add_argument("--results", type=Path, default=BENCH / "results")
    ap.add_argument("--cache", type=Path, default=None, help="corpus cache dir (default bench/.corpus-N-sSEED)")
    a = ap.parse_args(argv)
    n = a.n or (20 if a.quick else 2000)
    cache = a.cache or BENCH / f".corpus-{n}-s{a.seed}"
    work = BENCH / ".work"
    shutil.rmtree(work, ignore_errors=True)
    (work / "raw").mkdir(parents=True)
    meta = {"n": n, "workers": a.workers, "cpus": os.cpu_count(), "seed": a.seed, "batch_size": a.batch_size,
            "dask": a.dask, "python": platform.python_version(), "loadavg_start": os.getloadavg()[0],
            "started_at": datetime.now(timezone.utc).isoformat(), "commit": _git_head()}
    t0 = time.perf_counter()
    corpus, extra = ensure_corpus(n, a.seed, cache)
    meta["corpus_s"] = round(time.perf_counter() - t0, 2)
    _link(corpus, cache, work / "raw")
    freeze_code(work)
    meta["prefect_db_init_s"] = round(init_prefect_db(work), 2)
    raw = str(work / "raw")
    print(f"corpus: {n} files (+{len(extra)} for the 1% run) in {cache}; measuring in {work}", flush=True)
    floor = measure("floor", [raw], work, "floor")
    print(f"floor: {floor['floor_s']:.1f} s", flush=True)
    runs = {}
    common = [str(a.batch_size), a.dask or ""]
    if not a.skip_one_worker:
        runs["one_worker"] = measure("pipeline", [raw, str(work / "out1"), "1", *common], work, "one_worker")
        print(f"1 worker: {runs['one_worker']['flow_s']:.1f} s", flush=True)
    out = str(work / "out")
    runs["all_cores"] = measure("pipeline", [raw, out, str(a.workers), *common], work, "all_cores")
    print(f"{a.workers} workers: {runs['all_cores']['flow_s']:.1f} s", flush=True)
    runs["rerun_nochange"] = measure("pipeline", [raw, out, str(a.workers), *common], work, "rerun_nochange")
    _link(extra, cache, work / "raw")
    runs["rerun_1pct"] = measure("pipeline", [raw, out, str(a.workers), *common], work, "rerun_1pct")
    meta["loadavg_end"] = os.getloadavg()[0]
    versions = {r["pipeline_version"] for r in runs.values()} | {floor["pipeline_version"]}
    meta["pipeline_version"] = versions.pop() if len(versions) == 1 else sorted(versions)
    res = {"meta": meta, "floor": floor, "runs": runs, "ratios": ratios(floor, runs, a.workers)}
    res["verdicts"] = {k: _verdict(k, res["ratios"].get(k)) for k in TARGETS}
    res["targets"] = {k: v[0] for k, v in TARGETS.items()}
    a.results.mkdir(parents=True, exist_ok=True)
    stamp = datetime.now(timezone.utc).strftime("%Y%m%dT%H%M%SZ")
    path = a.results / f"{stamp}-n{n}.json"
    meta["json"] = str(path)
    text = json.dumps(res, indent=2, ensure_ascii=False, default=str)
    path.write_text(text)
    (a.results / "latest.json").write_text(text)
    print_table(res)
    return 0


def _git_head() -> str | None:
    try:
        return subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True,
                              text=True, timeout=10).stdout.strip() or None
    except (OSError, subprocess.SubprocessError):
        return None


def _child(argv: list[str]) -> int:
    mode, result, *rest = argv
    if mode == "floor":
        out = child_floor(Path(rest[0]))
    else:
        if mode == "pipeline_stub":  # NER stubbed in the flow and its workers (bench/stub_nlp.py)
            import stub_nlp

            stub_nlp.install()
        raw, out_dir, workers, batch, dask = rest
        out = child_pipeline(Path(raw), Path(out_dir), int(workers), int(batch), dask or None)
    out["ru_maxrss_self_gb"] = __import__("resource").getrusage(0).ru_maxrss / 1024**2
    Path(result).write_text(json.dumps(out, default=str))
    return 0


if __name__ == "__main__":
    if len(sys.argv) > 1 and sys.argv[1] == "--_child":
        sys.exit(_child(sys.argv[2:]))
    sys.exit(main())
