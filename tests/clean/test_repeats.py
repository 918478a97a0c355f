"""Corpus-level boilerplate: hash-and-count of short lines across documents."""
from __future__ import annotations

from locations import RAW

from bantin.clean.classify import classify
from bantin.clean.repair import fingerprint
from bantin.clean.repeats import corpus_repeats, doc_fingerprints, story_key

LEAD = "Ngày 5/3, Ủy ban nhân dân tỉnh tổ chức hội nghị tổng kết công tác bảo đảm an ninh trật tự năm 2022."
QUOTE = "“Toàn dân tham gia bảo vệ an ninh Tổ quốc, giữ gìn trật tự an toàn xã hội”"


STORIES = ("Công an xã tuần tra ban đêm", "Bộ đội biên phòng giúp dân gặt lúa", "Huyện tổ chức diễn tập phòng thủ",
           "Thành phố ra mắt tổ an ninh cơ sở", "Tỉnh khen thưởng gương người tốt việc tốt")


def _docs(n: int) -> list[str]:
    """Different stories (their own title and lead) printed with the same furniture."""
    return [f"{STORIES[i]}\n{LEAD} {STORIES[i]}.\n{QUOTE}\n"
            f"Hotline tòa soạn: 0123 45{i}\nĐọc báo in mỗi sáng" for i in range(n)]


def test_counts_documents_not_occurrences() -> None:
    docs = ["Quảng cáo nhỏ\nQuảng cáo nhỏ\nQuảng cáo nhỏ", "nội dung khác", "văn bản thứ ba"]
    assert corpus_repeats(docs, min_docs=2) == frozenset()


def test_threshold_is_configurable() -> None:
    docs = _docs(4)
    assert fingerprint("Đọc báo in mỗi sáng") in corpus_repeats(docs, min_docs=4)
    assert corpus_repeats(docs, min_docs=5) == frozenset()
    fillers = [f"một văn bản riêng {w}" for w in ("an", "bình", "cường", "dũng", "giang", "hà")]
    assert corpus_repeats(docs + fillers, min_docs=3, min_share=0.5) == frozenset()
    assert fingerprint("Đọc báo in mỗi sáng") in corpus_repeats(docs + fillers, min_docs=3, min_share=0.4)


def test_digits_do_not_hide_a_repeat_and_long_lines_are_not_candidates() -> None:
    reps = corpus_repeats(_docs(3), min_docs=3)
    assert fingerprint("Hotline tòa soạn: 0123 450") in reps
    long_line = " ".join(["công tác bảo đảm an ninh"] * 8)  # 40 words: a paragraph, never counted
    assert fingerprint(long_line) not in corpus_repeats([long_line] * 5, min_docs=3)
    assert not doc_fingerprints(long_line)


def test_repeated_furniture_dropped_quoted_phrase_kept() -> None:
    docs = _docs(5)
    reps = corpus_repeats(docs, min_docs=3)
    assert fingerprint(QUOTE) in reps  # it does repeat ...
    decisions = classify(docs[0], repeated=reps)
    by_text = {d.clean_text: (d.role, d.rule) for d in decisions}
    assert by_text["Đọc báo in mỗi sáng"] == ("ui_text", "corpus.repeated")
    assert by_text["Hotline tòa soạn: 0123 450"] == ("ui_text", "corpus.repeated")
    assert by_text[QUOTE][0] == "body"  # ... but a quotation is protected


def test_seeds_share_only_the_comment_widget() -> None:
    texts = [p.read_text(encoding="utf-8") for p in sorted(RAW.glob("*.txt"))]
    assert corpus_repeats(texts, min_docs=2) == frozenset({fingerprint("BÌNH LUẬN")})
    assert corpus_repeats(texts, min_docs=3) == frozenset()


def test_repeats_from_sets_matches_corpus_repeats_and_counts_sets_once() -> None:
    from bantin.clean.repeats import repeats_from_sets

    docs = _docs(5)
    sets = [(story_key(d), doc_fingerprints(d)) for d in docs]
    assert repeats_from_sets(sets, min_docs=3) == corpus_repeats(docs, min_docs=3)
    assert repeats_from_sets(iter(sets), min_docs=6) == frozenset()
    assert repeats_from_sets([("1", {"a"}), ("2", {"a"}), ("3", {"b"})], min_docs=2) == frozenset({"a"})
    assert repeats_from_sets([("1", {"a"}), ("2", {"a"}), ("3", {"b"}), ("4", {"c"})], min_docs=2,
                             min_share=0.6) == frozenset()
    assert repeats_from_sets([("1", {"a"}), ("1", {"a"}), ("2", {"b"})], min_docs=2) == frozenset()  # one story
    assert repeats_from_sets([]) == frozenset()
