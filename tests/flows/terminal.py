"""Running a command on a pseudo-terminal and reading what a person would see, for the tests of
`bantin run`'s terminal display (tests/flows/test_console.py and the slow end-to-end runs)."""
from __future__ import annotations

import os
import pty
import re
import select
import subprocess
import time

CSI_RE = re.compile(r"\x1b\[[0-9;?]*[ -/]*[@-~]")


def run_on_pty(argv: list[str], *, cwd=None, env: dict | None = None, timeout: float = 600,
               columns: int = 120) -> tuple[int, str]:
    """Run `argv` with stdin, stdout and stderr on a new pseudo-terminal; (exit code, raw output)."""
    master, slave = pty.openpty()
    env = {**(env or os.environ), "TERM": "xterm-256color", "COLUMNS": str(columns), "LINES": "40"}
    proc = subprocess.Popen(argv, cwd=cwd, env=env, stdin=slave, stdout=slave, stderr=slave, close_fds=True,
                            start_new_session=True)
    os.close(slave)
    chunks, deadline = [], time.monotonic() + timeout
    try:
        while time.monotonic() < deadline:
            ready, _, _ = select.select([master], [], [], 0.5)
            if ready:
                try:
                    data = os.read(master, 65536)
                except OSError:  # EIO: every process holding the terminal has exited
                    break
                if not data:
                    break
                chunks.append(data)
            elif proc.poll() is not None:
                break
        else:
            proc.kill()
            raise AssertionError("timed out:\n" + b"".join(chunks).decode("utf-8", "replace")[-3000:])
    finally:
        os.close(master)
    return proc.wait(30), b"".join(chunks).decode("utf-8", "replace")


def glued(output: str, marker: str) -> list[str]:
    """Every place where a line containing `marker` does not start at the beginning of a terminal
    line (it follows other text, such as a progress bar, on the same line): what precedes it."""
    bad = []
    for m in re.finditer(re.escape(marker), output):
        line_start = max(output.rfind("\n", 0, m.start()), output.rfind("\r", 0, m.start())) + 1
        before = CSI_RE.sub("", output[line_start:m.start()])
        if before.strip() and not before.lstrip().startswith(_LOG_PREFIXES):
            bad.append(before[-60:])
    return bad


#: What may stand before a marker on its own line: Prefect's log prefix (time | LEVEL | ... - ).
_LOG_PREFIXES = tuple("0123456789")


def screen_lines(output: str) -> list[str]:
    """The distinct lines the output drew, in order, escape sequences removed (redraws of the
    same line collapsed)."""
    out: list[str] = []
    for seg in re.split(r"[\r\n]", output):
        text = CSI_RE.sub("", seg).strip()
        if text and (not out or out[-1] != text):
            out.append(text)
    return out
