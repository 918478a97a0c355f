"""People extraction: pattern table on crafted sentences, and the seeds with real NER tags."""

import pytest
from locations import RAW

from bantin.extract.people import find_people
from bantin.vi import nlp
from bantin.vi.sentences import split_sentences

SEEDS = ("000", "002", "003", "004")


@pytest.mark.parametrize(
    ("sentence", "name", "posts", "honorific"),
    [
        ("Đến dự có ông Nguyễn Văn Danh phát biểu.", "Nguyễn Văn Danh", [], "ông"),
        ("Bà Châu Thị Mỹ Phương dự hội nghị.", "Châu Thị Mỹ Phương", [], "bà"),
        ("Phát biểu, đồng chí Bí thư Tỉnh ủy Nguyễn Thị Thanh biểu dương.", "Nguyễn Thị Thanh",
         ["Bí thư Tỉnh ủy"], "đồng chí"),
        ("Bí thư Thành ủy Nguyễn Văn Tuấn trao giấy khen.", "Nguyễn Văn Tuấn", ["Bí thư Thành ủy"], None),
        ("Theo Phó bí thư Thường trực Thành ủy Võ Thanh Hồng, thời gian tới", "Võ Thanh Hồng",
         ["Phó bí thư Thường trực Thành ủy"], None),
        ("Bí thư Tỉnh ủy Ninh Bình Nguyễn Thị Thanh phát biểu.", "Nguyễn Thị Thanh",
         ["Bí thư Tỉnh ủy Ninh Bình"], None),
        ("Đại tá Lê Văn Hùng, Chỉ huy trưởng Bộ CHQS tỉnh phát biểu.", "Lê Văn Hùng",
         ["Chỉ huy trưởng Bộ CHQS tỉnh"], "Đại tá"),
        ("Thượng tá Đoàn Minh Khôi cho biết lực lượng đã sẵn sàng.", "Đoàn Minh Khôi", [], "Thượng tá"),
        ("Phát biểu, thiếu tướng Hồ Quang Vinh nhấn mạnh", "Hồ Quang Vinh", [], "Thiếu tướng"),
        ("Đồng chí Đại úy Lâm Văn Tú báo cáo.", "Lâm Văn Tú", [], "đồng chí"),  # honorific wins
        ("ông Nguyễn Văn Danh – Uỷ viên Ban chấp hành Trung ương Đảng, Bí thư Tỉnh ủy, Chủ tịch HĐND "
         "tỉnh Tiền Giang, ông Nguyễn Văn Vĩnh", "Nguyễn Văn Danh",
         ["Ủy viên Ban chấp hành Trung ương Đảng", "Bí thư Tỉnh ủy", "Chủ tịch HĐND tỉnh Tiền Giang"], "ông"),
        ("Đồng chí Nguyễn Thị Thanh, UVBCH TW Đảng, Bí thư Tỉnh ủy, Trưởng Đoàn đại biểu Quốc hội tỉnh, "
         "Trưởng Ban Chỉ đạo chủ trì Hội nghị.", "Nguyễn Thị Thanh",
         ["UVBCH TW Đảng", "Bí thư Tỉnh ủy", "Trưởng Đoàn đại biểu Quốc hội tỉnh", "Trưởng Ban Chỉ đạo"],
         "đồng chí"),
        ("Đồng chí Trần Tiến Dũng, Phó Chủ tịch , Trưởng Ban Chỉ đạo (BCĐ) 138 tỉnh chủ trì hội nghị.",
         "Trần Tiến Dũng", ["Phó Chủ tịch", "Trưởng Ban Chỉ đạo 138 tỉnh"], "đồng chí"),
        ("Ông Nguyễn Văn Danh – Bí thư Tỉnh ủy phát biểu.", "Nguyễn Văn Danh", ["Bí thư Tỉnh ủy"], "ông"),
    ],
)
def test_patterns(sentence: str, name: str, posts: list[str], honorific: str | None) -> None:
    people = {p["name"]: p for p in find_people([sentence])}
    assert name in people
    assert people[name]["posts"] == posts
    assert people[name]["honorific"] == honorific


@pytest.mark.parametrize(
    "sentence",
    [
        "Trưởng ban Chỉ đạo 138 tỉnh biểu dương các đơn vị.",  # a post with no name
        "Giám đốc Công an tỉnh Lâm Đồng cho biết.",  # a place after `tỉnh` is not a person
        "Quang cảnh hội nghị. Ảnh: Trần Liêm",  # a photo credit
        "Đồng chí UVBCH TW Đảng chủ trì.",  # acronyms are not names
        "Hội nghị tại TP. Hồ Chí Minh kết thúc.",
    ],
)
def test_rejects(sentence: str) -> None:
    assert find_people([sentence]) == []


