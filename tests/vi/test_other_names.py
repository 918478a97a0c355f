"""bantin/vi/other_names.py: foreign and ethnic-minority names need a person cue; clubs, papers,
acronyms and places never pass."""
from __future__ import annotations

import pytest

from bantin.extract.people import find_people
from bantin.vi.other_names import other_names


@pytest.mark.parametrize(("sentence", "names"), [
    ("Thủ tướng Anh Keir Starmer bày tỏ lo ngại.", ["Keir Starmer"]),
    ("Tổng thống Lee Jae Myung (phải) và Thủ tướng Singapore Lawrence Wong (trái) tại hội nghị.",
     ["Lee Jae Myung", "Lawrence Wong"]),
    ("Bộ trưởng Chiến tranh Mỹ Pete Hegseth tới Hà Nội.", ["Pete Hegseth"]),
    ("Tiền đạo Danny Welbeck ghi bàn vào lưới Bayern Munich.", ["Danny Welbeck"]),
    ("Theo HLV David Moyes, Real Madrid sẽ thắng.", ["David Moyes"]),
    ("Ông Ksor Phước, Chủ tịch xã, cho biết.", ["Ksor Phước"]),
    ("Ca sĩ Cody Simpson Bắc Âu và nhiều ngôi sao khác.", ["Cody Simpson"]),
    ("Ông Donald Trump và Manchester United.", ["Donald Trump"]),   # a cue names one person only
    ("Bayern Munich sẽ vô địch Champions League năm nay.", []),     # no cue: clubs, events
    ("Người dân Hong Kong xuống đường.", []),                       # a place
    ("Đồng chí Nguyễn Văn A, UVBCH TW Đảng, phát biểu.", []),       # acronyms are not names
    ("Theo tờ New York Times, ông đã từ chức.", []),                # a paper, no person cue before it
    ("Sir Alex Ferguson sẽ trở lại.", ["Alex Ferguson"]),
    ("Thẩm phán Edward Sarkisian cho hay.", ["Edward Sarkisian"]),
    ("Căn cứ Không quân Al Udeid ở Qatar.", []),                    # `ông` inside `Không` is no cue
    ("Chủ tịch của Red Bull tỏ ra lo ngại.", []),                   # the post's organisation
    ("Top 10 nghệ sĩ ở hạng mục Worldwide Act.", []),               # a preposition between cue and run
    ("Paul Hembery, giám đốc thể thao của Pirelli, nói.", ["Paul Hembery"]),  # a title in apposition
    ("Max Montero đưa tin, Bộ Quốc phòng xác nhận.", ["Max Montero"]),          # a verb of saying
    ("Tờ Fresno Bee đưa tin.", []),                                              # a paper says
    ("Đoàn học sinh thành phố Saint Petersburg bày tỏ niềm vui.", []),            # a city says
    ("Ông dẫn dắt tuyển Hà Lan thay cho ông Van Gaal.", ["Van Gaal"]),           # a Latin-looking first word
    # a foreign given name with a Vietnamese family name, after a title or profession (real pages)
    ("Trước đó, diễn viên Johnny Trí Nguyễn, MC Anh Tuấn hay ca sĩ Trần Lập.", ["Johnny Trí Nguyễn"]),
    ("Chia sẻ với phóng viên TTXVN tại Anh, bà Christine Lê, Chủ tịch sáng lập VIFA UK.", ["Christine Lê"]),
    ("Ông Trần Như Trung - nguyên Phó Giám đốc Savills Hà Nội - cho rằng.", []),   # a branch, no surname
    ("Ông Jullian Caillet, Tổng giám đốc Abbott Việt Nam, cho biết.", ["Jullian Caillet"]),
    ("Tổng thống Mỹ Donald Trump Việt Nam.", ["Donald Trump"]),                    # two foreign words: whole
    # an accent of another language is not Vietnamese: the name goes on (real pages)
    ("Thủ tướng Tây Ban Nha Pedro Sánchez khẳng định.", ["Pedro Sánchez"]),
    ("Chia sẻ với Đại sứ Herminio López Díaz (Hơ-mi-ni-ô Lô-pết Đi-át).", ["Herminio López Díaz"]),
    ("Ngoại trưởng Maxime Prévot nói với truyền thông.", ["Maxime Prévot"]),
    ("Bài hát do các văn nghệ sĩ Đắk Lắk thể hiện.", []),                          # `Đắk`: a letter no Western alphabet has
    ("Khám bệnh miễn phí (bởi Giáo sư An Teg Won-Giám đốc Viện Đông y).", ["An Teg"]),  # `Won-Giám`: Vietnamese after the dash
])
def test_names_need_a_person_cue(sentence: str, names: list[str]) -> None:
    assert [n for n, _, _ in other_names(sentence)] == names


def test_a_name_tagged_loc_or_org_is_vetoed() -> None:
    sentence = "Ông Keir Starmer phát biểu."
    start = sentence.index("Keir")
    assert other_names(sentence, [(start, start + 4, "B-ORG")]) == []


def test_a_title_is_not_vetoed_by_a_place_tag() -> None:
    """NER tags the name after a country word as part of the place: after a title, no veto."""
    sentence = "Tổng thống Pháp Francois Hollande cho biết."
    start = sentence.index("Francois")
    assert [n for n, _, _ in other_names(sentence, [(start, start + 8, "I-LOC")])] == ["Francois Hollande"]


def test_people_adds_them_beside_vietnamese_names() -> None:
    got = {p["name"]: p["honorific"] for p in find_people(["Ông Nguyễn Văn An tiếp ông Keir Starmer tại Hà Nội."])}
    assert got == {"Nguyễn Văn An": "ông", "Keir Starmer": "ông"}
