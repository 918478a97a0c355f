"""Legal reference rules: symbol shapes and case fixes, issuers, dates, dedupe, seeds."""
from datetime import date

import pytest
from locations import RAW

from bantin.extract.legal import find_legal_refs


def _one(text: str) -> dict:
    refs = find_legal_refs(text)
    assert len(refs) == 1, refs
    return refs[0]


@pytest.mark.parametrize(
    ("text", "doc_type", "number", "symbol", "issuer"),
    [
        ("theo Nghị quyết số 28-NQ/TW của Trung ương", "Nghị quyết", "28", "28-NQ/TW", "TW"),
        ("Chương trình hành động số 26-Ctr/TU", "Chương trình hành động", "26", "26-CTr/TU", "TU"),
        ("Kết luận số 249-KL/TU", "Kết luận", "249", "249-KL/TU", "TU"),
        ("Kế hoạch số 79/KH-UBND", "Kế hoạch", "79", "79/KH-UBND", "UBND"),
        ("Nghị định số 03/2019/NĐ-CP", "Nghị định", "03", "03/2019/NĐ-CP", "CP"),
        ("Nghị định 03/2019/ND-CP", "Nghị định", "03", "03/2019/NĐ-CP", "CP"),         # Đ lost
        ("Thông tư 15/2024/TT-BCA", "Thông tư", "15", "15/2024/TT-BCA", "BCA"),
        ("Quyết định số 35/2018/qđ-ttg", "Quyết định", "35", "35/2018/QĐ-TTg", "TTg"),  # case typos
        ("Luật số 24/2018/QH14", "Luật", "24", "24/2018/QH14", "QH"),
        ("tuyên truyền Luật Biên phòng Việt Nam số 66/2020/QH14", "Luật", "66", "66/2020/QH14", "QH"),
        ("Quy định số 08-QĐi/TW", "Quy định", "08", "08-QĐi/TW", "TW"),
        ("Đề án số 03-ĐA/TU của Ban Thường vụ Tỉnh ủy", "Đề án", "03", "03-ĐA/TU", "TU"),
        ("Chỉ thị số 05 - CT/TW", "Chỉ thị", "05", "05-CT/TW", "TW"),                  # spaced
        ("Chỉ thị số 05/CT/TW", "Chỉ thị", "05", "05-CT/TW", "TW"),                    # / for -
        ("Công văn số 123/UBND-VX", "Công văn", "123", "123/UBND-VX", "UBND"),
        ("Hướng dẫn số 12-HD/BTGTW", "Hướng dẫn", "12", "12-HD/BTGTW", "BTGTW"),
        ("nghị quyết số 08-NQ/TU về", "Nghị quyết", "08", "08-NQ/TU", "TU"),
        ("theo Thông tư 17/2009 của Bộ TN-MT", "Thông tư", "17", "17/2009", None),      # cut short
        ("hiện nay Nghị định 25/2011/NĐ đã quy định", "Nghị định", "25", "25/2011/NĐ", None),
    ],
)
def test_symbols(text, doc_type, number, symbol, issuer):
    ref = _one(text)
    assert (ref["doc_type"], ref["number"], ref["symbol"], ref["issuer"]) == (doc_type, number, symbol, issuer)


@pytest.mark.parametrize(
    ("text", "doc_type", "number", "issuer"),
    [
        ("Chỉ thị 48 của Bộ Chính trị", "Chỉ thị", "48", "TW"),
        ("Chỉ thị số 46 của Bộ chính trị", "Chỉ thị", "46", "TW"),
        ("Nghị quyết 51", "Nghị quyết", "51", None),
        ("Nghị quyết số 08 của Tỉnh ủy", "Nghị quyết", "08", "TU"),
        ("Nghị định số 100 của Chính phủ", "Nghị định", "100", "CP"),
        ("Quyết định số 12 của Thủ tướng Chính phủ", "Quyết định", "12", "TTg"),
    ],
)
def test_without_symbol(text, doc_type, number, issuer):
    ref = _one(text)
    assert (ref["doc_type"], ref["number"], ref["symbol"], ref["issuer"]) == (doc_type, number, None, issuer)


@pytest.mark.parametrize(
    "text",
    [
        "Trưởng Ban Chỉ đạo 138 tỉnh",            # organisation number
        "triển khai Chương trình công tác năm 2020",
        "các Nghị quyết, Chỉ thị của Đảng",       # no number
        "Quân khu 4 đánh giá cao",
        "Chỉ thị 48-49 năm",                       # number glued to something that is no symbol
        "triển khai Chương trình 2020 của tỉnh",   # a year, not a number
        "quán triệt Nghị quyết Trung ương 7 khóa X về nông nghiệp",  # plenum number, not a document
        "theo Nghị quyết Trung ương 5 (khóa XII, XIII) của Đảng",    # plenum with two terms
        "Kết luận Trung ương 6",                                       # plenum without term
    ],
)
def test_not_references(text):
    assert find_legal_refs(text) == []


