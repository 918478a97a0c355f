"""Outlet evidence: lead prefixes, bylines, credit lines, page marks, seeds."""

import pytest
from locations import RAW

from bantin.extract.outlet_marks import (
    column_promo,
    credit_as_written,
    glued_credit,
    reporter_outlet,
    self_report,
    source_label,
    trailing_slash_mark,
)
from bantin.extract.outlets import find_outlet, outlet_for_mark


def _lines(name: str) -> list[str]:
    return [ln for ln in (RAW / name).read_text(encoding="utf-8").splitlines() if ln.strip()]


@pytest.mark.parametrize(
    ("lead", "bylines", "credits", "expected"),
    [
        ("BDK - Những năm qua", [], [], ("Báo Đồng Khởi", "BDK")),
        ("(THTG) Ngày 11-11, Ban", [], [], ("Đài Phát thanh và Truyền hình Tiền Giang", "THTG")),
        ("(XYZ) - Ngày 11-11", [], [], (None, None)),                                   # unknown prefix
        ("(*) – Ngày 26/02/2020", ["Đặng Hà"], [], (None, None)),                       # anonymous
        ("(*) – Ngày 26/02/2020", [], ["Nguồn: Báo Quảng Bình"], ("Báo Quảng Bình", "Báo Quảng Bình")),
        (None, ["Nguyễn Giang (nbtv.vn)"], [], ("Đài Phát thanh và Truyền hình Ninh Bình", "nbtv.vn")),
        (None, ["Theo baothanhhoa.vn"], [], ("Báo Thanh Hóa", "baothanhhoa.vn")),
        ("Chiều 27/12, Ban", ["Trọng Hiếu"], [], (None, None)),
        # real pages: a byline's hint (as parse_byline hands it on) and a credit naming the paper bare
        (None, ["Bích Huyền/VOV-TP HCM", "VOV-TP HCM"], [], ("Báo Điện tử Đài Tiếng nói Việt Nam", "VOV-TP HCM")),
        (None, ["Hoàng Thị Hoa (TTXVN)", "TTXVN"], [], ("Thông tấn xã Việt Nam", "TTXVN")),
        (None, [], ["Theo Công an nhân dân"], ("Báo Công an nhân dân", "Công an nhân dân")),
        # a chain of outlets: the agency's product that published it, the last
        (None, ["Hồng Hạnh (TTXVN/Vietnam+)", "TTXVN/Vietnam+"], [], ("VietnamPlus", "TTXVN/Vietnam+")),
        (None, [], ["(TTXVN/Vietnam+)"], ("VietnamPlus", "(TTXVN/Vietnam+)")),
        (None, [], ["(Theo Vientiane Times)"], ("Vientiane Times", "Theo Vientiane Times")),  # as written
        (None, [], ["Theo Thu Trang"], (None, None)),                                   # a writer's name
        ("(ĐTO) Ngày 2-11, Đội", [], [], ("Báo Đồng Tháp", "ĐTO")),
        ("Dân trí “Sao ba mẹ không ra thăm con?”.", [], [], ("Báo điện tử Dân trí", "Dân trí")),  # bare tag
        ("Dân trí của người dân được nâng cao.", [], [], (None, None)),                          # a phrase
        (None, ["Thanh Hà (Theo VTC news)", "Theo VTC news"], [], ("Báo VTC News", "Theo VTC news")),
        (None, ["Theo Philstar"], [], (None, None)),                         # in a byline: listed outlets only
        (None, ["Lan Anh (theo Daily Mail)", "theo Daily Mail"], [], (None, None)),             # a translation's source
    ],
)
def test_find_outlet(lead, bylines, credits, expected):
    assert find_outlet(lead=lead, bylines=bylines, source_credits=credits) == expected


