"""HTML pages saved as .txt are recognised (bantin/ingest/html.py) and quarantined, while article
text that mentions a tag is not, and no fixture, seed or real-corpus file is taken for a page."""
from __future__ import annotations

import time

import pytest
from locations import DEV_CORPUS, FIXTURES, SEEDS

from bantin.ingest.html import html_evidence


@pytest.mark.parametrize("text", [
    "<!DOCTYPE html><html><head><style>body{}</style></head><body><p>Tin</p></body></html>",
    "\ufeff  <html lang='vi'>\n<body>Tin tức</body></html>",
    "<?xml version='1.0'?><html xmlns='x'><body>a</body></html>",
    "Tin\n" + "<div class='a'><span>x</span><p>y</p></div>\n" * 10 + "<body>z</body>",
    "Tin " + "<li><a href='/t'>mục</a></li>" * 20,
])
def test_pages_are_recognised(text):
    assert html_evidence(text) is not None


@pytest.mark.parametrize("text", [
    "Quy định mới về thẻ <p> trong văn bản điện tử được ban hành hôm nay.",
    "So sánh: 3 < 5 và 7 > 2, kết quả <tốt>.",
    "",
])
def test_text_is_not_a_page(text):
    assert html_evidence(text) is None


def test_no_seed_fixture_or_real_article_is_taken_for_a_page():
    files = [*SEEDS, *FIXTURES.rglob("*.txt"), *(DEV_CORPUS.rglob("*.txt") if DEV_CORPUS.is_dir() else [])]
    assert len(files) > 60
    pages = [p for p in files if html_evidence(p.read_text(encoding="utf-8", errors="replace"))]
    assert pages == []


def test_linear_on_markup_soup():
    t0 = time.perf_counter()
    html_evidence("<p" * 1_000_000)
    html_evidence("<div " + "a" * 2_000_000)
    assert time.perf_counter() - t0 < 5
