"""Organisation rules: head patterns, canonical names, and the seeds."""

import pytest
from locations import RAW

from bantin.extract.orgs import canonical_org, find_organisations
from bantin.vi.sentences import split_sentences


@pytest.mark.parametrize(
    ("sentence", "name", "kind"),
    [
        ("Ban Chỉ đạo 138 tỉnh tổ chức hội nghị.", "Ban Chỉ đạo 138 tỉnh", "committee"),
        ("Ban Chỉ đạo Quốc phòng - An ninh tỉnh tổ chức Hội nghị.", "Ban Chỉ đạo Quốc phòng - An ninh tỉnh", "committee"),
        ("Ban thường vụ Tỉnh ủy Tiền Giang tổ chức hội nghị.", "Ban Thường vụ Tỉnh ủy Tiền Giang", "party"),
        ("triển khai Nghị quyết 51 của Bộ chính trị.", "Bộ Chính trị", "party"),
        ("của Bộ Chính trị và Nghị quyết Trung ương 4", "Bộ Chính trị", "party"),
        ("Ban Chấp hành Trung ương Đảng (khóa XI) ban hành", "Ban Chấp hành Trung ương Đảng", "party"),
        ("Đảng ủy Công an thành phố chủ trì.", "Đảng ủy Công an thành phố", "party"),
        ("báo cáo ủy ban nhân dân tỉnh theo quy định", "Ủy ban nhân dân tỉnh", "state"),
        ("được UBND tỉnh tặng Bằng khen", "Ủy ban nhân dân tỉnh", "state"),
        ("kỳ họp của HĐND tỉnh Tiền Giang ghi nhận", "Hội đồng nhân dân tỉnh Tiền Giang", "state"),
        ("Tỉnh ủy, HĐND, UBND tỉnh Sóc Trăng tổ chức", "Hội đồng nhân dân tỉnh", "state"),  # shared level
        ("Phòng Cảnh sát kinh tế phối hợp kiểm tra", "Phòng Cảnh sát kinh tế", "state"),
        ("Hội đồng Thi đua huyện họp", "Hội đồng Thi đua huyện", "state"),
        ("đưa đến Bệnh viện đa khoa tỉnh cấp cứu", "Bệnh viện đa khoa tỉnh", "other"),
        ("theo đề nghị của Công an TPHCM", "Công an thành phố Hồ Chí Minh", "security"),
        ("Ủy ban nhân dân Thành phố ban hành", "Ủy ban nhân dân thành phố", "state"),
        ("Công an tỉnh cần có kế hoạch", "Công an tỉnh", "security"),
        ("được Bộ Công an tặng Cờ", "Bộ Công an", "security"),
        ("Giao Bộ Chỉ huy quân sự tỉnh chủ trì", "Bộ Chỉ huy Quân sự tỉnh", "military"),
        ("giao Bộ CHQS tỉnh tham mưu", "Bộ Chỉ huy Quân sự tỉnh", "military"),
        ("được Quân khu 9 đánh giá cao", "Quân khu 9", "military"),
        ("các cấp ủy, MTTQ và các đoàn thể", "Mặt trận Tổ quốc", "mass_org"),
        ("buổi tiếp xúc của Đoàn đại biểu Quốc hội tỉnh với cử tri", "Đoàn đại biểu Quốc hội tỉnh", "state"),
        ("phối hợp với Sở Giáo dục và Đào tạo tổ chức", "Sở Giáo dục và Đào tạo", "state"),
        ("phối hợp với Báo Đồng Khởi đưa tin", "Báo Đồng Khởi", "other"),
        ("đại diện Ban Nội chính Tỉnh ủy, Văn phòng Tỉnh ủy dự", "Văn phòng Tỉnh ủy", "party"),
    ],
)
def test_patterns(sentence: str, name: str, kind: str) -> None:
    orgs = {o["name"]: o for o in find_organisations([sentence])}
    assert name in orgs, orgs
    assert orgs[name]["kind"] == kind


