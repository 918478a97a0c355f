"""Automatic scores on every development file, from the scrapers' metadata (metadata.jsonl).

Why: the hand-read gold covers 178 articles; the metadata answers a few fields for all 1,604.
It is not gold: a field is scored only where the metadata answers it AND the text can contain
it, and each figure is computed on its own population (tests/realgold/README.md, "Automatic
scores", has the rules and their reasons):

- title: the metadata title starts a line of the text (NFC, whitespace collapsed), where a
  headline stands (inside a sentence it is not the page's headline). P and R.
- published_date: P over files whose date the pipeline reads from a dateline (it must be the
  publication date); R over files whose text states the metadata date as a stamp (a line of its
  own, or day/month/year next to a time of day).
- outlet: P over files with a predicted outlet (metadata outlet, domain or sapo hint); R only
  where the folder's texts can name the outlet, over files whose text mentions one of its keys.
- authors: the metadata byline occurs in the text; its names (labels, outlets and anonymous
  credits removed) against the predicted authors. P and R.
"""
from __future__ import annotations

import json
import re
import unicodedata
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from pathlib import Path

from bantin.eval.outlet_keys import _CANONICAL, fold, outlet_keys, same_outlet
from bantin.eval.realfields import name_key
from bantin.eval.scoring import norm, score_scalar, score_set

AUTO_FIELDS = ("title", "published_date", "outlet", "authors")


@dataclass(frozen=True)
class FolderMeta:
    """Which metadata keys answer which field in one folder (from SOURCES.md)."""

    outlet_key: str | None = None  # metadata key holding the outlet (a name or a domain)
    outlet_fixed: str | None = None  # the folder's one outlet, when the metadata has none
    outlet_recall: bool = False  # can the texts name the outlet? (else only P is meaningful)
    date_key: str | None = "published_at"
    author_key: str | None = None  # a raw byline string


FOLDER_META = {
    "baomoi2025_daibangsamac": FolderMeta(outlet_key="outlet", author_key="author"),  # outlet not in text
    "baomoi2014_daibangsamac": FolderMeta(outlet_key="outlet_hint_from_sapo"),  # sapo not in text
    "vietnam-news_nguyenvulebinh": FolderMeta(outlet_key="outlet", outlet_recall=True),
    "ktlab-mds_lupanh": FolderMeta(outlet_key="outlet", outlet_recall=True),
    "baomoi-ner_khoaihps": FolderMeta(author_key="author"),
    "qdnd_mourinhan8": FolderMeta(outlet_fixed="qdnd.vn", outlet_recall=True, date_key=None),
}
VN_TIME = timedelta(hours=7)
BYLINE_LABEL_RE = re.compile(r"^(?:(?:Tin|Bài|Ảnh|Clip|Video)(?:\s*(?:,|và)\s*(?:ảnh|bài|clip|video))*|Theo|Nguồn)\s*:?\s+",
                             re.IGNORECASE)
BYLINE_SPLIT_RE = re.compile(r"\s*[-–,;]\s*|\s+và\s+")
SOURCE_CREDIT_RE = re.compile(r"^(?:Theo|Nguồn)\b", re.IGNORECASE)
ANONYMOUS = frozenset({"pv", "p.v", "ctv", "btv", "nhóm pv", "phóng viên", "nhóm phóng viên", "pv tổng hợp",
                       "tổng hợp", "nhóm ctv", "btv tổng hợp"})
INITIALS_RE = re.compile(r"^(?:[^\W\d_]{1,2}\.\s?)+[^\W\d_]+$")  # `D.Thu`, `N.H`, `S. THÙY`
# A part of a byline that names an organisation, not a person.
ORG_START_RE = re.compile(r"^(?:Báo|Đài|Tạp chí|Cổng|Trang|Kênh|Thông tấn|Trung tâm|Sở|Bộ|Cục|Ban|Viện|Công an"
                          r"|UBND|Văn phòng|Hội|Nhóm)\b", re.IGNORECASE)
TIME = r"\d{1,2}(?::|h|g)\d{2}"
WEEKDAY = r"(?:Thứ\s+(?:Hai|Ba|Tư|Năm|Sáu|Bảy|\d)|Chủ\s+[Nn]hật)"


@dataclass
class AutoCounts:
    """Two populations: (tp, fp) for precision, (r_tp, fn) for recall; `files` eligible."""

    tp: int = 0
    fp: int = 0
    r_tp: int = 0
    fn: int = 0
    files: int = 0

    def add(self, other: "AutoCounts") -> None:
        for k in ("tp", "fp", "r_tp", "fn", "files"):
            setattr(self, k, getattr(self, k) + getattr(other, k))

    @property
    def precision(self) -> float | None:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else None

    @property
    def recall(self) -> float | None:
        return self.r_tp / (self.r_tp + self.fn) if self.r_tp + self.fn else None

    def to_json(self) -> dict:
        r = lambda x: None if x is None else round(x, 4)  # noqa: E731
        return {"precision": r(self.precision), "recall": r(self.recall), "tp": self.tp, "fp": self.fp,
                "recall_tp": self.r_tp, "fn": self.fn, "files": self.files}


