"""Byline and photo-credit rules."""
import pytest

from bantin.extract.bylines import (
    byline_in_story,
    compiled_credit,
    credit_then_byline,
    head_name_line,
    initials_credit,
    labelled_authors,
    parse_byline,
    parse_photo_credit,
)


@pytest.mark.parametrize(
    ("line", "authors", "photographers", "hint"),
    [
        ("Nguyễn Giang (nbtv.vn)", ["Nguyễn Giang"], [], "nbtv.vn"),
        ("Bài, ảnh: Hoàng Lam", ["Hoàng Lam"], ["Hoàng Lam"], None),
        ("Bài và ảnh: Lê Minh", ["Lê Minh"], ["Lê Minh"], None),
        ("Tin, ảnh: Phạm Văn Cường", ["Phạm Văn Cường"], ["Phạm Văn Cường"], None),
        ("Bài: Thanh Hà - Ảnh: Quốc Tuấn", ["Thanh Hà"], ["Quốc Tuấn"], None),
        ("Bài: Hồng Nhung; ảnh: Văn Tâm (BDK)", ["Hồng Nhung"], ["Văn Tâm"], "BDK"),
        ("Nhóm PV", [], [], None),
        ("PV", [], [], None),
        ("Bài: Nhóm phóng viên", [], [], None),
        ("Lê Hoa - PV", ["Lê Hoa"], [], None),
        ("Viết bởi Quản trị viên", [], [], None),
        ("Viết bởi Trần Minh Châu", ["Trần Minh Châu"], [], None),
        ("Đăng bởi: Lý Thu", ["Lý Thu"], [], None),
        ("Ảnh: CTV", [], [], None),
        ("Lê Hoa - Trần Bình", ["Lê Hoa", "Trần Bình"], [], None),
        ("Lê Hoa, Trần Bình", ["Lê Hoa", "Trần Bình"], [], None),
        ("Written by Ban biên tập", [], [], None),
        ("Đặng Hà", ["Đặng Hà"], [], None),
        ("Trọng Hiếu", ["Trọng Hiếu"], [], None),
        ("ThS. Nguyễn Văn An", ["Nguyễn Văn An"], [], None),
        ("Minh Anh/TTXVN", ["Minh Anh"], [], "TTXVN"),
        ("Theo TTXVN", [], [], "TTXVN"),
        ("Nguồn: Cổng TTĐT tỉnh Quảng Bình", [], [], "Cổng TTĐT tỉnh Quảng Bình"),
        ("Chia sẻ bài viết", [], [], None),
        ("BÌNH LUẬN", [], [], None),
        ("Quang cảnh Hội nghị", [], [], None),
        ("Tin, ảnh: TIẾN DŨNG-VĂN CHUNG", ["Tiến Dũng", "Văn Chung"], ["Tiến Dũng", "Văn Chung"], None),
        ("Quang Sáng-Khoa Điềm/VOV-Tây Nguyên", ["Quang Sáng", "Khoa Điềm"], [], "VOV-Tây Nguyên"),
        ("Quảng Nam-Đà Nẵng", [], [], None),
        ("Đồng Tháp", [], [], None),  # a province under the headline: the source label
        ("Nguyễn Thắng/vnanet.vn", ["Nguyễn Thắng"], [], "vnanet.vn"),
        ("Vũ Hạnh/VOV online", ["Vũ Hạnh"], [], "VOV online"),
        ("Bình Minh - NDH", ["Bình Minh"], [], "NDH"),  # an outlet's acronym after a dash
        ("Thu Hà-TTXVN", ["Thu Hà"], [], "TTXVN"),
        ("Minh Thu - HÀ", [], [], None),  # a syllable in capitals is a name, not an acronym
        ("NGỌC ANH - HOÀNG LONG", ["Ngọc Anh", "Hoàng Long"], [], None),
        ("Lê Hoa - CTV", ["Lê Hoa"], [], None),
        ("Tin: HÀ NGUYÊN", ["Hà Nguyên"], [], None),                     # a labelled byline (baomoi)
        ("Hồng Nhung/VOV1 (tổng hợp)", ["Hồng Nhung"], [], "VOV1"),      # a compiler's mark is no outlet
        ("Diệp Vy (tổng hợp)", ["Diệp Vy"], [], None),
        ("Tin tức: Hà Nguyên", [], [], None),                            # `Tin tức` is no label
    ],
)
def test_parse_byline(line: str, authors: list, photographers: list, hint: str | None) -> None:
    assert parse_byline(line) == {"authors": authors, "photographers": photographers, "outlet_hint": hint}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Ảnh: Trần Liêm", ["Trần Liêm"]),
        ("Ông Nguyễn Văn Danh – Bí thư Tỉnh ủy phát biểu tại hội nghị. Ảnh: Trần Liêm", ["Trần Liêm"]),
        ("Quang cảnh hội nghị (Ảnh: Minh Anh)", ["Minh Anh"]),
        ("Ảnh: Trần Việt/TTXVN", ["Trần Việt"]),
        ("Đại biểu dự hội nghị (Ảnh: Lê Hoa và Trần Bình)", ["Lê Hoa", "Trần Bình"]),
        ("Ảnh: TTXVN", []),
        ("Ảnh minh họa", []),
        ("Quang cảnh Hội nghị", []),
    ],
)
def test_parse_photo_credit(text: str, expected: list[str]) -> None:
    assert parse_photo_credit(text) == expected


