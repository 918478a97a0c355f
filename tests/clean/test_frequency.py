"""bantin/clean/frequency.py: frequency alone never removes a title, a byline or story text."""
from __future__ import annotations

import pytest
from locations import RAW

from bantin.clean.classify import classify
from bantin.clean.repair import fingerprint
from bantin.clean.repeats import corpus_repeats


def _seed_texts() -> list[str]:
    return [p.read_text(encoding="utf-8") for p in sorted(RAW.glob("*.txt"))]


@pytest.mark.parametrize("byline", ["Phùng Sơn", "PHƯƠNG NAM-CHÍNH THÀNH"])  # two reporters, a bare dash
def test_one_reporter_on_many_stories_keeps_the_byline(byline: str) -> None:
    texts = [t.rstrip("\n") + "\n\n" + byline for t in _seed_texts()[:3]]
    reps = corpus_repeats(texts, min_docs=3)
    assert fingerprint(byline) in reps  # it does repeat in three stories ...
    for text in texts:
        last = [d for d in classify(text, repeated=reps) if d.clean_text][-1]
        assert (last.clean_text, last.role, last.rule) == (byline, "byline", "byline.tail_name")


def test_the_byline_reaches_the_authors_field() -> None:
    from bantin.clean.document import CorpusFacts, clean
    from bantin.extract.article import extract
    from bantin.records import RawDoc

    texts = [t.rstrip("\n") + "\n\nPhùng Sơn" for t in _seed_texts()[:3]]
    reps = corpus_repeats(texts, min_docs=3)
    raw = RawDoc(source_file="a.txt", content_sha256="0" * 64, size_bytes=1, mtime=None, text=texts[0])
    assert "Phùng Sơn" in extract(clean(raw, CorpusFacts(repeated=reps))).fields["authors"]


def test_a_republished_story_keeps_its_title() -> None:
    seed = _seed_texts()[2]
    title = seed.split("\n")[0]
    lines = seed.split("\n")
    copies = [seed,
              "\n".join(ln.replace("năm 2019", "năm qua") for ln in lines),  # lightly edited
              "\n".join(lines[:-3] + ["Theo Báo Bắc Giang"])]  # another outlet's credit at the end
    reps = corpus_repeats(copies + _seed_texts()[3:], min_docs=3)
    assert fingerprint(title) not in reps  # one story, counted once
    for text in copies:
        assert classify(text, repeated=reps)[0].role == "title"
    forced = frozenset({fingerprint(title)})  # and even counted three times, it stays the title
    assert all(classify(text, repeated=forced)[0].role == "title" for text in copies)