def test_ner_tags_do_not_decide_vietnamese_names() -> None:
    """A PER tag does not make a 2-syllable run a person (`Ninh Bình`); an ORG tag spanning a
    post's organisation and the name after it does not veto the name."""
    tags = [[("Nguyễn Văn An", "Np", "B-NP", "B-PER"), ("cho biết", "V", "B-VP", "O")],
            [("Ninh Bình", "Np", "B-NP", "B-PER"), ("là", "V", "B-VP", "O")],
            [("Bộ Tài chính Đinh Tiến Dũng", "Np", "B-NP", "B-ORG"), ("trình bày", "V", "B-VP", "O")]]
    sents = ["Nguyễn Văn An cho biết", "Ninh Bình là", "Bộ Tài chính Đinh Tiến Dũng trình bày"]
    assert [p["name"] for p in find_people(sents, tags)] == ["Nguyễn Văn An", "Đinh Tiến Dũng"]


def test_merges_mentions_of_one_person() -> None:
    people = find_people(["Ông Nguyễn Văn Danh – Bí thư Tỉnh ủy phát biểu.",
                          "Ông Nguyễn Văn Danh – Bí thư Tỉnh ủy Tiền Giang cho rằng"])
    assert people == [{"name": "Nguyễn Văn Danh", "posts": ["Bí thư Tỉnh ủy", "Bí thư Tỉnh ủy Tiền Giang"],
                       "honorific": "ông", "mention": "Ông Nguyễn Văn Danh – Bí thư Tỉnh ủy"}]


def _story(seed: str) -> list[str]:
    """Seed sentences without photo captions and the last (byline) line, as the caller passes."""
    path = next(RAW.glob(f"{seed}_*.txt"))
    lines = [ln for ln in path.read_text(encoding="utf-8").splitlines() if ln.strip()]
    return [s for s in split_sentences("\n".join(lines)) if "Ảnh:" not in s]


@pytest.fixture(scope="module")
def seed_people() -> dict[str, dict[str, dict]]:
    """NER once per seed (the slow part), then people by name."""
    out = {}
    for seed in SEEDS:
        sentences = _story(seed)
        out[seed] = {p["name"]: p for p in find_people(sentences, nlp.ner_sentences(sentences))}
    return out


@pytest.mark.parametrize(
    ("seed", "name", "honorific", "post"),
    [
        ("000", "Nguyễn Thị Thanh", "đồng chí", "Bí thư Tỉnh ủy"),
        ("002", "Trần Tiến Dũng", "đồng chí", "Trưởng Ban Chỉ đạo 138 tỉnh"),
        ("003", "Nguyễn Văn Danh", "ông", "Bí thư Tỉnh ủy"),
        ("003", "Nguyễn Văn Vĩnh", "ông", "Trưởng Ban Nội chính Tỉnh ủy"),
        ("003", "Châu Thị Mỹ Phương", "bà", "Trưởng ban Tuyên giáo Tỉnh ủy"),
        ("004", "Nguyễn Văn Tuấn", None, "Bí thư Thành ủy"),
        ("004", "Võ Thanh Hồng", None, "Phó bí thư Thường trực Thành ủy"),
    ],
)
def test_seed_people(seed_people, seed: str, name: str, honorific: str | None, post: str) -> None:
    person = seed_people[seed][name]
    assert person["honorific"] == honorific
    assert post in person["posts"]


@pytest.mark.parametrize(
    ("seed", "names"),
    [
        ("000", {"Nguyễn Thị Thanh"}),
        ("002", {"Trần Tiến Dũng"}),
        ("003", {"Nguyễn Văn Danh", "Nguyễn Văn Vĩnh", "Châu Thị Mỹ Phương"}),  # not Trần Liêm (photos)
        ("004", {"Nguyễn Văn Tuấn", "Võ Thanh Hồng"}),
    ],
)
def test_seed_people_exact(seed_people, seed: str, names: set[str]) -> None:
    assert set(seed_people[seed]) == names


def test_photographer_rejected_even_in_captions() -> None:
    path = next(RAW.glob("003_*.txt"))
    sentences = split_sentences(path.read_text(encoding="utf-8"))
    assert "Trần Liêm" not in {p["name"] for p in find_people(sentences)}


@pytest.mark.parametrize(
    ("sentence", "name"),
    [
        ("Bà Giàng Thị Dua, Bí thư chi bộ bản, phát biểu", "Giàng Thị Dua"),
        ("Ông Thào A Của, Chủ tịch UBND xã, cho biết", "Thào A Của"),
    ],
)
def test_hmong_names(sentence, name):
    assert name in {p["name"] for p in find_people([sentence], nlp.ner_sentences([sentence]))}


