"""Text repair that never loses content and always says what it did.

Why: portals publish the same word in several Unicode shapes (NFD, NBSP, zero-width joiners,
old-style tone placement `hoà`/`hòa`), which splits counts and breaks exact matching downstream.
Every repair here is conservative and idempotent, and `repair` reports which repairs fired so the
articles table can record them (repairs are never silent).

We implement the tone-mark convention ourselves on syllables instead of calling
`underthesea.text_normalize`, because that function also re-spaces punctuation (`a , b`), which
would change the text beyond what we can report.
"""
from __future__ import annotations

import hashlib
import re
import unicodedata

import ftfy
from ftfy import badness

from bantin.printable import BIDI_RE

# Terminal escape sequences, dropped whole (not only their ESC byte, which left `[2J[H[31;1m`):
# CSI (colours, cursor moves, screen clears), OSC up to BEL or ST (window titles, OSC 8 links:
# their text stays), DCS/APC/PM/SOS strings, and the short ESC sequences; 7-bit and C1 forms.
# Every part is a bounded run of one class: linear.
ANSI_RE = re.compile(
    r"(?:\x1b\[|\x9b)[0-?]*[ -/]*[@-~]"
    r"|(?:\x1b\]|\x9d)[^\x07\x1b\x9c\n]*(?:\x07|\x1b\\|\x9c)?"
    r"|(?:\x1b[P_^X]|[\x90\x98\x9e\x9f])[^\x1b\x9c\n]*(?:\x1b\\|\x9c)?"
    r"|\x1b[ -/]*[0-~]")
NBSP_RE = re.compile("[\u00a0\u2007\u202f\u3000]")
ZERO_WIDTH_RE = re.compile("[\u200b\u200c\u200d\u2060\ufeff\u00ad]")  # incl. soft hyphen
CONTROL_RE = re.compile("[\u0000-\u0008\u000b-\u000d\u000e-\u001f\u007f-\u009f]")
# A run of more spaces than any layout needs is one space in the cleaned text: the rules then
# never see a run longer than this, which bounds every `\s*…\s*` pattern (a run of 20,000
# spaces after `Tác giả` made one of them take minutes). The raw text keeps the run.
LONG_SPACE_RE = re.compile(r"(?<! ) {41,}")
TRAILING_SPACE_RE = re.compile(r"(?<![ \t])[ \t]+$", re.MULTILINE)  # a run is tried once, from its start
WORD_RE = re.compile(r"[^\W\d_]+")
# Only whole words of 2-4 letters can be onset + oa/oe/uy (the longest onsets have 2 letters), so
# only they are looked at: the same result as every word, at a fraction of the cost.
TONE_CANDIDATE_RE = re.compile(r"(?<![^\W\d_])[^\W\d_]{2,4}(?![^\W\d_])")
# Onsets that may precede the nuclei oa/oe/uy (q is excluded: in `quý` the u belongs to `qu`).
TONE_SYLLABLE_RE = re.compile(
    r"^(b|c|ch|d|đ|g|h|k|kh|l|m|n|ng|nh|p|ph|r|s|t|th|tr|v|x)?(oa|oe|uy)$"
)
TONE_MARKS = {"\u0300", "\u0301", "\u0303", "\u0309", "\u0323"}
# Characters typical of UTF-8 read as cp1252/latin-1; a cheap gate before asking ftfy.
MOJIBAKE_HINT_RE = re.compile("[ÃÂÄÆáº»Å]")
FINGERPRINT_STRIP_RE = re.compile(r"[\W\d_]+")
SPACES_RE = re.compile(r"\s+")


def _fix_tone(word: str) -> str:
    """Move the tone of open syllables with nucleus oa/oe/uy to the first vowel: hoà -> hòa."""
    decomposed = unicodedata.normalize("NFD", word)
    tones = [ch for ch in decomposed if ch in TONE_MARKS]
    if len(tones) != 1:
        return word
    base = "".join(ch for ch in decomposed if ch not in TONE_MARKS)
    base_nfc = unicodedata.normalize("NFC", base)
    m = TONE_SYLLABLE_RE.match(base_nfc.lower())
    if not m:
        return word
    pos = len(m.group(1) or "")  # index of the first nucleus vowel in the NFC base
    out = base_nfc[: pos + 1] + tones[0] + base_nfc[pos + 1 :]
    return unicodedata.normalize("NFC", out)


