"""Stored file names (bantin/ingest/names.py): lossless, unique, printable, and they find the file."""
from __future__ import annotations

import os

from hypothesis import given, settings
from hypothesis import strategies as st

from bantin.ingest.names import escape_name, path_of, to_bytes
from bantin.printable import UNSAFE_RE


@settings(max_examples=400, deadline=None)
@given(st.binary(min_size=1, max_size=40).filter(lambda b: b"/" not in b and b"\x00" not in b))
def test_escape_is_reversible_printable_and_injective(name):
    stored = escape_name(name)
    assert to_bytes(stored) == name  # lossless, so also unique: two names never share a stored form
    assert not UNSAFE_RE.search(stored)  # no control character, escape or bidi control left
    stored.encode("utf-8")  # storable in Parquet


def test_the_colliding_pair_stays_apart():
    assert escape_name(b"x\xe9.txt") == "x\\xe9.txt"
    assert escape_name(b"x\\xe9.txt") == "x\\\\xe9.txt"
    assert escape_name("Tin tức số 1.txt") == "Tin tức số 1.txt"  # the usual case is untouched
    assert escape_name(b"\x1b[2J\xe2\x80\xaeabc.txt") == "\\x1b[2J\\xe2\\x80\\xaeabc.txt"


def test_path_of_finds_the_file_again(tmp_path):
    for name in (b"x\xe9.txt", b"x\\xe9.txt", b"a\x1bb.txt", "Quảng Bình.txt".encode()):
        full = os.path.join(os.fsencode(tmp_path), name)
        with open(full, "wb") as fh:
            fh.write(name)
        with open(path_of(tmp_path, escape_name(name)), "rb") as fh:
            assert fh.read() == name
