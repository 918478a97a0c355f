"""Outlet names: domains and written names to canonical outlets, table and province-derived."""
import pytest

from bantin.extract.outlet_names import is_outlet_name, outlet_for_domain, outlet_for_name


@pytest.mark.parametrize(
    ("host", "outlet"),
    [
        ("nbtv.vn", "Đài Phát thanh và Truyền hình Ninh Bình"),
        ("www.qdnd.vn", "Báo Quân đội nhân dân"),
        ("cand.com.vn", "Báo Công an nhân dân"),
        ("NHANDAN.VN", "Báo Nhân Dân"),
        ("baodongkhoi.vn", "Báo Đồng Khởi"),
        ("baoquangninh.vn", "Báo Quảng Ninh"),          # bao<province>: derived
        ("baothanhhoa.vn", "Báo Thanh Hóa"),
        ("baobariavungtau.com.vn", "Báo Bà Rịa - Vũng Tàu"),
        ("quangbinh.gov.vn", "Cổng Thông tin điện tử tỉnh Quảng Bình"),
        ("hanoi.gov.vn", "Cổng Thông tin điện tử thành phố Hà Nội"),
        ("giaothongvantai.com.vn", "Báo Giao thông"),    # the paper's site under its old name
        ("baoxyz.vn", None),                             # unknown: no guess
        ("sotaichinh.quangbinh.gov.vn", None),           # a department, not the portal
        ("example.com", None),
    ],
)
def test_domains(host, outlet):
    assert outlet_for_domain(host) == outlet


@pytest.mark.parametrize(
    ("name", "outlet"),
    [
        ("Cổng TTĐT tỉnh Quảng Bình", "Cổng Thông tin điện tử tỉnh Quảng Bình"),
        ("Cổng thông tin điện tử Bến Tre", "Cổng Thông tin điện tử tỉnh Bến Tre"),
        ("Cổng Thông tin điện tử thành phố Đà Nẵng", "Cổng Thông tin điện tử thành phố Đà Nẵng"),
        ("Đài PT-TH Bến Tre", "Đài Phát thanh và Truyền hình Bến Tre"),
        ("Đài PTTH Khánh Hoà", "Đài Phát thanh và Truyền hình Khánh Hòa"),
        # a station's own full spelling (`-` or `và`) is kept; abbreviations expand to `và`
        ("Đài Phát thanh - Truyền hình Thừa Thiên - Huế", "Đài Phát thanh - Truyền hình Thừa Thiên Huế"),
        ("Báo Quảng Ninh", "Báo Quảng Ninh"),
        ("baoquangninh.vn", "Báo Quảng Ninh"),
        ("THTG", "Đài Phát thanh và Truyền hình Tiền Giang"),
        ("Cổng TTĐT tỉnh Gotham", None),
        ("Báo cáo của Sở", None),
        ("Trần Liêm", None),
    ],
)
def test_names(name, outlet):
    assert outlet_for_name(name) == outlet


@pytest.mark.parametrize(
    ("host", "outlet"),
    [
        # one canonical name per outlet: the outlet's own official name
        ("vov.vn", "Báo Điện tử Đài Tiếng nói Việt Nam"),
        ("vtv.vn", "Báo điện tử VTV News"),
        ("dantri.com.vn", "Báo điện tử Dân trí"),
        ("plo.vn", "Báo Pháp Luật TP.HCM"),
        ("vietnamplus.vn", "VietnamPlus"),  # was swallowed by a comment in the table
    ],
)
def test_official_names(host, outlet):
    assert outlet_for_domain(host) == outlet


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("BÁO HÀ TĨNH ĐIỆN TỬ", True),   # an all-caps masthead
        ("Báo Quảng Ninh", True),
        ("Tin tức - Sự kiện", False),    # a section label that happens to hold a paper's core
        ("Báo cáo của Sở", False),
    ],
)
def test_is_outlet_name(text, expected):
    assert is_outlet_name(text) is expected
