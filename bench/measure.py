"""The measurements `run_bench.py` makes, each run in a fresh child process (`--_child`).

Why a module of its own: the parent (corpus, process-tree sampling, ratios, the table) and the
children (what is timed) change for different reasons; keeping the timed code short makes it
easy to check that it times what the README says it does.

- `floor`: the bare NER pass as issue 23 defines it, over the same raw files as the pipeline:
  every `.txt` read as UTF-8, underthesea's own `sent_tokenize`, then `ner` on each sentence,
  in one process. Loading the models (`warm`) is timed apart and not in the floor.
- `pipeline`: one `bantin run`, started the way flows/commands/run.py starts it (the temporary
  Prefect server launched first, booting while this process imports Prefect and the stages).
- `pool` (`--quick` only): the same steps through `bantin.runner` on bench/pool.py's process
  pool, no Prefect, validation skipped: a smoke run of the benchmark machinery in seconds, whose
  figures are not comparable with a real run's.
"""
from __future__ import annotations

import time
from pathlib import Path

import psutil


def _since_start() -> float:
    return time.time() - psutil.Process().create_time()


def floor(raw: Path) -> dict:
    """underthesea `sent_tokenize` + `ner` per sentence over every .txt under `raw`."""
    from bantin.version import pipeline_version
    from bantin.vi import nlp

    startup = _since_start()
    t0 = time.perf_counter()
    nlp.warm()
    lib = nlp._lib()
    warm_s = time.perf_counter() - t0
    files = sorted(p for p in Path(raw).rglob("*.txt") if p.is_file())
    read_s = split_s = ner_s = 0.0
    sentences = tokens = chars = 0
    for path in files:
        t0 = time.perf_counter()
        text = path.read_bytes().decode("utf-8", errors="replace")
        t1 = time.perf_counter()
        sents = lib.sent_tokenize(text)
        t2 = time.perf_counter()
        for s in sents:
            tokens += len(lib.ner(s))
        t3 = time.perf_counter()
        read_s, split_s, ner_s = read_s + t1 - t0, split_s + t2 - t1, ner_s + t3 - t2
        sentences, chars = sentences + len(sents), chars + len(text)
    return {"pipeline_version": pipeline_version(), "underthesea": nlp.underthesea_version(),
            "startup_s": startup, "warm_s": warm_s, "files": len(files), "chars": chars,
            "sentences": sentences, "tokens": tokens, "read_s": read_s, "sent_tokenize_s": split_s,
            "ner_s": ner_s, "floor_s": split_s + ner_s}


def pipeline(raw: Path, out: Path, workers: int, batch_size: int, dask: str | None, full: bool) -> dict:
    """One real `bantin run` (Prefect flow, worker processes, `--inline-max 0`)."""
    from flows.server import TemporaryServer

    server = TemporaryServer.launch()
    from bantin.settings import Settings
    from bantin.version import pipeline_version
    from flows import pipeline as flow

    import_s = _since_start()
    if server is not None:
        server.wait()
    startup_s = _since_start()  # imports and server both done: the flow can start
    try:
        t1 = time.perf_counter()
        summary = flow.run(Settings(raw_dir=raw, out_dir=out, workers=workers, batch_size=batch_size,
                                    dask_address=dask, full=full, inline_max=0), server=server)
        flow_s = time.perf_counter() - t1
    finally:
        if server is not None:
            server.stop()
    return _result(summary, pipeline_version(), import_s=import_s, startup_s=startup_s, flow_s=flow_s,
                   server_s=server.boot_seconds if server is not None else 0.0, out=out)


def pool(raw: Path, out: Path, workers: int, batch_size: int, full: bool) -> dict:
    """`bantin.runner.run` on a fork pool of `workers`, validation skipped (`--quick`)."""
    import shutil

    from pool import PoolExecutor

    from bantin import runner
    from bantin.settings import Settings
    from bantin.validate.gate import ValidationReport
    from bantin.version import pipeline_version
    from bantin.vi import nlp

    def no_validation(tables, quality_dir, run_id):
        Path(quality_dir).mkdir(parents=True, exist_ok=True)
        return ValidationReport(True, [], Path(quality_dir) / "index.html", Path(quality_dir) / "summary.json",
                                data_docs="skipped (bench --quick)")

    runner.validate_step = no_validation
    import_s = _since_start()
    t1 = time.perf_counter()
    outcome = runner.run(Settings(raw_dir=raw, out_dir=out, batch_size=batch_size, full=full),
                         PoolExecutor(workers, initializer=nlp.warm, context="spawn"))
    flow_s = time.perf_counter() - t1
    shutil.rmtree(Path(out) / "quality", ignore_errors=True)
    return _result(outcome.summary, pipeline_version(), import_s=import_s, startup_s=import_s, flow_s=flow_s,
                   server_s=0.0, out=out)


def _result(summary: dict, version: str, *, out: Path, **seconds: float) -> dict:
    from bantin.vi import nercache

    timings = summary.get("timings", {})
    return {"pipeline_version": version, **seconds, "timings": timings,
            "stages_s": round(sum(timings.values()), 3), "stage_seconds": summary.get("stage_seconds", {}),
            "articles": summary.get("articles"), "quarantined": summary.get("quarantined"),
            "plan": summary.get("plan", {}), "changed": summary.get("changed", True),
            "ner_cache_entries": nercache.entries(Path(out) / "current" / nercache.CACHE_FILE)}
