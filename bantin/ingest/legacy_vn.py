"""Byte maps for the two pre-Unicode Vietnamese encodings still found in old office files.

Why hand-written maps: Python ships no codec for TCVN3 (ABC) or VNI, and both were font
encodings: the bytes are ordinary Windows-1252 bytes displayed with a special font. So a file
typed with a .VnTime or VNI-Times font is valid cp1252 and "decodes" without error into
nonsense such as `Hµ Néi` or `Haø Noäi`; only a map back to the real letters recovers it.

- TCVN3 (TCVN 5712:1993, VN3): one byte per lower-case letter with its tone; upper case exists
  only for Ă Â Ê Ô Ơ Ư Đ (capitals with a tone were drawn with a separate capitals font using the
  same bytes), so decoded capitals with a tone come out in lower case.
- Windows-1258 has a Python codec for decoding; `encode_cp1258` is its missing encoder.
- VNI (VNI-Windows): a base ASCII letter followed by one byte for the vowel mark and/or the tone
  (a few letters such as ơ ư đ and the toned i / y are single bytes); decoding maps each byte to
  its combining mark and then composes to NFC.
"""
from __future__ import annotations

import unicodedata

# TCVN3: byte ranges -> letters, in byte order.
_TCVN3_RUNS = (
    (0xA1, "ĂÂÊÔƠƯĐăâêôơưđ"),
    (0xB5, "àảãáạ"),
    (0xBB, "ằẳẵắ"),
    (0xC6, "ặầẩẫấậè"),
    (0xCE, "ẻẽéẹềểễếệìỉ"),
    (0xDC, "ĩíịò"),
    (0xE1, "ỏõóọồổỗốộờởỡớợù"),
    (0xF1, "ủũúụừửữứựỳỷỹýỵ"),
)
TCVN3_DECODE: dict[int, str] = {b + i: ch for b, run in _TCVN3_RUNS for i, ch in enumerate(run)}
# Bytes 0x80-0xA0 keep their Windows-1252 meaning (quotes, dashes, NBSP): the fonts kept them.
TCVN3_PASS = frozenset(range(0x80, 0xA1))

ACUTE, GRAVE, HOOK, TILDE, DOT = "\u0301", "\u0300", "\u0309", "\u0303", "\u0323"
CIRC, BREVE = "\u0302", "\u0306"
# VNI: the cp1252 character of each byte -> what it stands for (lower, upper pairs).
_VNI_PAIRS = (
    ("ôÔ", ("ơ", "Ơ")), ("öÖ", ("ư", "Ư")), ("ñÑ", ("đ", "Đ")),
    ("íÍ", ("í", "Í")), ("ìÌ", ("ì", "Ì")), ("æÆ", ("ỉ", "Ỉ")), ("óÓ", ("ĩ", "Ĩ")), ("òÒ", ("ị", "Ị")),
    ("îÎ", ("ỵ", "Ỵ")),
    ("âÂ", (CIRC,) * 2), ("êÊ", (BREVE,) * 2),
    ("ùÙ", (ACUTE,) * 2), ("øØ", (GRAVE,) * 2), ("ûÛ", (HOOK,) * 2), ("õÕ", (TILDE,) * 2),
    ("ïÏ", (DOT,) * 2),
    ("áÁ", (CIRC + ACUTE,) * 2), ("àÀ", (CIRC + GRAVE,) * 2), ("åÅ", (CIRC + HOOK,) * 2),
    ("ãÃ", (CIRC + TILDE,) * 2), ("äÄ", (CIRC + DOT,) * 2),
    ("éÉ", (BREVE + ACUTE,) * 2), ("èÈ", (BREVE + GRAVE,) * 2), ("úÚ", (BREVE + HOOK,) * 2),
    ("üÜ", (BREVE + TILDE,) * 2), ("ëË", (BREVE + DOT,) * 2),
)
VNI_DECODE: dict[int, str] = {
    ord(src): dst for chars, dsts in _VNI_PAIRS for src, dst in zip(chars, dsts)
}


def decode_tcvn3(data: bytes) -> str:
    """Decode TCVN3 bytes; raises ValueError on a byte that TCVN3 text cannot contain."""
    out = []
    for i, b in enumerate(data):
        if b < 0x80:
            out.append(chr(b))
        elif b in TCVN3_DECODE:
            out.append(TCVN3_DECODE[b])
        elif b in TCVN3_PASS:
            out.append(bytes([b]).decode("cp1252", errors="strict"))
        else:
            raise ValueError(f"byte 0x{b:02X} at offset {i} is not used by TCVN3")
    return "".join(out)


def decode_vni(data: bytes) -> str:
    """Decode VNI-Windows bytes to NFC text; raises ValueError on bytes cp1252 does not define."""
    try:
        latin = data.decode("cp1252")
    except UnicodeDecodeError as exc:
        raise ValueError(str(exc)) from exc
    return unicodedata.normalize("NFC", latin.translate(VNI_DECODE))


def encode_tcvn3(text: str) -> bytes:
    """Encode NFC text as TCVN3 (capitals with a tone become lower case: TCVN3 has none)."""
    rev = {ch: b for b, ch in TCVN3_DECODE.items()}
    out = bytearray()
    for ch in unicodedata.normalize("NFC", text):
        if ch in rev:
            out.append(rev[ch])
        elif ch.lower() in rev:
            out.append(rev[ch.lower()])
        else:
            out += ch.encode("cp1252")
    return bytes(out)


def encode_vni(text: str) -> bytes:
    """Encode NFC text as VNI-Windows (the inverse of `decode_vni`)."""
    singles = {v: k for k, v in VNI_DECODE.items() if len(v) == 1 and not unicodedata.combining(v)}
    marks_lower = {v: chr(k) for k, v in VNI_DECODE.items() if unicodedata.combining(v[0]) and chr(k).islower()}
    marks_upper = {v: chr(k) for k, v in VNI_DECODE.items() if unicodedata.combining(v[0]) and chr(k).isupper()}
    out = []
    for ch in unicodedata.normalize("NFC", text):
        if ch in singles:
            out.append(chr(singles[ch]))
            continue
        d = unicodedata.normalize("NFD", ch)
        base, marks = d[0], d[1:]
        if not marks:  # ASCII or punctuation: the same byte in cp1252
            out.append(ch)
            continue
        quality = "".join(m for m in marks if m in (CIRC, BREVE))
        tone = "".join(m for m in marks if m not in (CIRC, BREVE, "\u031b"))
        if "\u031b" in marks:  # horn: ơ / ư are single bytes, the tone follows as a mark
            horned = unicodedata.normalize("NFC", base + "\u031b")
            out.append(chr(singles[horned]))
            base, quality = "", ""
        table = marks_upper if ch.isupper() else marks_lower
        out.append(base + (table[quality + tone] if quality + tone else ""))
    return "".join(out).encode("cp1252")


def encode_cp1258(text: str) -> bytes:
    """Encode NFC text as Windows-1258 does: base letter (a-z, ă â ê ô ơ ư đ) + tone mark byte.

    Why: Python's cp1258 codec only encodes the decomposed form, and many toned letters have no
    precomposed byte in cp1258, so a plain `.encode("cp1258")` fails on ordinary Vietnamese.
    """
    tones = ACUTE + GRAVE + HOOK + TILDE + DOT
    out = []
    for ch in unicodedata.normalize("NFC", text):
        d = unicodedata.normalize("NFD", ch)
        base = unicodedata.normalize("NFC", "".join(c for c in d if c not in tones))
        out.append((base + "".join(c for c in d if c in tones)).encode("cp1258"))
    return b"".join(out)