@pytest.mark.parametrize(
    "sentence",
    [
        "Giám đốc các Sở, Thủ trưởng các Ban, Ngành tổ chức quán triệt",  # generic plurals
        "được Quân khu đánh giá cao",  # no number: not a named unit
        "Cùng dự có đại diện HĐND, các đoàn thể",  # bare HĐND is a fragment
        "Công ty Xăng dầu Quảng Bình",  # one-word specifier (`Xăng`) is a cut name
    ],
)
def test_rejects(sentence: str) -> None:
    assert find_organisations([sentence]) == []


@pytest.mark.parametrize(
    ("raw", "canonical"),
    [
        ("Bộ chính trị", "Bộ Chính trị"),
        ("ủy ban nhân dân tỉnh", "Ủy ban nhân dân tỉnh"),
        ("UBND tỉnh", "Ủy ban nhân dân tỉnh"),
        ("Ban  Chỉ đạo (BCĐ) 138", "Ban Chỉ đạo 138"),
        ("Ban chỉ đạo Quốc phòng – An ninh", "Ban Chỉ đạo Quốc phòng - An ninh"),
        ("Bộ CHQS tỉnh", "Bộ Chỉ huy Quân sự tỉnh"),
    ],
)
def test_canonical_org(raw: str, canonical: str) -> None:
    assert canonical_org(raw) == canonical


def test_variants_merge_with_counts() -> None:
    orgs = find_organisations(["Nghị quyết 51 của Bộ chính trị.", "Chỉ thị 48 của Bộ Chính trị.",
                               "báo cáo ủy ban nhân dân tỉnh.", "UBND tỉnh tặng Bằng khen."])
    assert orgs == [{"name": "Bộ Chính trị", "kind": "party", "mentions": 2},
                    {"name": "Ủy ban nhân dân tỉnh", "kind": "state", "mentions": 2}]


def test_bare_name_folds_into_its_only_longer_form() -> None:
    orgs = find_organisations(["Tỉnh ủy Tiền Giang tổng kết.", "Văn bản của Tỉnh ủy."])
    assert orgs == [{"name": "Tỉnh ủy Tiền Giang", "kind": "party", "mentions": 2}]


def _seed_orgs(seed: str) -> dict[str, dict]:
    path = next(RAW.glob(f"{seed}_*.txt"))
    return {o["name"]: o for o in find_organisations(split_sentences(path.read_text(encoding="utf-8")))}


@pytest.mark.parametrize(
    ("seed", "expected"),
    [
        ("000", {"Ban Chỉ đạo Quốc phòng - An ninh tỉnh", "Ban Thường vụ Tỉnh ủy", "Ban Nội chính Tỉnh ủy",
                 "Văn phòng Tỉnh ủy", "Ủy ban nhân dân tỉnh"}),
        ("002", {"Ban Chỉ đạo 138", "Bộ Công an", "Công an tỉnh", "Ủy ban nhân dân tỉnh"}),
        ("003", {"Tỉnh ủy Tiền Giang", "Ban Thường vụ Tỉnh ủy Tiền Giang", "Bộ Chính trị",
                 "Bộ Chỉ huy Quân sự tỉnh Tiền Giang", "Ban Chấp hành Trung ương Đảng"}),
        ("004", {"Ban Thường vụ Thành ủy", "Đảng ủy Công an thành phố", "Ban Chỉ đạo 35", "Công an tỉnh"}),
    ],
)
def test_seed_orgs(seed: str, expected: set[str]) -> None:
    assert expected <= set(_seed_orgs(seed))


def test_seed_003_counts_every_spelling_of_bo_chinh_tri() -> None:
    assert _seed_orgs("003")["Bộ Chính trị"]["mentions"] == 8


