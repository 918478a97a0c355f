"""The counted noun phrase after a figure (bantin.extract.counted_noun): where it ends."""
from __future__ import annotations

import pytest

from bantin.extract.counted_noun import unit_words


@pytest.mark.parametrize(("after", "words"), [
    (" công dân nhập ngũ năm nay", ["công", "dân"]),  # a verb that follows counted nouns
    (" nhiệm vụ công tác trọng tâm để thực hiện", ["nhiệm", "vụ", "công", "tác", "trọng", "tâm"]),  # a function word
    (" buổi tuyên truyền cho học sinh", ["buổi", "tuyên", "truyền"]),  # a classifier keeps its complement
    (" tỷ đồng trả nợ", ["tỷ", "đồng"]),  # money ends the phrase
    (" đồng chí Công an chính quy đảm nhiệm", ["đồng", "chí", "Công", "an", "chính", "quy"]),  # not money
    (" bị can trong vụ án", ["bị", "can"]),  # `bị` + a case noun is a noun
    (" xã Hang Kia", ["xã"]),  # a place name after a place unit is not the unit
    (", sau đó", []),
])
def test_where_the_phrase_ends(after, words) -> None:
    got, end = unit_words(after, 0)
    assert got == words
    assert end == (0 if not words else after.index(words[-1]) + len(words[-1]))
