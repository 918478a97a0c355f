"""Peak RSS vs corpus size, NER stubbed: the flow process stage by stage, and the real flow.

    .venv/bin/python bench/memory_growth.py --n 2000 20000 100000 --modes parts flow [--workers 2]

For each N and each mode, a fresh child process runs the pipeline on a synthetic corpus
(`bench/.corpus-mem-N`, made by synth.py once) and the results go to
bench/results/memory_growth.json (rows of earlier invocations with another (mode, N) are kept).

  mode "parts"  : the stages exactly as flows/pipeline.py orders them, without Prefect (scan ->
                  corpus -> process batches in a 2-process pool -> decide -> finalise -> validate
                  (Great Expectations) -> card -> publish); after each stage the child prints its
                  own peak RSS during that stage (VmHWM, reset between stages through
                  /proc/self/clear_refs), the RSS it leaves behind, and the peak so far.
  mode "flow"   : the real thing: `bantin run` (Prefect flow, temporary Prefect server, worker
                  processes, bounded submission); the parent samples the peak RSS of every process
                  of the child's tree (main = flow process, worker, prefect_server).
  mode "memory" : the old in-memory design (workers return Arrow tables, assemble concatenates
                  them), kept for comparison.

NER IS STUBBED IN THIS SCRIPT ONLY (bench/stub_nlp.py: no entities, words split on spaces, in the
flow process and in every worker) so that N = 100,000 runs in about an hour instead of a day; the
flow process never runs NLP, and the article/line tables it handles are the real ones (same
cleaning, same raw text and lines), so its memory is what is measured. Throughput figures come
from bench/run_bench.py, without the stub.
"""
from __future__ import annotations

import argparse
import json
import multiprocessing as mp
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))


def _stub_nlp() -> None:
    import stub_nlp

    stub_nlp.install()


def _status_mb(key: str) -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith(key + ":"):
            return int(line.split()[1]) / 1024
    return float("nan")


_PEAK = [0.0]  # the largest VmHWM seen so far (VmHWM itself is reset after each stage)


def _hwm_mb() -> float:
    """Peak RSS of the whole run so far (the per-stage peaks' maximum)."""
    return max(_PEAK[0], _status_mb("VmHWM"))


def _mark(stage: str) -> None:
    """Where the memory goes, on stderr: the stage's own peak RSS (VmHWM since the previous mark),
    the RSS it leaves behind (VmRSS: what the next stages start from), and the run's peak so far.
    Writing 5 to /proc/self/clear_refs resets VmHWM (Linux >= 4.0), so each stage's peak is its
    own and not the maximum of everything before it."""
    peak, rss = _status_mb("VmHWM"), _status_mb("VmRSS")
    _PEAK[0] = max(_PEAK[0], peak)
    print(f"{stage}: stage {peak:.0f} MB, after {rss:.0f} MB, peak {_PEAK[0]:.0f} MB", file=sys.stderr, flush=True)
    try:
        Path("/proc/self/clear_refs").write_text("5")
    except OSError:  # not Linux, or not allowed: stage figures become peaks so far
        pass


def _work_parts(args):
    from bantin.build import process

    files, repeated, version, parts_dir, i = args
    return process.process_to_parts(files, repeated=repeated, version=version, run_id=None, max_bytes=20 << 20,
                                    parts_dir=parts_dir, batch_no=i)


def _work_memory(args):
    from bantin.build import process

    files, repeated, version, _, _ = args
    return process.process_batch(files, repeated=repeated, version=version, run_id=None, max_bytes=20 << 20)


