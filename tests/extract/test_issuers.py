"""legal_refs.issuer_name: the full name of a symbol's issuer code, or the body the text names
when it is more precise and agrees with the symbol (bantin/extract/issuers.py)."""
from __future__ import annotations

import pytest

from bantin.extract import issuers
from bantin.extract.legal import NAMED_ISSUERS, find_legal_refs


@pytest.mark.parametrize(("text", "issuer", "name"), [
    ("Nghị quyết số 28-NQ/TW ngày 25/10/2013", "TW", "Trung ương Đảng"),
    ("Nghị quyết số 28-NQ/TW ngày 25/10/2013 của Ban Chấp hành Trung ương", "TW", "Ban Chấp hành Trung ương"),
    ("Chỉ thị số 46 của Bộ Chính trị", "TW", "Bộ Chính trị"),
    ("Chỉ thị số 48, Chỉ thị số 46 của Bộ Chính trị", "TW", "Bộ Chính trị"),  # the list shares its issuer
    ("Kết luận số 249-KL/TU", "TU", "Tỉnh ủy"),
    ("Kết luận số 249-KL/TU của Ban Thường vụ Tỉnh ủy", "TU", "Ban Thường vụ Tỉnh ủy"),
    ("Nghị quyết số 08-NQ/TU của Bộ Chính trị", "TU", "Tỉnh ủy"),  # a named body that contradicts the symbol
    ("Nghị định 05/2020/NĐ-CP", "CP", "Chính phủ"),
    ("Kế hoạch số 79/KH-UBND", "UBND", "Ủy ban nhân dân"),
    ("Luật Biên phòng Việt Nam số 66/2020/QH14", "QH", "Quốc hội"),
    ("Chỉ thị số 05 của Thủ tướng", "TTg", "Thủ tướng Chính phủ"),
    ("Quyết định 12/QĐ-XYZ", "XYZ", None),  # a code not in the table: no name rather than a guess
    ("Chỉ thị 48", None, None),
])
def test_issuer_and_its_full_name(text, issuer, name):
    refs = find_legal_refs(text)
    assert [(r["issuer"], r["issuer_name"]) for r in refs][-1] == (issuer, name)


def test_every_named_issuer_has_a_name():
    """Each body `legal` recognises after a reference gets a full name from the table."""
    for pattern, code in NAMED_ISSUERS:
        assert issuers.full_name(code) is not None, code
        for body in pattern.split("|"):
            assert issuers.full_name(code, body) in issuers.NAMES


def test_names_are_what_the_quality_suite_accepts():
    assert issuers.NAMES == frozenset(issuers.ISSUERS.values()) | issuers.NAMED_BODIES
    assert issuers.full_name(None) is None and issuers.full_name("UBND", "UBND") == "Ủy ban nhân dân"
