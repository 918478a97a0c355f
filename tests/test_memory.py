"""bantin/memory.py: a finished stage's pages go back to the operating system."""
from __future__ import annotations

import gc
from pathlib import Path

import numpy as np
import pyarrow as pa
import pytest

from bantin import memory


def _rss_mb() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    raise AssertionError("no VmRSS")


@pytest.mark.skipif(not Path("/proc/self/status").exists(), reason="reads RSS from /proc (Linux)")
def test_memory_freed_by_arrow_is_returned_after_release():
    gc.collect()
    memory.release()
    before = _rss_mb()
    chunks = [pa.array(np.arange(1_000_000, dtype=np.int64) + i) for i in range(40)]  # 40 x 8 MB
    whole = pa.concat_arrays(chunks)
    assert _rss_mb() > before + 300  # really allocated
    del chunks, whole
    memory.release()
    assert _rss_mb() < before + 100  # the 640 MB touched came back to the system


def test_release_is_safe_to_call_repeatedly():
    for _ in range(3):
        assert memory.release() is None


@pytest.mark.skipif(not Path("/proc/self/clear_refs").exists(), reason="VmHWM reset is Linux-only")
def test_peak_is_the_peak_since_the_last_reset():
    memory.release()
    assert memory.reset_peak() is True
    base = memory.peak_mb()
    big = np.ones(200 * 2**20 // 8)  # 200 MB, every page written
    assert memory.rss_mb() > base + 150  # resident now
    del big
    high = memory.peak_mb()
    assert base is not None and high is not None and high > base + 150  # the freed array still counts
    memory.release()
    memory.reset_peak()
    assert memory.peak_mb() < high - 150  # a new stage starts from what is resident now


def test_peak_is_none_without_proc(monkeypatch, tmp_path):
    monkeypatch.setattr(memory, "_STATUS", str(tmp_path / "missing"))
    monkeypatch.setattr(memory, "_CLEAR_REFS", str(tmp_path / "nodir" / "clear_refs"))
    assert memory.peak_mb() is None and memory.rss_mb() is None and memory.reset_peak() is False