def child(raw: Path, out: Path, mode: str, workers: int, batch: int) -> dict:
    _stub_nlp()
    import pyarrow as pa

    from bantin.ingest.inputs import Keyed
    from bantin.build import assemble
    from bantin.card import readme as card
    from bantin.card import files as card_files
    from bantin.build import corpus
    from bantin.build import finalise
    from bantin.ingest import files as ingest
    from bantin.build import parts
    from bantin.validate import gate as validate
    from bantin.publish import snapshot as write
    from bantin.build import plan as planning
    from bantin.version import pipeline_version

    t0 = time.perf_counter()
    version = pipeline_version()
    scan = ingest.scan(raw, max_bytes=20 << 20)
    _mark("scan")
    ctx = corpus.corpus_context(scan.files, min_docs=3, max_bytes=20 << 20)
    _mark("corpus")
    p = planning.make_plan(scan.files, None, version=version, context_keys=ctx.context_keys, full=False,
                           quarantined=scan.quarantined)
    todo, identical = assemble.split_identical(p.todo, {})
    sha = Keyed(scan.files.column("source_file"), scan.files.column("content_sha256"))
    work = out / "work"
    jobs = [(list(todo[i:i + batch]), ctx.repeated, version, work / "parts", k)
            for k, i in enumerate(range(0, len(todo), batch))]
    with mp.get_context("fork").Pool(workers) as pool:
        results = pool.map(_work_parts if mode == "parts" else _work_memory, jobs, chunksize=1)
    t_process = time.perf_counter() - t0
    _mark("process")
    q = list(scan.quarantined) + [x for r in results for x in r.quarantined]
    summary = {"snapshot_id": "bench", "pipeline_version": version, "validation": {"success": True, "suites": {}}}
    if mode == "parts":
        index = pa.concat_tables([r.index for r in results])
        failures = {a: w for r in results for a, w in r.failures.items()}
        order = [parts.CARRY, *(r.part for r in results)]
        d = assemble.decide(index, failures, q, kept_quarantine=None, kept_state=None, identical=identical,
                            sha_by_file=sha, context_keys=ctx.context_keys, version=version, run_id=None,
                            signature_files=parts.part_files(work / "parts", parts.INDEX, order),
                            spill_dir=work / "parts")
        built = work / "built"
        _mark("decide")
        finalise.finalise(work / "parts", order, d, built)
        _mark("finalise")
        paths = {n: built / f"{n}.parquet" for n in (*assemble.ARTICLE_TABLES, "quarantine", "state")}
        report = validate.run_suites(paths, quality_dir=out / "quality", run_id=None)
        _mark("validate")
        card_files.write_card_files(paths, out / "card", summary=summary)
        _mark("card")
        write.publish(out / "out", {}, snapshot_id="bench", manifest=summary, built_dir=built)
    else:
        asm = assemble.assemble({}, [r.tables for r in results], q, identical=identical, sha_by_file=sha,
                                context_keys=ctx.context_keys, version=version, run_id=None)
        _mark("assemble")
        report = validate.run_suites(asm.tables, quality_dir=out / "quality", run_id=None)
        _mark("validate")
        card.write_card(asm.tables, out / "card", summary=summary)
        _mark("card")
        write.publish(out / "out", asm.tables, snapshot_id="bench", manifest=summary)
    _mark("publish")
    return {"mode": mode, "n": len(scan.files), "peak_rss_mb": round(_hwm_mb(), 1),
            "validation": report.success, "process_s": round(t_process, 1),
            "rest_s": round(time.perf_counter() - t0 - t_process, 1)}


def child_flow(raw: Path, out: Path, mode: str, workers: int, batch: int) -> dict:
    """The real thing: `bantin run` (Prefect flow, temporary Prefect server, worker processes)
    with NER stubbed in the flow process and in every worker. The parent samples the peak RSS
    of every process of this child's tree."""
    _stub_nlp()
    from flows.server import TemporaryServer

    server = TemporaryServer.launch()
    from flows import pipeline
    from bantin.settings import Settings

    t0 = time.perf_counter()
    try:
        summary = pipeline.run(Settings(raw_dir=raw, out_dir=out / "out", workers=workers, batch_size=batch),
                               server=server)
    finally:
        if server is not None:
            server.stop()
    return {"mode": mode, "n": summary["plan"].get("to_process", 0) + summary["plan"].get("unchanged", 0),
            "articles": summary["articles"], "validation": summary["validation"]["success"],
            "flow_s": round(time.perf_counter() - t0, 1), "timings": summary["timings"],
            "executor": summary.get("executor"), "stage_peak": summary.get("peak_rss_mb")}


