"""Throughput benchmark (issues 7 and 23): the bare NER floor against the whole pipeline, on the
real development corpus and on a synthetic one, in one run; a rich table and ONE JSON file.

Per corpus: the floor (underthesea `sent_tokenize` + `ner` per sentence, one process, over the
same files: bench/measure.py), `bantin run` on 1 worker and on all cores (`--inline-max 0`), a
no-change re-run, a full re-run with the NER cache the first run left (`--full`: every article
processed again, as after a rule change) and, on the synthetic corpus, a re-run with 1% new files.

Why every measurement runs in a fresh child process: start-up (interpreter, imports, the
temporary Prefect server) is reported apart from the work, and each run's peak memory is its own.
The parent samples VmHWM (the kernel's exact peak) of the whole process tree.
The real corpus is the development folders (realgold.DEV_FOLDERS); a blind folder, when one is set aside, is never read here.
Usage: .venv/bin/python bench/run_bench.py [--n 2000] [--real DIR] [--per-folder K] [--workers K] [--quick];
bench/README.md.
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

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent
# Not inserting ROOT into sys.path on purpose: the children must import the frozen copy of the
# code (PYTHONPATH, see freeze_code), the parent the installed package.
import figures  # noqa: E402
import measure  # noqa: E402  (bench/ is sys.path[0] when run as a script)
import synth  # noqa: E402

from bantin.eval.realgold import DEV_FOLDERS  # noqa: E402  (the installed package)

DEV_CORPUS = ROOT.parent / "shared" / "dev-corpus"
QUICK_PER_FOLDER, QUICK_SYNTH = 1, 4
ENV = {"PREFECT_SERVER_ANALYTICS_ENABLED": "false", "PREFECT_LOGGING_LEVEL": "WARNING",
       "PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS": "180", "PYTHONWARNINGS": "ignore"}


# ---------------------------------------------------------------- process tree sampling
def _hwm_kb(pid: int) -> int:
    try:
        with open(f"/proc/{pid}/status") as fh:
            for line in fh:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1])
    except OSError:
        pass
    try:
        import psutil

        return psutil.Process(pid).memory_info().rss // 1024
    except Exception:  # noqa: BLE001 - the process is gone
        return 0


def _role(proc, root: int) -> str:
    import psutil

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
    import psutil

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


# ---------------------------------------------------------------- parent side
def freeze_code(work: Path) -> Path:
    """A private copy of the package for the children (PYTHONPATH wins over the editable install):
    other people editing the code during a long benchmark must not change pipeline_version between
    the full run and the re-runs, which would turn an incremental re-run into a full one."""
    code = work / "code"
    for pkg in ("bantin", "flows", "schemas"):
        shutil.copytree(ROOT / pkg, code / pkg, ignore=shutil.ignore_patterns("__pycache__"))
    return code


def measure_child(mode: str, args: list[str], workdir: Path, tag: str, root: Path | None = None) -> dict:
    """Run one child measurement and sample the peak RSS of its whole process tree; the frozen
    code and the Prefect home are under `root` (default: `workdir`'s parent)."""
    result = workdir / f"{tag}.json"
    root = root or workdir.parent
    env = {**os.environ, **ENV, "PREFECT_HOME": str(root / ".prefect"), "PYTHONPATH": str(root / "code")}
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


def init_prefect_db(work: Path) -> float:
    """Create the measurements' Prefect database once (its migrations), as `make setup` does for
    `.prefect/`: a one-time installation cost (~10 s here), not part of any run's start-up."""
    env = {**os.environ, **ENV, "PREFECT_HOME": str(work / ".prefect")}
    t0 = time.perf_counter()
    subprocess.run([sys.executable, "-m", "prefect", "server", "database", "upgrade", "-y"], cwd=ROOT, env=env,
                   check=True, capture_output=True, timeout=600)
    return time.perf_counter() - t0


def synthetic_corpus(n: int, seed: int, cache: Path) -> tuple[Path, list[Path], list[Path]]:
    """The corpus (n files) and 1% extra files, generated once into `cache`."""
    extra = max(1, math.ceil(n / 100))
    marker = cache / ".complete"
    if not marker.exists():
        shutil.rmtree(cache, ignore_errors=True)
        synth.generate(n + extra, cache, seed)
        marker.write_text(json.dumps({"n": n, "extra": extra, "seed": seed}))
    paths = [synth.path_for(cache, i) for i in range(n + extra)]
    return cache, paths[:n], paths[n:]


def real_corpus(root: Path, quick: bool, per_folder: int | None = None) -> list[Path]:
    """The .txt files of the development folders: all of them, the first `per_folder` of each
    (by name: a documented, repeatable subset when the whole corpus takes too long), or in
    --quick the first one of each. Why not the blind folders: their texts stay unread by
    anything but the final blind evaluation, a benchmark included."""
    if not root.is_dir():
        raise SystemExit(f"the real corpus is not at {root} (--real DIR, or --corpora synthetic)")
    limit = QUICK_PER_FOLDER if quick else per_folder
    return [p for f in DEV_FOLDERS for p in sorted((root / f).glob("*.txt"))[:limit]]


def _link(paths: list[Path], src: Path, dest: Path) -> None:
    for p in paths:
        target = dest / p.relative_to(src)
        target.parent.mkdir(parents=True, exist_ok=True)
        try:
            os.link(p, target)
        except OSError:
            shutil.copy2(p, target)


def bench_corpus(name: str, src: Path, files: list[Path], extra: list[Path], work: Path, a) -> dict:
    """Every measurement of one corpus, in the order of the module docstring."""
    work.mkdir(parents=True)
    raw = work / "raw"
    _link(files, src, raw)
    mode = "pool" if a.quick else "pipeline"
    tail = [str(a.batch_size)] + ([] if a.quick else [a.dask or ""])

    def run(tag: str, out: str, workers: int, full: bool = False) -> dict:
        r = measure_child(mode, [str(raw), str(work / out), str(workers), *tail, "1" if full else ""], work, tag)
        print(f"{name} {tag}: stages {r['stages_s']:.1f} s (process {r['timings'].get('process', 0):.1f} s)",
              flush=True)
        return r

    floor = measure_child("floor", [str(raw)], work, "floor")
    print(f"{name} floor: {floor['floor_s']:.1f} s over {floor['files']} files", flush=True)
    runs = {"one_worker": run("one_worker", "out1", 1), "all_cores": run("all_cores", "out", a.workers)}
    runs["rerun_nochange"] = run("rerun_nochange", "out", a.workers)
    runs["rerun_full_warm"] = run("rerun_full_warm", "out", a.workers, full=True)
    if extra:
        _link(extra, src, raw)
        runs["rerun_1pct"] = run("rerun_1pct", "out", a.workers)
    ratios = figures.ratios(floor, runs, a.workers)
    return {"files": len(files), "extra_files": len(extra), "source": str(src), "floor": floor, "runs": runs,
            "ratios": ratios, "verdicts": figures.verdicts(ratios)}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--n", type=int, default=None, help="articles in the synthetic corpus (default 2000)")
    ap.add_argument("--real", type=Path, default=DEV_CORPUS, help="the real corpus (default ../shared/dev-corpus)")
    ap.add_argument("--corpora", default="real,synthetic", help="comma-separated: real, synthetic")
    ap.add_argument("--per-folder", type=int, default=None,
                    help="real corpus: only the first K files (by name) of each development folder")
    ap.add_argument("--workers", type=int, default=os.cpu_count(), help="workers for the all-cores runs")
    ap.add_argument("--quick", action="store_true",
                    help=f"smoke run: {QUICK_PER_FOLDER} files per development folder and {QUICK_SYNTH} synthetic "
                         "ones, no Prefect, validation skipped (checks the machinery, not the speed)")
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--batch-size", type=int, default=64)
    ap.add_argument("--dask", default=None, help="run the pipeline runs on Dask ('local' or tcp://host:8786)")
    ap.add_argument("--results", type=Path, default=BENCH / "results")
    ap.add_argument("--work", type=Path, default=BENCH / ".work", help="scratch directory (emptied first)")
    ap.add_argument("--cache", type=Path, default=None, help="synthetic corpus cache (default bench/.corpus-N-sSEED)")
    a = ap.parse_args(argv)
    n = a.n or (QUICK_SYNTH if a.quick else 2000)
    corpora = [c.strip() for c in a.corpora.split(",") if c.strip()]
    shutil.rmtree(a.work, ignore_errors=True)
    a.work.mkdir(parents=True)
    meta = {"quick": a.quick, "n_synthetic": n, "workers": a.workers, "cpus": os.cpu_count(), "seed": a.seed,
            "batch_size": a.batch_size, "dask": a.dask, "per_folder": a.per_folder, "python": platform.python_version(),
            "executor": "bench/pool.py, validation skipped" if a.quick else "Prefect flow (bantin run)",
            "loadavg_start": os.getloadavg()[0], "started_at": datetime.now(timezone.utc).isoformat(),
            "commit": _git_head()}
    freeze_code(a.work)
    meta["prefect_db_init_s"] = 0.0 if a.quick else round(init_prefect_db(a.work), 2)
    results = {}
    for name in corpora:
        if name == "real":
            files = real_corpus(a.real, a.quick, a.per_folder)
            results[name] = bench_corpus(name, a.real, files, [], a.work / name, a)
        elif name == "synthetic":
            cache = a.cache or BENCH / f".corpus-{n}-s{a.seed}"
            src, files, extra = synthetic_corpus(n, a.seed, cache)
            results[name] = bench_corpus(name, src, files, extra, a.work / name, a)
        else:
            raise SystemExit(f"unknown corpus {name!r} (real, synthetic)")
    meta["loadavg_end"] = os.getloadavg()[0]
    res = {"meta": meta, "corpora": results, "targets": figures.target_texts()}
    a.results.mkdir(parents=True, exist_ok=True)
    stamp = datetime.now(timezone.utc).strftime("%Y%m%dT%H%M%SZ")
    path = a.results / f"{stamp}-{'quick' if a.quick else 'bench'}.json"
    meta["json"] = str(path)
    text = json.dumps(res, indent=2, ensure_ascii=False, default=str)
    path.write_text(text)
    if not a.quick:
        (a.results / "latest.json").write_text(text)
    figures.print_tables(res)
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
        out = measure.floor(Path(rest[0]))
    elif mode == "pool":
        raw, out_dir, workers, batch, full = rest
        out = measure.pool(Path(raw), Path(out_dir), int(workers), int(batch), bool(full))
    else:
        if mode == "pipeline_stub":  # NER stubbed in the flow and its workers (bench/stub_nlp.py)
            import stub_nlp

            stub_nlp.install()
        raw, out_dir, workers, batch, dask, full = rest
        out = measure.pipeline(Path(raw), Path(out_dir), int(workers), int(batch), dask or None, bool(full))
    out["ru_maxrss_self_gb"] = __import__("resource").getrusage(0).ru_maxrss / 1024**2
    Path(result).write_text(json.dumps(out, default=str))
    return 0


if __name__ == "__main__":
    if len(sys.argv) > 1 and sys.argv[1] == "--_child":
        sys.exit(_child(sys.argv[2:]))
    sys.exit(main())
