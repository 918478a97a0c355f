"""The scheduled deployment of the `bantin` flow: `bantin/hourly`, served by a local process.

Why `flow.serve` (and not a work pool + worker): one long-running process both registers the
deployment (schedule + default parameters) and executes its runs, which is all a single machine
needs; `prefect deployment run bantin/hourly` from any shell pointed at the same API then runs it.
Paths are made absolute here, because runs execute in a subprocess whose working directory is not
guaranteed to be the caller's.
"""
from __future__ import annotations

from pathlib import Path

from prefect.deployments.runner import EntrypointType

from flows.pipeline import DEPLOYMENT_NAME, FLOW_NAME, bantin_pipeline


def deployment_ref(name: str = DEPLOYMENT_NAME) -> str:
    """What `prefect deployment run` takes: `<flow>/<deployment>`."""
    return f"{FLOW_NAME}/{name}"


def parameters(raw_dir: Path, out_dir: Path, full: bool = False) -> dict:
    """Default parameters of the deployment; a triggered run may override each with --param."""
    return {"raw_dir": str(Path(raw_dir).resolve()), "out_dir": str(Path(out_dir).resolve()), "full": full}


def serve(*, raw_dir: Path, out_dir: Path, cron: str, full: bool = False,
          name: str = DEPLOYMENT_NAME) -> None:
    """Register the deployment with its cron schedule and execute its runs until interrupted.

    limit=1: a scheduled run that comes due while the previous one still runs waits for it rather
    than failing on the output lock."""
    bantin_pipeline.serve(
        name=name,
        cron=cron,
        parameters=parameters(raw_dir, out_dir, full),
        description="Process new and changed articles in raw_dir into a validated snapshot in out_dir.",
        tags=["bantin"],
        limit=1,
        entrypoint_type=EntrypointType.MODULE_PATH,
    )