def test_damaged_names_are_dropped() -> None:
    """Seed 001 has `Ban Chấp hành Đng bộ tỉnh` (a lost vowel): not emitted as a second organisation."""
    names = set(_seed_orgs("001"))
    assert "Ban Chấp hành Đảng bộ tỉnh" in names
    assert not any("Đng" in n for n in names)


@pytest.mark.parametrize(
    ("sentence", "absent"),
    [
        ("Bí thư Huyện ủy Lê Văn Tám phát biểu", "Huyện ủy"),                      # inside a post
        ("Phó Chủ tịch UBND tỉnh Trần Thu dự", "Ủy ban nhân dân tỉnh"),
        ("Trưởng Ban Tuyên giáo Tỉnh ủy chủ trì", "Ban Tuyên giáo Tỉnh ủy"),
        ("lực lượng Công an xã được tăng cường", "Công an xã"),                    # every commune
        ("UBND phường tiếp nhận hồ sơ", "Ủy ban nhân dân phường"),
    ],
)
def test_post_and_unnamed_local_bodies_are_left_out(sentence, absent):
    assert absent not in {o["name"] for o in find_organisations([sentence])}


@pytest.mark.parametrize(
    ("sentence", "names"),
    [
        # numbered or named army units; `và` between two units separates them
        ("tân binh được giao cho Trung đoàn 48 và Lữ đoàn Pháo binh 16.", ["Trung đoàn 48", "Lữ đoàn Pháo binh 16"]),
        ("phối hợp với Đồn Biên phòng Ma Lù Thàng tuần tra", ["Đồn Biên phòng Ma Lù Thàng"]),
        ("Đồn Biên phòng sở tại duy trì tuần tra", []),                       # `sở tại` = local
        ("Quân ủy Trung ương họp phiên thường kỳ", ["Quân ủy Trung ương"]),
        ("Dịp này, Thành Đoàn tặng 80 suất quà", ["Thành Đoàn"]),
        ("Đảng ủy Bộ đội Biên phòng tỉnh chủ trì", ["Đảng ủy Bộ đội Biên phòng tỉnh"]),
        # a body named only inside a post (`Cục trưởng Cục ...`) is left out
        ("Đại tá Trần Văn Bình, Cục trưởng Cục Cảnh sát giao thông, cho biết", []),
    ],
)
def test_units_and_heads(sentence, names):
    assert [o["name"] for o in find_organisations([sentence])] == names


@pytest.mark.parametrize(
    ("sentence", "name"),
    [
        ("Thường trực HĐND tỉnh đã tổ chức phiên chất vấn.", "Thường trực Hội đồng nhân dân tỉnh"),
        ("Cơ quan An ninh điều tra Công an tỉnh Lai Châu đã khởi tố vụ án.",
         "Cơ quan An ninh điều tra Công an tỉnh Lai Châu"),
        ("Hội đồng Nghĩa vụ quân sự huyện Tân Phước tổ chức lễ giao quân.", "Hội đồng Nghĩa vụ quân sự huyện Tân Phước"),
        ("Đồn phối hợp với Đại đội bảo vệ biên giới 241 tuần tra.", "Đại đội bảo vệ biên giới 241"),
    ],
)
def test_more_heads(sentence, name):
    assert name in {o["name"] for o in find_organisations([sentence])}


@pytest.mark.parametrize(
    ("sentence", "not_name"),
    [
        ("mỗi tân binh được Hội đồng nghĩa vụ quân sự các quận, huyện tặng quà.", "Hội đồng nghĩa vụ quân sự"),
        ("Ủy ban MTTQ Việt Nam huyện Tân Phước tổ chức ra mắt mô hình.",
         "Mặt trận Tổ quốc Việt Nam huyện Tân Phước tổ"),  # `tổ chức` is a verb, not `tổ` (team)
    ],
)
def test_generic_or_verb_is_not_part_of_a_name(sentence, not_name):
    assert not_name not in {o["name"] for o in find_organisations([sentence])}
