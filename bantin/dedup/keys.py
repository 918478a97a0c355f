"""What identifies a text for duplicate detection: its exact key and its word shingles.

Why both and why link instead of delete: an exact duplicate (same text under two names) adds
nothing, so it becomes one article whose other file names are kept as `aliases`
(`build.assemble`); a near duplicate is usually the same press release edited by another outlet
(new headline, one paragraph changed, different page furniture) and is real evidence of reach, so
it stays and only points at the earliest copy via `near_duplicate_of` (`dedup.near`, MinHash over
the shingles defined here). Everything is deterministic: fixed seed, and input order decides who
is "earliest".
"""
from __future__ import annotations

import hashlib
import re
import unicodedata

WORD_RE = re.compile(r"\w+")
SEED = 1


def exact_key(text: str) -> str:
    """Identity of a text up to Unicode form and whitespace (runs of spaces, line breaks)."""
    norm = " ".join(unicodedata.normalize("NFC", text).split())
    return hashlib.sha256(norm.encode("utf-8")).hexdigest()


def shingles(text: str, k: int) -> set[str]:
    """Word k-grams of the case-folded NFC text (the whole text when it has fewer than k words)."""
    ws = WORD_RE.findall(unicodedata.normalize("NFC", text).casefold())
    if not ws:
        return set()
    if len(ws) < k:
        return {" ".join(ws)}
    return {" ".join(ws[i:i + k]) for i in range(len(ws) - k + 1)}