@pytest.mark.parametrize(
    ("line", "authors"),
    [
        ("Thanh Tùng", ["Thanh Tùng"]),
        ("ĐỨC ANH - MINH KHOA", ["Đức Anh", "Minh Khoa"]),
        ("Kim Oanh (Trung tâm Truyền thông huyện)", ["Kim Oanh"]),
        ("Viết bởi Lương Thu Hà", ["Lương Thu Hà"]),
        ("Ngọc Mai - Tuấn Kiệt (THĐT)", ["Ngọc Mai", "Tuấn Kiệt"]),
        # story lines, not bylines
        ("Hải Phòng - Quảng Ninh", []),                 # places
        ("Kết quả nổi bật", []),                        # lowercase words
        ("Tuấn Kiệt phát biểu tại hội nghị.", []),      # a sentence
        ("Theo Thanh Tùng: cần quyết liệt hơn", []),    # a quotation lead-in
        ("Nguyễn Văn Bình, Bí thư Huyện ủy, cho biết: năm 2024 huyện hoàn thành chỉ tiêu", []),
    ],
)
def test_byline_in_story(line, authors):
    assert byline_in_story(line) == authors


@pytest.mark.parametrize(
    ("line", "authors", "photographers"),
    [
        ("Bài, ảnh: TRƯỜNG GIANG", ["Trường Giang"], ["Trường Giang"]),   # all caps after a credit marker
        ("PV: Ngọc Lan - Hải Đăng", ["Ngọc Lan", "Hải Đăng"], []),
        ("Người viết: Đỗ Thị Hằng - Văn phòng Đảng ủy xã", ["Đỗ Thị Hằng"], []),  # affiliation dropped
        ("Nguyệt Hà - Đoàn Mai", ["Nguyệt Hà", "Đoàn Mai"], []),  # baomoi 2025: `Đoàn` is a surname here
        ("Minh Thu - Đoàn thanh niên phường", ["Minh Thu"], []),  # ... and an organisation here
        ("Trung tá NGUYỄN HẢI NAM", ["Nguyễn Hải Nam"], []),               # rank dropped
        ("MINH KHUÊ", ["Minh Khuê"], []),                                  # a byline line: caps alone
        ("TIN LIÊN QUAN", [], []),                                         # a UI label is not a writer
    ],
)
def test_parse_byline_credit_shapes(line, authors, photographers):
    got = parse_byline(line)
    assert (got["authors"], got["photographers"]) == (authors, photographers)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Tân binh nhận hoa - Ảnh: BẢO NGỌC", ["Bảo Ngọc"]),
        ("Đồn Biên phòng tuần tra (Ảnh minh họa: Văn Dũng)", ["Văn Dũng"]),
        ("Lễ xuất quân. Ảnh: Ban Tuyên giáo Huyện ủy", []),     # a body, not a person
        ("Tang vật thu giữ. (Ảnh: CAT)", []),
        ("ẢNH: TƯ LIỆU", []),
    ],
)
def test_parse_photo_credit_shapes(text, expected):
    assert parse_photo_credit(text) == expected


@pytest.mark.parametrize(
    ("line", "authors"),
    [
        ("Thiếu tá LÊ VĂN TÂM (Phòng Chính trị, Bộ CHQS tỉnh)", ["Lê Văn Tâm"]),  # rank marks the credit
        ("KẾT QUẢ NỔI BẬT", []),                                                 # caps without a marker
    ],
)
def test_byline_in_story_caps(line, authors):
    assert byline_in_story(line) == authors


