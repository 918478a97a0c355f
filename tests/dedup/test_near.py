"""Tests for bantin/dedup/near.py: worker-side duplicate keys give the same links as
the reference `near_duplicates` on the texts."""
from __future__ import annotations

import pytest

from bantin.dedup import keys as dedup
from bantin.dedup import near as signatures
from tests.dedup.oracles import near_duplicates

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
    expected = near_duplicates(items)
    got = signatures.near_links([(aid, *signatures.keys(t)) for aid, t in items])
    assert got == expected
    assert got  # every case has one near-duplicate pair


def test_signature_is_none_without_words_and_fixed_size_otherwise():
    assert signatures.signature("... !!") is None
    assert len(signatures.signature(BASE)) == signatures.NUM_PERM * signatures.DTYPE.itemsize
    assert signatures.signature(BASE) == signatures.signature(BASE)


def _lsh_reference(items, threshold=0.8):
    """The links datasketch's own MinHashLSH index gives (the design near_links replaces)."""
    import numpy as np
    from datasketch import LeanMinHash, MinHash, MinHashLSH

    scheme = MinHash(num_perm=1, seed=dedup.SEED).scheme
    lsh, order, sigs, seen, links = MinHashLSH(threshold=threshold, num_perm=signatures.NUM_PERM), {}, {}, set(), {}
    for aid, key, sig in items:
        if aid in order or key in seen or sig is None:
            continue
        seen.add(key)
        m = LeanMinHash(seed=dedup.SEED, hashvalues=np.frombuffer(sig, dtype=signatures.DTYPE).astype(np.uint64),
                        scheme=scheme)
        similar = [c for c in lsh.query(m) if m.jaccard(sigs[c]) >= threshold]
        if similar:
            links[aid] = min(similar, key=order.__getitem__)
        order[aid], sigs[aid] = len(order), m
        lsh.insert(aid, m)
    return links


def test_banded_near_links_equal_datasketch_lsh_on_a_corpus_with_edited_copies(tmp_path):
    import random

    rng = random.Random(7)
    words = BASE.split() + OTHER.split()
    texts = []
    for i in range(150):
        if texts and rng.random() < 0.35:  # an edited copy of an earlier text: some words changed
            src = rng.choice(texts).split()
            for _ in range(rng.randint(0, 3)):
                src[rng.randrange(len(src))] = rng.choice(words)
            texts.append(" ".join(src))
        else:
            texts.append(" ".join(rng.choice(words) for _ in range(rng.randint(60, 120))))
    items = [(f"{i:016x}", *signatures.keys(t)) for i, t in enumerate(texts)]
    expected = _lsh_reference(items)
    assert len(expected) >= 10  # the corpus really has near duplicates
    assert signatures.near_links(items, spill_dir=tmp_path) == expected
    assert list(tmp_path.iterdir()) == []  # the spilled signatures are gone


def test_known_bands_are_what_datasketch_chooses():
    from datasketch import MinHashLSH

    for (threshold, num_perm), (b, r) in signatures.KNOWN_BANDS.items():
        lsh = MinHashLSH(threshold=threshold, num_perm=num_perm)
        assert (lsh.b, lsh.r) == (b, r)
