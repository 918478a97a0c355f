"""Tests for bantin/clean/sites.py: which folders print no headline, and what the cleaner then does.

The openers are short excerpts of real development pages (baomoi 2025 prints its headlines;
baomoi 2014 and qdnd scraped the story alone)."""
from __future__ import annotations

import pytest
from locations import DEV_CORPUS

from bantin.build.corpus import corpus_context
from bantin.clean.classify import classify
from bantin.clean.sites import SiteTally, opens_with_headline, site_of
from bantin.ingest import files as ingest
from bantin.settings import DEFAULT_MAX_BYTES, Settings

LEAD = ("Trưa 3-4, Trung tâm Y tế huyện Vân Canh, tỉnh Bình Định, cho biết bệnh nhân đã qua cơn nguy kịch "
        "và được chuyển lên tuyến trên.")
BODY = "Trước đó, tối 1-4, gia đình phát hiện chị Dép và em chồng nằm bất tỉnh trong nhà."


@pytest.mark.parametrize("text, headed", [
    # baomoi 2025: the headline, then the sapo
    (f"Hà Tĩnh: Khởi tố 3 đối tượng trộm cắp tài sản tại công trình cao tốc\n{LEAD}", True),
    # a date line above the headline still lets it count
    (f"Thứ Ba, 04/11/2025 08:15\nHà Tĩnh: Khởi tố 3 đối tượng trộm cắp tài sản tại công trình\n{LEAD}", True),
    # baomoi 2014 / qdnd: the story's first sentence opens the page
    (f"{LEAD}\n{BODY}", False),
    # a short label is not a headline, nor is a date line
    (f"Thời sự\n{LEAD}", False),
    (f"Thứ Ba, 04/11/2025 08:15\n{LEAD}", False),
    # a heading after the first sentence is inside the story
    (f"{LEAD}\nTuấn Hưng chơi Ducati Diavel Cromo\n{BODY}", False),
    ("", False),
])
def test_opens_with_headline(text, headed):
    assert opens_with_headline(text) is headed


def test_site_of():
    assert site_of("qdnd/a.txt") == "qdnd" and site_of("a.txt") == "." and site_of("x/2014/b.txt") == "x/2014"


@pytest.mark.parametrize("pages, headed, headless", [
    (20, 9, True),    # fewer than half open with a headline
    (20, 10, False),  # half is not fewer than half
    (19, 0, False),   # too few pages to say anything of the site
])
def test_headless_needs_enough_pages_and_few_headlines(pages, headed, headless):
    tally = SiteTally()
    for k in range(pages):
        tally.add(f"site/{k}.txt", f"Khởi tố 3 đối tượng trộm cắp tài sản\n{LEAD}" if k < headed else LEAD)
    assert (tally.headless(min_pages=20, min_share=0.5) == {"site"}) is headless


# bantin/clean/rules/captions.py has the rule-table examples; these are the two page shapes whole.
def test_a_headless_page_takes_no_title_and_keeps_its_opening_heading():
    text = f"Giá vàng trong nước hôm nay\n{LEAD}\n{BODY}"
    assert classify(text, learned=False)[0].role == "title"
    first = classify(text, learned=False, headless=True)[0]
    assert (first.role, first.rule) == ("subheading", "structure.subheading")


def test_two_headings_on_a_headless_page_are_the_top_picture_and_the_first_subheading():
    text = f"Nơi anh Hậu quyên sinh\nBài 3: Không có tiền mua nổi áo quan cho người chết\n{LEAD}\n{BODY}"
    got = [(d.role, d.rule) for d in classify(text, learned=False, headless=True)]
    assert got[:3] == [("caption", "caption.headless_top"), ("subheading", "structure.subheading"),
                       ("lead", "structure.lead")]


def _write(folder, pages):
    folder.mkdir()
    for k, text in enumerate(pages):
        (folder / f"{k:02d}.txt").write_text(text, encoding="utf-8")


def test_corpus_pass_finds_the_headless_folder_and_keys_its_files(tmp_path):
    headed = [f"Khởi tố {k} đối tượng trộm cắp tài sản tại công trình\n{LEAD}\n{BODY}" for k in range(20)]
    headless = [f"Vụ án thứ {k} được đưa ra xét xử\n{LEAD} Vụ {k}.\n{BODY}" if k < 3 else f"{LEAD} Vụ {k}.\n{BODY}"
                for k in range(20)]
    _write(tmp_path / "a", headed)
    _write(tmp_path / "b", headless)
    files = list(ingest.scan(tmp_path).files)
    ctx = corpus_context(files, min_docs=3, max_bytes=DEFAULT_MAX_BYTES)
    assert ctx.facts.headless == {"b"} and ctx.facts.is_headless("b/00.txt") and not ctx.facts.is_headless("a/00.txt")
    # the verdict is part of each file's context key: when it flips, that folder's files are redone
    fewer = corpus_context(files, min_docs=3, max_bytes=DEFAULT_MAX_BYTES, headline_min_pages=21)
    assert fewer.facts.headless == frozenset()
    assert fewer.context_keys["b/00.txt"] != ctx.context_keys["b/00.txt"]
    assert fewer.context_keys["a/00.txt"] == ctx.context_keys["a/00.txt"]


def test_the_development_folders_that_print_no_headline():
    """Measured on every page of each real development folder: only baomoi 2025 prints headlines."""
    assert DEV_CORPUS.is_dir(), f"the development corpus must be at {DEV_CORPUS}"
    s = Settings()
    tally = SiteTally()
    for f in ingest.scan(DEV_CORPUS).files:
        raw = ingest.load(f, max_bytes=DEFAULT_MAX_BYTES)
        if hasattr(raw, "text"):
            tally.add(f.source_file, raw.text)
    got = tally.headless(min_pages=s.headline_min_pages, min_share=s.headline_min_share)
    folders = {p.name for p in DEV_CORPUS.iterdir() if p.is_dir() and any(p.glob("*.txt"))}
    assert got == folders - {"baomoi2025_daibangsamac"}


def test_a_heading_glued_to_the_first_sentence_of_a_flattened_headless_page_is_the_top_caption():
    """ktlab (VietnameseMDS) pages are one line each; the picture's caption opens it with no stop.
    (A rule-table example decides a whole raw line, so this piece of one is tested here.)"""
    story = " ".join([LEAD, BODY] * 3)
    text = f"Xác máy bay sau khi trục vớt chỉ còn là đống sắt vụn Chiếc máy bay bị vỡ thành nhiều mảnh. {story}"
    got = classify(text, learned=False, headless=True)
    assert [(d.role, d.rule, d.text.strip()) for d in got[:2]] == [
        ("caption", "caption.headless_top", "Xác máy bay sau khi trục vớt chỉ còn là đống sắt vụn"),
        ("lead", "structure.lead", "Chiếc máy bay bị vỡ thành nhiều mảnh.")]
    # on a site that prints headlines, the same glued run is the headline
    assert classify(text, learned=False)[0].role == "title"