def measure_flow(cmd: list[str], out: Path) -> dict:
    """Run a `flow` child with its own Prefect home (database created first, as `make setup`
    does) and return its result with the peak RSS per process role (main = the flow process,
    worker, prefect_server), sampled every 0.2 s from /proc (VmHWM)."""
    import run_bench

    out.mkdir(parents=True, exist_ok=True)
    run_bench.init_prefect_db(out)
    env = {**os.environ, **run_bench.ENV, "PREFECT_HOME": str(out / ".prefect"),
           "PYTHONPATH": os.pathsep.join([str(ROOT / "bench"), str(ROOT)])}
    log = open(out / "flow.log", "w")
    proc = subprocess.Popen(cmd, cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=log, text=True)
    peaks = run_bench.sample_peaks(proc)
    stdout = proc.stdout.read() if proc.stdout else ""
    log.close()
    if proc.returncode != 0:
        raise RuntimeError(f"flow child failed ({proc.returncode}): {(out / 'flow.log').read_text()[-3000:]}")
    row = json.loads(stdout.strip().splitlines()[-1])
    rss: dict[str, float] = {}
    for role, kb in peaks.values():
        rss[role] = max(rss.get(role, 0.0), round(kb / 1024, 1))
    # The flow resets its VmHWM at each stage start (its per-stage peaks, row["stage_peak"]), so a
    # peak in the last sampling interval before a reset is only in those: take the larger.
    stage_max = max((v for v in (row.get("stage_peak") or {}).values() if v is not None), default=0.0)
    rss["main"] = max(rss.get("main", 0.0), stage_max)
    row["peak_rss_mb"] = rss.get("main")
    row["peak_rss_by_role_mb"] = dict(sorted(rss.items()))
    row["processes"] = len(peaks)
    row["commit"] = _commit()
    return row


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--n", type=int, nargs="+", default=[500, 2000])
    ap.add_argument("--modes", nargs="+", default=["memory", "parts"])
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--batch", type=int, default=64)
    ap.add_argument("--child", nargs=3, metavar=("RAW", "OUT", "MODE"), help=argparse.SUPPRESS)
    a = ap.parse_args()
    if a.child:
        raw, out, mode = Path(a.child[0]), Path(a.child[1]), a.child[2]
        run = child_flow if mode == "flow" else child
        print(json.dumps(run(raw, out, mode, a.workers, a.batch)))
        return
    import synth

    rows = []
    dest = ROOT / "bench" / "results" / "memory_growth.json"
    for n in a.n:
        raw = ROOT / "bench" / f".corpus-mem-{n}"
        if not (raw / ".complete").exists():
            shutil.rmtree(raw, ignore_errors=True)
            synth.generate(n, raw)
            (raw / ".complete").write_text("")
        for mode in a.modes:
            out = ROOT / "bench" / ".work-mem"
            shutil.rmtree(out, ignore_errors=True)
            cmd = [sys.executable, __file__, "--workers", str(a.workers), "--batch", str(a.batch),
                   "--child", str(raw), str(out), mode]
            if mode == "flow":
                row = measure_flow(cmd, out)
                rows.append(row)
                print(json.dumps(row), flush=True)
                dest.write_text(json.dumps(merge_rows(dest, [row]), indent=1) + "\n")
                continue
            res = subprocess.run(cmd, capture_output=True, text=True, check=True)
            row = json.loads(res.stdout.strip().splitlines()[-1])
            marks = [ln for ln in res.stderr.splitlines() if ln.endswith(" MB") and ", peak " in ln]
            row["commit"] = _commit()
            row["stages"] = {ln.split(":")[0]: float(ln.split()[-2]) for ln in marks}  # peak so far
            row["stage_peak"] = {ln.split(":")[0]: float(ln.split()[2]) for ln in marks}  # the stage's own
            row["rss_after"] = {ln.split(":")[0]: float(ln.split()[5]) for ln in marks}  # left behind
            rows.append(row)
            print(json.dumps(row), flush=True)
            dest.write_text(json.dumps(merge_rows(dest, [row]), indent=1) + "\n")  # kept if a later N fails


def _commit() -> str:
    """The commit measured (with `+dirty` when the work tree differs from it)."""
    def git(*args: str) -> str:
        return subprocess.run(["git", *args], cwd=ROOT, capture_output=True, text=True).stdout.strip()
    dirty = git("status", "--porcelain", "--", "flows", "schemas", "bench/memory_growth.py")
    return git("rev-parse", "--short", "HEAD") + ("+dirty" if dirty else "")


def merge_rows(dest: Path, rows: list[dict]) -> list[dict]:
    """The rows of earlier invocations with the same (mode, n) replaced by this one's, so that
    N = 2,000 and 20,000 today and N = 100,000 tonight end up in one file, ordered by (mode, n)."""
    old = json.loads(dest.read_text()) if dest.exists() else []
    new = {(r["mode"], r["n"]) for r in rows}
    return sorted([r for r in old if (r["mode"], r["n"]) not in new] + rows, key=lambda r: (r["mode"], r["n"]))


if __name__ == "__main__":
    main()
