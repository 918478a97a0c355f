"""`bantin run`: run the pipeline once on the embedded defaults and print a summary.

Configuration errors are found before anything starts (`bantin.preflight`: exit 2), and from
the first line a SIGINT or SIGTERM stops the run, its workers and its Prefect server in seconds
(`flows.lifecycle`: exit 130 / 143), so a user never waits on, or reads a traceback from, a run
that cannot or should not go on.
"""
from __future__ import annotations

import argparse
import os
from pathlib import Path

from rich.console import Console
from rich.markup import escape
from rich.table import Table

from bantin import preflight
from bantin.errors import EXIT_DATA, EXIT_OK, UsageError
from bantin.printable import printable
from bantin.settings import Settings
from flows import lifecycle
from flows.quiet import quiet_expected_failures


def add_arguments(p: argparse.ArgumentParser) -> None:
    d = Settings()
    p.add_argument("--raw", type=Path, default=d.raw_dir, help="directory of input .txt files (default: raw)")
    p.add_argument("--out", type=Path, default=d.out_dir, help="output directory (default: output)")
    p.add_argument("--full", action="store_true", help="reprocess every input, ignoring the incremental state")
    p.add_argument("--batch-size", type=int, default=d.batch_size,
                   help="most articles per worker task (batches are near-equal, as many as a multiple of the "
                        "workers: bantin/build/batching.py)")
    p.add_argument("--workers", type=int, default=None, help="worker processes (default: all cores)")
    p.add_argument("--inline-max", type=int, default=d.inline_max,
                   help=f"runs with at most this many files to process do them in the flow process, without "
                        f"starting workers (default {d.inline_max}; 0: always use workers)")
    p.add_argument("--dask", metavar="ADDRESS", default=None,
                   help="run batches on Dask: 'local' for a LocalCluster or tcp://host:8786")
    p.add_argument("--max-pending", type=int, default=d.max_pending,
                   help="batches submitted ahead of the oldest unfinished one (default 0: 4 per worker; "
                        "1024 with --dask ADDRESS); bounds the flow process's memory on a large corpus")
    p.add_argument("--max-bytes", type=int, default=d.max_bytes, help="inputs larger than this are quarantined")
    p.add_argument("--boilerplate-min-docs", type=int, default=d.boilerplate_min_docs,
                   help="a short line found in this many articles is corpus boilerplate")
    p.add_argument("--keep-snapshots", type=int, default=d.keep_snapshots, help="old snapshots to keep")
    p.add_argument("--file-timeout", type=float, default=d.file_timeout, metavar="SECONDS",
                   help=f"an input whose load, cleaning and extraction take longer is quarantined as too_slow "
                        f"(default {d.file_timeout:g}; 0: no limit)")
    p.add_argument("--strict", action="store_true",
                   help="exit 1 when any input was quarantined or a directory could not be read")


def settings_from(args: argparse.Namespace) -> Settings:
    if args.batch_size < 1 or (args.workers is not None and args.workers < 1):
        raise UsageError("--batch-size and --workers must be positive whole numbers.")
    if args.inline_max < 0 or args.max_pending < 0:
        raise UsageError("--inline-max and --max-pending must be 0 or positive whole numbers.")
    if args.max_bytes < 1 or args.file_timeout < 0:
        raise UsageError("--max-bytes must be a positive whole number and --file-timeout 0 (no limit) or more.")
    # Before any work and before the Prefect server starts: exit 2 with a sentence (bantin.preflight).
    preflight.check(args.raw, args.out)
    return Settings(raw_dir=args.raw, out_dir=args.out, full=args.full, batch_size=args.batch_size,
                    workers=args.workers, dask_address=args.dask, max_bytes=args.max_bytes,
                    boilerplate_min_docs=args.boilerplate_min_docs, keep_snapshots=args.keep_snapshots,
                    strict=args.strict, inline_max=args.inline_max, max_pending=args.max_pending,
                    file_timeout=args.file_timeout)


def run(args: argparse.Namespace) -> int:
    # First of all: from here on SIGINT/SIGTERM stop the run and its children in seconds, with one
    # sentence and exit 130/143 (flows/lifecycle.py).
    with lifecycle.Stopper():
        settings = settings_from(args)
        os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")
        os.environ.setdefault("PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS", "180")
        from flows.server import TemporaryServer

        # The temporary API server boots in its own process while this one imports Prefect and the
        # stages (start-up is the slower of the two, not their sum).
        server = TemporaryServer.launch()
        try:
            from flows import pipeline  # imports Prefect: only when a run is asked for

            if not os.environ.get(lifecycle.DEBUG_ENV):
                quiet_expected_failures()
            summary = pipeline.run(settings, server=server)
        finally:
            if server is not None:
                server.stop()
    print_summary(summary, Console(stderr=False), temporary_api=server is not None)
    if settings.strict and (summary.get("quarantined") or summary.get("skipped_dirs")):
        return EXIT_DATA
    return EXIT_OK


#: Printed after a run on a temporary API server: it had no UI and its run history is gone with it.
UI_HINT = ("Prefect UI: none for this run (its temporary API server stopped with it).\n"
           "To keep runs and browse them: `make serve` (UI on http://127.0.0.1:4200), then run with "
           "PREFECT_API_URL=http://127.0.0.1:4200/api")


def print_summary(s: dict, console: Console, *, temporary_api: bool = False) -> None:
    t = Table(title=f"bantin run ({s.get('mode')})", show_header=True,
              caption="read = articles + aliases (exact duplicates) + quarantined")
    for col in ("read", "processed", "articles", "aliases", "quarantined", "ignored"):
        t.add_column(col, justify="right")
    t.add_row(str(s.get("inputs", 0)), str(s.get("plan", {}).get("to_process", 0)), str(s.get("articles", 0)),
              str(s.get("aliases", 0)), str(s.get("quarantined", 0)), str(s.get("ignored_files", 0)))
    console.print(t)
    peaks = s.get("peak_rss_mb") or {}
    times = Table(title="seconds and peak RSS per stage" if peaks else "seconds per stage")
    times.add_column("stage")
    times.add_column("seconds", justify="right")
    if peaks:
        times.add_column("peak MB", justify="right")
    for k, v in s.get("timings", {}).items():
        times.add_row(k, f"{v:.2f}", *([f"{peaks[k]:.0f}" if peaks.get(k) is not None else "–"] if peaks else []))
    console.print(times)
    if s.get("quarantined"):
        console.print(f"[yellow]warning:[/] {s['quarantined']} input(s) quarantined: "
                      f"{s.get('quarantine_reasons')}; see quarantine.parquet")
    for d, why in (s.get("skipped_dirs") or {}).items():
        console.print(f"[yellow]warning:[/] directory {escape(printable(d))} was not read: {escape(why)}; "
                      "the inputs in it, if any, are not in this run")
    if not s.get("changed", True):
        console.print("Nothing new or changed: no NLP work was done.")
    console.print(f"snapshot: {s.get('snapshot')}")
    if temporary_api:
        console.print(UI_HINT, style="dim")
