"""bench/prefect_overhead.py runs a real flow with a process pool and prints one figure per N
(the figures are for the README, not asserted: memory is measured by benchmark scripts)."""
from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest
from locations import ROOT


@pytest.mark.skipif(not Path("/proc/self/status").exists(), reason="reads VmRSS (Linux)")
def test_prints_the_flow_process_growth_per_n():
    out = subprocess.run([sys.executable, str(ROOT / "bench" / "prefect_overhead.py"), "--n", "3"],
                         capture_output=True, text=True, check=True, cwd=ROOT, timeout=600).stdout
    assert re.fullmatch(r"3 task runs: flow process RSS \+-?\d+\.\d MB over the flow's start \(\d+ MB\)\n", out), out
