"""Ingest stage: find the input files (`scan`) and turn one into decoded text (`load`).

Why two steps: `scan` is cheap (stat + a streamed hash) and runs once over the whole tree, so the
flow can plan incremental work and batch it; `load` reads and decodes one file inside a worker.
Memory stays bounded: hashes are computed in fixed-size chunks, and no file larger than
`max_bytes` is ever read whole.

Every `*.txt` path ends as exactly one of: an `InputFile` (then `load` returns a `RawDoc` or a
`Quarantined`), or a `Quarantined` from `scan`. Everything else is listed in `ignored`, and the
directories the walk could not or would not enter (unreadable, a link out of the raw directory,
a link loop) in `skipped`, so a run can say what it did not see. Names are stored escaped
(`bantin.ingest.names`); nothing outside the raw directory is opened (`bantin.ingest.boundary`).
"""
from __future__ import annotations

import errno
import hashlib
import os
import re
import stat
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path

from bantin.errors import UsageError
from bantin.ingest import boundary
from bantin.ingest.boundary import NotRegularFile, open_regular
from bantin.ingest.decode import DecodeError, decode
from bantin.ingest.html import html_evidence
from bantin.ingest.inputs import Inputs
from bantin.ingest.names import escape_name
from bantin.records import InputFile, Quarantined, RawDoc

STAGE = "ingest"
DEFAULT_MAX_BYTES = 20 * 1024 * 1024
CHUNK = 1 << 20
SUFFIX = ".txt"
NEWLINE_RE = re.compile(r"\r\n?")
# Whitespace plus invisible format characters (ZWSP, BOM, word joiner...): "nothing to read".
BLANK_RE = re.compile(r"[\s\u200b-\u200d\u2060\ufeff]*")


@dataclass(frozen=True)
class ScanResult:
    files: Inputs  # a sequence of InputFile held as Arrow columns (bantin/ingest/inputs.py)
    ignored: tuple[str, ...]
    quarantined: tuple[Quarantined, ...]
    skipped: tuple[tuple[str, str], ...] = ()  # (directory + "/", why it was not entered)


def _mb(n: int) -> str:
    return f"{n / (1024 * 1024):.1f} MB"


def _q(source_file: str, sha: str | None, reason: str, detail: str) -> Quarantined:
    return Quarantined(source_file, sha, STAGE, reason, detail)


def _too_large(source_file: str, sha: str | None, size: int, max_bytes: int) -> Quarantined:
    return _q(source_file, sha, "too_large",
              f"The file is {_mb(size)} ({size} bytes), above the limit of {_mb(max_bytes)} "
              f"({max_bytes} bytes) for one article, so it was not decoded (only hashed, in "
              "chunks). A news article is rarely over 1 MB; if this is several articles joined "
              "together, split them into one file each, or raise the limit with --max-bytes.")


def _unreadable(source_file: str, exc: OSError) -> Quarantined:
    return _q(source_file, None, "unreadable",
              f"The file could not be read ({exc.strerror or exc}). Check its permissions "
              "and that the disk or network share holding it is available, then run again.")


def _outside(source_file: str, target: str) -> Quarantined:
    return _q(source_file, None, "outside_raw",
              f"The file is a symbolic link to {target!r}, which is outside the raw "
              "directory; bantin never reads anything outside it (a link could publish any file "
              "of the machine). Copy the article into the raw directory instead of linking to it.")


def sha256_file(path: str) -> str:
    """SHA-256 of a regular file, read in CHUNK-sized pieces (bounded memory whatever the size)."""
    h = hashlib.sha256()
    with open_regular(path) as fh:
        while chunk := fh.read(CHUNK):
            h.update(chunk)
    return h.hexdigest()


def _link_target(path: str) -> str:
    try:
        return escape_name(os.readlink(path))
    except OSError:
        return "?"


