"""Tests for flows/stages/signatures.py: worker-side duplicate keys give the same links as
dedup.near_duplicates on the texts."""
from __future__ import annotations

import pytest

from flows.stages import dedup, signatures

BASE = ("Chiều 27/12, Ban Chỉ đạo 138 tỉnh tổ chức hội nghị tổng kết công tác bảo đảm an ninh trật tự "
        "năm 2023 và triển khai nhiệm vụ năm 2024. Đồng chí Bí thư Tỉnh ủy chủ trì hội nghị. Năm qua, lực "
        "lượng công an đã phối hợp chặt chẽ với các ngành, giữ vững an ninh chính trị trên địa bàn tỉnh.")
EDITED = BASE + " Hội nghị khen thưởng 12 tập thể."
OTHER = "Ủy ban nhân dân huyện tổ chức lễ giao nhận quân năm 2024 cho 300 thanh niên nhập ngũ tại sân vận động."


@pytest.mark.parametrize("texts", [
    [BASE, EDITED, OTHER],
    [OTHER, BASE, BASE + "  ", EDITED],          # an exact copy (up to spaces) is skipped, not linked
    [EDITED, BASE],                              # order decides who is earliest
    ["...", BASE, "", EDITED],                   # texts without words are never linked
])
def test_near_links_equal_dedup_near_duplicates_on_the_texts(texts):
    items = [(f"{i:016x}", t) for i, t in enumerate(texts)]
    expected = dedup.near_duplicates(items)
    got = signatures.near_links([(aid, *signatures.keys(t)) for aid, t in items])
    assert got == expected
    assert got  # every case has one near-duplicate pair


def test_signature_is_none_without_words_and_fixed_size_otherwise():
    assert signatures.signature("... !!") is None
    assert len(signatures.signature(BASE)) == signatures.NUM_PERM * 8
    assert signatures.signature(BASE) == signatures.signature(BASE)
