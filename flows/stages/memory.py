"""Give the memory a finished stage borrowed back to the operating system.

Why: the flow process runs its heavy stages one after the other (finalise, validate, card,
publish), each streaming record batches through pyarrow (mimalloc), polars, pandas and Great
Expectations. When a stage ends its objects are freed, but the allocators keep the freed pages
for reuse, so the next stage starts from the previous one's high-water mark and the peaks stack
up. Measured on a 20,000-article snapshot: after validation, the card or the year partitions,
asking pyarrow's pool to release unused memory and glibc to trim its heap returned 40-140 MB
each. It costs a garbage collection (tens of milliseconds) per stage.
"""
from __future__ import annotations

import ctypes
import ctypes.util
import gc
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
