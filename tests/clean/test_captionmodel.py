"""The caption model (bantin.clean.captionmodel): what it decides on a page, what it may never
touch, and that the shipped weights are what training on today's gold gives.

Its quality is measured where it was trained, on the real gold (tests/eval/test_real_quality.py,
a development figure), and leave-one-source-out by bench/caption_model.py
(bench/results/caption_model.json)."""
from __future__ import annotations

import json
import math
import sys

import pytest
from locations import DEV_CORPUS, ROOT

from bantin.clean import captionmodel
from bantin.clean.classify import classify, is_hard_wrapped
from bantin.clean.rules.base import EXAMPLE_BODY as BODY
from bantin.clean.rules.base import EXAMPLE_LEAD as LEAD
from bantin.clean.rules.base import EXAMPLE_TITLE as TITLE
from bantin.eval import realgold

SPEECH = ("Phát biểu tại hội nghị, Thiếu tướng Nguyễn Văn Hùng yêu cầu các đơn vị tiếp tục quán triệt, triển khai "
          "thực hiện nghiêm các chỉ thị, nghị quyết của cấp trên, bảo đảm an toàn tuyệt đối trong huấn luyện.")


@pytest.mark.parametrize("caption", [
    "Thiếu tướng Nguyễn Văn Hùng kiểm tra công tác sẵn sàng chiến đấu tại đơn vị.",
    "Các đại biểu tham dự hội nghị tổng kết.",
    "Lực lượng chức năng khám nghiệm hiện trường vụ tai nạn.",
])
def test_a_bare_caption_between_paragraphs_is_taken(caption) -> None:
    lines = classify(f"{TITLE}\n{LEAD}\n{BODY}\n{caption}\n{SPEECH}")
    assert [(d.role, d.rule) for d in lines] == [
        ("title", "structure.title"), ("lead", "structure.lead"), ("body", "default.body"),
        ("caption", "caption.model"), ("body", "default.body")]
    assert [d.role for d in classify(f"{TITLE}\n{LEAD}\n{BODY}\n{caption}\n{SPEECH}", learned=False)][3] == "body"


def test_a_caption_that_the_story_after_it_retells_is_told_after() -> None:
    """`told_after`: the share of a unit's word pairs found in the kept units after it."""
    caption = "Bộ trưởng Nguyễn Hồng Diên chủ trì hội nghị tập huấn về phân cấp, phân quyền."
    story = ("Sáng 27/6, tại trụ sở Bộ Công Thương, Bộ trưởng Nguyễn Hồng Diên đã chủ trì hội nghị tập huấn về "
             "phân cấp, phân quyền cho các địa phương.")
    lines = classify(f"{TITLE}\n{LEAD}\n{BODY}\n{caption}\n{story}", learned=False)
    page = captionmodel.page_stats(lines)
    at = {d.clean_text: i for i, d in enumerate(lines)}
    assert page.told_after[at[caption]] >= 0.8
    assert page.told_after[at[story]] == 0.0  # nothing after it
    assert page.told_after[at[BODY]] <= 0.2  # the story before tells something else
    assert "told_after:more" in captionmodel.features(lines, at[caption], page)


@pytest.mark.parametrize("line", [
    "Trọng Hiếu",  # under MIN_WORDS: a name is the byline rules' business
    "Tiếp tục thúc đẩy hợp tác quốc phòng",  # a subheading is never a candidate
    "Thế Đoàn/Báo Tin tức và Dân tộc",  # a signature: the authors are read from it
    "* Iran trang bị tàu do thám Zagros",  # a starred item of the story
    "B. Kết bạn với Huấn Cao để bớt cô đơn.",  # an item of a list (baomoi 2014's quiz): no caption is numbered
    "3. Khôi phục và hiện đại hóa truyền thống khoa bảng",
    "- Có một tiền án mà lại bị kết án phạt tù về tội do cố ý.",
])
def test_what_the_model_may_not_touch(line) -> None:
    lines = classify(f"{TITLE}\n{LEAD}\n{BODY}\n{line}\n{SPEECH}")
    assert lines[3].rule != captionmodel.RULE_ID
    assert not captionmodel.is_candidate(lines[3])


def test_a_hard_wrapped_page_gets_no_model() -> None:
    wrapped = ("Ngày 5/3, Ủy ban nhân dân tỉnh tổ chức hội nghị tổng kết công tác bảo đảm an ninh\n"
               "trật tự năm 2022 tại thành phố với sự tham dự của lãnh đạo các sở, ngành và\n"
               "địa phương trong toàn tỉnh.\n"
               "Thiếu tướng Nguyễn Văn Hùng kiểm tra công tác sẵn sàng chiến đấu tại đơn vị.\n"
               "Hội nghị đã đánh giá kết quả đạt được và đề ra nhiệm vụ trọng tâm cho thời gian\n"
               "tới của toàn tỉnh trong năm 2023.")
    assert is_hard_wrapped(wrapped)
    assert all(d.rule != captionmodel.RULE_ID for d in classify(wrapped))


def test_the_model_file_is_whole_and_deterministic() -> None:
    data = json.loads(captionmodel.MODEL_FILE.read_text(encoding="utf-8"))
    assert data["trained_on"] == list(realgold.DEV_FOLDERS)
    assert 0.5 <= data["threshold"] < 1 and data["weights"]["bias"] < 0
    assert all(math.isfinite(w) for w in data["weights"].values())
    lines = classify(f"{TITLE}\n{LEAD}\n{BODY}", learned=False)
    names = captionmodel.features(lines, 2, captionmodel.page_stats(lines))
    assert names == captionmodel.features(lines, 2, captionmodel.page_stats(lines))  # same list every call
    assert {"bias", "prev:text", "next:edge", "end:stop", "pictures:0", "f1:hội"} <= set(names)


@pytest.mark.slow
def test_retraining_on_the_gold_gives_the_shipped_model() -> None:
    """A change to the features, the candidates or the gold without retraining fails here:
    run `python bench/caption_model.py` and review bench/results/caption_model.json."""
    assert DEV_CORPUS.is_dir(), f"the development corpus must be at {DEV_CORPUS}"
    sys.path.insert(0, str(ROOT / "bench"))
    try:
        import caption_model
    finally:
        sys.path.remove(str(ROOT / "bench"))
    assert caption_model.main(["--check"]) == 0
