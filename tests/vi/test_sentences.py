"""Sentence splitter: rule table plus counts on the seeds."""

import pytest
from locations import RAW

from bantin.vi.sentences import split_sentences


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Hội nghị kết thúc. Ông A phát biểu.", ["Hội nghị kết thúc.", "Ông A phát biểu."]),
        ("TP. Bến Tre tổ chức hội nghị. Sau đó", ["TP. Bến Tre tổ chức hội nghị.", "Sau đó"]),
        ("PGS.TS. Nguyễn Văn An trình bày. Sau đó", ["PGS.TS. Nguyễn Văn An trình bày.", "Sau đó"]),
        ("ThS. Lê Văn Tám dạy. Th.S Lê Bình học.", ["ThS. Lê Văn Tám dạy.", "Th.S Lê Bình học."]),
        ("GS. Trần Văn Nam nói. Xong", ["GS. Trần Văn Nam nói.", "Xong"]),
        ("Đã bàn giao 7.900 công dân. Tỷ lệ 1,5 triệu.", ["Đã bàn giao 7.900 công dân.", "Tỷ lệ 1,5 triệu."]),
        ("Các mô hình “Xứ họ đạo bình yên… Tổ dân phố an toàn” được nhân rộng.",
         ["Các mô hình “Xứ họ đạo bình yên… Tổ dân phố an toàn” được nhân rộng."]),
        ("Ông nói: “Phải làm ngay!” Sau đó họ về.", ["Ông nói: “Phải làm ngay!”", "Sau đó họ về."]),
        ("báo cáo theo quy định./. Nguồn tin", ["báo cáo theo quy định./.", "Nguồn tin"]),
        ("1. Quán triệt và thực hiện. Tập trung", ["1. Quán triệt và thực hiện.", "Tập trung"]),
        ("giải phóng mặt bằng... không để xảy ra. Công tác", ["giải phóng mặt bằng... không để xảy ra.", "Công tác"]),
        ("Kết quả tốt… Tuy nhiên còn hạn chế", ["Kết quả tốt…", "Tuy nhiên còn hạn chế"]),
        ("Có đúng không? Đúng vậy!", ["Có đúng không?", "Đúng vậy!"]),
        ("bảo vệ ANTQ. Trước tình hình", ["bảo vệ ANTQ.", "Trước tình hình"]),
        ("Dòng một\n\nDòng hai không dấu chấm", ["Dòng một", "Dòng hai không dấu chấm"]),
        ("năm 2019. 2020 là năm", ["năm 2019. 2020 là năm"]),
        ("", []),
    ],
)
def test_split_sentences(text: str, expected: list[str]) -> None:
    assert split_sentences(text) == expected


@pytest.mark.parametrize(
    ("seed", "first"),
    [
        ("000_e6de8c14b1126a16.txt", "Ban Chỉ đạo Quốc phòng – An ninh tỉnh tổng kết hoạt động giai đoạn 2015 - 2020"),
        ("004_e5b9de7fa5e357f6.txt", "TP. Bến Tre tổ chức thực hiện chiến lược bảo vệ an ninh quốc gia trong tình hình mới"),
    ],
)
def test_seed_sentences_keep_titles_and_abbreviations(seed: str, first: str) -> None:
    sentences = split_sentences((RAW / seed).read_text(encoding="utf-8"))
    assert sentences[0] == first
    assert all(s.strip() == s and s for s in sentences)
    assert not any(s in {"TP.", "1.", "2."} for s in sentences)