@pytest.mark.parametrize(
    ("mark", "expected"),
    [
        ("TTO", ("Báo Tuổi Trẻ", "TTO")),                                    # a sign-off line
        ("VOV - Tây Nguyên", ("Báo Điện tử Đài Tiếng nói Việt Nam", "VOV - Tây Nguyên")),  # a bureau
        ("VOV- Miền Trung", ("Báo Điện tử Đài Tiếng nói Việt Nam", "VOV- Miền Trung")),
        ("Vietnam+", ("VietnamPlus", "Vietnam+")),
        ("Thanh Niên.", ("Báo Thanh Niên", "Thanh Niên")),
        ("Hà Nội", None),                                                    # a place, not an outlet
        ("Nguyễn Văn An", None),                                             # a person
        ("KBS", None),                                                       # not in the table
        ("XYZ - Hà Nội", None),                                              # a bureau of no known outlet
        ("QĐND Online -", ("Báo Quân đội nhân dân", "QĐND Online")),          # lead tags of real pages
        ("CôngThương -", ("Báo Công Thương", "CôngThương")),
        ("NDH", ("NDH", "NDH")),                                             # `Bình Minh - NDH`
        ("NNVN", ("Báo Nông nghiệp Việt Nam", "NNVN")),                      # `phóng viên NNVN`
    ],
)
def test_outlet_for_mark(mark, expected):
    assert outlet_for_mark(mark) == expected


def test_story_mention_of_an_outlet_is_not_evidence():
    line = "phối hợp với Báo Đồng Khởi đưa 84 tin, bài, phóng sự về nền quốc phòng - an ninh"
    assert find_outlet(lead="Những năm qua", bylines=[], source_credits=[], lines=[line]) == (None, None)


def test_seed_000_domain_in_byline():
    lines = _lines("000_e6de8c14b1126a16.txt")
    assert find_outlet(lead=lines[1], bylines=[lines[-1]], source_credits=[]) == (
        "Đài Phát thanh và Truyền hình Ninh Bình", "nbtv.vn")


def test_seed_001_has_no_outlet_evidence():
    lines = _lines("001_0bd30eea7aaaa816.txt")
    assert find_outlet(lead=lines[1], bylines=["Written by Ban biên tập"], source_credits=[],
                       lines=lines) == (None, None)


def test_seed_002_credit_line():
    lines = _lines("002_16866fc71d093ade.txt")
    lead = next(ln for ln in lines if ln.startswith("(*)"))
    credits = [ln for ln in lines if ln.startswith("Nguồn:")]
    assert find_outlet(lead=lead, bylines=["Đặng Hà"], source_credits=credits) == (
        "Cổng Thông tin điện tử tỉnh Quảng Bình", "Cổng TTĐT tỉnh Quảng Bình")


def test_seed_003_lead_prefix():
    lines = _lines("003_59b5e6cddb52a0b1.txt")
    assert find_outlet(lead=lines[1], bylines=["Trọng Hiếu"], source_credits=[]) == (
        "Đài Phát thanh và Truyền hình Tiền Giang", "THTG")


def test_seed_004_lead_prefix():
    lines = _lines("004_e5b9de7fa5e357f6.txt")
    assert find_outlet(lead=lines[2], bylines=["Bài, ảnh: Hoàng Lam"], source_credits=[], lines=lines) == (
        "Báo Đồng Khởi", "BDK")


