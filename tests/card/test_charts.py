"""Charts: the numbers behind each chart, and PNGs that render (also with no data at all)."""
from __future__ import annotations

from datetime import date

import dataset_factory
import pytest
from matplotlib.image import imread

import schemas
from bantin.card import charts

PNG_MAGIC = b"\x89PNG\r\n\x1a\n"


def _articles(*rows: dict):
    base = dataset_factory.ARTICLES[0]
    return schemas.ARTICLES.from_rows([dict(base, article_id=f"{i:016x}", **r) for i, r in enumerate(rows)])


def test_month_counts_fill_gaps_and_skip_undated():
    t = _articles({"published_date": date(2022, 11, 3)}, {"published_date": date(2023, 1, 30)},
                  {"published_date": date(2023, 1, 2)}, {"published_date": None})
    assert charts.month_counts(t) == [("2022-11", 1), ("2022-12", 0), ("2023-01", 2)]


def test_month_counts_empty():
    assert charts.month_counts(schemas.ARTICLES.empty()) == []
    assert charts.month_counts(None) == []


@pytest.mark.parametrize(
    ("column", "rows", "expected"),
    [
        ("provinces", [["Bến Tre"], ["Bến Tre", "Tiền Giang"], None, []], [("Bến Tre", 2), ("Tiền Giang", 1)]),
        ("provinces", [["Bến Tre", "Bến Tre"]], [("Bến Tre", 1)]),  # one article counts once
        ("provinces_2025", [["Vĩnh Long"], ["Vĩnh Long"], ["Đồng Tháp"]], [("Vĩnh Long", 2), ("Đồng Tháp", 1)]),
    ],
)
def test_province_counts(column, rows, expected):
    assert charts.province_counts(_articles(*({column: r} for r in rows)), column) == expected


def test_legal_doc_counts_label_by_symbol_then_type_number_and_skip_bare_types():
    t = dataset_factory.build_tables()["legal_refs"]
    assert charts.legal_doc_counts(t) == [("08-NQ/TU", 2), ("28-NQ/TW", 1), ("Chỉ thị 48", 1)]


def test_legal_doc_counts_counts_articles_not_mentions():
    rows = [{"article_id": "a", "doc_type": "Nghị quyết", "number": "08", "symbol": "08-NQ/TU", "mention": m}
            for m in ("Nghị quyết số 08-NQ/TU", "Nghị quyết 08-NQ/TU")]
    assert charts.legal_doc_counts(schemas.LEGAL_REFS.from_rows(rows)) == [("08-NQ/TU", 1)]


def test_figures_are_grouped_by_comparable_unit():
    """Counts (by noun) apart from each unit of measure: `%`, `tin` and `xã` never share an axis."""
    rows = [{"article_id": "a", "value": v, "unit": u, "noun": n, "mention": "m", "sentence": "s"}
            for v, u, n in ((1200, None, "công dân"), (800, None, "công dân"), (0, None, "vụ"), (-3, None, "vụ"),
                            (5, None, None), (35, None, "tin"), (12, None, "xã"), (95, "%", None), (4e9, "đồng", None),
                            (300, "kg", "ma túy"), (2, "kg", "ma túy"))]
    got = charts.quantity_groups(schemas.QUANTITIES.from_rows(rows))
    assert got == [(None, [("công dân", [1200.0, 800.0]), ("tin", [35.0]), ("xã", [12.0])]),
                   ("kg", [("ma túy", [300.0, 2.0])]), ("%", [("", [95.0])]), ("đồng", [("", [4e9])])]


def test_a_group_of_near_duplicates_counts_once_in_every_per_article_chart():
    """Three copies of one republished story, and one other story: two articles everywhere."""
    a, b, c, d = (f"{i:016x}" for i in range(4))
    arts = _articles({"published_date": date(2023, 1, 5), "provinces": ["Bến Tre"]},
                     {"published_date": date(2023, 1, 5), "provinces": ["Bến Tre"], "near_duplicate_of": a},
                     {"published_date": date(2023, 1, 6), "provinces": ["Bến Tre"], "near_duplicate_of": a},
                     {"published_date": None, "provinces": ["Tiền Giang"]})
    refs = schemas.LEGAL_REFS.from_rows([{"article_id": x, "doc_type": "Nghị quyết", "number": "08",
                                          "symbol": "08-NQ/TU", "mention": "m"} for x in (a, b, c, d)])
    figures = schemas.QUANTITIES.from_rows([{"article_id": x, "value": 40.0, "noun": "người", "mention": "m",
                                             "sentence": "s"} for x in (a, b, c)])
    c_ = charts.ChartCounts.of({"legal_refs": refs, "quantities": figures, "articles": arts})  # any order
    assert c_.month_counts() == [("2023-01", 1)]
    assert c_.province_counts("provinces") == [("Bến Tre", 1), ("Tiền Giang", 1)]
    assert c_.legal_doc_counts() == [("08-NQ/TU", 2)]
    assert c_.quantity_groups() == [(None, [("người", [40.0])])]
    assert (c_.articles, c_.undated, c_.near_duplicates) == (2, 1, 2)
    assert charts.month_title(c_).endswith("1 of 2 articles; 1 without a date not shown")


def test_boilerplate_counts_leave_out_body_and_blank_lines():
    got = charts.boilerplate_counts(dataset_factory.build_tables()["lines"])
    assert got == [("line.share (share_prompt)", 2), ("context.title (title)", 1),
                   ("line.photo_credit (photo_credit)", 1)]


def test_reason_counts():
    assert charts.reason_counts(dataset_factory.build_tables()["quarantine"]) == [("empty", 1)]


def _assert_png(path):
    assert path.read_bytes()[:8] == PNG_MAGIC
    h, w = imread(path).shape[:2]
    assert 150 < h < 3000 and 300 < w < 3000


def test_make_charts_writes_every_chart_that_has_data(tmp_path):
    paths = charts.make_charts(dataset_factory.build_tables(), tmp_path / "charts")
    assert list(paths) == list(charts.CHART_TITLES)
    for name, path in paths.items():
        assert path == tmp_path / "charts" / f"{name}.png"
        _assert_png(path)


@pytest.mark.parametrize("tables", [dataset_factory.build_tables(empty=True), {}], ids=["empty", "missing"])
def test_charts_with_nothing_to_show_are_left_out(tables, tmp_path):
    assert charts.make_charts(tables, tmp_path) == {}
    assert list(tmp_path.glob("*.png")) == []


def test_only_the_empty_chart_is_left_out(tmp_path):
    tables = dataset_factory.build_tables()
    tables["quarantine"] = schemas.QUARANTINE.empty()  # nothing quarantined
    assert list(charts.make_charts(tables, tmp_path)) == [n for n in charts.CHART_TITLES if n != "quarantine_reasons"]


def test_long_labels_are_shortened():
    assert charts._short("x" * 100).endswith("…") and len(charts._short("x" * 100)) == charts.LABEL_CHARS
    assert charts._short("Bến Tre") == "Bến Tre"
