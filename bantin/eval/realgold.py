"""Hand-read gold for the real development corpus (tests/realgold/): load, locate, verify.

Why verification is not optional: the gold is character offsets into raw files that live
outside the repository (../shared/dev-corpus). If a raw file changed, or a gold file was edited
by hand, every offset would silently score the wrong text; so each record's raw file must match
its SHA-256 and every span the SHA-1 prefix of its text, or loading fails. Error messages name
files, offsets and hashes only, never text: they must be safe to print for blind folders too.

Blind folders are excluded unless asked for (`include_blind=True`); see tests/realgold/README.md.
"""
from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from bantin.eval.gold import REPO_ROOT

REALGOLD_DIR = REPO_ROOT / "tests" / "realgold"
CORPUS_DIR = REPO_ROOT.parent / "shared" / "dev-corpus"
# The two folders set aside as blind before any rule was tuned were measured once and then, as
# planned, folded in (tests/realgold/README.md keeps their one blind measurement). The mechanism
# stays for the next blind set: a folder named here is scored only with --blind.
BLIND_FOLDERS: tuple[str, ...] = ()
DEV_FOLDERS = ("baomoi2025_daibangsamac", "baomoi2014_daibangsamac", "vietnam-news_nguyenvulebinh",
               "ktlab-mds_lupanh", "baomoi-ner_khoaihps", "qdnd_mourinhan8")
ALL_FOLDERS = DEV_FOLDERS + BLIND_FOLDERS
# Span roles of the annotation guide: title, subheading (story text), and the furniture.
FURNITURE_ROLES = ("dateline", "caption", "photo_credit", "byline", "source_credit", "image_file",
                   "navigation", "ui_text", "section", "duplicate")
SPAN_ROLES = ("title", "subheading") + FURNITURE_ROLES
FIELD_KEYS = ("title", "published_date", "date_source", "outlet", "outlet_evidence", "authors",
              "people", "provinces", "legal_refs", "quantities")
RECORD_KEYS = frozenset(("file", "folder", "sha256", "spans", "notes") + FIELD_KEYS)
DATE_RE = re.compile(r"\d{4}-\d\d-\d\d")


class GoldMismatch(ValueError):
    """A gold record does not fit its raw file (or the file is missing)."""


@dataclass(frozen=True)
class Span:
    start: int
    end: int
    role: str
    sha1_8: str


@dataclass(frozen=True)
class RealGold:
    """One hand-read article: where it is, its spans and its field values (guide's shape)."""

    folder: str
    file: str
    sha256: str
    spans: tuple[Span, ...]
    fields: dict  # FIELD_KEYS -> value

    @property
    def key(self) -> str:
        return f"{self.folder}/{self.file}"

    @property
    def blind(self) -> bool:
        return self.folder in BLIND_FOLDERS


def select_folders(only: Iterable[str] | None = None, *, include_blind: bool = False) -> list[str]:
    """The folders to evaluate: `only` (in corpus order) or all development folders, plus the
    blind ones only with `include_blind`. A blind folder named in `only` without
    `include_blind`, or an unknown name, is a ValueError (never a silent skip)."""
    pool = ALL_FOLDERS if include_blind else DEV_FOLDERS
    if only is None:
        return list(pool)
    wanted = list(dict.fromkeys(only))
    for name in wanted:
        if name in BLIND_FOLDERS and not include_blind:
            raise ValueError(f"{name} is a blind folder: it is evaluated only with --blind")
        if name not in ALL_FOLDERS:
            raise ValueError(f"unknown folder {name!r}; choose from {', '.join(ALL_FOLDERS)}")
    return [f for f in pool if f in wanted]


