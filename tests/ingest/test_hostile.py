"""Hostile inputs: every way a raw directory can be wrong ends in an article or in quarantine.

Each case is built in tmp_path. The invariant test mixes the five seeds with all of them and
checks that every `*.txt` path ends in exactly one of (RawDoc from load) or (Quarantined).
"""
from __future__ import annotations

import codecs
import os
import shutil
import tempfile
import time
import tracemalloc
import unicodedata
from collections.abc import Callable
from pathlib import Path

import ftfy.bad_codecs  # noqa: F401  (registers 'sloppy-windows-1252')
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bantin.errors import UsageError
from bantin.records import Quarantined, RawDoc
from bantin.ingest.files import load, scan
from bantin.vi.language import detect_language
from bantin.ingest.legacy_vn import encode_cp1258, encode_tcvn3, encode_vni
from locations import SEEDS

SEED_TEXT = unicodedata.normalize("NFC", SEEDS[1].read_text(encoding="utf-8"))
PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00\x1f\x15\xc4\x89"
ENGLISH = ("The provincial people's committee said on Monday that the new bridge over the river "
           "will be opened to traffic in the spring, and that the work has been finished ahead "
           "of schedule by the contractors who were hired for it.\n")
HUGE = 100 * 1024 * 1024


def _write(data: bytes) -> Callable[[Path], None]:
    return lambda p: p.write_bytes(data)


def _sparse(p: Path) -> None:
    with open(p, "wb") as fh:
        fh.truncate(HUGE)


def _invalid_utf8(p: Path) -> None:
    data = SEED_TEXT.encode()
    p.write_bytes(data[:3000] + b"\xff" + data[3000:])


# name -> (builder, expected): ("doc", encoding, repairs) or ("q", reason).
CASES: dict[str, tuple[Callable[[Path], None], tuple]] = {
    "empty.txt": (_write(b""), ("q", "empty")),
    "whitespace.txt": (_write(" \n\t\r\n \u00a0\u200b\ufeff\n".encode()), ("q", "whitespace_only")),
    "image.txt": (_write(PNG), ("q", "binary")),
    "nul.txt": (_write(SEED_TEXT[:500].encode() + b"\x00\x00" + SEED_TEXT[500:].encode()), ("q", "binary")),
    "utf16.txt": (_write(codecs.BOM_UTF16_LE + SEED_TEXT.encode("utf-16-le")), ("doc", "utf-16-le", ("bom", "utf16"))),
    "mojibake.txt": (_write(SEED_TEXT.encode().decode("sloppy-windows-1252").encode()), ("doc", "utf-8", ("mojibake",))),
    "cp1258.txt": (_write(encode_cp1258(SEED_TEXT)), ("doc", "cp1258", ("cp1258",))),
    "vni.txt": (_write(encode_vni(SEED_TEXT)), ("doc", "vni", ("vni",))),
    "tcvn3.txt": (_write(encode_tcvn3(SEED_TEXT)), ("doc", "tcvn3", ("tcvn3",))),
    "invalid_utf8.txt": (_invalid_utf8, ("q", "undecodable")),
    "huge.txt": (_sparse, ("q", "too_large")),
    "Tin tức Quảng Bình số 1.txt": (_write(SEED_TEXT.encode()), ("doc", "utf-8", ())),
    "link.txt": (lambda p: os.symlink(SEEDS[0], p), ("doc", "utf-8", ())),
    "loop.txt": (lambda p: os.symlink(p.name, p), ("q", "symlink_loop")),
    "dangling.txt": (lambda p: os.symlink(p.parent / "gone.txt", p), ("q", "dangling_symlink")),
    # Tests run as root, where chmod 000 does not stop reading. /proc/self/mem is a real
    # regular file whose read fails (EIO at offset 0) for every user, like a failing disk.
    "unreadable.txt": (lambda p: os.symlink("/proc/self/mem", p), ("q", "unreadable")),
    "folder.txt": (lambda p: p.mkdir(), ("q", "not_a_file")),
    "pipe.txt": (lambda p: os.mkfifo(p), ("q", "not_a_file")),  # opening it would block forever
    "english.txt": (_write(ENGLISH.encode()), ("doc", "utf-8", ())),
}
IGNORED = {"notes.md": b"# notes", "photo.jpg": PNG, "sub/data.csv": b"a,b\n1,2\n"}


def build(root: Path, names=None) -> Path:
    root.mkdir(parents=True, exist_ok=True)
    for name in names or CASES:
        CASES[name][0](root / name)
    return root


def outcome(raw_dir: Path, **kw) -> dict[str, RawDoc | Quarantined]:
    res = scan(raw_dir, **kw)
    out: dict[str, RawDoc | Quarantined] = {q.source_file: q for q in res.quarantined}
    for f in res.files:
        assert f.source_file not in out
        out[f.source_file] = load(f, **kw)
    return out


