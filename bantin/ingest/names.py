"""Stored names of input files: lossless, unique and printable.

Why: POSIX file names are bytes. A name that is not UTF-8 (`x\\xe9.txt` written by a Latin-1
tool) cannot be an Arrow string, and showing its bad byte as the text `\\xe9` made it collide
with a file literally named `x\\xe9.txt`: two inputs, one `source_file`, a failed uniqueness
check and a lost input. So a name is stored with a reversible escape: a backslash becomes
`\\\\`, and every byte that is not part of a printable UTF-8 character (undecodable bytes,
controls, bidi overrides: `bantin.printable`) becomes `\\xNN`. Distinct byte names give
distinct stored names, and `to_bytes` gives the original bytes back, so the run can always find
the file again (`path_of`).
"""
from __future__ import annotations

import os
import re

from bantin.printable import UNSAFE_RE

_ESCAPE_RE = re.compile(r"\\\\|\\x([0-9a-f]{2})")


def _char(ch: str) -> str:
    cp = ord(ch)
    if ch == "\\":
        return "\\\\"
    if 0xDC80 <= cp <= 0xDCFF:  # surrogateescape: one byte that is not UTF-8
        return f"\\x{cp - 0xDC00:02x}"
    if UNSAFE_RE.match(ch):
        return "".join(f"\\x{b:02x}" for b in ch.encode("utf-8"))
    return ch


def escape_name(name: bytes | str) -> str:
    """The stored form of a file name or relative path (bytes, or a str from the OS with
    surrogate escapes)."""
    text = os.fsencode(name).decode("utf-8", "surrogateescape")
    if text.isprintable() and "\\" not in text:
        return text  # the usual case: nothing to escape
    return "".join(_char(ch) for ch in text)


def to_bytes(stored: str) -> bytes:
    """The original bytes of a stored name (inverse of `escape_name`)."""
    out = bytearray()
    pos = 0
    for m in _ESCAPE_RE.finditer(stored):
        out += stored[pos:m.start()].encode("utf-8")
        out += b"\\" if m.group(1) is None else bytes([int(m.group(1), 16)])
        pos = m.end()
    out += stored[pos:].encode("utf-8")
    return bytes(out)


def path_of(root: str | os.PathLike, stored: str) -> str:
    """The path of the file a stored name (relative to `root`) stands for."""
    return os.path.join(os.fsdecode(os.fspath(root)), os.fsdecode(to_bytes(stored)))