def _classify(path: str, rel: str, max_bytes: int, root_real: str) -> InputFile | Quarantined:
    """Say what one `*.txt` entry is: an input (its resolved path, size and hash), or why it
    cannot be one. A link is resolved first and refused when it leads out of the raw directory;
    only a regular file is ever opened."""
    try:
        is_link = stat.S_ISLNK(os.lstat(path).st_mode)
        st = os.stat(path)
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            return _q(rel, None, "symlink_loop",
                      f"The file is a symbolic link (to {_link_target(path)!r}) whose chain of "
                      "links leads back to itself, so there is nothing to read. Replace the "
                      "link with the article file or a link to it.")
        if os.path.islink(path) and exc.errno == errno.ENOENT:
            return _q(rel, None, "dangling_symlink",
                      f"The file is a symbolic link to {_link_target(path)!r}, which does not "
                      "exist. Restore the target or remove the link.")
        return _unreadable(rel, exc)
    if is_link:
        target = boundary.real(path)
        if not boundary.inside(root_real, target):
            return _outside(rel, _link_target(path))
        path = target
    if not stat.S_ISREG(st.st_mode):
        kind = "a directory" if stat.S_ISDIR(st.st_mode) else "a special file (pipe, socket or device)"
        return _q(rel, None, "not_a_file",
                  f"The path ends in .txt but is {kind}, not a regular file, so it was not "
                  "opened. Rename it if it is not meant to be an article.")
    mtime = datetime.fromtimestamp(st.st_mtime, tz=timezone.utc)
    try:
        sha = sha256_file(path)
    except NotRegularFile:
        return _q(rel, None, "not_a_file", "The path was replaced by something that is not a regular "
                  "file while it was scanned, so it was not read. Run again once nothing changes it.")
    except OSError as exc:
        return _unreadable(rel, exc)
    if st.st_size > max_bytes:
        return _too_large(rel, sha, st.st_size, max_bytes)
    return InputFile(path=path, source_file=rel, size_bytes=st.st_size, mtime=mtime, content_sha256=sha)


@dataclass
class _Walk:
    """What the walk collects: `*.txt` entries, other files, and directories it did not enter."""

    root_real: str
    found: list[tuple[str, str]] = field(default_factory=list)  # (path, stored name)
    ignored: list[str] = field(default_factory=list)
    skipped: list[tuple[str, str]] = field(default_factory=list)  # (stored name + "/", why)


def _walk(w: _Walk, dir_path: str, rel: str, ancestors: frozenset[tuple[int, int]]) -> None:
    """Depth-first, name-sorted walk of one directory. Follows a link to a directory only when
    it resolves inside the raw directory and does not loop back to a parent."""
    try:
        entries = sorted(os.scandir(dir_path), key=lambda e: e.name)
    except OSError as exc:
        w.skipped.append((escape_name(rel or ".") + "/", f"unreadable ({exc.strerror or exc})"))
        return
    for e in entries:
        r = f"{rel}/{e.name}" if rel else e.name
        is_txt = e.name.lower().endswith(SUFFIX)
        if is_txt:
            w.found.append((e.path, escape_name(r)))
        try:
            is_dir = e.is_dir(follow_symlinks=True)
        except OSError:
            is_dir = False
        if not is_dir:
            if not is_txt:
                w.ignored.append(escape_name(r))
            continue
        target = boundary.real(e.path) if e.is_symlink() else e.path  # the walk's directories are real
        if not boundary.inside(w.root_real, target):
            if not is_txt:  # a `*.txt` one is quarantined as outside_raw
                w.skipped.append((escape_name(r) + "/", "a link to a directory outside the raw directory"))
            continue
        try:
            st = os.stat(target)
        except OSError as exc:
            w.skipped.append((escape_name(r) + "/", f"unreadable ({exc.strerror or exc})"))
            continue
        key = (st.st_dev, st.st_ino)
        if key in ancestors:  # a link back to a parent: following it would never end
            w.skipped.append((escape_name(r) + "/", "a link back to a directory that contains it"))
            continue
        _walk(w, target, r, ancestors | {key})


