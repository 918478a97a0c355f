"""Peak RSS of the flow process vs corpus size: streaming (parts) path vs the in-memory path.

    .venv/bin/python bench/memory_growth.py --n 500 2000 5000 [--workers 2]

For each N and each mode, a fresh child process runs the pipeline's stages exactly as
flows/pipeline.py orders them, without Prefect (scan -> corpus -> process batches in a
2-process pool -> assemble -> validate (Great Expectations) -> card -> publish), and prints its
own VmHWM (the kernel's peak RSS of that process: the flow process; workers are separate).

  mode "parts"  : what the flow does now: workers write part files and return summaries,
                  assemble.decide + finalise stream the parts, run_suites on the files (chunks),
                  card_files, publish(built_dir=...).
  mode "memory" : the previous design: workers return Arrow tables, assemble.assemble concatenates
                  them, run_suites / write_card / publish get whole in-memory tables.

NER IS STUBBED IN THIS SCRIPT ONLY (flows.nlp.ner_sentences returns no entities, count_words
splits on spaces) so that N = 5,000+ runs in minutes; the flow process never runs NLP, and the
article/line tables it handles are the real ones (same cleaning, same raw text and lines), so its
memory is what is measured. Throughput figures come from bench/run_bench.py, not from here.
"""
from __future__ import annotations

import argparse
import json
import multiprocessing as mp
import shutil
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))


def _stub_nlp() -> None:
    from flows import nlp

    nlp.ner_sentences = lambda sentences: [[] for _ in sentences]
    nlp.count_words = lambda text: sum(1 for w in text.split() if any(c.isalnum() for c in w))


def _hwm_mb() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def _mark(stage: str) -> None:
    """Peak RSS so far, per stage, on stderr (where the memory goes)."""
    print(f"{stage}: peak {_hwm_mb():.0f} MB", file=sys.stderr, flush=True)


def _work_parts(args):
    from flows.stages import process

    files, repeated, version, parts_dir, i = args
    return process.process_to_parts(files, repeated=repeated, version=version, run_id=None, max_bytes=20 << 20,
                                    parts_dir=parts_dir, batch_no=i)


def _work_memory(args):
    from flows.stages import process

    files, repeated, version, _, _ = args
    return process.process_batch(files, repeated=repeated, version=version, run_id=None, max_bytes=20 << 20)


def child(raw: Path, out: Path, mode: str, workers: int, batch: int) -> dict:
    _stub_nlp()
    import pyarrow as pa

    from flows.stages import assemble, card, card_files, corpus, finalise, ingest, parts, process, validate, write
    from flows.stages import plan as planning
    from flows.version import pipeline_version

    t0 = time.perf_counter()
    version = pipeline_version()
    scan = ingest.scan(raw, max_bytes=20 << 20)
    ctx = corpus.corpus_context(list(scan.files), min_docs=3, max_bytes=20 << 20)
    p = planning.make_plan(list(scan.files), None, version=version, context_keys=ctx.context_keys, full=False,
                           quarantined=scan.quarantined)
    todo, identical = assemble.split_identical(list(p.todo), {})
    sha = {f.source_file: f.content_sha256 for f in scan.files}
    work = out / "work"
    jobs = [(todo[i:i + batch], ctx.repeated, version, work / "parts", k)
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


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--n", type=int, nargs="+", default=[500, 2000])
    ap.add_argument("--modes", nargs="+", default=["memory", "parts"])
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--batch", type=int, default=64)
    ap.add_argument("--child", nargs=3, metavar=("RAW", "OUT", "MODE"), help=argparse.SUPPRESS)
    a = ap.parse_args()
    if a.child:
        print(json.dumps(child(Path(a.child[0]), Path(a.child[1]), a.child[2], a.workers, a.batch)))
        return
    import synth

    rows = []
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
            res = subprocess.run(cmd, capture_output=True, text=True, check=True)
            row = json.loads(res.stdout.strip().splitlines()[-1])
            row["stages"] = {ln.split(":")[0]: float(ln.split()[-2]) for ln in res.stderr.splitlines()
                             if ln.endswith(" MB") and ": peak " in ln}
            rows.append(row)
            print(json.dumps(row), flush=True)
    dest = ROOT / "bench" / "results" / "memory_growth.json"
    dest.write_text(json.dumps(rows, indent=1))


if __name__ == "__main__":
    main()
