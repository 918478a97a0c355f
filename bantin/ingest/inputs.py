"""The scan's input files and per-file lookups as Arrow columns, not Python objects.

Why: the flow process plans, batches and decides over every input file, and at 100,000 files
one slotted `InputFile` (five fields, a 64-character hash, two paths, a datetime) cost ~630 bytes
of RSS, a `{source_file: value}` dict entry ~200 more: together ~90 MB held from the scan to the
end of assembly, growing with the corpus. The same facts as Arrow columns are ~200 bytes a file
and no Python objects. `Inputs` still reads as a sequence of `InputFile` (what workers, tests
and `ingest.load` take), building each record only when it is asked for: a batch at a time.

`Keyed` is the read-only `{name: value}` mapping the plan and the state table need (context
key and bytes hash per file), answered column against column (`values_for`) with one Arrow hash
lookup; its scalar `get` exists for tests and small tables only (it is O(n)).
"""
from __future__ import annotations

import os
from collections.abc import Iterable, Iterator, Mapping, Sequence
from datetime import timezone
from typing import overload

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

import schemas
from bantin.records import InputFile

SCHEMA = schemas.INPUT_FILES  # one row per input file
CHUNK = 4096  # records turned into one record batch at a time while building


def _batch(files: Sequence[InputFile]) -> pa.RecordBatch:
    return pa.record_batch([
        pa.array([os.fsencode(f.path) for f in files], pa.binary()),
        pa.array([f.source_file for f in files], pa.string()),
        pa.array([f.size_bytes for f in files], pa.int64()),
        pa.array([f.mtime for f in files], SCHEMA.field("mtime").type),
        pa.array([f.content_sha256 for f in files], pa.string()),
    ], schema=SCHEMA)


def _positions(i: slice, n: int) -> tuple[int, int] | np.ndarray:
    """A slice of a length-n sequence as (start, length) when contiguous, else the positions."""
    start, stop, step = i.indices(n)
    return (start, max(0, stop - start)) if step == 1 else np.arange(start, stop, step)


def _index(i: int, n: int) -> int:
    if not -n <= i < n:
        raise IndexError(i)
    return i % n


def _same_items(seq: Sequence, other: object) -> bool:
    """Sequence equality with any other sequence (a list or tuple in tests), item by item."""
    if not isinstance(other, Sequence) or isinstance(other, (str, bytes)):
        return NotImplemented
    return len(seq) == len(other) and all(a == b for a, b in zip(seq, other))


class Inputs(Sequence[InputFile]):
    """A sequence of `InputFile` stored as one Arrow table (SCHEMA)."""

    __slots__ = ("table",)

    def __init__(self, table: pa.Table | None = None) -> None:
        self.table = (table if table is not None else SCHEMA.empty_table()).combine_chunks()

    @classmethod
    def of(cls, files: Iterable[InputFile]) -> Inputs:
        """From records, CHUNK at a time (never every record and its column lists at once)."""
        if isinstance(files, Inputs):
            return files
        batches, chunk = [], []
        for f in files:
            chunk.append(f)
            if len(chunk) >= CHUNK:
                batches.append(_batch(chunk))
                chunk = []
        if chunk:
            batches.append(_batch(chunk))
        return cls(pa.Table.from_batches(batches, schema=SCHEMA))

    def __len__(self) -> int:
        return self.table.num_rows

    @overload
    def __getitem__(self, i: int) -> InputFile: ...
    @overload
    def __getitem__(self, i: slice) -> Inputs: ...
    def __getitem__(self, i):
        if isinstance(i, slice):
            pos = _positions(i, len(self))
            return Inputs(self.table.slice(*pos)) if isinstance(pos, tuple) else self.take(pos)
        return next(_records(self.table.slice(_index(i, len(self)), 1)))

    def __iter__(self) -> Iterator[InputFile]:
        return _records(self.table)

    def __eq__(self, other: object) -> bool:
        return _same_items(self, other)

    __hash__ = None  # type: ignore[assignment]  # mutable-looking sequence semantics, as list

    def __repr__(self) -> str:
        return f"Inputs({len(self)} files)"

    def take(self, indices) -> Inputs:
        return Inputs(self.table.take(pa.array(np.asarray(indices, dtype=np.int64), pa.int64())))

    def column(self, name: str) -> pa.Array:
        if not self.table.num_rows:
            return pa.array([], SCHEMA.field(name).type)
        return self.table.column(name).combine_chunks()