@pytest.mark.parametrize(
    ("lines", "expected"),
    [
        # copyright footers name the publisher
        (["© Bản quyền thuộc về Báo Sơn La. Ghi rõ nguồn khi đăng lại."], "Báo Sơn La"),
        (["Bản quyền © 2023 Cổng thông tin điện tử tỉnh Gia Lai | Giữ mọi quyền"],
         "Cổng Thông tin điện tử tỉnh Gia Lai"),
        (["Copyright (c) Đài PT-TH Vĩnh Long"], "Đài Phát thanh và Truyền hình Vĩnh Long"),
        # a masthead or footer line whose first segment is an outlet name
        (["BÁO THÁI BÌNH - TIẾNG NÓI CỦA ĐẢNG BỘ"], "Báo Thái Bình"),
        (["Đài Phát thanh và Truyền hình Cà Mau. Địa chỉ: số 1 đường A"],
         "Đài Phát thanh và Truyền hình Cà Mau"),
        (["Cổng thông tin điện tử huyện Mộc Châu"], "Cổng Thông tin điện tử huyện Mộc Châu"),
        (["Báo Tuổi Trẻ | Liên hệ quảng cáo"], "Báo Tuổi Trẻ"),
        # not evidence: a story sentence, an unknown paper name, a non-outlet owner
        (["Báo Sơn La tổ chức hội nghị cộng tác viên năm 2023."], None),
        (["Báo Mực Tím - Tòa soạn"], None),
        (["Bản quyền thuộc Ủy ban nhân dân tỉnh Bắc Giang"], None),
        (["Bản quyền thuộc Ủy ban nhân dân tỉnh Nam Định"], None),  # `Nhân Dân` is not the paper here
        # a brand or core name right after the copyright mark, a masthead naming a known paper
        (["© 2001-2024. Toàn bộ bản quyền thuộc VietNamNet"], "VietNamNet"),
        (["Copyright © Vietnam+ . All rights reserved"], "VietnamPlus"),
        (["TIỀN PHONG", "Thứ Hai, 12/02/2024"], "Báo Tiền Phong"),
        # the outlet names itself in a reuse request; `điện tử` marks its online edition
        (['Ghi rõ nguồn "Báo Sư đoàn 5" khi phát hành lại thông tin'], "Báo Sư đoàn 5"),
        (['Đề nghị ghi rõ nguồn "Báo Yên Bái điện tử" khi đăng lại'], "Báo Yên Bái"),
        (['Ghi rõ nguồn "đơn vị" khi đăng lại'], None),
        # a self-named portal, or a bare portal masthead next to its owner
        (["Cổng thông tin điện tử Hội Nông dân Nam Định"], "Cổng Thông tin điện tử Hội Nông dân Nam Định"),
        (["ỦY BAN NHÂN DÂN XÃ HÒA AN - HUYỆN CAO LỘC", "TRANG THÔNG TIN ĐIỆN TỬ"],
         "Trang Thông tin điện tử xã Hòa An"),
        (["TRANG THÔNG TIN ĐIỆN TỬ", "Trang chủ | Tin tức"], None),
        # a `Theo Báo <Province>` credit inside a flattened furniture line
        (["Tác giả: Lan Anh Theo Báo Sóc Trăng Chia sẻ In bài"], "Báo Sóc Trăng"),
        (["Theo Báo Sóc Trăng, năm nay tỉnh có 1.200 tân binh."], None),
        # a picture credited to another site (qdnd's gold-price page): where the picture came from
        (["Giá vàng trong nước đảo chiều tăng nhẹ.", "Ảnh: dantri.com.vn"], None),
        (["Giá vàng trong nước đảo chiều tăng nhẹ.", "dantri.com.vn"], "Báo điện tử Dân trí"),
    ],
)
def test_page_marks(lines, expected):
    assert find_outlet(lead=None, bylines=[], source_credits=[], lines=lines)[0] == expected


@pytest.mark.parametrize(
    ("lead", "expected"),
    [
        ("VTV.vn - Sáng nay (1/7), Luật có hiệu lực.", "Báo điện tử VTV News"),   # domain-shaped dash prefix
        ("VOV.VN - Bộ đội Biên phòng tỉnh vừa bắt giữ.", "Báo Điện tử Đài Tiếng nói Việt Nam"),
        ("Baoninhbinh.vn - Sáng 3/3, tỉnh tổ chức.", "Báo Ninh Bình"),
        ("Hà Nội - Sáng 3/3, thành phố tổ chức.", None),                            # a place, not a domain
    ],
)
def test_domain_lead_prefix(lead, expected):
    assert find_outlet(lead=lead, bylines=[], source_credits=[])[0] == expected


