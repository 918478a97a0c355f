"""The NER gate (bantin.vi.nlp.needs_ner): which sentences get underthesea's NER, and the
contract that makes gating safe: for a sentence the gate skips, no NER tag can change what the
people or organisation rules find. (The proof on the real gold: tests/eval/test_ner_gate_gold.py.)"""
from __future__ import annotations

import pytest
from locations import RAW

from bantin.clean import document as clean_stage
from bantin.extract import article
from bantin.extract.orgs import find_organisations
from bantin.extract.people import find_people
from bantin.ingest import files as ingest
from bantin.vi import nlp
from bantin.vi.sentences import split_sentences


@pytest.mark.parametrize(("sentence", "needed"), [
    ("Ông Nguyễn Văn Danh phát biểu.", True),  # a 3-syllable name after an honorific
    ("Nguyễn Văn Danh cho biết như vậy.", True),  # opening the sentence
    ("Giàng A Dơ bị bắt.", True),  # a Hmong middle letter counts as a syllable
    ("Bí thư Tỉnh ủy Ninh Bình trao quà.", False),  # runs of 1 and 2 syllables only
    ("Tại Hà Nội, trời mưa to.", True),  # `Tại Hà Nội` is a run of 3: NER runs (cheap false positive)
    ("Lực lượng chức năng đã có mặt.", False),  # only the first word is capitalised
    ("Ngày 2/11, mưa lớn kéo dài.", False),  # NER tags `2/11` LOC: no field takes it
    ("Tiền đạo Danny Welbeck ghi bàn.", True),  # a 2-word foreign name after a cue: LOC/ORG could veto it
    ("Bayern Munich sẽ vô địch Champions League.", False),  # foreign runs with no person cue
    ("", False),
])
def test_gate_wants_a_run_of_three_capitalised_syllables_or_a_cued_foreign_name(sentence: str, needed: bool) -> None:
    assert nlp.needs_ner(sentence) is needed


def test_ungated_runs_ner_everywhere() -> None:
    assert not nlp.needs_ner("Lực lượng chức năng đã có mặt.")
    with nlp.ungated():
        assert nlp.needs_ner("Lực lượng chức năng đã có mặt.")
    assert not nlp.needs_ner("Lực lượng chức năng đã có mặt.")


def test_gated_sentences_keep_their_words() -> None:
    sents = ["Ông Nguyễn Văn Danh phát biểu.", "Lực lượng chức năng đã có mặt kịp thời.", " "]
    got = nlp.ner_sentences(sents)
    assert got[0] == nlp.ner(sents[0]) and got[2] == []
    assert [t[0] for t in got[1]] == nlp.word_tokenize(sents[1]) == [t[0] for t in nlp.ner(sents[1])]
    assert {t[1:] for t in got[1]} == {("", "", "O")}


def _seed_sentences() -> list[str]:
    out = []
    for f in ingest.scan(RAW).files:
        doc = clean_stage.clean(ingest.load(f))
        body = article.PARAGRAPH_SEP.join(article.unwrap(article.story_lines(doc)))
        out += split_sentences(body) + [s for c in doc.captions for s in split_sentences(c)]
    return out


SKIPPED = [s for s in _seed_sentences() if s.strip() and not nlp.needs_ner(s)]
CRAFTED = ["Ông Lê Văn cùng bà Hà Thị dự lễ.", "Đại tá Trần Văn trao quà cho xã Hòa Bình.",
           "“Chúng tôi sẽ làm”, ông Phạm Văn nói.", "Đoàn công tác do đồng chí Lê Hoa dẫn đầu.",
           "Bayern Munich sẽ vô địch Champions League năm nay.", "Người dân Hong Kong xuống đường."]


@pytest.mark.parametrize("tag", ["B-PER", "B-LOC", "B-ORG", "I-PER"])
def test_no_tag_changes_a_field_of_a_skipped_sentence(tag: str) -> None:
    """The contract: whatever NER could say about a skipped sentence, people and organisations
    are what they are with no tags at all (if a rule starts trusting shorter names, this fails
    and nlp.NAME_MIN_SYLLABLES must follow)."""
    sents = SKIPPED + [s for s in CRAFTED if not nlp.needs_ner(s)]
    assert len(sents) > 100
    for s in sents:
        words = nlp.word_tokenize(s)
        adversarial = [[(w, "Np", "B-NP", tag) for w in words]]
        assert find_people([s], adversarial) == find_people([s], None) == find_people([s], nlp.ner_sentences([s])), s
        assert find_organisations([s], adversarial) == find_organisations([s], None), s
