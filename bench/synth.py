"""Synthetic corpus for the benchmark: real paragraphs and real page furniture, recombined.

Why recombine instead of generating text: the cost of the pipeline is underthesea's NER and
tokenizer on real Vietnamese sentences, and the cost of the rules on real portal furniture, so
the benchmark must feed both. Every line comes from a labelled source (the seeds with
tests/golden/lines/*.tsv, the blind portal fixtures with *.roles.tsv / *.units.tsv); an article
is one portal's header and footer furniture around a title, a dateline in one of several
formats, a lead, shuffled body paragraphs, subheadings, photos with captions and a byline.
Dates (2015-2025), person names, provinces and numbers are rewritten so no two articles are
equal and the corpus-level boilerplate pass still sees realistic repetition (furniture repeats,
story lines do not). Article i depends only on (seed, i), so a corpus of n articles is a prefix
of a larger one and extra articles can be appended later (`start=`).
"""
from __future__ import annotations

import random
import re
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import cache
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEED_TEXTS = ROOT / "raw"
SEED_LABELS = ROOT / "tests" / "golden" / "lines"
PORTALS = ROOT / "tests" / "fixtures" / "portals"
PER_DIR = 1000
SOURCE_YEAR = 2022  # about the year of the source articles: their years shift with the article's  # files per subdirectory

STORY = ("title", "lead", "body", "subheading", "caption", "image_file", "byline")
HEADER_ROLES = ("ui_text", "navigation", "section", "counter")
WEEKDAYS = ("Thứ Hai", "Thứ Ba", "Thứ Tư", "Thứ Năm", "Thứ Sáu", "Thứ Bảy", "Chủ Nhật")
FIRST, LAST = date(2015, 1, 1), date(2025, 12, 31)
MIDDLE = "Văn Thị Đức Minh Quốc Thanh Ngọc Hữu Công Xuân Thu Kim Hồng Bảo Quang".split()
GIVEN = ("An Bình Cường Dũng Giang Hà Hải Hạnh Hiền Hòa Hùng Hương Khánh Lan Linh Long Mai "
         "Minh Nam Nga Ngân Phong Phúc Phương Quân Sơn Tâm Thảo Thắng Thủy Trang Trung Tuấn "
         "Tùng Vân Việt Yến").split()

# One pass over dates (26/02, 26/02/2024), years and other numbers, so a rewritten value is
# never rewritten again. Numbers glued to `/` or letters (15/2024/NĐ-CP, 28-NQ/TW) are kept.
FIGURE_RE = re.compile(
    r"(?<![\d/])(?P<day>\d{1,2})/(?P<month>\d{1,2})(?:/(?P<dy>(?:19|20)\d\d))?(?![\d/])"
    r"|(?<![\d/.,])(?P<year>(?:19[5-9]|20[0-3])\d)(?![\d/%]|[.,]\d)"
    r"|(?<![\d/.,\w-])(?P<num>\d{1,3}(?:\.\d{3})+|\d+)(?P<pct>%?)(?![\d/\w-])"
)
DATELINE_FORMATS = (
    "{wd}, {d:02d}/{m:02d}/{y} - {H:02d}:{M:02d}",
    "{d:02d}/{m:02d}/{y} {H:02d}:{M:02d}",
    "Cập nhật: {H:02d}:{M:02d} ngày {d:02d}/{m:02d}/{y}",
    "Ngày {d} tháng {m} năm {y}",
    "{H:02d}:{M:02d} | {d:02d}/{m:02d}/{y}",
    "{wd}, ngày {d:02d}/{m:02d}/{y}, {H:02d}:{M:02d} (GMT+7)",
    "Đăng lúc: {d:02d}-{m:02d}-{y} {H:02d}:{M:02d}",
)


@dataclass
class Template:
    """One labelled source: its furniture before the title and after the story."""
    header: list[str] = field(default_factory=list)
    footer: list[str] = field(default_factory=list)
    share: list[str] = field(default_factory=list)


@dataclass
class Pools:
    story: dict[str, list[str]]
    templates: list[Template]


def _labelled(path: Path) -> list[tuple[str, str]]:
    """(role, text) per line of a labels file (`line_no<TAB>role<TAB>text` or `role<TAB>text`)."""
    out = []
    for row in path.read_text(encoding="utf-8").splitlines():
        parts = row.split("\t")
        if len(parts) >= 3 and parts[0].isdigit():
            out.append((parts[1], parts[2]))
        elif len(parts) == 2:
            out.append((parts[0], parts[1]))
    return out


def _sources() -> list[Path]:
    seeds = [SEED_LABELS / f"{p.stem}.tsv" for p in sorted(SEED_TEXTS.glob("*.txt"))]
    portals = [p for p in sorted(PORTALS.glob("*.tsv")) if p.name.endswith((".roles.tsv", ".units.tsv"))]
    return [p for p in seeds + portals if p.exists()]