def load_metadata(folder_dir: Path) -> dict[str, dict]:
    """file name -> metadata row."""
    rows = {}
    with open(Path(folder_dir) / "metadata.jsonl", encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                row = json.loads(line)
                rows[row["file"]] = row
    return rows


def flat(text: str) -> str:
    return " ".join(unicodedata.normalize("NFC", text).split())


def metadata_date(value: str | None) -> date | None:
    """The local (Vietnam) date of a metadata timestamp: ISO with `Z` is UTC (+7 h); ISO with an
    offset is taken as written (vietnam-news labels local times `+00:00`); else `d/m/yyyy ...`."""
    if not value:
        return None
    value = value.strip()
    if value.endswith("Z"):
        return (datetime.fromisoformat(value[:-1]) + VN_TIME).date()
    m = re.match(r"(\d{4})-(\d\d)-(\d\d)", value) or None
    if m:
        return date(int(m[1]), int(m[2]), int(m[3]))
    m = re.match(r"(\d{1,2})/(\d{1,2})/(\d{4})", value)
    return date(int(m[3]), int(m[2]), int(m[1])) if m else None


def states_date(text: str, d: date) -> bool:
    """The text stamps itself with `d`: a line holding only the date (weekday, time allowed),
    or day/month/year next to a time of day (a flattened page's dateline)."""
    dmy = rf"0?{d.day}\s*[/.-]\s*0?{d.month}\s*[/.-]\s*{d.year}(?!\d)"
    line = rf"(?m)^\s*(?:{WEEKDAY}\s*,?\s*)?(?:{TIME}\s*,?\s*)?{dmy}(?:\s*[,|-]?\s*{TIME}(?:\s*\(GMT\+7\))?)?\s*$"
    glued = rf"(?<!\d){dmy}\s*[,|-]?\s*{TIME}|(?<!\d){TIME}\s*[,|-]?\s*{dmy}"
    return bool(re.search(line, text) or re.search(glued, text))


def heads_a_line(text: str, title: str) -> bool:
    """Some line of the text starts with the title (both NFC, whitespace collapsed)."""
    want = flat(title)
    return bool(want) and any(flat(line).startswith(want) for line in text.split("\n"))


def byline_names(byline: str) -> list[str]:
    """Person names of a raw byline string (`Tin, ảnh: HỮU BÌNH-ĐỨC TÍNH` -> two names).

    Removed: the leading label, bracketed notes, everything after a `/` (the outlet or desk:
    `Lưu Sơn/VOV-TP.HCM`), parts crediting a source (`Thu Hà - Theo Dân Trí`), anonymous
    credits (`PV`), and parts that are not a person's name: one word that is not initials
    (`Armyrecognition`, `Baochinhphu.vn`, `TTXVN`) or an organisation (`Đài KTTV tỉnh`)."""
    text = BYLINE_LABEL_RE.sub("", flat(byline))
    text = re.sub(r"\([^()]*\)", " ", text).split("/")[0]
    out = []
    for part in BYLINE_SPLIT_RE.split(text):
        part = " ".join(part.split()).strip(" .:")
        if not part or SOURCE_CREDIT_RE.match(part) or part.casefold() in ANONYMOUS or ORG_START_RE.match(part):
            continue
        if len(part.split()) >= 2 or INITIALS_RE.match(part):
            out.append(part)
    return out


def mentions(text: str, keys: frozenset[str]) -> bool:
    """Some run of 1-4 words of the text, joined, is one of the outlet's keys (`Dân trí`,
    `VTV.vn`, `VnExpress`): the text names the outlet somewhere (a lower bound on "can")."""
    words = re.findall(r"[^\W_]+|\+", fold(text))
    for n in range(1, 5):
        for i in range(len(words) - n + 1):
            k = "".join(words[i:i + n]).replace("+", "plus")
            if _CANONICAL.get(k, k) in keys:
                return True
    return False


def score_file(meta: FolderMeta, row: dict, text: str, pred: dict) -> dict[str, AutoCounts]:
    """Automatic counts of one file (fields the metadata cannot answer stay empty)."""
    out = {f: AutoCounts() for f in AUTO_FIELDS}
    title = row.get("title")
    if title and heads_a_line(text, title):
        res = score_scalar(pred["title"], title)
        out["title"] = AutoCounts(res.counts.tp, res.counts.fp, res.counts.tp, res.counts.fn, 1)
    when = metadata_date(row.get(meta.date_key)) if meta.date_key else None
    if when:
        c = out["published_date"]
        c.files = 1
        if pred["published_date"] and pred["date_source"] == "dateline":
            ok = pred["published_date"] == when.isoformat()
            c.tp, c.fp = int(ok), int(not ok)
        if states_date(text, when):
            hit = pred["published_date"] == when.isoformat()
            c.r_tp, c.fn = int(hit), int(not hit)
    outlet = (row.get(meta.outlet_key) if meta.outlet_key else None) or meta.outlet_fixed
    if outlet:
        c = out["outlet"]
        c.files = 1
        if pred["outlet"]:
            ok = same_outlet(pred["outlet"], outlet)
            c.tp, c.fp = int(ok), int(not ok)
        if meta.outlet_recall and mentions(text, outlet_keys(outlet)):
            hit = bool(pred["outlet"]) and same_outlet(pred["outlet"], outlet)
            c.r_tp, c.fn = int(hit), int(not hit)
    byline = row.get(meta.author_key) if meta.author_key else None
    if byline and (norm(flat(byline)) or "") in (norm(flat(text)) or ""):
        res = score_set([name_key(a) for a in pred["authors"]], [name_key(n) for n in byline_names(byline)],
                        lambda a, b: a == b)
        out["authors"] = AutoCounts(res.counts.tp, res.counts.fp, res.counts.tp, res.counts.fn, 1)
    return out
