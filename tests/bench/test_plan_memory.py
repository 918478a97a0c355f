"""bench/plan_memory.py runs and prints one figure per variant (the figures themselves are for
the README, not asserted: memory targets are measured by benchmark scripts, not unit tests)."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from locations import ROOT


@pytest.mark.skipif(not Path("/proc/self/clear_refs").exists(), reason="reads VmHWM (Linux)")
def test_prints_the_peak_of_both_variants():
    out = subprocess.run([sys.executable, str(ROOT / "bench" / "plan_memory.py"), "--n", "2000"],
                         capture_output=True, text=True, check=True, cwd=ROOT).stdout.splitlines()
    assert out[0].startswith("plan of a re-run, 2,000 unchanged inputs")
    figures = {line.rsplit(None, 1)[0].strip(): float(line.rsplit(None, 1)[1]) for line in out[1:]}
    assert set(figures) == {"columnar", "rows (reference)"} and all(v >= 0 for v in figures.values())
