"""Line roles on the seeds (golden files) and on crafted pages."""
from __future__ import annotations

from pathlib import Path

import pytest
from locations import ROOT

from bantin.clean.classify import classify
from bantin.clean.cuts import split_sentences
from bantin.clean.repair import fingerprint
from bantin.clean.units import per_raw_line, reconstruct
from bantin.eval.roles import read_labels

SEEDS = sorted((ROOT / "raw").glob("*.txt"))
GOLDEN = ROOT / "tests" / "golden" / "lines"
TITLE = "Tỉnh tổng kết công tác bảo đảm an ninh trật tự năm 2022"
LEAD = "Ngày 5/3, Ủy ban nhân dân tỉnh tổ chức hội nghị tổng kết công tác bảo đảm an ninh trật tự năm 2022."
BODY = "Hội nghị đã đánh giá kết quả đạt được và đề ra nhiệm vụ trọng tâm cho thời gian tới của toàn tỉnh."


@pytest.mark.parametrize("path", SEEDS, ids=lambda p: p.name[:3])
def test_seed_matches_golden_file(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    gold = read_labels(GOLDEN / f"{path.stem}.tsv")
    decisions = per_raw_line(classify(text))
    assert len(decisions) == len(text.split("\n")) == len(gold)
    got = {d.line_no: (d.role, d.text) for d in decisions}
    assert got == gold


@pytest.mark.parametrize("path", SEEDS, ids=lambda p: p.name[:3])
def test_every_line_has_one_decision_in_order(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    decisions = classify(text)
    assert [d.line_no for d in decisions] == list(range(len(decisions)))
    assert reconstruct(decisions) == text


def test_section_label_is_generalised_not_listed() -> None:
    for label in ("An ninh, quốc phòng", "Tin tức | Sự kiện", "Kinh tế - Xã hội"):
        roles = [d.role for d in classify(f"{label}\n\n{LEAD}\n\n{BODY}") if d.role != "empty"]
        assert roles == ["section", "lead", "body"], label


def test_section_then_real_title() -> None:
    roles = [d.role for d in classify(f"Thời sự\n{TITLE}\n{LEAD}\n{BODY}")]
    assert roles == ["section", "title", "lead", "body"]


def test_short_real_title_is_not_a_section() -> None:
    assert classify(f"Bão số 3 đổ bộ\n{LEAD}")[0].role == "title"


def test_repeated_line_is_dropped_but_protected_lines_are_kept() -> None:
    hotline = "Đường dây nóng: 0123 456 789"
    legal = "“Mọi hành vi xâm phạm an ninh quốc gia đều phải bị xử lý nghiêm minh”"
    citation = "Thực hiện Nghị quyết số 08-NQ/TU của Ban Thường vụ"
    long_sentence = ("Các cấp ủy đảng, chính quyền địa phương luôn quan tâm lãnh đạo, chỉ đạo thực hiện tốt "
                     "công tác tuyên truyền pháp luật.")
    lines = [TITLE, LEAD, hotline, legal, citation, long_sentence, BODY]
    repeated = frozenset(fingerprint(x) for x in (hotline, legal, citation, long_sentence))
    decisions = classify("\n".join(lines), repeated=repeated)
    assert (decisions[2].role, decisions[2].rule) == ("ui_text", "corpus.repeated")
    assert all(d.role in ("body", "subheading") for d in decisions[3:])


def test_one_line_dump_is_split_into_sentences_and_reconstructs() -> None:
    page = (f"{TITLE} 30/01/2023 - 05:30 BDK - {LEAD} {BODY} TP. Bến Tre có nhiều đổi mới. "
            f"{BODY} Bài, ảnh: Hoàng Lam Chia sẻ bài viết BÌNH LUẬN")
    text = page + "\n"
    decisions = classify(text)
    assert reconstruct(decisions) == text
    assert all(d.split == "sentence" for d in decisions[:-1]) and decisions[-1].role == "empty"
    roles = [(d.role, d.clean_text) for d in decisions]
    assert roles[0] == ("title", TITLE)
    assert roles[1] == ("dateline", "30/01/2023 - 05:30")
    assert roles[2:4] == [("dateline", "BDK -"), ("lead", LEAD)]  # the outlet tag cut off the lead
    assert ("body", "TP. Bến Tre có nhiều đổi mới.") in roles  # no split after the abbreviation TP.
    assert [r for r, _ in roles[-4:-1]] == ["byline", "share_prompt", "comment_prompt"]


def test_split_sentences_keeps_every_character() -> None:
    line = "Câu một. Câu hai! TP. Hồ Chí Minh (HCM) vẫn vậy… Hết"
    parts = split_sentences(line)
    assert "".join(parts) == line and len(parts) == 4


@pytest.mark.parametrize("first", ["* Iran trang bị tàu do thám Zagros", "* Anh đoán đội nào sẽ vô địch năm nay?"])
def test_a_starred_first_line_is_not_the_title(first) -> None:
    decisions = classify(f"{first}\n{LEAD}\n{BODY}")
    assert decisions[0].role in ("lead", "body") and [d.role for d in decisions[1:]] in (["lead", "body"], ["body", "body"])


def test_tail_name_is_byline_only_after_the_last_paragraph() -> None:
    decisions = classify(f"{TITLE}\n{LEAD}\nTrọng Hiếu\n{BODY}\nMinh Anh - Thu Hà")
    assert [d.role for d in decisions] == ["title", "lead", "body", "body", "byline"]


def test_related_links_after_header_are_navigation_until_prose() -> None:
    text = f"{TITLE}\n{LEAD}\nTin liên quan\nBến Tre ra quân trấn áp tội phạm\nTiền Giang tổng kết Chỉ thị 48\n{BODY}"
    assert [d.role for d in classify(text)] == ["title", "lead", "navigation", "navigation", "navigation", "body"]


def test_caption_ending_with_credit_keeps_photographer() -> None:
    line = "Ông Nguyễn Văn Danh phát biểu tại hội nghị. Ảnh: Trần Liêm"
    d = classify(f"{TITLE}\n{LEAD}\n{line}\n{BODY}")[2]
    assert (d.role, d.clean_text) == ("caption", line)


def test_repaired_text_is_classified_but_raw_text_kept() -> None:
    d = classify(f"{TITLE}\nTỉnh uỷ họp.\u00a0")[1]
    assert d.text == "Tỉnh uỷ họp.\u00a0" and d.clean_text == "Tỉnh ủy họp."


@pytest.mark.parametrize(("line", "role"), [
    ("👉 Xem thêm: Lào Cai ra quân huấn luyện năm 2025", "navigation"),
    ("▶ Tin liên quan", "navigation"),
    ("▪ Từ khóa: an ninh, biên giới", "ui_text"),
    ("• Chia sẻ bài viết", "share_prompt"),
    ("📌 Tại buổi lễ, 12 tập thể được tặng bằng khen của Chủ tịch UBND tỉnh.", "body"),
    ("👉 Chia sẻ kinh nghiệm trong công tác dân vận, đồng chí A nhấn mạnh vai trò của cơ sở.", "body"),
])
def test_symbol_bullets_do_not_hide_furniture(line: str, role: str) -> None:
    doc = ("Tỉnh tổng kết công tác bảo đảm an ninh trật tự năm 2022\n"
           "Ngày 5/3, Ủy ban nhân dân tỉnh tổ chức hội nghị tổng kết công tác năm 2022 tại thành phố.\n"
           f"{line}\n"
           "Hội nghị đã đánh giá kết quả đạt được và đề ra nhiệm vụ trọng tâm cho thời gian tới.")
    assert classify(doc)[2].role == role


def test_a_price_table_keeps_its_rows() -> None:
    """qdnd's gold-price table, one cell a line: a signed change (`+200`) is not a bulleted counter,
    and a row label printed again for the next brand (`TP Hồ Chí Minh`) is not a copied line."""
    rows = ["SJC", "Hà Nội", "84,4", "86,4", "+200", "+200", "TP Hồ Chí Minh", "84,4", "86,4", "+200", "+200",
            "DOJI", "Hà Nội", "84,5", "86,5", "+200", "+200", "TP Hồ Chí Minh", "84,5", "86,5", "-100", "-100"]
    doc = "\n".join(["Giá vàng hôm nay (16-1): Nối dài đà tăng",
                     "Giá vàng trong nước đảo chiều tăng nhẹ, với giá vàng miếng được điều chỉnh tăng 200.000 đồng.",
                     *rows, "Giá vàng thế giới cũng tăng nhẹ trong phiên giao dịch sáng nay."])
    decisions = classify(doc, learned=False)
    table = [d for d in decisions if 2 <= d.line_no < 2 + len(rows)]
    assert [d.clean_text for d in table] == rows
    assert {d.role for d in table} <= {"body", "subheading"}, [(d.clean_text, d.rule) for d in table if d.role != "body"]


def test_a_formula_said_again_in_a_flattened_forecast_is_story_but_a_copied_run_is_a_duplicate() -> None:
    """VietnameseMDS (one line a page): a forecast says `Từ ngày 28 đến ngày 30 nhiều mây, có mưa nhỏ
    rải rác.` for each region, amid sentences said once; a page printed twice repeats a whole run."""
    formula = "Từ ngày 28 đến ngày 30 nhiều mây, có mưa nhỏ rải rác."
    forecast = (f"Phía Tây Bắc Bộ: Ngày 21, ngày 22, đêm và sáng nhiều mây, phổ biến ít mưa. {formula} "
                f"Phía Đông Bắc Bộ: Đêm và sáng trời lạnh, vùng núi cao trời rét, gió nhẹ. {formula} "
                "Thủ đô Hà Nội: Ngày 21, ngày 22, đêm và sáng sớm trời lạnh, trưa chiều trời nắng. "
                "Nhiệt độ thấp nhất từ 17 đến 19 độ, cao nhất từ 27 đến 29 độ trong những ngày tới.")
    kept = [d.clean_text.strip() for d in classify(forecast, learned=False) if d.role in ("lead", "body")]
    assert kept.count(formula) == 2
    run = ("Bùi Anh Tuấn cắt phăng mái tóc để thay đổi phong cách trong single mới. "
           "Single Người điên hứa hẹn sẽ mang đến một làn gió mới trên thị trường âm nhạc Việt Nam. ")
    page = f"{forecast} {run}Bùi Anh Tuấn hy vọng khán giả sẽ đón nhận sản phẩm mới của anh. {run}"
    roles = {d.clean_text.strip(): d.role for d in classify(page, learned=False)}
    assert roles["Bùi Anh Tuấn cắt phăng mái tóc để thay đổi phong cách trong single mới."] == "duplicate"
