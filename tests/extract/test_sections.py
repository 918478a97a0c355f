"""Section rules: labelled lines, breadcrumbs, standalone labels."""
import pytest

from bantin.extract.sections import (
    breadcrumb_section,
    find_section,
    glued_breadcrumb,
    labelled_section,
    section_shaped,
)


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Trang chủ > Kinh tế > Nông nghiệp", "Nông nghiệp"),
        ("Trang chủ » Văn hóa", "Văn hóa"),
        ("Bạn đang ở: Trang chủ › Tin tức › Giáo dục", "Giáo dục"),
        ("Home / Xã hội / Y tế", "Y tế"),
        ("Báo in > Trang 5 > Thể thao", "Thể thao"),
        # not breadcrumbs
        ("Thời sự | Video | Phát thanh", None),                  # menu bar
        ("Thứ Ba, 20/12/2022 05:30", None),                      # date: `/` without spaces
        ("Xem thêm", None),
        ("01:15 / 04:30", None),                                 # video player clock
        ("Trang chủ > Tin tức > Hội nghị triển khai nhiệm vụ năm 2024 của các lực lượng vũ trang tỉnh", None),
    ],
)
def test_breadcrumb_section(line, expected):
    assert breadcrumb_section(line) == expected


def test_breadcrumb_ending_with_the_title_gives_the_element_before():
    assert breadcrumb_section("Trang chủ > Y tế > Tiêm chủng mở rộng", title="Tiêm chủng mở rộng") == "Y tế"


@pytest.mark.parametrize(
    ("line", "expected"),
    [("Chuyên mục: Kinh tế", "Kinh tế"), ("Danh mục: Xã hội", "Xã hội"), ("Kinh tế", None)],
)
def test_labelled_section(line, expected):
    assert labelled_section(line) == expected


@pytest.mark.parametrize(
    ("head", "sections", "expected"),
    [
        (["Trang chủ > Thể thao"], ["Tin tức"], "Thể thao"),             # breadcrumb beats a standalone
        ([], ["Tin tức", "Chuyên mục: Giáo dục"], "Giáo dục"),          # label beats everything
        (["Giới thiệu | Liên hệ"], ["Biển đảo"], "Biển đảo"),           # standalone as the last resort
        (["Giới thiệu | Liên hệ"], [], None),
    ],
)
def test_find_section(head, sections, expected):
    assert find_section(head_lines=head, section_lines=sections) == expected


@pytest.mark.parametrize(
    ("line", "menu"),
    [
        ("Trang chủ | Thời sự | Chính trị | Kinh tế | Xã hội", True),
        ("TRANG CHỦ  |  TIN TỨC  |  QUỐC PHÒNG  |  XÃ HỘI", True),
        ("Thời sự   Thế giới   Pháp luật   Kinh doanh", True),
        ("Trang chủ > Thời sự > Quốc phòng", False),                 # a breadcrumb (3 items)
        ("Sáng 3/3, huyện tổ chức lễ giao quân | ảnh | video | clip.", False),  # ends a sentence
        ("Hà Nội | Hải Phòng", False),                              # too few items
    ],
)
def test_is_menu_bar(line, menu):
    from bantin.extract.sections import is_menu_bar
    assert is_menu_bar(line) is menu


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Trang chủ / Quốc phòng - An ninh Đảng ủy Quân sự tỉnh quán triệt nghị quyết năm 2025",
         ("Quốc phòng - An ninh", "Đảng ủy Quân sự tỉnh quán triệt nghị quyết năm 2025")),
        ("Tin tức - Sự kiện » Quốc phòng - An ninh Hội nghị rút kinh nghiệm công tác tuyển quân",
         ("Quốc phòng - An ninh", "Hội nghị rút kinh nghiệm công tác tuyển quân")),
        ("Trang chủ > Quốc phòng - An ninh", None),                 # a plain breadcrumb
        ("Trang chủ > Xây dựng Đảng Hà Tĩnh sơ kết 5 năm", None),   # one-sided section: no safe cut
        ("Quốc phòng - An ninh Đảng ủy Quân sự tỉnh quán triệt nghị quyết", None),  # no breadcrumb mark
        ("Thời sự | Quốc phòng - An ninh Hội nghị rút kinh nghiệm công tác", None),  # a menu bar
    ],
)
def test_glued_breadcrumb(line, expected):
    assert glued_breadcrumb(line) == expected


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("PHÁP LUẬT", True), ("THỜI SỰ - AN NINH TRẬT TỰ", True), ("Bảo vệ biên giới", True),
        ("Số 22.456", False), ("Chia sẻ  Facebook  Zalo", False), ("Trang chủ > Pháp luật", False),
        ("Công an tỉnh bắt giữ hai đối tượng vận chuyển ma túy qua biên giới.", False), ("", False),
    ],
)
def test_section_shaped(line, expected):
    assert section_shaped(line) is expected


@pytest.mark.parametrize(
    ("head", "section_lines", "before_title", "expected"),
    [
        ([], [], "PHÁP LUẬT", "PHÁP LUẬT"),                                          # label above the headline
        ([], ["Quân sự - Quốc phòng", "Bảo vệ biên giới"], "Bảo vệ biên giới", "Bảo vệ biên giới"),  # most specific
        (["Trang chủ > Thời sự"], [], "PHÁP LUẬT", "Thời sự"),                      # a breadcrumb is stronger
        ([], [], "Số 22.456", None),
        (["Trang chủ > Quốc phòng - An ninh - Đối ngoại"], [], None, "Quốc phòng - An ninh - Đối ngoại"),  # dashes are not words
    ],
)
def test_find_section_label_above_the_title(head, section_lines, before_title, expected):
    assert find_section(head_lines=head, section_lines=section_lines, before_title=before_title) == expected
