"""Hostile inputs at the ingest stage: every way a raw directory can be wrong ends in a decoded
text or in quarantine, and nothing outside the raw directory is read.

The cases and their expected outcomes are tests/hostile_corpus.py (shared with the end-to-end
run, tests/flows/test_hostile_run.py); here each is scanned and loaded alone, and all of them
together with the seeds.
"""
from __future__ import annotations

import codecs
import os
import tempfile
import time
import tracemalloc
from pathlib import Path

import hostile_corpus as hc
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from locations import SEEDS

from bantin.errors import UsageError
from bantin.ingest.files import _classify, load, scan
from bantin.ingest.legacy_vn import encode_vni
from bantin.ingest.names import escape_name
from bantin.records import Quarantined, RawDoc
from bantin.vi.language import detect_language

SEED_TEXT = hc.SEED_TEXT
CASES = hc.case_names()


def outcome(raw_dir: Path, **kw) -> dict[str, RawDoc | Quarantined]:
    res = scan(raw_dir, **kw)
    out: dict[str, RawDoc | Quarantined] = {q.source_file: q for q in res.quarantined}
    for f in res.files:
        assert f.source_file not in out
        out[f.source_file] = load(f, **kw)
    return out


def one(tmp_path: Path, name: str) -> RawDoc | Quarantined:
    corpus = hc.build(tmp_path, only={name} | ({p.name for p in SEEDS} if name == "link.txt" else set()))
    try:
        return outcome(corpus.raw)[name]
    finally:
        hc.unlock(corpus)


@pytest.mark.parametrize("name", CASES)
def test_each_hostile_input(tmp_path, name):
    corpus = hc.build(tmp_path, only={name} | ({p.name for p in SEEDS} if name == "link.txt" else set()))
    got = outcome(corpus.raw)
    hc.unlock(corpus)
    assert name in got
    res, expected = got[name], corpus.cases[name].ingest
    if expected[0] == "doc":
        assert isinstance(res, RawDoc), res
        assert (res.encoding, res.repairs) == expected[1:]
    else:
        assert isinstance(res, Quarantined), res
        assert (res.stage, res.reason) == ("ingest", expected[1])
        assert len(res.detail) > 60 and "\n" not in res.detail  # one paragraph for a person
        assert "\x1b" not in res.detail and "\u202e" not in res.detail


@pytest.mark.parametrize("name", ["utf16.txt", "mojibake.txt", "cp1258.txt", "vni.txt", "Tin tức Quảng Bình số 1.txt"])
def test_decoded_hostile_text_equals_the_original(tmp_path, name):
    assert one(tmp_path, name).text == SEED_TEXT


def test_invalid_utf8_detail_gives_the_offset(tmp_path):
    assert "byte offset 3000 " in one(tmp_path, "invalid_utf8.txt").detail


def test_huge_file_is_quarantined_quickly_in_bounded_memory(tmp_path):
    corpus = hc.build(tmp_path, only={"huge.txt"})
    tracemalloc.start()
    t0 = time.perf_counter()
    got = outcome(corpus.raw)
    elapsed = time.perf_counter() - t0
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    q = got["huge.txt"]
    assert isinstance(q, Quarantined) and q.reason == "too_large"
    assert q.content_sha256 is not None and "104857600 bytes" in q.detail
    assert peak < 8 * 1024 * 1024  # the 100 MB were never held in memory
    assert elapsed < 10


def test_a_link_inside_raw_is_followed_to_its_text(tmp_path):
    assert one(tmp_path, "link.txt").text == SEEDS[0].read_text(encoding="utf-8")


def test_links_out_of_raw_are_never_opened(tmp_path):
    """A link to a file outside raw/ (a secret, /etc/passwd, /dev/zero, a directory) is
    quarantined as outside_raw without a hash: its target was not even opened."""
    names = {"secret_link.txt", "passwd.txt", "zero.txt", "outside_dir.txt"}
    corpus = hc.build(tmp_path, only=names)
    res = scan(corpus.raw)
    assert list(res.files) == []
    assert {(q.source_file, q.reason, q.content_sha256) for q in res.quarantined} == {
        (n, "outside_raw", None) for n in names}
    assert all(hc.SECRET.decode() not in q.detail for q in res.quarantined)


