"""Tests for bantin/clean/cuts.py: where a line is cut (the lines are excerpts of real pages)."""
from __future__ import annotations

import unicodedata

import pytest

from bantin.clean.cuts import split_sentences


@pytest.mark.parametrize(("line", "cut_before"), [
    # baomoi-NER: a caption with no stop runs into the dated sentence that opens the story
    ("Bộ Công Thương tổ chức hội nghị tập huấn chuyên sâu về phân cấp, phân quyền đối với địa phương, trong đó "
     "có lĩnh vực kỹ thuật an toàn và môi trường công nghiệp Sáng 27/6/2025, tại trụ sở Bộ Công Thương, Bộ "
     "trưởng chủ trì hội nghị.", "Sáng 27/6/2025"),
    ("Lãnh đạo tỉnh thăm hỏi, tặng quà các hộ dân bị ảnh hưởng Chiều ngày 22/10, đoàn công tác đã đến thăm.",
     "Chiều ngày 22/10"),
    # an outlet tag is not a run of words: the dateline rules read `Dân trí Sáng 28/11, …` whole
    ("Dân trí Sáng 28/11, Công an tỉnh cho biết đã bắt giữ đối tượng.", None),
    # written small inside the sentence, the time of day continues it
    ("Đoàn công tác của tỉnh đã đến thăm và tặng quà sáng 27/6/2025 tại xã.", None),
    # VietnameseMDS: an opener never capitalised inside a sentence, after a caption with no stop
    ("Xác máy bay sau khi trục vớt chỉ còn là đống sắt vụn Chiếc máy bay bị vỡ thành nhiều mảnh.", "Chiếc"),
    ("Máy bay chiến đấu FA-50 sẽ giúp Philippines tăng cường khả năng phòng thủ Trước đó, ngày 18-10, tờ báo "
     "đưa tin.", "Trước đó"),
    ("Diễn tập cứu chữa người gặp nạn Năm nay, Việt Nam là nước chủ trì diễn tập.", "Năm nay"),
    # baomoi-NER: a caption with no stop, then the story's next sentence (`Tại`, `Theo`, `Cũng`)
    ("Bộ trưởng Nguyễn Hồng Diên chủ trì Hội nghị trực tuyến của Bộ Công Thương, sáng 27/6/2025 Tại Hội nghị, "
     "Cục trưởng trình bày báo cáo.", "Tại Hội nghị"),
    ("Chính phủ giao UBND cấp tỉnh quyết định thực hiện mô hình chính quyền địa phương 2 cấp Theo Nghị định số "
     "146/2025/NĐ-CP, Cục có 3 lĩnh vực.", "Theo Nghị định"),
    ("Các nhà bán hàng cần tuân thủ các quy định để đảm bảo môi trường kinh doanh lành mạnh Cũng trong khuôn khổ "
     "chương trình, ông Hòa cập nhật chính sách thuế.", "Cũng trong"),
    # a word that opens sentences but also names a place or a title stays inside (`huyện Tuy Đức`, a song)
    ("Vụ việc xảy ra vào sáng ngày 23-10 tại địa bàn xã Quảng Trực, huyện Tuy Đức, tỉnh Đắk Nông.", None),
    ("Anh đắm đuối với Thu Minh trong ca khúc Khi người yêu tôi khóc.", None),
    # too short a run to be a caption; and a place name is not an opener
    ("Hiện trường Vụ tai nạn xảy ra lúc 12h30.", None),
    ("Bài viết được đăng trên báo của tỉnh Đồng Tháp và báo Người Lao Động số ra hôm qua.", None),
])
def test_an_opener_after_a_run_without_stop_starts_a_unit(line: str, cut_before: str | None) -> None:
    units = split_sentences(line)
    assert "".join(units) == line
    if cut_before is None:
        assert units == [line]
    else:
        assert [u for u in units[1:] if u.startswith(cut_before)] and not units[0].startswith(cut_before)


