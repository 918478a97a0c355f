"""Offline language check (vi / en / unknown) and Vietnamese syllable validity.

Why not a library: underthesea's `lang_detect` downloads a model at run time, which this project
forbids, and the question asked here is narrow (is this Vietnamese news, English, or something
else?). Vietnamese is easy to recognise from its letters: almost half of the syllables of real
Vietnamese prose carry a tone mark or one of ă â đ ê ô ơ ư, and every word is one syllable of a
closed shape (onset + vowel cluster + coda). The same syllable test is what the decoder uses to
decide between candidate legacy encodings (see `bantin/ingest/decode.py`).
"""
from __future__ import annotations

import re
import string
import unicodedata

# Tokens are split on spaces, hyphens and slashes, then stripped of ordinary punctuation only:
# mojibake symbols (¢ » ‡ ¡ ...) must stay inside the token so that it fails the syllable test.
TOKEN_SPLIT_RE = re.compile(r"[\s\-/]+")
EDGE_PUNCT = string.punctuation + "“”‘’–—…"
# Tone marks as combining characters (after NFD): grave, acute, tilde, hook above, dot below.
TONES = frozenset("\u0300\u0301\u0303\u0309\u0323")
# Vowel-quality marks: circumflex, breve, horn.
QUALITY = frozenset("\u0302\u0306\u031b")
# Vowel clusters (nucleus with its glides) of Vietnamese, tone removed; longest first.
NUCLEI = sorted(
    "a ă â e ê i o ô ơ u ư y ai ao au ay âu ây eo êu ia iê iu oa oă oe oi ôi ơi oo ua uâ uă uê ui "
    "uô uơ uy ưa ưi ươ ưu yê iêu yêu oai oao oay oeo uây uôi uya uyê uyu ươi ươu".split(),
    key=len, reverse=True,
)
# A Vietnamese syllable with its tone mark removed (lower case, NFC): onset, nucleus, coda.
SYLLABLE_RE = re.compile(
    r"(?:ngh|ng|gh|gi|kh|nh|ph|th|tr|ch|qu|[bcdđghklmnprstvx])?"
    rf"(?:{'|'.join(NUCLEI)})"
    r"(?:ng|nh|ch|[cmnpt])?"
)
VI_STOPWORDS = frozenset(
    "và của các là trong có được cho với người những này đã không một để theo tại về khi cũng "
    "năm đến từ ngày sẽ đang như nhiều trên hoặc nhưng vào ra còn đó thì".split()
)
EN_STOPWORDS = frozenset(
    "the of and to in is for that on with as was by are at it from be this has have an or "
    "which were their not but its will been they said would who more".split()
)
MIN_WORDS = 5


def strip_tone(syllable: str) -> tuple[str, int]:
    """(syllable without tone marks, number of tone marks), both lower case NFC.

    Why count: a valid syllable has at most one tone; mojibake often stacks several marks.
    """
    nfd = unicodedata.normalize("NFD", syllable.lower())
    tones = sum(ch in TONES for ch in nfd)
    base = "".join(ch for ch in nfd if ch not in TONES)
    return unicodedata.normalize("NFC", base), tones


def is_vietnamese_syllable(word: str) -> bool:
    """True when `word` has the shape of one Vietnamese syllable (any case, at most one tone)."""
    base, tones = strip_tone(word)
    return tones <= 1 and SYLLABLE_RE.fullmatch(base) is not None


def has_vietnamese_marks(word: str) -> bool:
    """True when the word carries a tone mark or a letter that only Vietnamese uses here."""
    nfd = unicodedata.normalize("NFD", word.lower())
    return any(ch in TONES or ch in QUALITY for ch in nfd) or "đ" in word.lower()


def tokens(text: str) -> list[str]:
    """Space-separated tokens without edge punctuation (for syllable checks)."""
    parts = (t.strip(EDGE_PUNCT) for t in TOKEN_SPLIT_RE.split(unicodedata.normalize("NFC", text)))
    return [t for t in parts if t]


def non_ascii_syllable_share(text: str) -> tuple[float, int]:
    """(share of non-ASCII words that are valid Vietnamese syllables, number of such words).

    Why only non-ASCII words: ASCII words decode identically under every candidate encoding,
    so they carry no evidence about which decoding is right.
    """
    marked = [w for w in tokens(text) if not w.isascii()]
    if not marked:
        return 0.0, 0
    good = sum(is_vietnamese_syllable(w) for w in marked)
    return good / len(marked), len(marked)


def detect_language(text: str) -> str:
    """'vi', 'en' or 'unknown' from letters and stopwords; offline and deterministic.

    Rules (precision first: 'unknown' when the evidence is thin or mixed):
    - fewer than MIN_WORDS words: 'unknown';
    - 'vi' when at least 25% of words carry Vietnamese marks and at least 80% of those marked
      words are valid syllables (mojibake fails the second test);
    - 'en' when under 2% of words carry Vietnamese marks and at least 15% are English stopwords.
    """
    ws = tokens(text)
    if len(ws) < MIN_WORDS:
        return "unknown"
    lower = [w.lower() for w in ws]
    marked = [w for w in ws if has_vietnamese_marks(w) or not w.isascii()]
    vi_ratio = len(marked) / len(ws)
    en_ratio = sum(w in EN_STOPWORDS for w in lower) / len(ws)
    vi_stop = sum(w in VI_STOPWORDS for w in lower) / len(ws)
    if vi_ratio >= 0.25 and marked:
        valid = sum(is_vietnamese_syllable(w) for w in marked) / len(marked)
        if valid >= 0.8 and vi_stop >= en_ratio:
            return "vi"
    if vi_ratio < 0.02 and en_ratio >= 0.15:
        return "en"
    return "unknown"
