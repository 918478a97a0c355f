"""Ingest stage: find the input files (`scan`) and turn one into decoded text (`load`).

Why two steps: `scan` is cheap (stat + a streamed hash) and runs once over the whole tree, so the
flow can plan incremental work and batch it; `load` reads and decodes one file inside a worker.
Memory stays bounded: hashes are computed in fixed-size chunks, and no file larger than
`max_bytes` is ever read whole.

Every `*.txt` path ends as exactly one of: an `InputFile` (then `load` returns a `RawDoc` or a
`Quarantined`), or a `Quarantined` from `scan`. Everything else is listed in `ignored`.
"""
from __future__ import annotations

import errno
import hashlib
import os
import re
import stat
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

from bantin.errors import UsageError
from bantin.ingest.inputs import Inputs
from bantin.records import InputFile, Quarantined, RawDoc
from bantin.ingest.decode import DecodeError, decode

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


def _display_name(rel: str) -> str:
    """The relative path as a printable string (undecodable file-name bytes shown escaped)."""
    return os.fsencode(rel).decode("utf-8", errors="backslashreplace")


class NotRegularFile(OSError):
    """The path was a regular file at scan time but is not one now."""


def open_regular(path: str):
    """Open for reading without ever blocking: O_NONBLOCK makes a pipe (FIFO) that replaced
    the file after the scan return at once instead of waiting for a writer forever."""
    fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK)
    if not stat.S_ISREG(os.fstat(fd).st_mode):
        os.close(fd)
        raise NotRegularFile(errno.EINVAL, "not a regular file")
    return os.fdopen(fd, "rb")


def sha256_file(path: str) -> str:
    """SHA-256 of a file, read in CHUNK-sized pieces (bounded memory whatever the size)."""
    h = hashlib.sha256()
    with open_regular(path) as fh:
        while chunk := fh.read(CHUNK):
            h.update(chunk)
    return h.hexdigest()


def _link_target(path: str) -> str:
    try:
        return _display_name(os.readlink(path))
    except OSError:
        return "?"


def _classify(path: str, rel: str, max_bytes: int) -> InputFile | Quarantined:
    """Stat (following symlinks) and hash one `*.txt` entry, or say why it cannot be an input."""
    try:
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
    if not stat.S_ISREG(st.st_mode):
        kind = "a directory" if stat.S_ISDIR(st.st_mode) else "a special file (pipe, socket or device)"
        return _q(rel, None, "not_a_file",
                  f"The path ends in .txt but is {kind}, not a regular file, so it was not "
                  "read. Rename it if it is not meant to be an article.")
    mtime = datetime.fromtimestamp(st.st_mtime, tz=timezone.utc)
    try:
        sha = sha256_file(path)
    except OSError as exc:
        return _unreadable(rel, exc)
    if st.st_size > max_bytes:
        return _too_large(rel, sha, st.st_size, max_bytes)
    return InputFile(path=path, source_file=rel, size_bytes=st.st_size, mtime=mtime, content_sha256=sha)


def _walk(root: str, rel: str, ancestors: frozenset[tuple[int, int]], out: list[tuple[str, str]],
          ignored: list[str]) -> None:
    """Depth-first, name-sorted walk; follows directory links unless they loop back."""
    try:
        entries = sorted(os.scandir(os.path.join(root, rel) if rel else root), key=lambda e: e.name)
    except OSError:
        ignored.append((rel or ".") + "/")
        return
    for e in entries:
        r = f"{rel}/{e.name}" if rel else e.name
        if e.name.lower().endswith(SUFFIX):
            out.append((e.path, r))
        try:
            is_dir = e.is_dir(follow_symlinks=True)
        except OSError:
            is_dir = False
        if is_dir:
            try:
                st = os.stat(e.path)
            except OSError:
                ignored.append(r + "/")
                continue
            key = (st.st_dev, st.st_ino)
            if key in ancestors:  # a link back to a parent: following it would never end
                ignored.append(r + "/")
                continue
            _walk(root, r, ancestors | {key}, out, ignored)
        elif not e.name.lower().endswith(SUFFIX):
            ignored.append(r)


def scan(raw_dir: Path, *, max_bytes: int = DEFAULT_MAX_BYTES) -> ScanResult:
    """Every `*.txt` under raw_dir (recursive, sorted): inputs, ignored paths, quarantined paths."""
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
    root = os.path.abspath(raw)
    try:
        st = os.stat(root)
        os.scandir(root).close()
    except OSError as exc:
        raise UsageError(
            f"The input directory {str(raw)!r} cannot be read ({exc.strerror or exc}). Check its "
            "permissions, or pass another folder with --raw DIR."
        ) from exc
    found: list[tuple[str, str]] = []
    ignored: list[str] = []
    _walk(root, "", frozenset({(st.st_dev, st.st_ino)}), found, ignored)
    quarantined: list[Quarantined] = []

    def inputs() -> Iterator[InputFile]:
        for path, rel in sorted(found, key=lambda t: t[1]):
            res = _classify(path, _display_name(rel), max_bytes)
            if isinstance(res, InputFile):
                yield res
            else:
                quarantined.append(res)

    files = Inputs.of(inputs())  # columns, built a chunk at a time: no record per file is kept
    return ScanResult(files, tuple(sorted(ignored)), tuple(quarantined))


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
    return RawDoc(source_file=f.source_file, content_sha256=sha, size_bytes=len(data), mtime=f.mtime,
                  text=normalise_newlines(text), encoding=encoding, repairs=repairs)
