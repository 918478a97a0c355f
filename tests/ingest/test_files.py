"""Ingest: scanning a tree of inputs and loading one file, on the seeds and crafted trees."""
from __future__ import annotations

import codecs
import hashlib
import os
from datetime import timezone
from pathlib import Path

import pytest
from locations import SEEDS

from bantin.errors import EXIT_USAGE, UsageError
from bantin.ingest.files import load, normalise_newlines, scan
from bantin.records import InputFile, Quarantined, RawDoc


def test_scan_seeds(seed_dir):
    res = scan(seed_dir)
    assert [f.source_file for f in res.files] == [p.name for p in SEEDS]
    assert res.ignored == () and res.quarantined == ()
    for f, p in zip(res.files, SEEDS):
        data = p.read_bytes()
        assert f.content_sha256 == hashlib.sha256(data).hexdigest()
        assert f.size_bytes == len(data)
        assert f.mtime is not None and f.mtime.tzinfo == timezone.utc
        assert Path(f.path).is_absolute()


def test_load_seeds_unchanged(seed_dir):
    for f, p in zip(scan(seed_dir).files, SEEDS):
        doc = load(f)
        assert isinstance(doc, RawDoc)
        assert doc.text == p.read_text(encoding="utf-8")  # seeds are LF UTF-8: nothing to change
        assert (doc.encoding, doc.repairs) == ("utf-8", ())
        assert doc.article_id == f.content_sha256[:16]


def test_scan_is_recursive_sorted_and_case_insensitive(tmp_path):
    for rel in ["b/z.txt", "a.TXT", "b/a/y.Txt", "c.txt", "notes.md", "b/img.png", ".hidden"]:
        p = tmp_path / rel
        p.parent.mkdir(parents=True, exist_ok=True)
        p.write_text("Nội dung bài báo " + rel, encoding="utf-8")
    res = scan(tmp_path)
    assert [f.source_file for f in res.files] == ["a.TXT", "b/a/y.Txt", "b/z.txt", "c.txt"]
    assert res.ignored == (".hidden", "b/img.png", "notes.md")
    assert scan(tmp_path) == res  # deterministic


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        (b"a\r\nb\r\n", "a\nb\n"),
        (b"a\rb\r", "a\nb\n"),
        (b"a\r\n\r\nb\rc\n", "a\n\nb\nc\n"),
        ("  Hà Nội\u00a0 \t\r\n".encode(), "  Hà Nội\u00a0 \t\n"),  # only line endings change
    ],
)
def test_load_normalises_line_endings_only(tmp_path, raw, expected):
    (tmp_path / "a.txt").write_bytes(raw)
    doc = load(scan(tmp_path).files[0])
    assert isinstance(doc, RawDoc) and doc.text == expected


def test_normalise_newlines_keeps_other_characters():
    s = "x\u2028y\u0085z\u00a0\u200b"
    assert normalise_newlines(s) == s


def test_load_utf8_bom(tmp_path):
    text = SEEDS[0].read_text(encoding="utf-8")
    (tmp_path / "bom.txt").write_bytes(codecs.BOM_UTF8 + text.encode())
    doc = load(scan(tmp_path).files[0])
    assert isinstance(doc, RawDoc)
    assert (doc.text, doc.encoding, doc.repairs) == (text, "utf-8", ("bom",))
    assert doc.content_sha256 == hashlib.sha256(codecs.BOM_UTF8 + text.encode()).hexdigest()


@pytest.mark.parametrize("path_kind", ["missing", "file"])
def test_scan_bad_raw_dir_is_a_usage_error(tmp_path, path_kind):
    target = tmp_path / "nope"
    if path_kind == "file":
        target.write_text("x")
    with pytest.raises(UsageError) as exc:
        scan(target)
    assert exc.value.exit_code == EXIT_USAGE
    assert str(target) in str(exc.value) and "--raw" in str(exc.value)


def test_load_quarantines_file_changed_after_scan(tmp_path):
    p = tmp_path / "a.txt"
    p.write_text("Bản tin thứ nhất của tỉnh.", encoding="utf-8")
    f = scan(tmp_path).files[0]
    p.write_text("Bản tin đã sửa sau khi quét.", encoding="utf-8")
    q = load(f)
    assert isinstance(q, Quarantined) and q.reason == "changed_during_run"


def test_load_respects_max_bytes_even_if_file_grew(tmp_path):
    p = tmp_path / "a.txt"
    p.write_text("ngắn", encoding="utf-8")
    f = scan(tmp_path).files[0]
    p.write_bytes(b"x" * 5000)
    q = load(f, max_bytes=1000)
    assert isinstance(q, Quarantined) and q.reason == "too_large"


def test_load_respects_max_bytes_from_scan(tmp_path):
    f = InputFile(str(tmp_path / "a.txt"), "a.txt", 10_000, None, "0" * 64)
    q = load(f, max_bytes=1000)  # never opens the file (it does not even exist)
    assert isinstance(q, Quarantined) and q.reason == "too_large" and q.stage == "ingest"


def test_scan_follows_directory_links_without_looping(tmp_path):
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "a.txt").write_text("Tin tức địa phương.", encoding="utf-8")
    os.symlink(tmp_path / "sub", tmp_path / "linked")
    os.symlink(tmp_path, tmp_path / "sub" / "up")  # a loop back to the root
    res = scan(tmp_path)
    assert [f.source_file for f in res.files] == ["linked/a.txt", "sub/a.txt"]
    skipped = dict(res.skipped)  # not entered, and said why (not lumped with the non-.txt files)
    assert "loop" in skipped["sub/up/"] or "contains it" in skipped["sub/up/"]
    assert "linked/up/" in skipped and not {"sub/up/", "linked/up/"} & set(res.ignored)


def test_scan_never_enters_a_directory_outside_raw(tmp_path):
    raw, outside = tmp_path / "raw", tmp_path / "outside"
    raw.mkdir()
    outside.mkdir()
    (outside / "secret.txt").write_text("bí mật", encoding="utf-8")
    os.symlink(outside, raw / "elsewhere")
    os.symlink(outside, raw / "elsewhere.txt")  # a directory link named like an article
    res = scan(raw)
    assert list(res.files) == []
    assert dict(res.skipped) == {"elsewhere/": "a link to a directory outside the raw directory"}
    assert [(q.source_file, q.reason, q.content_sha256) for q in res.quarantined] == [
        ("elsewhere.txt", "outside_raw", None)]


def test_undecodable_file_name_bytes_are_shown_escaped_and_still_read(tmp_path):
    name = b"tin \xff so 1.txt"  # not UTF-8: possible on Linux file systems
    with open(os.path.join(os.fsencode(tmp_path), name), "wb") as fh:
        fh.write("Bản tin của tỉnh Quảng Bình hôm nay.".encode())
    f = scan(tmp_path).files[0]
    assert f.source_file == "tin \\xff so 1.txt"  # bantin.ingest.names: reversible, see tests/ingest/test_names.py
    f.source_file.encode("utf-8")  # printable, storable in Parquet
    doc = load(f)
    assert isinstance(doc, RawDoc) and doc.source_file == f.source_file


def test_file_replaced_by_a_pipe_after_scan_does_not_block(tmp_path):
    p = tmp_path / "a.txt"
    p.write_text("Tin tức.", encoding="utf-8")
    f = scan(tmp_path).files[0]
    p.unlink()
    os.mkfifo(p)
    q = load(f)
    assert isinstance(q, Quarantined) and q.reason == "not_a_file"
