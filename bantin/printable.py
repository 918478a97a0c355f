"""Characters that must never reach a terminal or a file name as they are, and how to show them.

Why one module: the same set decides three things. (1) Stored file names (`bantin.ingest.names`)
escape these characters, so a name never carries a terminal command or a bidi override into
state.parquet, a log line or a quarantine detail. (2) `bantin show`, `bantin lines` and the
run's messages print text through `printable`, so an article that contains `ESC [2J` or
U+202E cannot clear the screen, retitle the terminal, plant an OSC 8 link or reverse what
follows. (3) The clean stage removes the bidi controls from the text it publishes
(`bantin.clean.repair`).

C0 and C1 controls, DEL, the bidi embedding/override/isolate controls and marks, and the line
and paragraph separators U+2028/U+2029 are unsafe; everything else prints as it is.
"""
from __future__ import annotations

import re

BIDI = "\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069"
UNSAFE_CLASS = "\x00-\x1f\x7f-\x9f" + BIDI + "\u2028\u2029"
UNSAFE_RE = re.compile(f"[{UNSAFE_CLASS}]")
BIDI_RE = re.compile(f"[{BIDI}]")


def _escape(m: re.Match) -> str:
    cp = ord(m.group())
    return f"\\x{cp:02x}" if cp < 0x100 else f"\\u{cp:04x}"


def printable(text: str, *, keep_newlines: bool = False) -> str:
    """`text` with every unsafe character shown as `\\xNN` / `\\uNNNN` (one linear pass).
    `keep_newlines`: leave LF as it is (multi-line panels)."""
    if keep_newlines:
        return "\n".join(UNSAFE_RE.sub(_escape, part) for part in text.split("\n"))
    return UNSAFE_RE.sub(_escape, text)
