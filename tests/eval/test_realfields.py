"""Extraction scoring for the real-corpus gold, on crafted records (not from the corpus)."""
from __future__ import annotations

import pytest

from bantin.eval import realfields
from bantin.eval.outlet_keys import domain_key, outlet_keys, same_outlet
from bantin.eval.scoring import Counts


def _record(**kw) -> dict:
    base = {"title": None, "published_date": None, "date_source": None, "outlet": None, "authors": [],
            "people": [], "provinces": [], "legal_refs": [], "quantities": []}
    return {**base, **kw}


@pytest.mark.parametrize("a, b", [
    ("Báo điện tử Dân trí", "Dân trí"), ("Báo Dân trí", "dantri.com.vn"), ("Dân Trí", "Báo điện tử Dân trí"),
    ("TTXVN", "Thông tấn xã Việt Nam"), ("Thông tấn xã Việt Nam (TTXVN)", "TTXVN"),
    ("VOV", "Báo Điện tử Đài Tiếng nói Việt Nam"), ("Báo Điện tử Tiếng nói Việt Nam", "vov.vn"),
    ("Báo Điện tử Đài Tiếng nói Việt Nam (VOV)", "VOV"), ("Tạp chí Công Thương online", "Công Thương"),
    ("Chuyên trang Công an Đà Nẵng - Báo Công an Nhân dân", "Báo Công an nhân dân"),
    ("www.thanhnien.com.vn", "Báo Thanh Niên"), ("kinhdoanh.vnexpress.net", "VnExpress"),
    ("news.zing.vn", "Zing News"), ("baotintuc.vn", "Báo Tin tức"), ("Báo Tin Tức TTXVN", "Báo Tin tức"),
    ("Vietnam+", "VietnamPlus"), ("Báo Hànộimới", "hanoimoi.com.vn"), ("PLO", "Báo Pháp Luật TP.HCM"),
    ("Báo Lào Cai điện tử", "Báo Lào Cai"), ("VTV.vn", "Báo điện tử VTV News"),
    ("NNVN", "nongnghiep.vn"), ("Báo Nông nghiệp Việt Nam", "NNVN"),
    ("Báo Giao thông", "giaothongvantai.com.vn"),  # the paper's old name and site
])
def test_the_same_outlet_written_differently(a: str, b: str) -> None:
    assert same_outlet(a, b) and same_outlet(b, a)


@pytest.mark.parametrize("a, b", [
    ("Báo Nhân Dân", "Báo Công an nhân dân"), ("Dân trí", "Báo Thanh Niên"), ("TTXVN", "VietnamPlus"),
    ("Báo Tin tức", "Báo Tuổi Trẻ"), ("Báo Lao Động", "Báo Người Lao Động"), ("vnexpress.net", None),
    ("Báo Giao thông", "Báo Nông nghiệp Việt Nam"),
])
def test_different_outlets(a, b) -> None:
    assert not same_outlet(a, b)


def test_domain_keys() -> None:
    assert domain_key("https://www.baodatviet.vn/") == "datviet"
    assert domain_key("dantri.com.vn") == "dantri" and domain_key("Dân trí") is None
    assert outlet_keys(None) == frozenset() and outlet_keys("  ") == frozenset()


def test_outlet_counts_like_a_scalar() -> None:
    ok = realfields.score_outlet("Dân trí", "Báo điện tử Dân trí").counts
    wrong = realfields.score_outlet("Báo Thanh Niên", "Báo điện tử Dân trí").counts
    extra = realfields.score_outlet("Báo Thanh Niên", None).counts
    missed = realfields.score_outlet(None, "Báo Thanh Niên").counts
    assert (ok.tp, ok.fp, ok.fn) == (1, 0, 0)
    assert (wrong.tp, wrong.fp, wrong.fn) == (0, 1, 1)
    assert (extra.tp, extra.fp, extra.fn) == (0, 1, 0) and (missed.tp, missed.fp, missed.fn) == (0, 0, 1)


def test_names_with_or_without_an_initials_dot() -> None:
    assert realfields.name_key("Nguyễn Văn T.") == realfields.name_key("nguyễn văn T")
    assert realfields.name_key("B. Hòa") == realfields.name_key("B.HOÀ")
    gold = _record(people=[{"name": "Nguyễn Văn T.", "posts": [], "honorific": None},
                           {"name": "Lê Thị Hoa", "posts": [], "honorific": "bà"}], authors=["Minh An"])
    pred = _record(people=[{"name": "Nguyễn Văn T", "posts": [], "honorific": None},
                           {"name": "Lê Văn Hùng", "posts": [], "honorific": None}], authors=["MINH AN"])
    res = realfields.score_article(pred, gold)
    assert (res["people"].counts.tp, res["people"].counts.fp, res["people"].counts.fn) == (1, 1, 1)
    assert res["authors"].counts.tp == 1


def test_legal_refs_by_number_and_normalised_symbol() -> None:
    def ref(number, symbol, doc_type="Quyết định", issuer=None):
        return {"doc_type": doc_type, "number": number, "symbol": symbol, "issuer": issuer}
    gold = _record(legal_refs=[ref("235", "235/UBND–KT"), ref("57", None, "Nghị quyết"),
                               ref("41", "QCVN 41:2019/BGTVT", "Quy chuẩn")])
    pred = _record(legal_refs=[ref("235", "235/ubnd-kt", None, "UBND"), ref("57", None, "Nghị quyết"),
                               ref("41", "QCVN41:2019/BGTVT", None), ref("100", "100/2019/NĐ-CP")])
    c = realfields.score_article(pred, gold)["legal_refs"].counts
    assert (c.tp, c.fp, c.fn) == (3, 1, 0)


def test_quantities_by_value_and_unit_word_prefix() -> None:
    def q(value, unit, qualifier=None):
        return {"value": value, "unit": unit, "qualifier": qualifier}
    gold = _record(quantities=[q(3, "người"), q(4_200_000_000, "đồng"), q(1.5, "tấn", "hơn")])
    pred = _record(quantities=[q(3.0, "người dân"), q(4.2e9, "đồng", "gần"), q(15, "tấn")])
    c = realfields.score_article(pred, gold)["quantities"].counts
    assert (c.tp, c.fp, c.fn) == (2, 1, 1)


def test_scalars_title_date_and_provinces() -> None:
    gold = _record(title="Cháy kho  hàng", published_date="2024-05-12", provinces=["Hòa Bình", "Hà Nội"])
    pred = _record(title="cháy kho hàng", published_date="2024-05-11", provinces=["Hoà Bình"])
    res = realfields.score_article(pred, gold)
    assert res["title"].counts.tp == 1
    assert (res["published_date"].counts.fp, res["published_date"].counts.fn) == (1, 1)
    assert (res["provinces"].counts.tp, res["provinces"].counts.fn) == (1, 1)
    assert set(res) == set(realfields.FIELDS)


def test_vacuous_precision_and_recall_are_none() -> None:
    assert realfields.precision(Counts(0, 0, 3)) is None and realfields.recall(Counts(0, 2, 0)) is None
    out = realfields.counts_json(Counts(1, 1, 2))
    assert out["precision"] == 0.5 and out["recall"] == pytest.approx(0.3333) and out["support"] == 3
