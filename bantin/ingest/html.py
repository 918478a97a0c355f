"""Is this `.txt` file an HTML page? Then it is quarantined, not cleaned as text.

Why quarantine and not convert: the rules are written for the text of a page as a reader sees
it. Markup read as text gave an article titled `<style>…</style></head>` and a body of tags; a
faithful conversion would need an HTML parser, and none is in the lock file. Saying so, with
the file set aside, is honest and cheap; converting can come later.

A page is recognised by how it starts (`<!DOCTYPE html`, `<html`, `<head`, `<body`, an XML
declaration followed by `<html`), or by markup throughout: a `<head>`/`<body>` tag among several
tags, or many tags covering a good share of the text. One pass of one bounded pattern: linear.
"""
from __future__ import annotations

import re

_START_RE = re.compile(r"\A\ufeff?\s*(?:<\?xml[^>]{0,200}>\s*)?(?:<!--[^>]{0,2000}-->\s*)*"
                       r"<(?:!doctype\s+html|html[\s>]|head[\s>]|body[\s>])", re.IGNORECASE)
_TAG_RE = re.compile(
    r"</?(?P<name>html|head|body|div|span|p|a|script|style|meta|link|table|tbody|tr|td|th|ul|ol|li|br|img|"
    r"title|h[1-6]|section|article|header|footer|nav|iframe|form|input|button|noscript|figure|figcaption)"
    r"(?=[\s/>])[^<>]{0,500}>", re.IGNORECASE)
MIN_TAGS_WITH_HEAD = 5
MIN_TAGS = 20
MIN_TAG_SHARE = 0.2


def html_evidence(text: str) -> str | None:
    """Why `text` is an HTML page (a sentence fragment), or None when it reads as text."""
    if _START_RE.match(text):
        return "it starts like an HTML document"
    tags, chars, head = 0, 0, False
    for m in _TAG_RE.finditer(text):
        tags += 1
        chars += m.end() - m.start()
        head = head or m.group("name").lower() in ("head", "body", "html")
    if head and tags >= MIN_TAGS_WITH_HEAD:
        return f"it has {tags} HTML tags, among them <head>, <body> or <html>"
    if tags >= MIN_TAGS and chars >= MIN_TAG_SHARE * len(text):
        return f"{tags} HTML tags make up {chars * 100 // max(len(text), 1)}% of it"
    return None