def record_errors(data: dict) -> list[str]:
    """Format problems of one gold file (empty when well-formed). Messages hold no values."""
    errs = [f"missing key {k}" for k in sorted(RECORD_KEYS - set(data))]
    errs += [f"unknown key {k}" for k in sorted(set(data) - RECORD_KEYS)]
    if errs:
        return errs
    if not re.fullmatch(r"[0-9a-f]{64}", str(data["sha256"])):
        errs.append("sha256 is not 64 hex digits")
    prev_end = 0
    for i, s in enumerate(data["spans"]):
        ok = (isinstance(s, list) and len(s) == 4 and all(isinstance(x, int) for x in s[:2])
              and s[2] in SPAN_ROLES and re.fullmatch(r"[0-9a-f]{8}", str(s[3])))
        if not ok or not 0 <= s[0] < s[1]:
            errs.append(f"span {i}: bad shape, role or offsets")
        elif s[0] < prev_end:
            errs.append(f"span {i}: overlaps the previous span or is out of order")
        else:
            prev_end = s[1]
    if sum(1 for s in data["spans"] if isinstance(s, list) and len(s) == 4 and s[2] == "title") > 1:
        errs.append("more than one title span")
    pd, ds = data["published_date"], data["date_source"]
    if (pd is None) != (ds is None) or (pd is not None and not DATE_RE.fullmatch(str(pd))):
        errs.append("published_date/date_source: both null, or YYYY-MM-DD with dateline|body")
    if ds not in (None, "dateline", "body"):
        errs.append("bad date_source")
    if (data["outlet"] is None) != (data["outlet_evidence"] is None):
        errs.append("outlet and outlet_evidence must both be set or both null")
    for k in ("authors", "people", "provinces", "legal_refs", "quantities"):
        if not isinstance(data[k], list):
            errs.append(f"{k} must be a list")
    if isinstance(data["people"], list) and not all(
            isinstance(p, dict) and set(p) == {"name", "posts", "honorific"} for p in data["people"]):
        errs.append("bad person row")
    if isinstance(data["legal_refs"], list) and not all(
            isinstance(r, dict) and set(r) == {"doc_type", "number", "symbol", "issuer"} for r in data["legal_refs"]):
        errs.append("bad legal_ref row")
    if isinstance(data["quantities"], list) and not all(
            isinstance(q, dict) and set(q) == {"value", "unit", "qualifier"}
            and isinstance(q["value"], (int, float)) and not isinstance(q["value"], bool)
            for q in data["quantities"]):
        errs.append("bad quantity row")
    return errs


def load_records(folders: Iterable[str], gold_dir: Path = REALGOLD_DIR) -> list[RealGold]:
    """Gold records of `folders` (each checked by `record_errors`), sorted by folder then file."""
    out = []
    for folder in folders:
        paths = sorted((Path(gold_dir) / folder).glob("*.json"))
        if not paths:
            raise GoldMismatch(f"no gold files in {Path(gold_dir) / folder}")
        for path in paths:
            data = json.loads(path.read_text(encoding="utf-8"))
            errs = record_errors(data)
            if not errs and (data["folder"] != folder or Path(data["file"]).stem != path.stem):
                errs = ["folder/file do not match the gold file's location"]
            if errs:
                raise GoldMismatch(f"{folder}/{path.name}: " + "; ".join(errs))
            spans = tuple(Span(*s) for s in data["spans"])
            out.append(RealGold(folder, data["file"], data["sha256"], spans,
                                {k: data[k] for k in FIELD_KEYS}))
    return out


def raw_path(record: RealGold, corpus_dir: Path = CORPUS_DIR) -> Path:
    return Path(corpus_dir) / record.folder / record.file


def read_raw(record: RealGold, corpus_dir: Path = CORPUS_DIR) -> str:
    """The raw text the offsets index (`bytes.decode('utf-8')`, '\\r' kept), after checking the
    file's SHA-256 and every span's SHA-1 prefix; GoldMismatch on any difference."""
    path = raw_path(record, corpus_dir)
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise GoldMismatch(f"{record.key}: cannot read the raw file ({exc.strerror})") from exc
    if hashlib.sha256(data).hexdigest() != record.sha256:
        raise GoldMismatch(f"{record.key}: the raw file's SHA-256 differs from the gold's")
    text = data.decode("utf-8")
    for i, s in enumerate(record.spans):
        if s.end > len(text):
            raise GoldMismatch(f"{record.key}: span {i} [{s.start}:{s.end}] ends past the text ({len(text)})")
        if sha1_8(text[s.start:s.end]) != s.sha1_8:
            raise GoldMismatch(f"{record.key}: span {i} [{s.start}:{s.end}] {s.role}: text hash differs")
    return text


def sha1_8(text: str) -> str:
    return hashlib.sha1(text.encode("utf-8")).hexdigest()[:8]
