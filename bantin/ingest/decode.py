"""Decode the bytes of one input file into text, or say precisely why it cannot be done.

Why so careful: scraped and archived Vietnamese text arrives as UTF-8 (with or without a BOM),
UTF-16 from Windows tools, UTF-8 that was once mis-read as Windows-1252 and saved again
(mojibake: `Viá»‡t Nam`), or in the legacy 8-bit encodings Windows-1258, TCVN3 and VNI. A wrong
guess produces text that looks plausible to a program and is garbage to a reader, so a legacy
decoding is only accepted when it is *certain*: every candidate is scored by the share of its
non-ASCII words that are valid Vietnamese syllables, and the winner must be nearly perfect and
clearly ahead of the others. Anything else raises `DecodeError` and the file is quarantined.

Only decoding happens here: the text is returned as decoded (NFC only for the legacy
encodings, whose decoders produce combining marks); every other repair belongs to the clean stage.
"""
from __future__ import annotations

import codecs
import re
import unicodedata

import ftfy

from bantin.ingest.legacy_vn import decode_tcvn3, decode_vni
from bantin.vi.language import non_ascii_syllable_share

MAGIC = (
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF87a", "a GIF image"),
    (b"GIF89a", "a GIF image"),
    (b"%PDF-", "a PDF document"),
    (b"PK\x03\x04", "a ZIP archive (or a .docx/.xlsx/.odt office file)"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"\x7fELF", "an executable program"),
    (b"\xd0\xcf\x11\xe0", "an old Microsoft Office (.doc/.xls) file"),
    (b"{\\rtf", "an RTF document"),
)
# C0 controls that never occur in text files (tab, LF, FF, CR and ESC are allowed).
CONTROL_BYTES = bytes(sorted(set(range(0x20)) - {0x09, 0x0A, 0x0C, 0x0D, 0x1B} | {0x7F}))
CONTROL_RE = re.compile("[" + re.escape(CONTROL_BYTES.decode("ascii")) + "]")
MAX_CONTROL_SHARE = 0.01
MIN_CONTROL_COUNT = 3
# Typical UTF-8-read-as-cp1252 sequences: a lead byte letter followed by a continuation byte.
MOJIBAKE_RE = re.compile(r"[ÃÂÄÅÆáâ][\u0080-\u00bf\u0152\u0153\u0160\u0161\u0178\u017d\u017e"
                         r"\u0192\u02c6\u02dc\u2013\u2014\u2018-\u201e\u2020-\u2022\u2026\u2030"
                         r"\u2039\u203a\u20ac\u2122]")
# Legacy decoding is accepted only with this much evidence.
MIN_LEGACY_WORDS = 3
MIN_LEGACY_SHARE = 0.9
MIN_LEGACY_MARGIN = 0.2
MIN_MOJIBAKE_GAIN = 0.2


class DecodeError(Exception):
    """Decoding failed: `reason` is the quarantine code, `detail` a paragraph for a person."""

    def __init__(self, reason: str, detail: str) -> None:
        super().__init__(f"{reason}: {detail}")
        self.reason = reason
        self.detail = detail


def _too_many_controls(controls: int, total: int, unit: str) -> str | None:
    if controls >= MIN_CONTROL_COUNT and controls > MAX_CONTROL_SHARE * total:
        return f"{controls} of its {total} {unit} are control characters"
    return None


def sniff_binary(data: bytes) -> str | None:
    """Why the bytes are not text (a sentence fragment), or None when they may be text."""
    for magic, what in MAGIC:
        if data.startswith(magic):
            return f"it starts with the signature of {what}"
    nul = data.find(b"\x00")
    if nul >= 0:
        return (f"it contains NUL bytes (first at byte offset {nul}); if it is UTF-16 text "
                "without a byte-order mark, re-save it as UTF-8")
    return _too_many_controls(len(data) - len(data.translate(None, CONTROL_BYTES)), len(data), "bytes")


def sniff_binary_text(text: str) -> str | None:
    """The same test on decoded text (for files with a byte-order mark, where NUL bytes are
    legitimate parts of UTF-16 characters but NUL *characters* are not)."""
    return _too_many_controls(len(CONTROL_RE.findall(text)), len(text), "characters")


def _binary(why: str) -> DecodeError:
    return DecodeError(
        "binary",
        f"The file is not text: {why}. Only plain-text articles (.txt) are read; move "
        "other files out of the input directory or give them another extension.",
    )