@pytest.mark.parametrize("line", [
    "Vai trò của người đứng đầu được nâng lên. Công tác kiểm tra, giám sát được tăng cường.",
    "Hiện trường vụ việc.Ảnh: Minh Hoàng Tiếp đó, lực lượng chức năng đã phong tỏa khu vực.",
    "Lãnh đạo tỉnh thăm hỏi, tặng quà các hộ dân bị ảnh hưởng Chiều ngày 22/10, đoàn công tác đã đến thăm.",
])
def test_a_decomposed_line_is_cut_where_the_composed_one_is(line: str) -> None:
    """A decomposed (NFD) page is cut into the same units as the composed one, and each unit
    keeps the raw decomposed characters."""
    nfd = unicodedata.normalize("NFD", line)
    units = split_sentences(nfd)
    assert "".join(units) == nfd
    assert [unicodedata.normalize("NFC", u) for u in units] == split_sentences(line)
    assert len(units) > 1


@pytest.mark.parametrize(("line", "expected"), [
    # baomoi 2014 digest: each item closes with its writer's initials in brackets
    ("Theo The Daily Mail (Đ.T)", ["Theo The Daily Mail ", "(Đ.T)"]),
    ("Phim phát sóng lúc 21 giờ 30 mỗi ngày. (P.C.Tùng)", ["Phim phát sóng lúc 21 giờ 30 mỗi ngày. ", "(P.C.Tùng)"]),
    # a bracket inside the sentence, or one that is not initials, stays
    ("Công an Quận 1 (Q.1) đã bắt giữ đối tượng.", ["Công an Quận 1 (Q.1) đã bắt giữ đối tượng."]),
    ("Hội nghị diễn ra tại thủ đô (Hà Nội)", ["Hội nghị diễn ra tại thủ đô (Hà Nội)"]),
])
def test_initials_in_brackets_closing_a_line_are_a_unit(line: str, expected: list[str]) -> None:
    assert split_sentences(line) == expected


@pytest.mark.parametrize(("line", "expected"), [
    # VietnameseMDS: the site's reply button glued after the reporter's name closing the page
    ("Giá xăng dầu vẫn trong tình trạng bao cấp. Thanh Hương PHẢN HỒI",
     ["Giá xăng dầu vẫn trong tình trạng bao cấp. ", "Thanh Hương ", "PHẢN HỒI"]),
    # the words inside a sentence, or not in capitals, stay
    ("Ông Nam đã PHẢN HỒI ngay trong ngày.", ["Ông Nam đã PHẢN HỒI ngay trong ngày."]),
    ("Người dân đã gửi phản hồi", ["Người dân đã gửi phản hồi"]),
])
def test_a_reply_button_closing_the_page_is_a_unit(line: str, expected: list[str]) -> None:
    assert split_sentences(line) == expected