@cache
def pools() -> Pools:
    story: dict[str, list[str]] = {r: [] for r in STORY}
    templates: list[Template] = []
    for path in _sources():
        rows = [(r, t.strip()) for r, t in _labelled(path) if t.strip()]
        t = Template()
        seen_title = seen_story_end = False
        for role, text in rows:
            if role in story:
                story[role].append(text)
                seen_title = seen_title or role == "title"
                seen_story_end = role == "byline" or seen_story_end
            elif role == "share_prompt":
                t.share.append(text)
            elif not seen_title and role in HEADER_ROLES:
                t.header.append(text)
            elif seen_title and role not in ("dateline", "source_credit", "duplicate"):
                t.footer.append(text)
        templates.append(t)
    if not story["body"] or not story["title"]:
        raise FileNotFoundError("no labelled seeds/fixtures found under raw/ and tests/")
    return Pools({r: list(dict.fromkeys(v)) for r, v in story.items()}, templates)


def _person(rng: random.Random) -> str:
    from bantin.vi.names import COMMON_SURNAMES

    return " ".join((rng.choice(sorted(COMMON_SURNAMES)), rng.choice(MIDDLE), rng.choice(GIVEN)))


@cache
def _name_re() -> re.Pattern:
    from bantin.vi.names import CAP_SYL, COMMON_SURNAMES

    surnames = "|".join(sorted(COMMON_SURNAMES, key=len, reverse=True))
    return re.compile(rf"(?<![\w.])(?:{surnames})(?:[ ]{CAP_SYL}){{1,2}}(?![\w])")


@cache
def _province_re() -> re.Pattern:
    from bantin.vi.gazetteer import PROVINCES

    return re.compile(r"(?<!\w)(" + "|".join(sorted(map(re.escape, PROVINCES), key=len, reverse=True)) + r")(?!\w)")


class Rewriter:
    """Per-article consistent rewrites: one person for one name, one province for one province."""

    def __init__(self, rng: random.Random, day: date):
        from bantin.vi.gazetteer import PROVINCES

        self.rng, self.day = rng, day
        self.people: dict[str, str] = {}
        self.places: dict[str, str] = {}
        self.provinces = PROVINCES

    def _figure(self, m: re.Match) -> str:
        if m.group("day"):  # a date shortly before the article's own day
            d = self.day - timedelta(days=self.rng.randint(0, 40))
            return f"{d.day}/{d.month}/{d.year}" if m.group("dy") else f"{d.day}/{d.month}"
        if m.group("year"):
            return str(min(int(m.group("year")) + self.day.year - SOURCE_YEAR, self.day.year))
        digits = m.group("num").replace(".", "")
        if m.group("pct"):
            return f"{self.rng.randint(1, 100)}%"
        if len(digits) == 1:
            return str(self.rng.randint(1, 9))
        n = self.rng.randint(10 ** (len(digits) - 1), 10 ** len(digits) - 1)
        return f"{n:,}".replace(",", ".") if "." in m.group("num") else str(n)

    def __call__(self, text: str) -> str:
        text = _name_re().sub(lambda m: self.people.setdefault(m.group(0), _person(self.rng)), text)
        text = _province_re().sub(lambda m: self.places.setdefault(m.group(1), self.rng.choice(self.provinces)), text)
        return FIGURE_RE.sub(self._figure, text)


def _dateline(rng: random.Random, day: date) -> str:
    fmt = rng.choice(DATELINE_FORMATS)
    return fmt.format(wd=WEEKDAYS[day.weekday()], d=day.day, m=day.month, y=day.year,
                      H=rng.randint(6, 22), M=rng.randint(0, 59))


def article(i: int, seed: int = 0) -> str:
    """The text of synthetic article i (deterministic in (seed, i))."""
    p = pools()
    rng = random.Random(f"bantin-synth:{seed}:{i}")
    day = FIRST + timedelta(days=rng.randint(0, (LAST - FIRST).days))
    rw = Rewriter(rng, day)
    t = rng.choice(p.templates)
    s = p.story
    lines: list[str] = list(t.header)
    lines.append(rw(rng.choice(s["title"])))
    if rng.random() < 0.9:
        lines.append(_dateline(rng, day))
    lines += t.share[:1]
    lines.append(rw(rng.choice(s["lead"])))
    body = rng.sample(s["body"], k=min(len(s["body"]), rng.randint(3, 9)))
    for j, para in enumerate(body):
        if j and s["subheading"] and rng.random() < 0.15:
            lines.append(rw(rng.choice(s["subheading"])))
        if s["caption"] and rng.random() < 0.2:
            if s["image_file"] and rng.random() < 0.5:
                lines.append(rng.choice(s["image_file"]))
            lines.append(rw(rng.choice(s["caption"])))
        lines.append(rw(para))
    if rng.random() < 0.85:
        lines.append(rw(rng.choice(s["byline"])) if rng.random() < 0.5 else _person(rng))
    lines += t.footer
    return "\n\n".join(lines) + "\n"


def path_for(dest: Path, i: int) -> Path:
    return dest / f"{i // PER_DIR:03d}" / f"a{i:07d}.txt"


def generate(n: int, dest: Path, seed: int = 0, *, start: int = 0) -> list[Path]:
    """Write articles start..start+n-1 under `dest` (PER_DIR files per subdirectory)."""
    out = []
    for i in range(start, start + n):
        path = path_for(dest, i)
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(article(i, seed), encoding="utf-8")
        out.append(path)
    return out