@pytest.mark.parametrize(
    ("sentence", "name", "posts", "honorific"),
    [
        # a post ending in a place word, then the holder (not a place name)
        ("Kết luận phiên họp, Chủ tịch HĐND tỉnh Hoàng Công Thủy đề nghị các sở thực hiện.",
         "Hoàng Công Thủy", ["Chủ tịch HĐND tỉnh"], None),
        # several posts listed before the name
        ("Phát biểu, Phó Chủ tịch UBND tỉnh, Trưởng ban Chỉ đạo 138 tỉnh Trương Văn Bốn yêu cầu các ngành.",
         "Trương Văn Bốn", ["Phó Chủ tịch UBND tỉnh", "Trưởng ban Chỉ đạo 138 tỉnh"], None),
        # grassroots and political-officer posts
        ("Ông Vàng Mí Chớ, Tổ trưởng tổ tự quản thôn Thèn Ván 2, cho biết", "Vàng Mí Chớ",
         ["Tổ trưởng tổ tự quản thôn Thèn Ván 2"], "ông"),
        ("Thiếu tá Lò Văn Quý, Chính trị viên phó Đồn Biên phòng Lũng Cú cho biết", "Lò Văn Quý",
         ["Chính trị viên phó Đồn Biên phòng Lũng Cú"], "Thiếu tá"),
        # birth year or age in brackets, and role nouns, mark a person with no post
        ("Theo điều tra, Phan Quốc Vĩnh (SN 1991, quê Bình Định) cùng đồng bọn lừa đảo.", "Phan Quốc Vĩnh", [], None),
        ("Trịnh Gia Bảo (33 tuổi, ngụ TP Thủ Đức) cầm đầu nhóm.", "Trịnh Gia Bảo", [], None),
        ("Nêu câu hỏi, đại biểu Hà Thị Lan cho biết,", "Hà Thị Lan", [], None),
    ],
)
def test_posts_before_names_and_person_cues(sentence, name, posts, honorific):
    people = {p["name"]: p for p in find_people([sentence])}
    assert name in people, people
    assert people[name]["posts"] == posts and people[name]["honorific"] == honorific


@pytest.mark.parametrize(
    "sentence",
    [
        "Lãnh đạo Công an TP Hồ Chí Minh dự hội nghị.",            # a city after a place word, not a person
        "Đoàn công tác làm việc tại xã Phan Văn Trị.",             # no post before the place: a place
        "Ban tổ chức tỉnh Lai Châu (SN hội nghị) họp.",             # not a name shape
    ],
)
def test_person_cues_do_not_make_places_people(sentence):
    assert find_people([sentence]) == []


@pytest.mark.parametrize(
    ("sentence", "name"),
    [
        # a bare Vietnamese full name of 3-4 syllables is a person on its shape
        ("Phạm Văn Thông cho hay, người dân sẽ là người hưởng lợi.", "Phạm Văn Thông"),
        ("Cùng dự có Thứ trưởng Bộ Xây dựng Phạm Minh Hà.", "Phạm Minh Hà"),
        # a post head whose organisation runs on in words read_post does not know
        ("Trưởng ban tổ chức hội thi Nguyễn Thanh Đoàn nói các trường đã hỗ trợ.", "Nguyễn Thanh Đoàn"),
        ("Còn phó hiệu trưởng Trường CĐ Công nghệ Thủ Đức Phạm Ngọc Tường chia sẻ.", "Phạm Ngọc Tường"),
        # role nouns: professions, enlisted ranks, family
        ("Ca sĩ Trần Lập cũng được biết đến.", "Trần Lập"),
        ("Phim do đạo diễn Vũ Châu thực hiện.", "Vũ Châu"),
        ("Binh nhất Mai Hữu Trọng, chiến sĩ Tiểu đội 1, bắn giỏi.", "Mai Hữu Trọng"),
        # a given or stage name after a role noun or an honorific
        ("Ca sĩ Tuấn Hưng là ngôi sao mới nhất.", "Tuấn Hưng"),
        ("Chị Diễm My cũng công khai mối tình.", "Diễm My"),
        ("Theo ông Nhật Huy, đại diện công ty, giá sẽ tăng.", "Nhật Huy"),
        # monastic names, a surname outside the list before `Thị`, a verb of saying, a part played
        ("Đoàn được Thượng tọa Thích Như Tịnh hướng dẫn.", "Thích Như Tịnh"),
        ("Đại diện đoàn, Ni sư Thích nữ Hạnh Khai phát biểu.", "Thích nữ Hạnh Khai"),
        ("Tác giả vụ lừa đảo là Lộc Thị Tâm (47 tuổi).", "Lộc Thị Tâm"),
        ("Ban đầu, Lê Lộc chia sẻ cha cô không đồng ý.", "Lê Lộc"),
        ("Chuyện tình với anh công an Nam Hà (Trọng Trinh thủ vai) rất hay.", "Trọng Trinh"),
        ("Khó chịu khi Huy (Hồng Đăng) và Lam trở về bên nhau.", "Hồng Đăng"),
        ("Tác phẩm không có NSƯT Thành Lộc, cặp bài trùng.", "Thành Lộc"),
        ("Diễn viên Johnny, MC Anh Tuấn hay ca sĩ Trần Lập đều đến.", "Anh Tuấn"),
        ("Như Lê Lộc chia sẻ ban đầu cha cô không đồng ý.", "Lê Lộc"),
        # names shortened with initials, dot kept
        ("Tối 9/5, có anh Lê Văn Đ. là công nhân đo đạc.", "Lê Văn Đ."),
        ("Cháu Vũ V.A. (13 tuổi) nhìn thấy xe.", "Vũ V.A."),
    ],
)
def test_names_without_posts(sentence, name):
    assert name in {p["name"] for p in find_people([sentence])}