@pytest.mark.parametrize(
    ("lines", "title", "expected"),
    [
        # a browser-title line `<headline> - <site>` names the site
        (["Bắt nhóm thiếu niên gây rối lúc rạng sáng - Báo Công an Đà Nẵng"],
         "Bắt nhóm thiếu niên gây rối lúc rạng sáng", "Báo Công an Đà Nẵng"),
        (["Bắt nhóm thiếu niên gây rối lúc rạng sáng | VnExpress"], "Bắt nhóm thiếu niên gây rối lúc rạng sáng",
         "VnExpress"),
        # not the headline before the separator: no evidence
        (["Một tin khác hẳn - Báo Công an Đà Nẵng"], "Bắt nhóm thiếu niên gây rối lúc rạng sáng", None),
        # a public body holding the copyright runs the site itself
        (["Bản quyền thuộc về Bộ Chỉ huy Bộ đội Biên phòng tỉnh Quảng Trị"], None,
         "Bộ Chỉ huy Bộ đội Biên phòng tỉnh Quảng Trị"),
        # ... but a portal masthead wins over its owner's copyright
        (["Cổng thông tin điện tử Thành phố Hà Nội", "Bản quyền thuộc Ủy ban nhân dân Thành phố Hà Nội"], None,
         "Cổng Thông tin điện tử thành phố Hà Nội"),
        # a sentence-cased section label that happens to be a paper's core name is no masthead
        (["Tin tức - Sự kiện"], None, None),
        (["TIN TỨC"], None, None),
        (["QUÂN ĐỘI NHÂN DÂN"], None, "Báo Quân đội nhân dân"),
    ],
)
def test_page_marks_with_title(lines, title, expected):
    assert find_outlet(lead=None, bylines=[], source_credits=[], lines=lines, title=title)[0] == expected


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("(theo AFP)", ("AFP", "theo AFP")),
        ("Nguồn: QQ", ("QQ", "Nguồn: QQ")),
        ("Theo The Daily Mail", ("The Daily Mail", "Theo The Daily Mail")),
        ("Theo VTC news", ("Báo VTC News", "Theo VTC news")),         # listed: its canonical name
        ("Theo Hoàng Long", None),                                     # a person
        ("Theo Tri Thức", None),                                       # could be a given name
        ("Theo Đài KTTV tỉnh", None),                                  # a body, not an outlet
        ("Nguồn: MXH", None),                                          # social networks
        ("Theo Bộ Công an, vụ việc đang được điều tra.", None),        # a story sentence
    ],
)
def test_credit_as_written(line, expected):
    assert credit_as_written(line) == expected


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Ghi nhận của PV VietNamNet tại hiện trường", ("VietNamNet", "PV VietNamNet")),
        ("Hãy cùng PV Infonet chứng kiến", ("Infonet", "PV Infonet")),
        ("Trao đổi với PV Báo SGGP, ông Nam cho biết", ("Báo Sài Gòn Giải Phóng", "PV Báo SGGP")),
        ("Theo ghi nhận của PV Người Đưa Tin, tại", ("Người Đưa Tin", "PV Người Đưa Tin")),
        ("Ảnh: Hữu Tiến - PV TTXVN tại Anh", ("Thông tấn xã Việt Nam", "PV TTXVN")),
        ("trao đổi với PV, ông A cho biết", None),
        ("phóng viên Nguyễn Văn An cho biết", None),                   # a reporter's name
        ("PV Hùng cho biết", None),
        ("trao đổi với Tuổi Trẻ, ông Vượng cho biết", None),          # a source talking to it: not a mark
        ("PV Báo Xây dựng ghi nhận", None),                            # the name cut at `dựng`
    ],
)
def test_reporter_outlet(line, expected):
    assert reporter_outlet(line) == expected


@pytest.mark.parametrize(("line", "expected"), [
    # baomoi-NER (flattened): the outlet recalls its own earlier report
    ("Thành lập Cục Quản lý Thi hành án dân sự Như PLO đã đưa tin, ngày 25-6, Bộ Tư pháp đã ban hành Quyết định.",
     ("Báo Pháp Luật TP.HCM", "PLO")),
    ("Như báo CAND đã thông tin, vụ việc xảy ra vào tối 12-3.", ("Báo Công an nhân dân", "báo CAND")),
    ("Như Báo Công an nhân dân đã đưa tin, đối tượng đã bị bắt.", ("Báo Công an nhân dân", "Báo Công an nhân dân")),
    ("Như ông Nguyễn Văn Nam đã thông tin, dự án chậm tiến độ.", None),  # a person
    ("Như Bộ Công an đã thông tin, các đối tượng đã bị khởi tố.", None),  # a ministry, not an outlet
    ("Như báo chí đã phản ánh, tình trạng này kéo dài.", None),  # the press at large
    # VietnameseMDS: the online edition's name (mds-c105)
    ("Như Tuổi Trẻ online đã thông tin, sáng 31-10, hơn 40 người thân đã đến.", ("Báo Tuổi Trẻ", "Tuổi Trẻ online")),
])
def test_self_report(line, expected):
    assert self_report(line) == expected