def _records(table: pa.Table) -> Iterator[InputFile]:
    """InputFile records, built one record batch at a time."""
    for b in table.to_batches(max_chunksize=CHUNK):
        cols = [b.column(i).to_pylist() for i in range(b.num_columns)]
        for path, src, size, mtime, sha in zip(*cols):
            yield InputFile(path=os.fsdecode(path), source_file=src, size_bytes=size, content_sha256=sha,
                            mtime=mtime.replace(tzinfo=timezone.utc) if mtime is not None else None)


class Keyed(Mapping[str, str | None]):
    """A read-only `{name: value}` mapping held as two aligned Arrow string arrays (unique names)."""

    __slots__ = ("names", "data")

    def __init__(self, names: pa.Array, values: pa.Array) -> None:
        if len(names) != len(values):
            raise ValueError(f"{len(names)} names but {len(values)} values")
        self.names = _string_array(names)
        self.data = _string_array(values)

    @classmethod
    def of(cls, mapping: Mapping[str, str | None]) -> Keyed:
        return mapping if isinstance(mapping, Keyed) else cls(pa.array(list(mapping), pa.string()),
                                                             pa.array(list(mapping.values()), pa.string()))

    def values_for(self, names) -> pa.Array:
        """The value of each of `names` (null when absent), in one hash lookup."""
        pos = pc.index_in(_string_array(names), value_set=self.names)
        return self.data.take(pos)

    def __getitem__(self, name: str) -> str | None:
        pos = pc.index_in(pa.array([name], pa.string()), value_set=self.names)[0].as_py()
        if pos is None:
            raise KeyError(name)
        return self.data[pos].as_py()

    def __iter__(self) -> Iterator[str]:
        return iter(self.names.to_pylist())

    def __len__(self) -> int:
        return len(self.names)

    def to_dict(self) -> dict[str, str | None]:
        return dict(zip(self.names.to_pylist(), self.data.to_pylist()))

    # Whole-mapping views in one pass (the Mapping mixins would look every name up alone).
    def items(self):
        return self.to_dict().items()

    def values(self):
        return self.to_dict().values()

    def __eq__(self, other: object) -> bool:
        return self.to_dict() == dict(other.items()) if isinstance(other, Mapping) else NotImplemented

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        return f"Keyed({len(self)} names)"


def _string_array(x) -> pa.Array:
    if isinstance(x, pa.ChunkedArray):
        x = x.combine_chunks()
    if isinstance(x, pa.Array):
        return x.cast(pa.string()) if x.type != pa.string() else x
    return pa.array(list(x), pa.string())


def lookup(mapping: Mapping[str, str | None], names) -> pa.Array:
    """`mapping[name]` (null when absent) for each of `names`, as an Arrow string array: one
    columnar lookup for a `Keyed`, a Python loop for a plain dict (tests, small inputs)."""
    if isinstance(mapping, Keyed):
        return mapping.values_for(names)
    seq = names.to_pylist() if isinstance(names, (pa.Array, pa.ChunkedArray)) else names
    return pa.array([mapping.get(n) for n in seq], pa.string())


class Names(Sequence[str]):
    """A sequence of names (source_files) held as one Arrow string array; equal to any sequence
    of the same strings (a tuple in tests), so it reads like the tuple it replaces."""

    __slots__ = ("array",)

    def __init__(self, names=()) -> None:
        self.array = names.array if isinstance(names, Names) else _string_array(names)

    def __len__(self) -> int:
        return len(self.array)

    def __getitem__(self, i):
        if isinstance(i, slice):
            pos = _positions(i, len(self))
            return Names(self.array.slice(*pos) if isinstance(pos, tuple) else self.array.take(pa.array(pos)))
        return self.array[_index(i, len(self))].as_py()

    def __iter__(self) -> Iterator[str]:
        for chunk in range(0, len(self.array), CHUNK):
            yield from self.array.slice(chunk, CHUNK).to_pylist()

    def __eq__(self, other: object) -> bool:
        return _same_items(self, other)

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        return f"Names({self.array.to_pylist()[:5]}{'...' if len(self) > 5 else ''}, n={len(self)})"
