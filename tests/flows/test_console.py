"""`bantin run`'s terminal display (flows/console.py), on a real pseudo-terminal: the bar moves
per article as a worker process reports, the worker's log lines and the flow process's own are
printed above the bar and never glued to it, and each stage gets its line."""
from __future__ import annotations

import sys
import textwrap

from locations import ROOT
from terminal import glued, run_on_pty, screen_lines

SCRIPT = textwrap.dedent('''
    import subprocess, sys, tempfile, time
    from pathlib import Path
    from flows import console

    parts = Path(tempfile.mkdtemp())
    CHILD = (
        "import sys, time\\n"
        "from bantin.progress import Ticker\\n"
        "t = Ticker(sys.argv[1], 0)\\n"
        "for i in range(3):\\n"
        "    time.sleep(0.6)\\n"
        "    t.tick()\\n"
        "    print(f'worker log line {i}', file=sys.stderr, flush=True)\\n"
        "    print(f'worker print {i}', flush=True)\\n"
    )
    with console.opened() as display:
        assert display is not None and console.current() is display
        with display.stage("process"), display.articles(3, parts / "progress"):
            subprocess.run([sys.executable, "-c", CHILD, str(parts)], check=True)
            time.sleep(0.5)
        with display.stage("validate"):
            print("flow process log line", file=sys.stderr, flush=True)
            time.sleep(0.3)
    assert console.current() is None
    print("after the display", flush=True)
''')


def test_bar_moves_per_article_and_no_line_is_glued_to_it():
    code, out = run_on_pty([sys.executable, "-c", SCRIPT], cwd=ROOT, timeout=60)
    lines = screen_lines(out)
    assert code == 0, out[-2000:]
    for n in (1, 2, 3):  # the bar counted each article the worker reported
        assert any(f"{n}/3" in ln and "process" in ln for ln in lines), lines
    for marker in ("worker log line", "worker print", "flow process log line"):
        assert sum(marker in ln for ln in lines) >= 1, (marker, lines)
        assert glued(out, marker) == [], glued(out, marker)
    assert [ln.split()[:2] for ln in lines if ln.startswith("✓")] == [["✓", "process"], ["✓", "validate"]]
    assert lines[-1] == "after the display"


def test_the_glue_check_sees_a_glued_line():
    """The check above can fail: a log line written after a drawn bar is caught."""
    bar = "\r\x1b[2K⠋ process ━━━━━━━━━━ 1/3 0:00:05"
    assert glued(bar + "worker log line 0\n", "worker log line") != []
    assert glued(bar + "\r\x1b[2Kworker log line 0\n", "worker log line") == []
    assert glued("11:08:57.592 | INFO    | Task run - worker log line\n", "worker log line") == []


def test_no_display_without_a_terminal(capfd):
    from flows import console

    with console.opened() as display:
        assert display is None and console.current() is None