def test_a_link_resolved_at_load_time_never_leaves_raw(tmp_path):
    """A file replaced by a link after the scan is not followed when it is read."""
    raw = tmp_path / "raw"
    raw.mkdir()
    (raw / "a.txt").write_text("Tin tức địa phương hôm nay.", encoding="utf-8")
    f = scan(raw).files[0]
    (raw / "a.txt").unlink()
    os.symlink("/etc/passwd", raw / "a.txt")
    q = load(f)
    assert isinstance(q, Quarantined) and q.reason in ("not_a_file", "unreadable")


def test_unreadable_file_is_quarantined_with_the_cause():
    """/proc/self/mem is a regular file whose read fails for every user (EIO), like a failing
    disk; classified directly, with / as the raw directory."""
    q = _classify("/proc/self/mem", "mem.txt", 1 << 20, "/")
    assert isinstance(q, Quarantined) and q.reason == "unreadable" and "could not be read" in q.detail


def test_two_links_pointing_at_each_other_are_a_loop(tmp_path):
    raw = tmp_path / "raw"
    raw.mkdir()
    os.symlink("b.txt", raw / "a.txt")
    os.symlink("a.txt", raw / "b.txt")
    got = outcome(raw)
    assert {k: v.reason for k, v in got.items()} == {"a.txt": "symlink_loop", "b.txt": "symlink_loop"}


def test_missing_directory_is_a_usage_error(tmp_path):
    with pytest.raises(UsageError, match="does not exist"):
        scan(tmp_path / "no-such-dir")


def test_english_text_is_flagged_by_language(tmp_path):
    assert detect_language(one(tmp_path, "english.txt").text) == "en"
    assert detect_language(SEED_TEXT) == "vi"


def test_file_names_are_stored_losslessly_and_uniquely(tmp_path):
    """`x\\xe9.txt` (a Latin-1 byte) and a file literally named `x\\\\xe9.txt` used to print the
    same; stored names keep them apart, are printable, and find the file again."""
    corpus = hc.build(tmp_path, only={escape_name(b"x\xe9.txt"), escape_name(b"x\\xe9.txt"),
                                      escape_name(b"\x1b[31mred\xe2\x80\xae.txt")})
    names = [f.source_file for f in scan(corpus.raw).files]
    assert sorted(names) == sorted(["x\\xe9.txt", "x\\\\xe9.txt", "\\x1b[31mred\\xe2\\x80\\xae.txt"])
    assert all(n.isprintable() for n in names)
    for f in scan(corpus.raw).files:
        assert isinstance(load(f), RawDoc)


def test_invariant_every_input_ends_in_exactly_one_place(tmp_path):
    """The whole corpus (seeds, every hostile case, ignored files, links out): each `*.txt`
    entry is decoded xor quarantined, exactly as the corpus says, and nothing else is."""
    corpus = hc.build(tmp_path)
    try:
        res = scan(corpus.raw)
        decoded = {f.source_file: load(f) for f in res.files}
    finally:
        hc.unlock(corpus)
    placed = [q.source_file for q in res.quarantined] + list(decoded)
    assert sorted(placed) == sorted(corpus.cases)  # every input, none twice, nothing from outside
    for name, case in corpus.cases.items():
        got = decoded.get(name) or next(q for q in res.quarantined if q.source_file == name)
        kind = "doc" if isinstance(got, RawDoc) else "q"
        assert kind == case.ingest[0] and (kind == "doc" or got.reason == case.ingest[1]), name
    assert set(res.ignored) == corpus.ignored
    assert {d for d, _ in res.skipped} == corpus.skipped
    for p in SEEDS:
        assert decoded[p.name].text == p.read_text(encoding="utf-8")


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.one_of(
    st.binary(max_size=2048),
    st.text(max_size=500).map(lambda s: s.encode("utf-8", errors="surrogatepass")),
    st.lists(st.sampled_from([SEED_TEXT[:200].encode(), b"\xff", b"\x00", b"\r", codecs.BOM_UTF8,
                              codecs.BOM_UTF16_LE, encode_vni(SEED_TEXT[:200]), b"\x1b[2J", b"<html>",
                              "\u202e".encode()]), max_size=8).map(b"".join),
))
def test_fuzz_random_bytes_never_crash(data):
    with tempfile.TemporaryDirectory() as d:
        Path(d, "fuzz.txt").write_bytes(data)
        res = scan(Path(d), max_bytes=1500)
        results = list(res.quarantined) + [load(f, max_bytes=1500) for f in res.files]
        assert len(results) == 1
        r = results[0]
        assert isinstance(r, (RawDoc, Quarantined))
        if isinstance(r, RawDoc):
            assert r.text.strip() and "\r" not in r.text
            r.text.encode("utf-8")  # always a valid string for Parquet
