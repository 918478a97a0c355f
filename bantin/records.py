"""Typed records passed between stages. Pure data: no I/O, no Prefect.

Why: each stage boundary has one record type, so a stage can be tested alone on hand-built
inputs, and workers (processes or Dask) only exchange these picklable values.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime


@dataclass(frozen=True, slots=True)
class InputFile:
    """A file found under the raw directory, before decoding. (Slots: the flow holds one per
    input, 100,000 of them on a large corpus, and a slotted instance has no per-object dict.)"""

    path: str  # absolute path
    source_file: str  # relative POSIX path, the stable name users see
    size_bytes: int
    mtime: datetime | None
    content_sha256: str | None  # None when the file could not be read


@dataclass(frozen=True)
class RawDoc:
    """A decoded input. `text` is the decoded text with line endings normalised, nothing more."""

    source_file: str
    content_sha256: str
    size_bytes: int
    mtime: datetime | None
    text: str
    encoding: str = "utf-8"
    repairs: tuple[str, ...] = ()  # decoding repairs: bom, mojibake, utf16, ...

    @property
    def article_id(self) -> str:
        return self.content_sha256[:16]


@dataclass(frozen=True)
class LineDecision:
    """One unit of the raw text: a whole line, or a sentence or piece of one (see bantin.clean.units)."""

    line_no: int  # position of the unit among all units of the article
    text: str  # raw, unchanged
    clean_text: str  # repaired (NFC, spaces, tone marks)
    role: str
    rule: str
    split: str = "line"  # "line" (the whole raw line) or "sentence" (a piece of it)
    # index of the raw line (text.split('\n')) the unit is, or is part of; None in hand-built
    # decisions, where every unit is a raw line of its own
    raw_line: int | None = None


@dataclass(frozen=True)
class DamagedWord:
    word: str
    candidate: str | None
    line_no: int


@dataclass(frozen=True)
class CleanDoc:
    """Output of the clean stage: every line with its role, and the assembled text fields."""

    raw: RawDoc
    lines: tuple[LineDecision, ...]
    body: str
    title: str | None
    section: str | None
    captions: tuple[str, ...]
    repairs: tuple[str, ...]
    damaged_words: tuple[DamagedWord, ...] = ()

    def texts(self, *roles: str) -> list[str]:
        """Clean text of the lines with any of the given roles, in order."""
        return [ln.clean_text for ln in self.lines if ln.role in roles]


@dataclass(frozen=True, slots=True)
class Quarantined:
    """An input that did not become an article."""

    source_file: str
    content_sha256: str | None
    stage: str
    reason: str
    detail: str


@dataclass
class Extraction:
    """Fields and long-table rows extracted from one CleanDoc (article_id filled by the caller)."""

    fields: dict = field(default_factory=dict)  # article-level fields (see schemas/articles.py)
    people: list[dict] = field(default_factory=list)
    organisations: list[dict] = field(default_factory=list)
    legal_refs: list[dict] = field(default_factory=list)
    quantities: list[dict] = field(default_factory=list)
    periods: list[dict] = field(default_factory=list)
    acronyms: list[dict] = field(default_factory=list)


@dataclass(frozen=True)
class DateFinding:
    published_date: date | None
    published_at: datetime | None
    date_source: str | None  # dateline, body, photo_filename; None: no date
    event_dates: tuple[date, ...] = ()
