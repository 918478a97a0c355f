"""prefect.yaml for real: a Prefect server on a free loopback port, `prefect deploy --all` from the
project, a process worker, `prefect deployment run`, the dataset read back; then the worker and the
server stop and no process this test started is left."""
from __future__ import annotations

import os
import signal
import subprocess

import pyarrow.parquet as pq
import pytest
from live import free_port, get_json, none_left, start, stop, wait_for
from locations import ROOT

pytestmark = pytest.mark.slow

BIN = ROOT / ".venv" / "bin"
POOL, DEPLOYMENT = "bantin-process", "bantin/pool-hourly"


def _cli(argv: list[str], env: dict, timeout: float = 120, cwd=ROOT) -> subprocess.CompletedProcess:
    return subprocess.run(argv, cwd=cwd, env=env, capture_output=True, text=True, timeout=timeout)


def test_deploy_all_worker_and_deployment_run_produce_the_dataset(tmp_path, seed_dir):
    home = tmp_path / "prefect-home"  # also the marker of every process this test starts
    port = free_port()
    api = f"http://127.0.0.1:{port}/api"
    env = {k: v for k, v in os.environ.items() if not k.startswith("PREFECT_")}
    env.update(PREFECT_HOME=str(home), PREFECT_SERVER_ANALYTICS_ENABLED="false", DO_NOT_TRACK="1",
               PREFECT_LOGGING_LEVEL="INFO")
    server_log, worker_log = tmp_path / "server.log", tmp_path / "worker.log"
    server = start([str(BIN / "prefect"), "server", "start", "--host", "127.0.0.1", "--port", str(port)],
                   server_log, cwd=tmp_path, env=env)
    worker = None
    yaml_before = (ROOT / "prefect.yaml").read_bytes()
    try:
        wait_for(lambda: get_json(f"{api}/health"), [server], 150, [server_log])
        env["PREFECT_API_URL"] = api

        # `make deploy`: the process pool (created once) and `prefect deploy --all` from prefect.yaml
        made = _cli(["make", "-s", "deploy"], env, timeout=180)
        assert made.returncode == 0, made.stdout[-2000:] + made.stderr[-2000:]
        pool = get_json(f"{api}/work_pools/{POOL}")
        assert pool["type"] == "process"
        again = _cli([str(BIN / "prefect"), "--no-prompt", "deploy", "--all"], env)  # what the recipe says
        assert again.returncode == 0, again.stdout[-2000:] + again.stderr[-2000:]
        dep = get_json(f"{api}/deployments/name/{DEPLOYMENT}")
        assert dep["work_pool_name"] == POOL and dep["entrypoint"] == "flows/pipeline.py:bantin_pipeline"
        assert dep["parameters"] == {"raw_dir": "raw", "out_dir": "output", "full": False}
        assert dep["pull_steps"] == [{"prefect.deployments.steps.set_working_directory": {"directory": str(ROOT)}}]
        assert [s["schedule"]["cron"] for s in dep["schedules"]] == ["0 * * * *"]
        assert dep["global_concurrency_limit"]["limit"] == 1
        assert (ROOT / "prefect.yaml").read_bytes() == yaml_before  # deploying does not rewrite it

        worker = start([str(BIN / "prefect"), "worker", "start", "--pool", POOL], worker_log, cwd=tmp_path, env=env)
        out = tmp_path / "out"
        run = _cli([str(BIN / "prefect"), "deployment", "run", DEPLOYMENT, "--param", f"raw_dir={seed_dir}",
                    "--param", f"out_dir={out}", "--watch", "--watch-timeout", "280"], env, timeout=300, cwd=tmp_path)
        assert run.returncode == 0, run.stdout[-3000:] + run.stderr[-3000:] + worker_log.read_text()[-3000:]
        assert "Completed" in run.stdout
        table = pq.read_table(out / "articles.parquet")
        assert table.num_rows == 5
        assert set(table.column("source_file").to_pylist()) == {p.name for p in seed_dir.glob("*.txt")}
        assert "Flow run" in worker_log.read_text() and "Completed" in worker_log.read_text()
    finally:
        # Ctrl+C for the worker while its server is still up (it reports its shutdown there), then the server.
        stopped = {"worker": stop(worker, signal.SIGINT) if worker else True, "server": stop(server)}
    assert stopped == {"worker": True, "server": True}, "a process needed SIGKILL"
    assert get_json(f"{api}/health") is None
    assert none_left(str(home)) == []