def _bom(data: bytes) -> tuple[str, str, tuple[str, ...]] | None:
    """Decode by byte-order mark (UTF-32 checked before UTF-16: its LE mark starts the same)."""
    for mark, codec, repairs in (
        (codecs.BOM_UTF32_LE, "utf-32-le", ("bom", "utf32")),
        (codecs.BOM_UTF32_BE, "utf-32-be", ("bom", "utf32")),
        (codecs.BOM_UTF8, "utf-8", ("bom",)),
        (codecs.BOM_UTF16_LE, "utf-16-le", ("bom", "utf16")),
        (codecs.BOM_UTF16_BE, "utf-16-be", ("bom", "utf16")),
    ):
        if data.startswith(mark):
            body = data[len(mark):]
            try:
                return body.decode(codec), codec, repairs
            except UnicodeDecodeError as exc:
                raise _invalid(data, exc.start + len(mark), codec) from exc
    return None


def _invalid(data: bytes, offset: int, codec: str) -> DecodeError:
    line = data.count(b"\n", 0, offset) + 1
    bad = data[offset:offset + 4].hex(" ").upper()
    return DecodeError(
        "undecodable",
        f"The file is not valid {codec.upper()}: the bytes at byte offset {offset} (line {line}: "
        f"{bad}) do not form a character, and no other encoding explains the whole file with "
        "certainty. Nothing was guessed or replaced. Open the file in an editor, fix or re-save "
        "it as UTF-8, and run again.",
    )


def _mojibake_fix(text: str) -> str | None:
    """ftfy's repair of UTF-8-read-as-cp1252 text, when it is clearly better Vietnamese."""
    if not MOJIBAKE_RE.search(text):
        return None
    fixed = ftfy.fix_encoding(text)
    if fixed == text or MOJIBAKE_RE.search(fixed):
        return None
    before, _ = non_ascii_syllable_share(text)
    after, n = non_ascii_syllable_share(fixed)
    if n >= MIN_LEGACY_WORDS and after >= MIN_LEGACY_SHARE and after - before >= MIN_MOJIBAKE_GAIN:
        return fixed
    return None


def _legacy_candidates(data: bytes) -> dict[str, str]:
    out: dict[str, str] = {}
    try:
        out["cp1258"] = unicodedata.normalize("NFC", data.decode("cp1258"))
    except UnicodeDecodeError:
        pass
    for name, fn in (("tcvn3", decode_tcvn3), ("vni", decode_vni)):
        try:
            out[name] = fn(data)
        except ValueError:
            pass
    return out


def decode_legacy(data: bytes) -> tuple[str, str] | None:
    """(text, encoding) when exactly one legacy Vietnamese encoding explains the bytes.

    Principle: the right decoding turns the non-ASCII bytes into valid Vietnamese syllables;
    every wrong one produces impossible letter sequences (`Hµ`, `Vieät`). Require at least
    MIN_LEGACY_WORDS such words, a share of at least MIN_LEGACY_SHARE, and a lead of
    MIN_LEGACY_MARGIN over the runner-up.
    """
    scores = sorted(
        ((*non_ascii_syllable_share(text), name, text) for name, text in _legacy_candidates(data).items()),
        key=lambda s: (-s[0], s[2]),
    )
    if not scores:
        return None
    share, n, name, text = scores[0]
    runner_up = scores[1][0] if len(scores) > 1 else 0.0
    if n >= MIN_LEGACY_WORDS and share >= MIN_LEGACY_SHARE and share - runner_up >= MIN_LEGACY_MARGIN:
        return text, name
    return None


def decode(data: bytes) -> tuple[str, str, tuple[str, ...]]:
    """(text, encoding, repairs) for the bytes of one file, or raise DecodeError.

    Order: byte-order mark; binary sniffing; strict UTF-8 (then mojibake repair when certain);
    legacy Vietnamese encodings when certain; otherwise 'undecodable' with the byte offset.
    """
    by_bom = _bom(data)
    if by_bom is not None:
        text, encoding, repairs = by_bom
        why = sniff_binary_text(text) or ("it contains NUL characters" if "\x00" in text else None)
        if why:
            raise _binary(why)
    else:
        why = sniff_binary(data)
        if why:
            raise _binary(why)
        try:
            text, encoding, repairs = data.decode("utf-8"), "utf-8", ()
        except UnicodeDecodeError as exc:
            legacy = decode_legacy(data)
            if legacy is not None:
                return legacy[0], legacy[1], (legacy[1],)
            raise _invalid(data, exc.start, "utf-8") from exc
    fixed = _mojibake_fix(text)
    if fixed is not None:
        return fixed, encoding, (*repairs, "mojibake")
    return text, encoding, repairs
