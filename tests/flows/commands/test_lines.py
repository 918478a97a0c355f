"""`bantin lines FILE`: every line printed with its role and rule."""
from __future__ import annotations

import argparse
import codecs
from pathlib import Path

import pytest
from locations import DEV_CORPUS, RAW

from flows.cli import main
from flows.commands import lines
from schemas.lines import KEPT_ROLES


def _run(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, list[str]]:
    parser = argparse.ArgumentParser()
    lines.add_arguments(parser)
    code = lines.run(parser.parse_args(argv))
    return code, capsys.readouterr().out.splitlines()


def test_prints_every_line_with_role_and_rule(capsys: pytest.CaptureFixture[str]) -> None:
    path = RAW / "002_16866fc71d093ade.txt"
    code, out = _run([str(path), "--no-color"], capsys)
    n_lines = len(path.read_text(encoding="utf-8").split("\n"))
    rows = [r.split() for r in out[:-1]]
    first = {}  # raw line -> its first unit's row (the sentences of a line share its number)
    for r in rows:
        first.setdefault(int(r[0]), r)
    assert code == 0 and sorted(first) == list(range(n_lines))
    assert first[2] == ["2", "counter", "counter.number", "0"]
    assert first[9][:3] == ["9", "caption", "caption.after_image"]
    assert first[29] == ["29", "comment_prompt", "comment.prompt", "BÌNH", "LUẬN"]
    sentences = [r for r in rows if "(sentence)" in r]
    assert sentences and all(r[1] in ("lead", "body", "subheading") for r in sentences)  # kept lines cut
    assert out[-1] == f"{len(rows)} units: {sum(r[1] in KEPT_ROLES for r in rows)} kept, 11 dropped"


def test_repeated_from_marks_corpus_repeats(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    lead = "Ngày 5/3, hội nghị tổng kết công tác an ninh trật tự năm 2022 đã diễn ra tại tỉnh nhà."
    for i, name in enumerate(("a", "b", "c")):
        (tmp_path / f"{name}.txt").write_text(f"Tiêu đề bài {name} về an ninh trật tự\n{lead} ({i})\n"
                                              "Đường dây nóng tòa soạn", encoding="utf-8")
    code, out = _run([str(tmp_path / "a.txt"), "--repeated-from", str(tmp_path), "--no-color"], capsys)
    assert code == 0 and out[-2].split()[:3] == ["2", "ui_text", "corpus.repeated"]
    code, out = _run([str(tmp_path / "a.txt"), "--repeated-from", str(tmp_path), "--min-docs", "4",
                      "--no-color"], capsys)
    # below the threshold the rules leave it as story; the caption model may then take it
    assert out[-2].split()[0] == "2" and out[-2].split()[2] in ("default.body", "caption.model")


def test_missing_file_is_a_usage_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["lines", str(tmp_path / "nope.txt")]) == 2
    err = capsys.readouterr().err
    assert err.startswith("bantin: error: No such file") and len(err.strip().splitlines()) == 1


def test_decodes_as_the_pipeline_does(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """UTF-16 (and every other encoding the ingest stage reads) is shown as text, not NUL bytes."""
    path = RAW / "002_16866fc71d093ade.txt"
    (tmp_path / "utf16.txt").write_bytes(codecs.BOM_UTF16_LE + path.read_text(encoding="utf-8").encode("utf-16-le"))
    _, want = _run([str(path), "--no-color"], capsys)
    _, got = _run([str(tmp_path / "utf16.txt"), "--no-color"], capsys)
    assert got == want and not any("\x00" in ln for ln in got)


def test_a_file_a_run_would_quarantine_is_a_data_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "page.txt").write_bytes(b"<!DOCTYPE html><html><body>x</body></html>")
    assert main(["lines", str(tmp_path / "page.txt")]) == 1
    assert "would be quarantined by a run (html)" in capsys.readouterr().err


def test_escapes_and_bidi_controls_are_shown_not_obeyed(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "x.txt").write_text("Tiêu đề \x1b[2J\x1b]0;pwned\x07 bài \u202eviết\nNội dung \x1b]8;;http://e/\x1b\\link\n",
                                    encoding="utf-8")
    code, out = _run([str(tmp_path / "x.txt"), "--no-color", "--full"], capsys)
    text = "\n".join(out)
    assert code == 0 and "\x1b" not in text and "\u202e" not in text and "\x07" not in text
    assert "\\x1b[2J" in text and "\\u202e" in text  # shown as text


def test_full_flag_prints_whole_lines(capsys: pytest.CaptureFixture[str]) -> None:
    path = RAW / "001_0bd30eea7aaaa816.txt"
    _, preview = _run([str(path), "--no-color"], capsys)
    _, full = _run([str(path), "--no-color", "--full"], capsys)
    assert preview[2].endswith("…") and not full[2].endswith("…")
    assert "".join(full).count("Ban Chp hành") == 1


def test_repeated_from_knows_a_site_that_prints_no_headline(capsys: pytest.CaptureFixture[str]) -> None:
    """A real qdnd page (that site prints no headline) opens with a heading of its story: shown
    with the folder as the run sees it, it is a subheading, not the title."""
    assert DEV_CORPUS.is_dir(), f"the development corpus must be at {DEV_CORPUS}"
    folder = DEV_CORPUS / "qdnd_mourinhan8"
    page = str(folder / "qdnd-52184f030e.txt")
    code, alone = _run([page, "--no-color"], capsys)
    assert code == 0 and alone[0].split()[1:3] == ["title", "structure.title"]
    code, out = _run([page, "--repeated-from", str(DEV_CORPUS), "--no-color"], capsys)
    assert code == 0 and out[0].split()[1:3] == ["subheading", "structure.subheading"]