def scan(raw_dir: Path, *, max_bytes: int = DEFAULT_MAX_BYTES) -> ScanResult:
    """Every `*.txt` under raw_dir (recursive, sorted by stored name): inputs, ignored paths,
    quarantined paths, and the directories that could not be entered (`skipped`)."""
    raw = Path(raw_dir)
    if not raw.exists():
        raise UsageError(
            f"The input directory {str(raw)!r} does not exist. Pass the folder that holds the "
            "article .txt files with --raw DIR (the default is raw/ in the project), or create it."
        )
    if not raw.is_dir():
        raise UsageError(
            f"The input path {str(raw)!r} is a file, not a directory. Pass the folder that holds "
            "the article .txt files with --raw DIR."
        )
    root = boundary.real(raw)
    try:
        st = os.stat(root)
        os.scandir(root).close()
    except OSError as exc:
        raise UsageError(
            f"The input directory {str(raw)!r} cannot be read ({exc.strerror or exc}). Check its "
            "permissions, or pass another folder with --raw DIR."
        ) from exc
    w = _Walk(root)
    _walk(w, root, "", frozenset({(st.st_dev, st.st_ino)}))
    quarantined: list[Quarantined] = []

    def inputs() -> Iterator[InputFile]:
        for path, rel in sorted(w.found, key=lambda t: t[1]):
            res = _classify(path, rel, max_bytes, root)
            if isinstance(res, InputFile):
                yield res
            else:
                quarantined.append(res)

    files = Inputs.of(inputs())  # columns, built a chunk at a time: no record per file is kept
    return ScanResult(files, tuple(sorted(w.ignored)), tuple(quarantined), tuple(sorted(w.skipped)))


def normalise_newlines(text: str) -> str:
    """CRLF and lone CR become LF; nothing else changes (the clean stage repairs text)."""
    return NEWLINE_RE.sub("\n", text)


def _read(f: InputFile, max_bytes: int) -> bytes | Quarantined:
    """At most max_bytes + 1 bytes of the file (one more tells us it grew past the limit)."""
    try:
        with open_regular(f.path) as fh:
            data = fh.read(max_bytes + 1)
    except NotRegularFile:
        return _q(f.source_file, f.content_sha256, "not_a_file",
                  "The path is no longer a regular file: it was replaced (by a directory, pipe "
                  "or device) after the scan. Put the article file back and run again.")
    except OSError as exc:
        return _unreadable(f.source_file, exc)
    if len(data) > max_bytes:
        return _too_large(f.source_file, f.content_sha256, max(len(data), f.size_bytes), max_bytes)
    return data


def load(f: InputFile, *, max_bytes: int = DEFAULT_MAX_BYTES) -> RawDoc | Quarantined:
    """Read and decode one input; never raises for a bad file (it is quarantined instead)."""
    if f.size_bytes > max_bytes:
        return _too_large(f.source_file, f.content_sha256, f.size_bytes, max_bytes)
    data = _read(f, max_bytes)
    if isinstance(data, Quarantined):
        return data
    sha = hashlib.sha256(data).hexdigest()
    if f.content_sha256 is not None and sha != f.content_sha256:
        return _q(f.source_file, sha, "changed_during_run",
                  "The file changed between the scan and the read (its SHA-256 differs), so "
                  "which version to publish is unclear. Run again once nothing writes to it.")
    if not data:
        return _q(f.source_file, sha, "empty",
                  "The file is empty (0 bytes). Re-download or re-export the article, or "
                  "delete the file.")
    try:
        text, encoding, repairs = decode(data)
    except DecodeError as exc:
        return _q(f.source_file, sha, exc.reason, exc.detail)
    if BLANK_RE.fullmatch(text):
        return _q(f.source_file, sha, "whitespace_only",
                  f"The file has {len(data)} bytes but only spaces, line breaks or invisible "
                  "characters: there is no article text. Re-download or re-export it.")
    if (why := html_evidence(text)) is not None:
        return _q(f.source_file, sha, "html",
                  f"The file is an HTML page, not plain text: {why}. bantin reads the text of an article "
                  "as a reader sees it; save the page as text (or copy the article into a .txt file) and "
                  "run again.")
    return RawDoc(source_file=f.source_file, content_sha256=sha, size_bytes=len(data), mtime=f.mtime,
                  text=normalise_newlines(text), encoding=encoding, repairs=repairs)
