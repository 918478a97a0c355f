"""Faults inside a real run end in one `bantin: error:` sentence and the documented exit code,
with the previous snapshot intact: a full disk (exit 3) and a failed quality gate (exit 1).

The disk is a 40 MB tmpfs mounted in a private mount namespace (`unshare -m`, so nothing is
mounted for anyone else); the first run fills it with a snapshot, a filler file leaves a few
hundred kilobytes, and the second run (`--full`) must fail cleanly. The quality gate fails
because a suite result is made to fail in the run's own process (a small driver script around
`bantin.cli.main`): everything else, Prefect included, is the real thing.
"""
from __future__ import annotations

import json
import os
import shutil
import subprocess
import textwrap

import pytest
from locations import ROOT, SEEDS
from prefect.settings import PREFECT_API_URL

pytestmark = pytest.mark.slow

PYTHON = str(ROOT / ".venv" / "bin" / "python")
BANTIN = str(ROOT / ".venv" / "bin" / "bantin")

DISK_FULL = textwrap.dedent("""
    import json, os, subprocess, sys
    import pyarrow.parquet as pq
    raw, out, bantin = sys.argv[1:4]
    os.makedirs(out)
    subprocess.run(["mount", "-t", "tmpfs", "-o", "size=40m", "tmpfs", out], check=True)
    first = subprocess.run([bantin, "run", "--raw", raw, "--out", out], capture_output=True, text=True)
    before = os.path.realpath(os.path.join(out, "current"))
    free = os.statvfs(out).f_bavail * os.statvfs(out).f_frsize
    with open(os.path.join(out, "filler"), "wb") as fh:  # leave 300 KB
        fh.write(b"0" * max(0, free - 300_000))
    second = subprocess.run([bantin, "run", "--raw", raw, "--out", out, "--full"], capture_output=True, text=True)
    after = os.path.realpath(os.path.join(out, "current"))
    os.remove(os.path.join(out, "filler"))
    n = pq.read_table(os.path.join(out, "articles.parquet")).num_rows
    left = sorted(p for p in os.listdir(os.path.join(out, "snapshots")) if p.startswith("."))
    print(json.dumps({"first": first.returncode, "second": second.returncode, "stderr": second.stderr,
                      "same_snapshot": before == after, "articles": n, "staging_left": left}))
""")


@pytest.fixture
def seeds(tmp_path):
    raw = tmp_path / "raw"
    raw.mkdir()
    for p in SEEDS:
        shutil.copy2(p, raw / p.name)
    return raw


def _env() -> dict:
    return dict(os.environ, PREFECT_API_URL=PREFECT_API_URL.value(), PREFECT_LOGGING_LEVEL="WARNING")


def _one_error_line(err: str) -> str:
    errors = [ln for ln in err.splitlines() if ln.startswith("bantin: error:")]
    assert len(errors) == 1 and "Traceback" not in err, err[-3000:]
    return errors[0]


@pytest.mark.skipif(shutil.which("unshare") is None, reason="needs util-linux unshare for a private tmpfs")
def test_a_full_disk_exits_3_and_keeps_the_previous_snapshot(prefect_harness, seeds, tmp_path):
    script = tmp_path / "disk_full.py"
    script.write_text(DISK_FULL)
    proc = subprocess.run(["unshare", "-m", "--propagation", "private", PYTHON, str(script), str(seeds),
                           str(tmp_path / "out"), BANTIN], capture_output=True, text=True, env=_env(), timeout=900)
    assert proc.returncode == 0, proc.stderr[-3000:]
    got = json.loads(proc.stdout.strip().splitlines()[-1])
    assert got["first"] == 0 and got["second"] == 3, got["stderr"][-3000:]
    assert "ran out of space" in _one_error_line(got["stderr"])
    assert got["same_snapshot"] and got["articles"] == len(SEEDS)  # the previous snapshot, whole
    assert got["staging_left"] == []  # the unfinished snapshot was removed to give the space back


GATE = textwrap.dedent("""
    import sys
    import bantin.steps as steps
    real = steps.run_suites

    def failing(tables, quality_dir, run_id):
        report = real(tables, quality_dir=quality_dir, run_id=run_id)
        report.success = report.suites[0].success = False
        report.suites[0].failed.append("an expectation made to fail by the test")
        return report

    steps.run_suites = failing
    from flows.cli import main
    sys.exit(main(sys.argv[1:]))
""")


def test_a_failed_quality_gate_exits_1_with_one_sentence(prefect_harness, seeds, tmp_path):
    script = tmp_path / "gate.py"
    script.write_text(GATE)
    proc = subprocess.run([PYTHON, str(script), "run", "--raw", str(seeds), "--out", str(tmp_path / "out")],
                          capture_output=True, text=True, env=_env(), timeout=900, cwd=ROOT)
    assert proc.returncode == 1, proc.stderr[-3000:]
    assert "quality gate failed" in _one_error_line(proc.stderr)
    assert not (tmp_path / "out" / "current").exists()  # nothing was published
