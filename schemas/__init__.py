"""All output tables, declared once. See schemas/_base.py for why."""
from schemas._base import Column, Table
from schemas.articles import ARTICLES
from schemas.entities import ACRONYMS, LEGAL_REFS, ORGANISATIONS, PEOPLE, PERIODS, QUANTITIES
from schemas.lines import KEPT_ROLES, LINES, ROLES
from schemas.quarantine import QUARANTINE
from schemas.state import DEDUP_INDEX, DEDUP_INDEX_FILE, INPUT_FILES, STATE

#: Tables whose rows belong to one article (carried over, dropped and blamed by `article_id`).
ARTICLE_TABLES = ("articles", "lines", "people", "organisations", "legal_refs", "quantities", "periods", "acronyms")

TABLES: dict[str, Table] = {
    t.name: t
    for t in (ARTICLES, LINES, PEOPLE, ORGANISATIONS, LEGAL_REFS, QUANTITIES, PERIODS, ACRONYMS, QUARANTINE, STATE)
}

__all__ = [
    "ACRONYMS", "ARTICLES", "ARTICLE_TABLES", "DEDUP_INDEX", "DEDUP_INDEX_FILE", "INPUT_FILES", "KEPT_ROLES",
    "LEGAL_REFS", "LINES", "ORGANISATIONS", "PEOPLE",
    "PERIODS", "QUANTITIES", "QUARANTINE", "ROLES", "STATE", "TABLES", "Column", "Table",
]
