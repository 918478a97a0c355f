"""Charts: the numbers behind each chart, and PNGs that render (also with no data at all)."""
from __future__ import annotations

from datetime import date

import pytest
from matplotlib.image import imread

import schemas
from bantin.card import charts

import dataset_factory

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


def test_quantity_values_keep_positive_values_with_a_unit():
    rows = [{"article_id": "a", "value": v, "unit": u, "mention": "m", "sentence": "s"}
            for v, u in ((1200, "công dân"), (800, "công dân"), (0, "vụ"), (-3, "vụ"), (5, None), (35, "buổi"))]
    got = charts.quantity_values(schemas.QUANTITIES.from_rows(rows))
    assert got == [("công dân", [1200.0, 800.0]), ("buổi", [35.0])]


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


def test_make_charts_writes_every_chart(tmp_path):
    paths = charts.make_charts(dataset_factory.build_tables(), tmp_path / "charts")
    assert list(paths) == list(charts.CHART_TITLES)
    for name, path in paths.items():
        assert path == tmp_path / "charts" / f"{name}.png"
        _assert_png(path)


@pytest.mark.parametrize("tables", [dataset_factory.build_tables(empty=True), {}], ids=["empty", "missing"])
def test_no_data_renders_instead_of_crashing(tables, tmp_path):
    paths = charts.make_charts(tables, tmp_path)
    assert len(paths) == len(charts.CHART_TITLES)
    for path in paths.values():
        _assert_png(path)


def test_long_labels_are_shortened():
    assert charts._short("x" * 100).endswith("…") and len(charts._short("x" * 100)) == charts.LABEL_CHARS
    assert charts._short("Bến Tre") == "Bến Tre"