@pytest.mark.parametrize(
    "sentence",
    [
        "Xe đi theo hướng Cầu Chương Dương - Nguyễn Văn Cừ - Long Biên.",  # a chain of streets
        "Cửa hàng ở 2A Nguyễn Thị Minh Khai, phường Đa Kao.",  # an address
        "Lễ tổng kết tổ chức tại Trường ĐH Nguyễn Tất Thành sáng nay.",  # a school
        "Đây là tuyến phố ẩm thực Nguyễn Văn Tuyết của quận.",  # a street
        "Bệnh nhân chuyển lên Viện Bỏng Quốc gia Lê Hữu Trác cấp cứu.",  # an institution
        "Hợp tác phát triển tại khu vực châu Á - Thái Bình Dương.",  # a famous place
        "Phó Cục trưởng Cục Thuế Hà Nội cho biết.",  # the post's own place
        "Đoàn TNCS Hồ Chí Minh phường tổ chức lễ.",  # an organisation's name
        "Chị Lan, phóng viên Báo Đồng Nai, chia sẻ.",  # an organisation after a role noun
        "Các chuyên gia Thái Lan tham gia.",  # a country after a role noun
        "Đoàn Ban Từ thiện xã cùng đến.",  # organisation words inside the run
        "Người dân Hà Nội cho biết như vậy.",  # a verb of saying after a place
        "Du khách đến Hà Giang (Việt Nam) rất đông.",  # a place in brackets
    ],
)
def test_bare_names_reject_places_and_institutions(sentence):
    assert find_people([sentence]) == []


def test_hieu_truong_school_name_is_not_the_holder():
    names = {p["name"] for p in find_people(["TS Nguyễn Mạnh Hùng - hiệu trưởng Trường ĐH Nguyễn Tất Thành nói."])}
    assert names == {"Nguyễn Mạnh Hùng"}


def test_one_entry_under_the_fullest_form():
    people = find_people(["Chúng tôi gặp bé Lê Thị Yến Nhi (5 tuổi).", "Anh cho biết cháu Yến Nhi bị gãy chân."])
    assert [p["name"] for p in people] == ["Lê Thị Yến Nhi"]


@pytest.mark.parametrize(
    ("sentence", "names"),
    [
        ("Phim có sự tham gia của các diễn viên: Ngọc Hiếu, Dương Cẩm Lynh, Hiếu Hiền.",
         {"Ngọc Hiếu", "Dương Cẩm Lynh", "Hiếu Hiền"}),
        ("Các nghệ sĩ Jared Leto, Rita Ora, Bridgit Mendler sẽ có mặt.", {"Jared Leto", "Rita Ora", "Bridgit Mendler"}),
        ("Đội gồm các danh thủ Huỳnh Đức, Hồng Sơn, Công Vinh.", {"Huỳnh Đức", "Hồng Sơn", "Công Vinh"}),
        # anchored by a person the other rules found
        ("Các bị can gồm Vương Đại Hiệp (sinh năm 2005), Hoàng Tuấn Anh và Trương Quốc Huy.",
         {"Vương Đại Hiệp", "Hoàng Tuấn Anh", "Trương Quốc Huy"}),
        # a post after a name is not a list item; a non-name item ends the list
        ("Ông Nguyễn Văn An, Phó Giám đốc Sở, dự họp.", {"Nguyễn Văn An"}),
        ("Các ca sĩ Justin Bieber, Cody Simpson, EXO, One Direction biểu diễn.", {"Justin Bieber", "Cody Simpson"}),
        # no person and no role noun: places
        ("Mưa lớn ở Hà Nội, Hải Phòng và Nam Định.", set()),
    ],
)
def test_enumerations_of_people(sentence, names):
    assert {p["name"] for p in find_people([sentence])} == names
