"""Give the memory a finished stage borrowed back to the operating system.

Why: the flow process runs its heavy stages one after the other (finalise, validate, card,
publish), each streaming record batches through pyarrow (mimalloc), polars, pandas and Great
Expectations. When a stage ends its objects are freed, but the allocators keep the freed pages
for reuse, so the next stage starts from the previous one's high-water mark and the peaks stack
up. Measured on a 20,000-article snapshot: after validation, the card or the year partitions,
asking pyarrow's pool to release unused memory and glibc to trim its heap returned 40-140 MB
each. It costs a garbage collection (tens of milliseconds) per stage.

`peak_mb` / `reset_peak` measure each stage's own peak RSS (the flow logs them and puts them in
the run summary), so a memory regression shows up in every run, not only in a benchmark.
"""
from __future__ import annotations

import ctypes
import ctypes.util
import gc
from collections.abc import Iterator
from contextlib import contextmanager
from functools import cache

import pyarrow as pa


@cache
def _libc():
    """glibc, when this process runs on it (malloc_trim is glibc's); None elsewhere."""
    name = ctypes.util.find_library("c")
    try:
        lib = ctypes.CDLL(name) if name else None
        return lib if lib is not None and hasattr(lib, "malloc_trim") else None
    except OSError:
        return None


def release() -> None:
    """Collect garbage, then return unused pages of pyarrow's memory pool and of the C heap."""
    gc.collect()
    pa.default_memory_pool().release_unused()
    libc = _libc()
    if libc is not None:
        libc.malloc_trim(0)


@contextmanager
def frozen() -> Iterator[None]:
    """Collections inside see only the objects created inside: what exists on entry (the NER
    model, Prefect, Great Expectations' classes) is moved out of the collector's way
    (`gc.freeze`) until the block ends.

    Why: a full collection walks every live object, and the flow process holds millions of
    long-lived ones, so each one took ~0.25 s: the 24 that validation and the card make per run
    (one per table and per GE batch, to free memory as they go) were 5.8 s of the 5 seeds'
    ~17 s after the process stage. Frozen, they walk only what the stage allocated, and the
    cycles it leaves (GE's, around each batch's execution engine) are still collected. Garbage
    that exists on entry waits until the block ends (enter after a `release`, as the runner
    does before validation)."""
    gc.freeze()
    try:
        yield
    finally:
        gc.unfreeze()


_STATUS = "/proc/self/status"
_CLEAR_REFS = "/proc/self/clear_refs"


def _status_mb(key: str) -> float | None:
    try:
        with open(_STATUS, encoding="ascii") as fh:
            for line in fh:
                if line.startswith(key + ":"):
                    return round(int(line.split()[1]) / 1024, 1)
    except OSError:
        pass
    return None


def peak_mb() -> float | None:
    """This process's peak RSS in MB since the last `reset_peak` (VmHWM), or None off Linux."""
    return _status_mb("VmHWM")


def rss_mb() -> float | None:
    """This process's resident memory now, in MB (VmRSS), or None off Linux: what the next stage
    starts from."""
    return _status_mb("VmRSS")


def reset_peak() -> bool:
    """Reset VmHWM to the current RSS (Linux >= 4.0: write 5 to /proc/self/clear_refs), so the
    next `peak_mb` is the peak of what runs in between; False when not possible (then `peak_mb`
    stays the peak since the process started)."""
    try:
        with open(_CLEAR_REFS, "w", encoding="ascii") as fh:
            fh.write("5")
        return True
    except OSError:
        return False