@pytest.mark.parametrize(("line", "expected"), [
    # qdnd: the column promo closing each world-news brief
    ("* Chuyên mục\xa0Quân sự thế giới\xa0hôm nay\xa0trên Báo Quân đội nhân dân Điện tử gửi tới bạn đọc thông tin "
     "mới nhất về các hoạt động an ninh, quốc phòng.", ("Báo Quân đội nhân dân", "Báo Quân đội nhân dân Điện tử")),
    ("Chuyên mục Pháp luật trên Báo Tiền Phong mang đến độc giả các vụ án nổi bật.", ("Báo Tiền Phong", "Báo Tiền Phong")),
    ("Chuyên mục do ông Nguyễn Văn Nam phụ trách trên sóng gửi tới bạn đọc.", None),  # no paper named
])
def test_column_promo(line, expected):
    assert column_promo(line) == expected


@pytest.mark.parametrize(("line", "expected"), [
    # vietnam-news: the writer and the outlet of a reprint credit lost the break between them
    ("Theo Nguyễn ĐôngĐất Việt", ("Báo Đất Việt", "Đất Việt")),
    ("Theo Lê XuânTTXVN", ("Thông tấn xã Việt Nam", "TTXVN")),
    ("Theo Công DuyVietnamNet", ("VietNamNet", "VietnamNet")),
    ("Theo Phan Hồng HảiDân Việt", ("Báo điện tử Dân Việt", "Dân Việt")),
    ("Theo KhoeDep", None),  # a brand written as one word, no writer
    ("Theo VnExpress", None),  # likewise: the table reads it (credit_as_written)
    ("Theo ông NamVTV", None),  # not a capitalised name
])
def test_glued_credit(line, expected):
    assert glued_credit(line) == expected


@pytest.mark.parametrize(
    ("label", "expected"),
    [
        ("Bnews", ("Bnews", "Bnews")),                                  # a brand as written
        ("Chính Phủ", ("Báo Điện tử Chính phủ", "Chính Phủ")),
        ("Đồng Tháp", ("Báo Đồng Tháp", "Đồng Tháp")),                   # a province: its paper
        ("Thanh", None),                                                # a given name
        ("39 liên quan", None),
    ],
)
def test_source_label_between_headline_and_aggregator_stamp(label, expected):
    title = "Hà Nội điều chỉnh giao thông"
    assert source_label([title, label, "12 giờ trước", "Từ 1/11, Sở Xây dựng"], title) == expected


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("ông nói./. Lại Thìn/VOV online (ghi)", ("Báo Điện tử Đài Tiếng nói Việt Nam", "VOV online")),
        ("cáo buộc trên./. Mạnh Hùng/Berlin (Vietnam+)", ("VietnamPlus", "Vietnam+")),
        ("nợ xấu./. PV/VOV online Tổng hợp", ("Báo Điện tử Đài Tiếng nói Việt Nam", "VOV online")),
        ("tỷ lệ 50/50 (ước tính)", None),
        ("đi qua Hà Nội/Hải Phòng", None),
    ],
)
def test_trailing_slash_mark(line, expected):
    assert trailing_slash_mark(line) == expected


def test_bare_tag_opening_a_flat_first_line_read_as_the_headline():
    title = "Dân trí Bạn có bao giờ nhận thấy rằng các nhân vật phản diện"
    assert find_outlet(lead="Cảnh phim.", bylines=["Theo Daily Mail"], source_credits=[], title=title) == (
        "Báo điện tử Dân trí", "Dân trí")
