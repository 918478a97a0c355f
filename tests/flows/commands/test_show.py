"""`bantin show`: finding an article by id, prefix or file name, and what it prints."""
from __future__ import annotations

import dataset_factory
import pytest
from dataset_factory import BT1, BT2, TG

import schemas
from bantin.errors import UsageError
from flows import cli
from flows.commands import show


def _articles(aliases=None):
    rows = [dict(r) for r in dataset_factory.ARTICLES]
    rows[2]["source_file"] = "tg/2019/bai.txt"
    rows[2]["aliases"] = aliases or []
    return schemas.ARTICLES.from_rows(rows)


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        (BT1, BT1),                     # exact id
        ("bbbb", TG),                   # unique prefix
        ("AAAA000000000002", BT2),      # ids are lower-case hex; accept upper-case prefix
        ("tg/2019/bai.txt", TG),        # source_file as written
        ("bai.txt", TG),                # its name without the directory
        ("copy.txt", TG),               # an alias (exact duplicate input)
        ("raw/tg/copy.txt", TG),        # alias given with a directory in front
    ],
)
def test_find_article(query, expected):
    assert show.find_article(_articles(aliases=["tg/copy.txt"]), query)["article_id"] == expected


@pytest.mark.parametrize(("query", "message"), [("aaaa", "matches 2 articles"), ("ffff", "No article matches"),
                                                ("", "No article matches")])
def test_find_article_errors(query, message):
    with pytest.raises(UsageError, match=message):
        show.find_article(_articles(), query)


def test_show_prints_fields_body_and_entities(crafted, capsys, wide):
    assert cli.main(["show", BT1, "--out", str(crafted), "--no-color"]) == 0
    out = capsys.readouterr().out
    assert "TP. Bến Tre thực hiện chiến lược bảo vệ an ninh quốc gia" in out
    assert "published_date     2023-01-30" in out
    assert "Bí thư Thành ủy Nguyễn Văn Tuấn trao giấy khen." in out  # cleaned body
    assert "people (2)" in out and "Phó bí thư Thường trực Thành ủy" in out
    assert "legal_refs (1)" in out and "08-NQ/TU" in out
    assert "quantities" not in out  # none for this article
    assert "raw text" not in out


def test_show_raw_text_on_request(crafted, capsys, wide):
    assert cli.main(["show", "bbbb", "--out", str(crafted), "--raw", "--no-color"]) == 0
    out = capsys.readouterr().out
    assert "raw text" in out and "1.200 công dân" in out and "quantities (3)" in out
    assert "2 tỷ đồng" in out and "noun" in out  # a figure is value, unit and counted noun


def test_show_seed_article_by_file_name(tmp_path, capsys, wide):
    dataset_factory.publish(tmp_path / "out", dataset_factory.seed_tables())
    assert cli.main(["show", "004_e5b9de7fa5e357f6.txt", "--out", str(tmp_path / "out"), "--no-color"]) == 0
    out = capsys.readouterr().out
    assert "TP. Bến Tre tổ chức thực hiện chiến lược bảo vệ an ninh quốc gia" in out
    assert "08-NQ/TU" in out and "Báo Đồng Khởi" in out
    assert "BÌNH LUẬN" not in out.split("cleaned body", 1)[1].split("legal_refs", 1)[0]


@pytest.mark.parametrize(("args", "message"), [(["zzzz"], "No article matches"), (["aaaa"], "matches 2 articles")])
def test_unknown_or_ambiguous_id_exits_2(args, message, crafted, capsys):
    assert cli.main(["show", *args, "--out", str(crafted)]) == 2
    assert message in capsys.readouterr().err


def test_no_dataset_exits_2(tmp_path, capsys):
    assert cli.main(["show", BT1, "--out", str(tmp_path)]) == 2
    assert "No dataset in" in capsys.readouterr().err


def test_terminal_escapes_in_the_data_are_shown_not_obeyed(tmp_path, capsys, wide):
    """A title, body, raw text or file name carrying `ESC [2J`, an OSC title, an OSC 8 link or
    U+202E prints them escaped: the terminal is never cleared, retitled or reversed."""
    tables = dataset_factory.build_tables()
    rows = tables["articles"].to_pylist()
    hostile = "\x1b[2J\x1b]0;pwned\x07 Tiêu đề \u202eđảo\x1b]8;;http://evil/\x1b\\link"
    rows[0].update(title=hostile, body=hostile, raw_text=hostile, source_file="\x1b[31mred.txt",
                   authors=[hostile])
    tables["articles"] = schemas.ARTICLES.from_rows(rows)
    dataset_factory.publish(tmp_path / "out", tables)
    assert cli.main(["show", BT1, "--out", str(tmp_path / "out"), "--raw", "--no-color"]) == 0
    out = capsys.readouterr().out
    assert "\x1b" not in out and "\u202e" not in out and "\x07" not in out
    assert "\\x1b[2J" in out and "\\u202e" in out