def fix_tone_marks(text: str) -> str:
    """Apply the one tone-mark convention to every word of `text` (other characters untouched)."""
    return TONE_CANDIDATE_RE.sub(lambda m: _fix_tone(m.group(0)), text)


def _fix_mojibake(line: str) -> str:
    """Undo UTF-8-read-as-cp1252 only when ftfy is confident and the result is clean."""
    if not MOJIBAKE_HINT_RE.search(line) or not badness.is_bad(line):
        return line
    fixed = ftfy.fix_encoding(line)
    if fixed == line or "\ufffd" in fixed or badness.is_bad(fixed):
        return line
    return fixed


def _repair(text: str) -> tuple[str, list[str]]:
    applied: list[str] = []

    def step(name: str, new: str, old: str) -> str:
        if new != old:
            applied.append(name)
        return new

    out = text
    out = step("mojibake", "\n".join(_fix_mojibake(ln) for ln in out.split("\n")), out)
    # Invisible characters go before NFC: removing them can join a letter and its combining mark.
    out = step("ansi", ANSI_RE.sub("", out), out)  # before `control`, which would keep `[31m`
    out = step("bidi", BIDI_RE.sub("", out), out)  # U+202E and friends: they reorder what follows
    out = step("control", CONTROL_RE.sub("", out.replace("\t", " ")), out)
    out = step("zero_width", ZERO_WIDTH_RE.sub("", out), out)
    out = step("nbsp", NBSP_RE.sub(" ", out), out)
    out = step("long_space", LONG_SPACE_RE.sub(" ", out), out)
    out = step("nfc", unicodedata.normalize("NFC", out), out)
    out = step("tone_marks", fix_tone_marks(out), out)
    out = step("trailing_space", TRAILING_SPACE_RE.sub("", out), out)
    return out, applied


MAX_PASSES = 4


def _repair_fixpoint(text: str) -> tuple[str, list[str]]:
    """Repeat the passes until nothing changes: one repair can expose another (removing a C1
    control can complete a mojibake sequence), and callers rely on idempotence."""
    applied: list[str] = []
    out = text
    for _ in range(MAX_PASSES):
        new, steps = _repair(out)
        applied.extend(s for s in steps if s not in applied)
        if new == out:
            break
        out = new
    return out, applied


def repair(text: str) -> tuple[str, tuple[str, ...]]:
    """Repair a whole text; returns the text and the ids of the repairs that changed something.

    Line structure is preserved (same number of '\\n'), so line numbers stay valid.
    """
    out, applied = _repair_fixpoint(text)
    return out, tuple(applied)


def repair_line(line: str) -> str:
    """`repair` for one line, also stripping leading spaces (used for the clean_text of a line)."""
    return _repair_fixpoint(line)[0].strip()


def fingerprint(line: str) -> str:
    """Stable key of a line for corpus repeat counting.

    Case, digits, punctuation and spacing are ignored so `Bình luận (3)` and `Bình luận (12)`
    collide; hashlib (not hash()) keeps the key identical across runs and processes.
    """
    norm = repair_line(line).casefold()
    norm = SPACES_RE.sub(" ", FINGERPRINT_STRIP_RE.sub(" ", norm)).strip()
    if not norm:
        return ""
    return hashlib.sha1(norm.encode("utf-8")).hexdigest()[:16]


def nfc_view(line: str) -> tuple[str, list[int] | None]:
    """The line composed (NFC) and, when that changed it, where each composed character starts in
    the raw line (one more entry: the raw length). Each base letter is composed with the marks
    that follow it, so every position of the view maps to a character boundary of the raw line."""
    if line.isascii() or unicodedata.is_normalized("NFC", line):
        return line, None
    parts: list[str] = []
    at: list[int] = []
    i, n = 0, len(line)
    while i < n:
        j = i + 1
        while j < n and unicodedata.combining(line[j]):
            j += 1
        piece = unicodedata.normalize("NFC", line[i:j])
        parts.append(piece)
        at.extend([i] * len(piece))
        i = j
    at.append(n)
    return "".join(parts), at
