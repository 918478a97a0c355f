"""Is this the same outlet? Comparison keys for outlet names written differently.

Why the evaluation needs its own table (and does not reuse bantin/extract/outlet_table.py): a
score computed with the extractor's own aliases could never see the extractor's alias mistakes.
The gold writes an outlet as the guide's canonical name (`Báo điện tử Dân trí`), the metadata
as a domain (`dantri.com.vn`) or baomoi's label (`Báo Tin Tức TTXVN`), the pipeline as its own
canonical name; all three must compare equal when they name one outlet.

A name gives a set of keys: its core (generic words such as `Báo`, `Báo điện tử`, `Tạp chí`,
`online` removed, tones and `đ` folded, punctuation and spaces removed), the core of each part
around ` - ` (`Chuyên trang Công an Đà Nẵng - Báo Công an Nhân dân`) and of each bracketed part
(`Thông tấn xã Việt Nam (TTXVN)`); a domain gives its registered label (`news.zing.vn` ->
`zing`, `baotintuc.vn` -> `tintuc`). Keys in one EQUIVALENT group are the same key. Two names
are the same outlet when their key sets meet.
"""
from __future__ import annotations

import re
import unicodedata

from bantin.eval.scoring import norm

# Written forms of one outlet that no normalisation relates (acronyms, renamed papers).
EQUIVALENT: tuple[tuple[str, ...], ...] = (
    ("ttxvn", "thongtanxavietnam", "vna", "vnanet"),
    ("vov", "daitiengnoivietnam", "tiengnoivietnam"),
    ("nguoilaodong", "nld", "nldo"),
    ("congannhandan", "cand"),
    ("quandoinhandan", "qdnd"),
    ("saigongiaiphong", "sggp"),
    ("phapluattphcm", "plo", "phapluatthanhphohochiminh", "phapluattphochiminh"),
    ("tintuc", "tintucttxvn", "tintucvadantoc"),
    ("vietnamplus", "vietnamplusttxvn"),
    ("zing", "znews", "zingnews"),
    ("chinhphu", "vgp", "baochinhphu"),
    ("dangcongsan", "dangcongsanvietnam"),
    ("tuoitre", "tto"),
    ("thanhnien", "tno"),
    ("anninhthudo", "antd"),
    ("hanoimoi", "hnm"),
    ("nhandan", "ndo"),
    ("vnexpress", "vne"),
    ("phapluatxahoi", "plxh"),
    ("nongnghiepvietnam", "nongnghiep", "nnvn"),
    ("giaothong", "giaothongvantai"),  # renamed: Báo Giao thông Vận tải (giaothongvantai.com.vn)
)
GENERIC_RE = re.compile(
    r"(?<!\w)(?:báo điện tử|tạp chí điện tử|trang thông tin điện tử|trang tin điện tử"
    r"|cổng thông tin điện tử|chuyên trang|tạp chí|báo|điện tử|online|news)(?!\w)")
DOMAIN_RE = re.compile(r"^(?:https?://)?(?:www\.)?((?:[a-z0-9-]+\.)+?)(?:com\.vn|org\.vn|gov\.vn|net\.vn|edu\.vn"
                       r"|info\.vn|vn|com|net|org|info)/?$")
PAREN_RE = re.compile(r"\(([^()]*)\)")
PART_RE = re.compile(r"\s+[-–—]\s+")

_CANONICAL = {key: group[0] for group in EQUIVALENT for key in group}


def fold(text: str) -> str:
    """Lower case without tones or the bar of `đ`: `Dân Trí` -> `dan tri`."""
    decomposed = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch)).casefold()


def core(text: str) -> str:
    """The comparison core of one written name (see module docstring)."""
    text = GENERIC_RE.sub(" ", norm(text) or "").replace("+", "plus")
    key = re.sub(r"[\W_]+", "", fold(text))
    return _CANONICAL.get(key, key)


def domain_key(name: str) -> str | None:
    """The registered label of a domain (`kinhdoanh.vnexpress.net` -> `vnexpress`), None if
    `name` is not a domain. A leading `bao` (`baotintuc`, `baodatviet`) is the word Báo."""
    m = DOMAIN_RE.match(name.strip().casefold())
    if not m:
        return None
    label = m.group(1).rstrip(".").split(".")[-1].replace("-", "")
    if label.startswith("bao") and len(label) >= 7:
        label = label[3:]
    return _CANONICAL.get(label, label)


def outlet_keys(name: str | None) -> frozenset[str]:
    """Every comparison key of an outlet name or domain (empty for None or a blank name)."""
    if not name or not name.strip():
        return frozenset()
    dom = domain_key(name)
    if dom:
        return frozenset({dom})
    keys = {core(name)}
    keys |= {core(inner) for inner in PAREN_RE.findall(name)}
    bare = PAREN_RE.sub(" ", name)
    keys.add(core(bare))
    keys |= {core(part) for part in PART_RE.split(bare)}
    keys |= {dom for w in bare.split() if (dom := domain_key(w))}
    return frozenset(k for k in keys if k)


def same_outlet(a: str | None, b: str | None) -> bool:
    """True when two written names (or domains) name one outlet."""
    return bool(outlet_keys(a) & outlet_keys(b))