@pytest.mark.parametrize(
    ("line", "authors"),
    [
        ("Hải Yến (TTXVN/Vietnam+)", ["Hải Yến"]),
        ("Bài: Quốc Toản", ["Quốc Toản"]),
        ("Bắc Giang (12/03/2024)", []),          # a related headline with a date, not a credit
        ("Thời sự nóng", []),
    ],
)
def test_marked_byline(line, authors):
    from bantin.extract.bylines import marked_byline
    assert marked_byline(line) == authors


@pytest.mark.parametrize(
    ("line", "authors"),
    [
        ("... tuyển quân năm 2024. Tác giả: Thu Hương Theo Báo Cà Mau Chia sẻ In bài", ["Thu Hương"]),
        ("Người viết: Lò Thị Mai", ["Lò Thị Mai"]),
        ("Tác giả: Hà Nam", []),                  # a province is no writer
    ],
)
def test_labelled_authors(line, authors):
    from bantin.extract.bylines import labelled_authors
    assert labelled_authors(line) == authors


@pytest.mark.parametrize(
    ("line", "authors"),
    [
        ("BÁO CÔNG AN ĐÀ NẴNG", []),                      # a body signing, not a person
        ("Cổng TTĐT huyện", []),
        ("TRƯỜNG GIANG", ["Trường Giang"]),               # `Trường` is also a given name
        ("PGS, TS. ĐỖ VĂN HUẤN", ["Đỗ Văn Huấn"]),        # comma-joined academic titles
        ("Văn Ngọc/VOV-Tây Bắc", ["Văn Ngọc"]),           # outlet and regional bureau after a slash
    ],
)
def test_byline_signatures(line, authors):
    assert parse_byline(line)["authors"] == authors


@pytest.mark.parametrize(
    ("line", "photographers", "authors"),
    [
        ("NGỌC THÙY", ["Ngọc Thùy"], ["Ngọc Thùy"]),      # confirmed by the photo credit
        ("NGỌC THÙY", [], []),                            # given names alone, no other evidence
        ("NGUYỄN VĂN NAM", [], ["Nguyễn Văn Nam"]),       # opens with a surname
        ("PGS, TS. ĐỖ VĂN HUẤN", [], ["Đỗ Văn Huấn"]),    # a title marker
        ("THỜI SỰ", [], []),
        ("QUÂN ĐỘI NHÂN DÂN", [], []),
        ("CÔNG AN ĐÀ NẴNG", [], []),
        ("HÀ NỘI", [], []),
        ("Số 22.456", [], []),
    ],
)
def test_head_name_line(line, photographers, authors):
    assert head_name_line(line, photographers) == authors


@pytest.mark.parametrize(
    ("text", "photographers", "byline"),
    [
        ("Quang cảnh hội nghị. Ảnh: Quang Hưng Quang Hưng", ["Quang Hưng"], ["Quang Hưng"]),
        ("Quang cảnh hội nghị. Ảnh: Quang Hưng", ["Quang Hưng"], []),
        ("Ảnh: Nguyễn Văn Nam", ["Nguyễn Văn Nam"], []),
    ],
)
def test_credit_glued_to_byline(text, photographers, byline):
    assert parse_photo_credit(text) == photographers
    assert credit_then_byline(text) == byline


@pytest.mark.parametrize(
    ("line", "authors"),
    [
        ("Lao Airlines bồi thường cho mỗi nạn nhân 5.000 USD. Q.M", ["Q.M"]),
        ("(N.V)", ["N.V"]),
        ("(P.C.Tùng)", ["P.C.Tùng"]),
        ("Theo The Daily Mail (Đ.T)", ["Đ.T"]),
        ("X.T.", ["X.T."]),
        ("Hội nghị diễn ra tại TP.HCM.", []),                      # a place's dots
        ("Ông Nguyễn Văn T. bị bắt", []),
    ],
)
def test_initials_credit(line, authors):
    assert initials_credit(line) == authors


@pytest.mark.parametrize(
    ("line", "authors"),
    [
        ("» Lốc xoáy suốt 2 ngày tàn phá Gia Lai Diệp Vy (tổng hợp)", ["Diệp Vy"]),  # a place runs into it
        ("Thái Hà (Tổng hợp)", ["Thái Hà"]),
        ("Tin tổng hợp (tổng hợp)", []),
        ("Tin từ Hà Nội (tổng hợp)", []),                                            # a place
    ],
)
def test_compiled_credit(line, authors):
    assert compiled_credit(line) == authors


def test_labelled_authors_text_and_photo_label_in_a_flattened_line():
    assert labelled_authors("rồi”. Bài và ảnh: Minh Anh __________ (*) Buổi giao lưu") == ["Minh Anh"]