def test_issued_date_and_mention():
    ref = _one("thực hiện Nghị quyết số 18-NQ/TW ngày 25/10/2017 Hội nghị Trung ương 6")
    assert ref["issued_date"] == date(2017, 10, 25)
    assert ref["mention"] == "Nghị quyết số 18-NQ/TW"
    assert _one("Nghị quyết số 18-NQ/TW ngày 25 tháng 10 năm 2017")["issued_date"] == date(2017, 10, 25)
    assert _one("Nghị quyết số 18-NQ/TW ngày 31/02/2017")["issued_date"] is None


def test_list_shares_the_issuer_that_follows_it():
    refs = find_legal_refs("trọng tâm là Chỉ thị số 48, Chỉ thị số 46 và Chỉ thị số 12 của Bộ Chính trị.")
    assert [(r["number"], r["issuer"]) for r in refs] == [("48", "TW"), ("46", "TW"), ("12", "TW")]


def test_dedupe_fills_fields_and_joins_symbolless_mention():
    text = ("Nghị quyết số 08-NQ/TU về an ninh. Thực hiện Nghị quyết số 08 ngày 01/02/2021. "
            "Nghị quyết số 08-NQ/TU của Tỉnh ủy.")
    ref = _one(text)
    assert ref["symbol"] == "08-NQ/TU"
    assert ref["issued_date"] == date(2021, 2, 1)
    assert ref["mention"] == "Nghị quyết số 08-NQ/TU"


def test_seed_001():
    refs = find_legal_refs((RAW / "001_0bd30eea7aaaa816.txt").read_text(encoding="utf-8"))
    by_symbol = {r["symbol"]: r for r in refs if r["symbol"]}
    assert by_symbol["249-KL/TU"]["issued_date"] == date(2019, 9, 17)
    assert by_symbol["26-CTr/TU"]["issued_date"] == date(2014, 6, 20)
    assert by_symbol["26-CTr/TU"]["doc_type"] == "Chương trình hành động"
    assert by_symbol["18-NQ/TW"]["issued_date"] == date(2017, 10, 25)
    assert by_symbol["28-NQ/TW"]["issued_date"] == date(2013, 10, 25)
    assert by_symbol["79/KH-UBND"]["issued_date"] == date(2014, 11, 5)
    assert set(by_symbol) == {"249-KL/TU", "26-CTr/TU", "79/KH-UBND", "28-NQ/TW", "18-NQ/TW",
                              "05-CT/TW", "03/2019/NĐ-CP", "133/2015/NĐ-CP", "03-ĐA/TU"}
    assert by_symbol["03/2019/NĐ-CP"]["issuer"] == "CP"
    assert len(refs) == 9  # the two plenum resolutions (`Trung ương 8 khóa XI`) are not kept


def test_seed_003_directives_of_the_politburo():
    refs = find_legal_refs((RAW / "003_59b5e6cddb52a0b1.txt").read_text(encoding="utf-8"))
    assert [(r["doc_type"], r["number"], r["symbol"], r["issuer"]) for r in refs] == [
        ("Chỉ thị", "48", None, "TW"), ("Chỉ thị", "46", None, "TW"),
        ("Chỉ thị", "12", None, "TW"), ("Nghị quyết", "51", None, "TW"),
    ]


def test_seed_004_one_resolution_mentioned_four_times():
    refs = find_legal_refs((RAW / "004_e5b9de7fa5e357f6.txt").read_text(encoding="utf-8"))
    assert [(r["symbol"], r["issuer"]) for r in refs] == [("08-NQ/TU", "TU")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Standing Committee resolutions carry `UBTVQHnn`; issuer without the legislature number
        ("theo Nghị quyết số 1201/2024/UBTVQH15 về sắp xếp", [("Nghị quyết", "1201", "1201/2024/UBTVQH15", "UBTVQH")]),
        ("Thông tư 22/2021/TT-BCA quy định", [("Thông tư", "22", "22/2021/TT-BCA", "BCA")]),   # no `số`
        ("Thông tư liên tịch số 03/2017/TTLT-BCA-BQP", [("Thông tư liên tịch", "03", "03/2017/TTLT-BCA-BQP", "BCA")]),
        ("Nghị quyết liên tịch số 12/2020/NQLT-CP-ĐCT", [("Nghị quyết liên tịch", "12", "12/2020/NQLT-CP-ĐCT", "CP")]),
        ("Công điện số 47/CĐ-TTg ngày 2/9/2024", [("Công điện", "47", "47/CĐ-TTg", "TTg")]),
        ("Quy chế số 15-QC/TU", [("Quy chế", "15", "15-QC/TU", "TU")]),
        ("Thông báo số 9 của Tỉnh ủy", [("Thông báo", "9", None, "TU")]),
        # verbs that are also type words: a count, not a document
        ("cơ quan chức năng thông báo 3 trường hợp vi phạm", []),
        ("Nghị định quy định 5 nhóm đối tượng", []),
    ],
)
def test_more_document_types_and_symbols(text, expected):
    got = [(r["doc_type"], r["number"], r["symbol"], r["issuer"]) for r in find_legal_refs(text)]
    assert got == expected
