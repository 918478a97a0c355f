"""`bantin serve`: a local Prefect server (SQLite) plus the process serving `bantin/hourly`.

Why one command: `make serve` must work from a fresh clone with nothing else running. Unless
PREFECT_API_URL (or --api-url) names a server to use, this starts `prefect server start` on
127.0.0.1:<port> as a child (same process group, so Ctrl+C or a group signal stops both), waits
for its health endpoint, points PREFECT_API_URL at it and serves the deployment. Another shell
triggers a run with `PREFECT_API_URL=http://127.0.0.1:<port>/api prefect deployment run bantin/hourly`.
"""
from __future__ import annotations

import argparse
import os
import signal
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

from bantin.errors import EXIT_OK, UsageError
from bantin.processes import reap
from bantin.settings import Settings

DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 4200
DEFAULT_CRON = "0 * * * *"  # hourly, on the hour


def add_arguments(p: argparse.ArgumentParser) -> None:
    d = Settings()
    p.add_argument("--raw", type=Path, default=d.raw_dir, help="directory of input .txt files (default: raw)")
    p.add_argument("--out", type=Path, default=d.out_dir, help="output directory (default: output)")
    p.add_argument("--full", action="store_true", help="scheduled runs reprocess every input")
    p.add_argument("--cron", default=os.environ.get("BANTIN_CRON", DEFAULT_CRON),
                   help="schedule of the deployment (default: hourly, '0 * * * *'; env BANTIN_CRON)")
    p.add_argument("--name", default="hourly", help="deployment name (default: hourly)")
    p.add_argument("--host", default=DEFAULT_HOST, help="address of the local Prefect server (default: 127.0.0.1)")
    p.add_argument("--port", type=int, default=int(os.environ.get("BANTIN_PORT", DEFAULT_PORT)),
                   help="port of the local Prefect server (default: 4200; env BANTIN_PORT)")
    p.add_argument("--api-url", default=os.environ.get("PREFECT_API_URL"),
                   help="use this Prefect API instead of starting a server (default: $PREFECT_API_URL)")
    p.add_argument("--startup-timeout", type=float, default=180.0, help="seconds to wait for the server")


def healthy(api_url: str, timeout: float = 2.0) -> bool:
    """True when a Prefect API answers its health check at api_url (…/api)."""
    try:
        with urllib.request.urlopen(f"{api_url.rstrip('/')}/health", timeout=timeout) as resp:
            return resp.status == 200
    except (urllib.error.URLError, OSError, ValueError):
        return False


def start_server(host: str, port: int, timeout: float) -> tuple[subprocess.Popen | None, str]:
    """Start `prefect server start` (or reuse a server already answering there); wait until healthy."""
    api_url = f"http://{host}:{port}/api"
    if healthy(api_url):
        print(f"Using the Prefect server already running at {api_url}", flush=True)
        return None, api_url
    env = dict(os.environ)
    env.pop("PREFECT_API_URL", None)
    env.setdefault("PREFECT_HOME", str(Path.cwd() / ".prefect"))
    env.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")
    Path(env["PREFECT_HOME"]).mkdir(parents=True, exist_ok=True)
    cmd = [sys.executable, "-m", "prefect", "server", "start", "--host", host, "--port", str(port)]
    print(f"Starting a local Prefect server on http://{host}:{port} (PREFECT_HOME={env['PREFECT_HOME']})", flush=True)
    proc = subprocess.Popen(cmd, env=env)
    deadline = time.monotonic() + timeout
    while not healthy(api_url):
        if proc.poll() is not None:
            raise UsageError(f"The Prefect server exited with code {proc.returncode} before it was ready; "
                             f"is port {port} taken? Choose another with --port.")
        if time.monotonic() > deadline:
            stop_server(proc)
            raise UsageError(f"The Prefect server did not answer on {api_url} within {timeout:.0f} s.")
        time.sleep(1.0)
    return proc, api_url


def stop_server(proc: subprocess.Popen | None, grace: float = 20.0) -> None:
    if proc is None or proc.poll() is not None:
        return
    proc.terminate()
    reap(proc, grace)


def _raise_interrupt(signum, frame):  # noqa: ARG001 - signal handler signature
    raise KeyboardInterrupt


def run(args: argparse.Namespace) -> int:
    if not args.raw.is_dir():
        raise UsageError(f"The raw directory {args.raw} does not exist; pass the folder of .txt files with --raw.")
    os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")
    server, api_url = (None, args.api_url) if args.api_url else start_server(args.host, args.port,
                                                                              args.startup_timeout)
    os.environ["PREFECT_API_URL"] = api_url
    signal.signal(signal.SIGTERM, _raise_interrupt)  # so `finally` stops the server on SIGTERM too
    try:
        from flows import deploy  # imports Prefect: only now that PREFECT_API_URL is set

        ui = api_url.removesuffix("/api")
        print(f"Prefect UI: {ui}\nServing deployment {deploy.deployment_ref(args.name)} (cron {args.cron!r}).\n"
              f"Trigger a run from another shell with:\n  export PREFECT_API_URL={api_url}\n"
              f"  .venv/bin/prefect deployment run '{deploy.deployment_ref(args.name)}'", flush=True)
        deploy.serve(raw_dir=args.raw, out_dir=args.out, full=args.full, cron=args.cron, name=args.name)
    except KeyboardInterrupt:
        pass
    finally:
        stop_server(server)
    return EXIT_OK
