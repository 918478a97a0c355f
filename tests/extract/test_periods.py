"""Period rules: dash and from-to forms, bounds, near-misses, seeds."""

import pytest
from locations import RAW

from bantin.extract.periods import find_periods


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("tổng kết hoạt động giai đoạn 2015 - 2020", [(2015, 2020, "giai đoạn 2015 - 2020")]),
        ("nhiệm kỳ 2020 - 2025", [(2020, 2025, "nhiệm kỳ 2020 - 2025")]),
        ("kế hoạch 2021-2025 của tỉnh", [(2021, 2025, "2021-2025")]),
        ("giai đoạn 2015 -2020", [(2015, 2020, "giai đoạn 2015 -2020")]),
        ("Giai đoạn 2016–2020", [(2016, 2020, "Giai đoạn 2016–2020")]),
        ("từ năm 2015 đến năm 2020", [(2015, 2020, "từ năm 2015 đến năm 2020")]),
        ("từ 2010 tới 2012", [(2010, 2012, "từ 2010 tới 2012")]),
        ("giai đoạn 2015 - 2020 và giai đoạn 2015 - 2020", [(2015, 2020, "giai đoạn 2015 - 2020")]),
    ],
)
def test_periods_found(text, expected):
    got = [(p["start_year"], p["end_year"], p["mention"]) for p in find_periods(text)]
    assert got == expected


@pytest.mark.parametrize(
    "text",
    [
        "năm 2020 - năm quan trọng",       # one year
        "2020 - 2015",                      # reversed
        "1930 - 1945",                      # before 1945
        "1950 - 2020",                      # longer than 50 years
        "ngày 12/2015-2020",                # glued to a date
        "vlcsnap-2020-11-11-14h39m56s038",  # camera file name
        "Nghị định số 03/2019/NĐ-CP",       # document symbol
        "số điện thoại 0912-2020-2021",     # digits around
    ],
)
def test_not_periods(text):
    assert find_periods(text) == []


def test_seed_001_periods_in_order_and_unique():
    text = (RAW / "001_0bd30eea7aaaa816.txt").read_text(encoding="utf-8")
    got = [(p["start_year"], p["end_year"]) for p in find_periods(text)]
    assert got == [(2018, 2020), (2015, 2020), (2016, 2020), (2012, 2020)]


def test_seed_000_period():
    text = (RAW / "000_e6de8c14b1126a16.txt").read_text(encoding="utf-8")
    assert [(p["start_year"], p["end_year"]) for p in find_periods(text)] == [(2015, 2020)]