@pytest.mark.parametrize(("line", "expected"), [
    # baomoi-NER: a sentence ends after a number (`5/7.` is no abbreviation), then a caption and its credit
    ("Emirates đình chỉ các chuyến bay đi từ Iran tới ngày 5/7. Máy bay của hãng tại sân bay Dubai, UAE. "
     "(Ảnh: AFP/TTXVN)", ["Emirates đình chỉ các chuyến bay đi từ Iran tới ngày 5/7. ",
                          "Máy bay của hãng tại sân bay Dubai, UAE. ", "(Ảnh: AFP/TTXVN)"]),
    # baomoi-NER: a labelled byline after the last sentence, a rule of underscores, a footnote
    ("Tôi nghĩ sẽ không xảy ra nữa”. Bài và ảnh: Minh Anh __________ (*) Buổi giao lưu diễn ra sáng 28.6.",
     ["Tôi nghĩ sẽ không xảy ra nữa”. ", "Bài và ảnh: Minh Anh ", "__________ ",
      "(*) Buổi giao lưu diễn ra sáng 28.6."]),
    # VietnameseMDS: the reporter's initials after the last sentence (`USD.` reads as an abbreviation)
    ("Lao Airlines bồi thường cho mỗi nạn nhân 5.000 USD. Q.M (Theo Vientiane Times)",
     ["Lao Airlines bồi thường cho mỗi nạn nhân 5.000 USD. ", "Q.M ", "(Theo Vientiane Times)"]),
    # VietnameseMDS: a signature and its source between the story and its second copy
    ("Những nỗ lực của anh sẽ được đón nhận. Phương Giang Theo Tri Thức Sau thời gian nghỉ ngơi, anh trở lại.",
     ["Những nỗ lực của anh sẽ được đón nhận. ", "Phương Giang ", "Theo Tri Thức ",
      "Sau thời gian nghỉ ngơi, anh trở lại."]),
    # ... but `Theo` opening a sentence, or a verb `Theo dõi`, is no source
    ("Ông nói vậy. Theo Bộ Công an, năm nay số vụ giảm.", ["Ông nói vậy. ", "Theo Bộ Công an, năm nay số vụ giảm."]),
    ("Ông nói vậy. Anh Tuấn Theo dõi sát sao Các đơn vị.", ["Ông nói vậy. ", "Anh Tuấn Theo dõi sát sao Các đơn vị."]),
    # vietnam-news: the next sentence glued to the credit's last word, with or without its stop
    ("Xe cháy. Ảnh: Hoàng Long.Một số người dân chạy ra.", ["Xe cháy. ", "Ảnh: Hoàng Long.", "Một số người dân chạy ra."]),
    ("Xe cháy. Ảnh: Hoàng LongNguyên nhân đang điều tra.", ["Xe cháy. ", "Ảnh: Hoàng Long", "Nguyên nhân đang điều tra."]),
    # ... initials are not a sentence end (`Đ.Hà`)
    ("Hiện trường vụ tai nạn - Ảnh: Đ.Hà Anh Vũ điều trị tại trung tâm y tế",
     ["Hiện trường vụ tai nạn ", "- Ảnh: Đ.Hà ", "Anh Vũ điều trị tại trung tâm y tế"]),
    # VietnameseMDS: an outlet whose second word is small (`Lao động`, `Tri thức`)
    ("Các đại biểu tại phiên thảo luận. Ảnh: Lao động Có những ý kiến đề nghị.",
     ["Các đại biểu tại phiên thảo luận. ", "Ảnh: Lao động ", "Có những ý kiến đề nghị."]),
    # vietnam-news: an ellipsis inside a sentence; no sentence starts with a small letter
    ("Các đối tượng tạo SIM ảo, tạo Imei giả… và đặt máy chủ tại Hồng Kông.",
     ["Các đối tượng tạo SIM ảo, tạo Imei giả… và đặt máy chủ tại Hồng Kông."]),
    # a credit naming who handed the picture over ends after `cung cấp`, with or without brackets
    ("Hiện trường vụ cháy. Ảnh: Công an xã Duy Nghĩa cung cấp Sau đó, xe bỏ chạy.",
     ["Hiện trường vụ cháy. ", "Ảnh: Công an xã Duy Nghĩa cung cấp ", "Sau đó, xe bỏ chạy."]),
    ("Hiện trường. (Ảnh: CTV cung cấp) Sau đó anh bỏ chạy.",
     ["Hiện trường. ", "(Ảnh: CTV cung cấp) ", "Sau đó anh bỏ chạy."]),
    # baomoi-NER: a player's label before the story's first sentence
    ("XEM CLIP (nguồn: Đình Hiếu): Tối 28/6, Công an tỉnh cho biết.",
     ["XEM CLIP (nguồn: Đình Hiếu): ", "Tối 28/6, Công an tỉnh cho biết."]),
])
def test_credits_and_signatures_inside_running_text_are_units(line: str, expected: list[str]) -> None:
    assert split_sentences(line) == expected
