"""Cleaning scored against character spans: offsets through ingest's newline normalisation, and
the three figures on a crafted article (not from the corpus)."""
from __future__ import annotations

from datetime import datetime, timezone

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bantin.clean.classify import classify
from bantin.clean.units import unit_spans
from bantin.eval import realclean
from bantin.eval.realgold import RealGold, Span, sha1_8
from bantin.ingest.files import normalise_newlines
from bantin.records import CleanDoc, LineDecision, RawDoc

SETTINGS = settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
RAW_TEXT = st.text(alphabet=st.sampled_from(list("ab đê.\r\n\t\u00a0\ufeff")), max_size=200)


@SETTINGS
@given(RAW_TEXT, st.booleans())
def test_raw_offsets_map_every_unit_back_onto_the_raw_text(raw: str, bom: bool) -> None:
    raw = ("\ufeff" if bom else "") + raw
    ingested = normalise_newlines(raw[1:] if bom else raw)  # ingest drops a BOM, folds \r\n and \r
    offsets = realclean.raw_offsets(raw, ingested)
    assert len(offsets) == len(ingested) + 1 and offsets[-1] == len(raw)
    assert offsets == sorted(offsets)
    decisions = list(classify(ingested))
    for (a, b), d in zip(unit_spans(decisions), decisions):
        assert raw[offsets[a]:offsets[b]] == d.text


def test_raw_offsets_refuse_a_text_that_is_not_the_raw_one() -> None:
    with pytest.raises(ValueError):
        realclean.raw_offsets("Hoà bình", "Hòa bình")  # a repair changed a character
    with pytest.raises(ValueError):
        realclean.raw_offsets("abc", "ab")


# A crafted page: title, dateline, story, a caption glued to a story line, byline.
LINES = [
    ("Cháy kho hàng ở ngoại thành", "title"),
    ("3 giờ trước", "dateline"),
    ("Sáng nay, một kho hàng bị cháy. Ảnh: Minh An", "body"),  # caption glued: not removed
    ("Lực lượng chữa cháy đã dập tắt đám cháy sau hai giờ.", "body"),
    ("Tin liên quan", "body"),  # navigation kept: a miss
    ("Hoàng Nam", "byline"),
    ("Xem thêm ở trang sau", "ui_text"),  # story (per gold) removed: a loss
]


def _doc(raw: str) -> CleanDoc:
    text = normalise_newlines(raw)
    rows = text.split("\n")
    decisions = tuple(LineDecision(i, row, row, role, f"test.{role}") for i, (row, (_, role)) in enumerate(zip(rows, LINES)))
    rawdoc = RawDoc("a.txt", "0" * 64, len(raw), datetime(2026, 1, 1, tzinfo=timezone.utc), text)
    return CleanDoc(raw=rawdoc, lines=decisions, body="", title=None, section=None, captions=(), repairs=())


def _span(raw: str, piece: str, role: str) -> Span:
    a = raw.index(piece)
    return Span(a, a + len(piece), role, sha1_8(piece))


@pytest.fixture
def crafted():
    raw = "\r\n".join(text for text, _ in LINES)  # CRLF: the offsets must go through ingest's \n
    spans = (_span(raw, LINES[0][0], "title"), _span(raw, "3 giờ trước", "dateline"),
             _span(raw, "Ảnh: Minh An", "caption"), _span(raw, "Tin liên quan", "navigation"),
             _span(raw, "Hoàng Nam", "byline"))
    record = RealGold("folder", "a.txt", "0" * 64, spans, {})
    return raw, record, _doc(raw)


def test_three_figures_on_a_crafted_page(crafted) -> None:
    raw, record, doc = crafted
    counts, misses = realclean.score_article(record, raw, doc)
    assert dict(counts.spans) == {"dateline": 1, "caption": 1, "navigation": 1, "byline": 1}
    assert dict(counts.removed) == {"dateline": 1, "byline": 1}
    assert counts.furniture_recall == 0.5
    nonspace = lambda s: sum(not c.isspace() for c in s)  # noqa: E731
    removed_furniture = nonspace("3 giờ trước") + nonspace("Hoàng Nam")
    lost = nonspace("Xem thêm ở trang sau")
    assert counts.removed_furniture_chars == removed_furniture
    assert counts.removed_chars == removed_furniture + lost  # the title's characters are left out
    story = nonspace("Sáng nay, một kho hàng bị cháy.") + nonspace(LINES[3][0]) + lost
    assert (counts.story_chars, counts.story_kept_chars) == (story, story - lost)
    kinds = sorted((m["kind"], m["role"], m["text"]) for m in misses)
    assert kinds == [("furniture", "caption", "Ảnh: Minh An"), ("furniture", "navigation", "Tin liên quan"),
                     ("story", "story", "Xem thêm ở trang sau")]
    assert all(m["folder"] == "folder" and m["file"] == "a.txt" for m in misses)


def test_a_span_mostly_removed_counts_as_removed(crafted) -> None:
    raw, record, doc = crafted
    # the dateline span also takes in the first 2 letters of the next line: 9 of 11 removed < 90 %
    a = raw.index("3 giờ trước")
    wider = Span(a, a + len("3 giờ trước\r\nSá"), "dateline", sha1_8(raw[a:a + len("3 giờ trước\r\nSá")]))
    spans = tuple(wider if s.role == "dateline" else s for s in record.spans)
    counts, _ = realclean.score_article(RealGold("folder", "a.txt", "0" * 64, spans, {}), raw, doc)
    assert counts.removed["dateline"] == 0
    assert 9 / 11 < realclean.REMOVED_SHARE


def test_counts_add_up_and_serialise() -> None:
    a, b = realclean.CleaningCounts(), realclean.CleaningCounts()
    a.spans["caption"], a.removed["caption"], a.story_chars, a.story_kept_chars = 2, 1, 10, 9
    b.spans["caption"], b.removed["caption"], b.removed_chars, b.removed_furniture_chars = 2, 2, 4, 3
    a.add(b)
    out = a.to_json()
    assert out["furniture_recall"] == 0.75 and out["furniture_precision"] == 0.75 and out["story_kept"] == 0.9
    assert out["per_role"] == {"caption": {"spans": 4, "removed": 3, "recall": 0.75}}


def test_snippet_is_short_and_one_line() -> None:
    s = realclean.snippet("x\n" * 500)
    assert "\n" not in s and len(s) <= realclean.SNIPPET + 3
