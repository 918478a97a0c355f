"""A figure is value + unit of measure + counted noun (bantin/extract/measures.py): the rule the
`quantities` columns document, on the phrases the extractor finds and on whole sentences."""
from __future__ import annotations

import pytest

from bantin.extract import measures
from bantin.extract.quantities import find_quantities


@pytest.mark.parametrize(("written", "unit", "noun"), [
    ("%", "%", None),
    ("đồng", "đồng", None),            # `4 tỷ đồng`: the scale is in the value
    ("USD", "USD", None),
    ("kg ma túy", "kg", "ma túy"),
    ("tấn hàng hóa", "tấn", "hàng hóa"),
    ("lít", "lít", None),
    ("đối tượng", None, "đối tượng"),  # a count: no unit of measure
    ("bánh heroin", None, "bánh heroin"),
    ("đồng chí Công an chính quy", None, "đồng chí Công an chính quy"),  # people, not money
    ("đồng bào", None, "đồng bào"),
])
def test_split(written, unit, noun):
    assert measures.split(written) == {"unit": unit, "noun": noun}
    assert measures.phrase(measures.split(written)).casefold() == written.casefold()
    assert unit is None or unit in measures.UNITS


@pytest.mark.parametrize(("sentence", "value", "unit", "noun"), [
    ("chiếm đoạt 4 tỷ đồng của người dân", 4e9, "đồng", None),
    ("thu giữ 300 kg ma túy các loại", 300, "kg", "ma túy"),
    ("bắt giữ 12 đối tượng", 12, None, "đối tượng"),
    ("đạt 95,5% kế hoạch", 95.5, "%", None),
])
def test_figures_in_sentences(sentence, value, unit, noun):
    (got,) = find_quantities(sentence)
    assert (got["value"], got["unit"], got["noun"]) == (float(value), unit, noun)


@pytest.mark.parametrize(("sentence", "unit", "written"), [
    ("thu giữ 1.075 gram ma túy", "g", "gram ma túy"),
    ("giá 41.999.000 VNĐ một chiếc", "đồng", "VNĐ"),
    ("45 m3 gỗ xoan đào", "m³", "m3 gỗ xoan đào"),
    ("hơn 18.000 đội viên", None, "đội viên"),
])
def test_canonical_unit_and_the_phrase_as_written(sentence, unit, written):
    """The column holds the canonical unit; the gold files are scored on the text's own words."""
    (got,) = find_quantities(sentence)
    assert got["unit"] == unit and measures.written(got) == written


@pytest.mark.parametrize(("written", "unit", "noun"), [
    ("km", "km", None), ("m", "m", None), ("ha rừng", "ha", "rừng"), ("m2", "m²", None), ("cc", "cc", None),
    ("km/h", "km/h", None), ("mét vuông hang", "m²", "hang"), ("hecta", "ha", None),
])
def test_lengths_areas_and_speeds_are_units(written, unit, noun):
    """The annotation guide counts lengths, areas and speeds (tests/realgold/GUIDE.md)."""
    assert measures.split(written) == {"unit": unit, "noun": noun}


@pytest.mark.parametrize(("sentence", "written"), [
    ("diện tích khoảng 15.000m2. Đồng", "m2"),            # glued: the number is not part of the unit
    ("mưa phổ biến từ 15-30mm, cục bộ", "mm"),
    ("hoàn thành 3.700/9.800m, nền", "m"),
    ("hàng trăm nghìn mét vuông hang, hầm", "mét vuông hang"),
])
def test_written_unit_of_glued_and_two_word_units(sentence, written):
    assert measures.written(find_quantities(sentence)[0]) == written
