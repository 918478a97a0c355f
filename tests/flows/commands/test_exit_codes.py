"""Every user-facing failure is one `bantin: error:` sentence and its documented exit code, found
before any Prefect start-up when it is a configuration error (bantin/preflight.py, flows/cli.py).

Permission cases run `bantin` as a subprocess without the capabilities that let root read and
write anything (setpriv), so that they test what a normal user gets; they exit at the preflight
check, before Prefect is imported, in about a second.
"""
from __future__ import annotations

import os
import shutil
import subprocess

import pytest
from locations import ROOT, SEEDS

from bantin.publish import lock
from flows.cli import explain, main

BANTIN = str(ROOT / ".venv" / "bin" / "bantin")
UNPRIVILEGED = (["setpriv", "--bounding-set", "-dac_override,-dac_read_search", "--inh-caps=-all"]
                if os.geteuid() == 0 else [])


def _one_error_line(err: str) -> str:
    lines = [ln for ln in err.splitlines() if ln.strip()]
    assert len(lines) == 1 and lines[0].startswith("bantin: error:") and "Traceback" not in err, err
    return lines[0]


def test_output_path_that_is_a_file_exits_2(seed_dir, tmp_path, capsys):
    (tmp_path / "out").write_text("not a directory")
    assert main(["run", "--raw", str(seed_dir), "--out", str(tmp_path / "out")]) == 2
    assert "is a file" in _one_error_line(capsys.readouterr().err)


@pytest.mark.parametrize("out", ["raw/out", "raw"])
def test_output_inside_raw_is_refused_with_exit_2(tmp_path, capsys, out):
    """The next run would read its own snapshot as articles and grow on every run."""
    raw = tmp_path / "raw"
    raw.mkdir()
    shutil.copy2(SEEDS[0], raw / SEEDS[0].name)
    assert main(["run", "--raw", str(raw), "--out", str(tmp_path / out)]) == 2
    assert "inside the raw directory" in _one_error_line(capsys.readouterr().err)
    assert sorted(p.name for p in raw.iterdir()) == [SEEDS[0].name]  # nothing written there


def test_locked_output_exits_2_before_anything_starts(seed_dir, tmp_path, capsys):
    out = tmp_path / "out"
    with lock.exclusive(out):
        assert main(["run", "--raw", str(seed_dir), "--out", str(out)]) == 2
    assert "Another bantin run" in _one_error_line(capsys.readouterr().err)


@pytest.mark.skipif(not shutil.which("setpriv") and os.geteuid() == 0, reason="needs setpriv to drop root's powers")
@pytest.mark.parametrize("case", ["read-only output", "unreadable raw"])
def test_permission_problems_exit_2_with_one_sentence(seed_dir, tmp_path, case):
    out = tmp_path / "out"
    out.mkdir()
    if case == "read-only output":
        out.chmod(0o555)
    else:
        seed_dir.chmod(0)
    try:
        proc = subprocess.run([*UNPRIVILEGED, BANTIN, "run", "--raw", str(seed_dir), "--out", str(out)],
                              capture_output=True, text=True, timeout=120)
    finally:
        out.chmod(0o755)
        seed_dir.chmod(0o755)
    assert proc.returncode == 2, proc.stderr
    line = _one_error_line(proc.stderr)
    assert ("cannot be written" if case == "read-only output" else "cannot be read") in line


def test_unexpected_errors_are_one_sentence_and_debug_shows_the_traceback(monkeypatch, tmp_path, capsys):
    from flows.commands import stats

    def boom(args):
        raise RuntimeError("kaputt\x1b[2J")

    monkeypatch.setattr(stats, "run", boom)
    assert main(["stats", "--out", str(tmp_path)]) == 1
    line = _one_error_line(capsys.readouterr().err)
    assert "unexpected RuntimeError: kaputt\\x1b[2J" in line and "--debug" in line  # escaped, not obeyed
    assert main(["stats", "--debug", "--out", str(tmp_path)]) == 1
    err = capsys.readouterr().err
    assert "Traceback" in err and err.rstrip().splitlines()[-1].startswith("bantin: error:")
    os.environ.pop("BANTIN_DEBUG", None)


def test_disk_full_anywhere_in_the_cause_chain_is_exit_3():
    import errno

    try:
        try:
            raise OSError(errno.ENOSPC, "No space left on device", "/out/x.parquet")
        except OSError as exc:
            raise RuntimeError("write failed") from exc
    except RuntimeError as exc:
        sentence, code = explain(exc)
    assert code == 3 and "ran out of space" in sentence and "previous snapshot is still current" in sentence
    assert explain(KeyboardInterrupt())[1] == 130
