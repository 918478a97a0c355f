"""bantin/ingest/inputs.py: the columnar file list and lookups read exactly like the records and dicts
they replace (the pipeline's per-file memory depends on them holding no Python objects)."""
from __future__ import annotations

import os
import pickle
from datetime import datetime, timedelta, timezone

import pyarrow as pa
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bantin.ingest import inputs
from bantin.ingest.inputs import Inputs, Keyed, Names, lookup
from bantin.records import InputFile

NAMES = st.text(st.characters(blacklist_categories=("Cs",)), min_size=1, max_size=12)
# File-system paths as the OS gives them: an undecodable byte arrives as a surrogate escape.
PATHS = st.binary(min_size=1, max_size=20).filter(lambda b: b"\0" not in b).map(lambda b: "/raw/" + os.fsdecode(b))
MTIMES = st.none() | st.integers(0, 2**40).map(
    lambda us: datetime(1970, 1, 1, tzinfo=timezone.utc) + timedelta(microseconds=us))
SHAS = st.none() | st.text("0123456789abcdef", min_size=64, max_size=64)
RECORDS = st.lists(st.builds(InputFile, path=PATHS, source_file=NAMES, size_bytes=st.integers(0, 2**40),
                             mtime=MTIMES, content_sha256=SHAS), max_size=30)


@pytest.fixture
def small_chunks(monkeypatch):
    monkeypatch.setattr(inputs, "CHUNK", 4)  # several record batches even for a few records


@settings(max_examples=200, deadline=None)
@given(RECORDS, st.integers(-40, 40), st.integers(-40, 40), st.sampled_from([1, 2, 3, -1]))
def test_inputs_read_like_the_list_of_records(records, a, b, step):
    files = Inputs.of(records)
    assert len(files) == len(records) and list(files) == records and files == records
    assert list(files[a:b:step]) == records[a:b:step]
    if records:
        assert files[a % len(records)] == records[a % len(records)] and files[-1] == records[-1]
    assert list(files.take(list(range(len(records)))[::-1])) == records[::-1]
    assert pickle.loads(pickle.dumps(files)) == records
    assert all(f.mtime is None or f.mtime.tzinfo is timezone.utc for f in files)


def test_inputs_are_built_and_read_a_chunk_at_a_time(small_chunks):
    records = [InputFile(f"/raw/{i}.txt", f"{i}.txt", i, None, None) for i in range(10)]
    files = Inputs.of(iter(records))  # a generator: the scan never builds the full list
    assert files.table.schema == inputs.SCHEMA and list(files) == records
    assert files.column("source_file").to_pylist() == [f"{i}.txt" for i in range(10)]
    with pytest.raises(IndexError):
        files[10]
    assert Inputs.of(files) is files and len(Inputs()) == 0 and Inputs().column("path").type == pa.binary()


@settings(max_examples=200, deadline=None)
@given(st.dictionaries(NAMES, st.none() | NAMES, max_size=20), st.lists(NAMES, max_size=20))
def test_keyed_answers_as_the_dict_does(mapping, asked):
    k = Keyed.of(mapping)
    assert k == mapping and len(k) == len(mapping) and list(k) == list(mapping)
    assert dict(k.items()) == mapping and list(k.values()) == list(mapping.values())
    assert k.values_for(asked).to_pylist() == [mapping.get(x) for x in asked]
    assert lookup(k, asked).to_pylist() == lookup(mapping, asked).to_pylist() == [mapping.get(x) for x in asked]
    for x in asked:
        assert (x in k) == (x in mapping) and k.get(x) == mapping.get(x)
        if x not in mapping:
            with pytest.raises(KeyError):
                k[x]


@given(st.lists(NAMES, max_size=20), st.integers(-25, 25), st.integers(-25, 25), st.sampled_from([1, 2, -1]))
def test_names_equal_the_tuple_they_replace(names, a, b, step):
    n = Names(names)
    assert n == tuple(names) and tuple(names) == n and list(n) == names and len(n) == len(names)
    assert bool(n) == bool(names) and Names(n) == n and list(n[a:b:step]) == names[a:b:step]
    assert n != tuple(names) + ("extra",)


def test_names_iterate_across_chunks(small_chunks):
    names = [f"{i}.txt" for i in range(11)]
    assert list(Names(pa.chunked_array([names[:5], names[5:]]))) == names