@pytest.mark.parametrize("name", sorted(CASES))
def test_each_hostile_input(tmp_path, name):
    got = outcome(build(tmp_path / "raw", [name]))
    assert list(got) == [name]
    res, expected = got[name], CASES[name][1]
    if expected[0] == "doc":
        assert isinstance(res, RawDoc), res
        assert (res.encoding, res.repairs) == expected[1:]
    else:
        assert isinstance(res, Quarantined), res
        assert (res.stage, res.reason) == ("ingest", expected[1])
        assert len(res.detail) > 60 and "\n" not in res.detail  # one paragraph for a person


@pytest.mark.parametrize("name", ["utf16.txt", "mojibake.txt", "cp1258.txt", "vni.txt", "Tin tức Quảng Bình số 1.txt"])
def test_decoded_hostile_text_equals_the_original(tmp_path, name):
    doc = outcome(build(tmp_path / "raw", [name]))[name]
    assert doc.text == SEED_TEXT


def test_invalid_utf8_detail_gives_the_offset(tmp_path):
    q = outcome(build(tmp_path / "raw", ["invalid_utf8.txt"]))["invalid_utf8.txt"]
    assert "byte offset 3000 " in q.detail


def test_huge_file_is_quarantined_quickly_in_bounded_memory(tmp_path):
    raw = build(tmp_path / "raw", ["huge.txt"])
    tracemalloc.start()
    t0 = time.perf_counter()
    got = outcome(raw)
    elapsed = time.perf_counter() - t0
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    q = got["huge.txt"]
    assert isinstance(q, Quarantined) and q.reason == "too_large"
    assert q.content_sha256 is not None and "104857600 bytes" in q.detail
    assert peak < 8 * 1024 * 1024  # the 100 MB were never held in memory
    assert elapsed < 10


def test_symlink_is_followed_to_the_seed_text(tmp_path):
    doc = outcome(build(tmp_path / "raw", ["link.txt"]))["link.txt"]
    assert doc.text == SEEDS[0].read_text(encoding="utf-8")


def test_two_links_pointing_at_each_other_are_a_loop(tmp_path):
    raw = tmp_path / "raw"
    raw.mkdir()
    os.symlink("b.txt", raw / "a.txt")
    os.symlink("a.txt", raw / "b.txt")
    got = outcome(raw)
    assert {k: v.reason for k, v in got.items()} == {"a.txt": "symlink_loop", "b.txt": "symlink_loop"}


def test_non_txt_files_are_ignored_and_counted(tmp_path):
    raw = build(tmp_path / "raw", ["english.txt"])
    for rel, data in IGNORED.items():
        (raw / rel).parent.mkdir(parents=True, exist_ok=True)
        (raw / rel).write_bytes(data)
    res = scan(raw)
    assert [f.source_file for f in res.files] == ["english.txt"]
    assert res.ignored == tuple(sorted(IGNORED))


def test_missing_directory_is_a_usage_error(tmp_path):
    with pytest.raises(UsageError, match="does not exist"):
        scan(tmp_path / "no-such-dir")


def test_english_text_is_flagged_by_language(tmp_path):
    doc = outcome(build(tmp_path / "raw", ["english.txt"]))["english.txt"]
    assert detect_language(doc.text) == "en"
    assert detect_language(SEED_TEXT) == "vi"


def test_invariant_every_input_ends_in_exactly_one_place(tmp_path):
    """Seeds + every hostile case + ignored files: each *.txt is an article xor quarantined."""
    raw = build(tmp_path / "raw")
    for p in SEEDS:
        shutil.copy2(p, raw / p.name)
    (raw / "nested").mkdir()
    shutil.copy2(SEEDS[2], raw / "nested" / "copy of seed.txt")
    for rel, data in IGNORED.items():
        (raw / rel).parent.mkdir(parents=True, exist_ok=True)
        (raw / rel).write_bytes(data)
    res = scan(raw)
    txt_paths = sorted(
        str(Path(d, n).relative_to(raw)) for d, ds, fs in os.walk(raw) for n in ds + fs if n.endswith(".txt")
    )
    articles = [f.source_file for f in res.files if isinstance(load(f), RawDoc)]
    quarantined = [q.source_file for q in res.quarantined] + [
        f.source_file for f in res.files if isinstance(load(f), Quarantined)
    ]
    assert sorted(articles + quarantined) == txt_paths  # every input, none twice
    assert not set(articles) & set(quarantined)
    assert {p.name for p in SEEDS} <= set(articles)  # the seeds stay intact
    expected_q = {n for n, (_, e) in CASES.items() if e[0] == "q"}
    assert set(quarantined) == expected_q
    assert set(res.ignored) == set(IGNORED)
    for p in SEEDS:
        doc = load(next(f for f in res.files if f.source_file == p.name))
        assert doc.text == p.read_text(encoding="utf-8")


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.one_of(
    st.binary(max_size=2048),
    st.text(max_size=500).map(lambda s: s.encode("utf-8", errors="surrogatepass")),
    st.lists(st.sampled_from([SEED_TEXT[:200].encode(), b"\xff", b"\x00", b"\r", codecs.BOM_UTF8,
                              codecs.BOM_UTF16_LE, encode_vni(SEED_TEXT[:200])]), max_size=8).map(b"".join),
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
