"""One PREFECT_HOME and no usage-data notice, however bantin is started (flows/env.py): the CLI
sets the same defaults the Makefile exports, before anything imports Prefect."""
from __future__ import annotations

import re
import subprocess
import sys

from locations import ROOT

from flows import env


def test_defaults_are_the_projects_prefect_home_and_no_tracking(tmp_path):
    environ: dict[str, str] = {}
    env.prepare(environ)
    assert environ["PREFECT_HOME"] == str(ROOT / ".prefect")
    assert environ["DO_NOT_TRACK"] == "1" and environ["PREFECT_SERVER_ANALYTICS_ENABLED"] == "false"


def test_a_prefect_home_already_set_wins(tmp_path):
    environ = {"PREFECT_HOME": str(tmp_path), "DO_NOT_TRACK": "0"}
    env.prepare(environ)
    assert environ["PREFECT_HOME"] == str(tmp_path) and environ["DO_NOT_TRACK"] == "0"


def test_an_installed_copy_keeps_prefects_own_default(tmp_path):
    """Outside a checkout (no pyproject.toml next to the package) no directory is invented."""
    environ: dict[str, str] = {}
    env.prepare(environ, root=tmp_path)
    assert "PREFECT_HOME" not in environ and environ["DO_NOT_TRACK"] == "1"


def test_the_makefile_exports_the_same_defaults():
    """`make run` and `.venv/bin/bantin run` from anywhere share one run history."""
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    home = re.search(r"^export PREFECT_HOME \?= (.+)$", makefile, re.M).group(1)
    assert home.replace("$(CURDIR)", str(ROOT)) == str(env.default_prefect_home())
    for key, value in env.DEFAULTS.items():
        assert re.search(rf"^export {key} \?= {re.escape(value)}$", makefile, re.M), key


def test_every_command_gets_the_environment_before_prefect_is_imported(tmp_path):
    """From another directory, with nothing set: the command module sees bantin's defaults and
    Prefect is not imported yet when they are set (it reads them at import)."""
    code = ("import os, sys\n"
            "from flows import cli\n"
            "from flows.commands import stats\n"
            "def probe(args):\n"
            "    print(os.environ.get('PREFECT_HOME'), os.environ.get('DO_NOT_TRACK'), 'prefect' in sys.modules)\n"
            "    return 0\n"
            "stats.run = probe\n"
            "sys.exit(cli.main(['stats']))\n")
    clean = {k: v for k, v in __import__("os").environ.items()
             if k not in ("PREFECT_HOME", "DO_NOT_TRACK") and not k.startswith("PREFECT_")}
    out = subprocess.run([sys.executable, "-c", code], cwd=tmp_path, env=clean, capture_output=True, text=True,
                         timeout=120)
    assert out.returncode == 0, out.stderr
    assert out.stdout.split() == [str(ROOT / ".prefect"), "1", "False"]


def test_the_prefect_telemetry_switch_is_off_under_these_defaults(monkeypatch):
    """DO_NOT_TRACK is what Prefect's client checks before it sends usage data or prints the
    first-run notice (prefect._internal.analytics.enabled); outside CI it is on without it."""
    from prefect._internal.analytics.ci_detection import CI_ENV_VARS
    from prefect._internal.analytics.enabled import is_telemetry_enabled

    for var in (*CI_ENV_VARS, "DO_NOT_TRACK"):
        monkeypatch.delenv(var, raising=False)
    assert is_telemetry_enabled() is True
    environ: dict[str, str] = {}
    env.prepare(environ)
    monkeypatch.setenv("DO_NOT_TRACK", environ["DO_NOT_TRACK"])
    assert is_telemetry_enabled() is False
