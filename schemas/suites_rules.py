"""Hand-written expectations per table (the derived ones are in schemas/suites.py).

Regexes here are checked by two engines (polars/Rust `regex` for row failures, Python `re` in GE),
so they use only the common subset: literals, classes, anchors, `{m,n}`; no look-around.
"""
from __future__ import annotations

from datetime import date

from schemas.expectations import ExpectationSpec as Spec
from schemas.expectations import Runtime
from schemas.lines import ROLES
from schemas.quarantine import STAGES
from schemas.state import OUTCOMES

ARTICLE_ID_REGEX = r"^[0-9a-f]{16}$"
SHA256_REGEX = r"^[0-9a-f]{64}$"
#: Symbols are normalised as number, separator, rest: 28-NQ/TW, 249-KL/TU, 05/2020/NĐ-CP.
SYMBOL_REGEX = r"^[0-9]+[/-].+$"
REPLACEMENT_CHAR = "\ufffd"
EARLIEST_DATE = date(1945, 1, 1)  # the oldest press the project covers: after the August Revolution

#: Page furniture that must never survive cleaning into `body`. Each is UI text of a news portal
#: (comment boxes, share buttons, pagers, loaders, video-frame file names), in Vietnamese or the
#: English of untranslated CMS templates. An independent check of the cleaner, not a copy of it.
BOILERPLATE_PATTERNS = (
    r"BÌNH LUẬN",
    r"Loading\.\.\.",
    r"Please enter your",
    r"Chia sẻ bài viết",
    r"Newer news items",
    r"Older news items",
    r"vlcsnap-",
    r"Gửi bình luận",
    r"Leave a (?:reply|comment)",
)

DATE_SOURCES = ("dateline", "body", "photo_filename")  # null: no date
LANGUAGES = ("vi", "en", "unknown")
SPLITS = ("line", "sentence")
ORG_KINDS = ("party", "state", "security", "military", "mass_org", "committee", "other")
ACRONYM_SOURCES = ("in_text", "dictionary")
#: Vietnamese legal and party document types (Law 80/2015/QH13 art. 4, party rules, admin usage).
DOC_TYPES = (
    "Hiến pháp", "Bộ luật", "Luật", "Pháp lệnh", "Lệnh", "Nghị quyết", "Nghị quyết liên tịch", "Nghị định",
    "Quyết định", "Chỉ thị", "Thông tư", "Thông tư liên tịch", "Kết luận", "Kế hoạch", "Chương trình",
    "Chương trình hành động", "Chiến lược", "Đề án", "Quy định", "Quy chế", "Hướng dẫn", "Thông báo",
    "Công văn", "Công điện", "Báo cáo", "Tờ trình", "Điều lệ", "Văn bản",
)


def _in_article_ids(table: str) -> Spec:
    return Spec("ExpectColumnValuesToBeInSet", {"column": "article_id", "value_set": Runtime("article_ids")},
                f"{table}.article_id refers to an article in articles", row_level=True)


def _in_set(table: str, column: str, values, what: str | None = None) -> Spec:
    return Spec("ExpectColumnValuesToBeInSet", {"column": column, "value_set": list(values)},
                f"{table}.{column} is one of {what or ', '.join(values)}", row_level=True)


RULES: dict[str, tuple[Spec, ...]] = {
    "articles": (
        Spec("ExpectColumnValuesToMatchRegex", {"column": "article_id", "regex": ARTICLE_ID_REGEX},
             "articles.article_id is 16 lowercase hex digits", row_level=True),
        Spec("ExpectColumnValuesToMatchRegex", {"column": "content_sha256", "regex": SHA256_REGEX},
             "articles.content_sha256 is 64 lowercase hex digits", row_level=True),
        Spec("ExpectColumnValuesToBeBetween",
             {"column": "published_date", "min_value": EARLIEST_DATE, "max_value": Runtime("tomorrow")},
             "articles.published_date is between 1945-01-01 and tomorrow", row_level=True),
        Spec("ExpectColumnValuesToBeBetween", {"column": "n_words", "min_value": 1},
             "articles.n_words > 0", row_level=True),
        Spec("ExpectColumnValuesToBeBetween", {"column": "n_chars", "min_value": 1},
             "articles.n_chars > 0", row_level=True),
        Spec("ExpectColumnValuesToNotMatchRegexList", {"column": "body", "regex_list": list(BOILERPLATE_PATTERNS)},
             "articles.body contains no boilerplate (comment boxes, share buttons, pagers, loaders)", row_level=True),
        Spec("ExpectColumnValuesToNotMatchRegex", {"column": "body", "regex": REPLACEMENT_CHAR},
             "articles.body has no replacement character U+FFFD", row_level=True),
        Spec("ExpectColumnValuesToNotMatchRegex", {"column": "title", "regex": REPLACEMENT_CHAR},
             "articles.title has no replacement character U+FFFD", row_level=True),
        _in_set("articles", "date_source", DATE_SOURCES),
        _in_set("articles", "language", LANGUAGES),
        Spec("ExpectColumnValuesToMatchRegex", {"column": "near_duplicate_of", "regex": ARTICLE_ID_REGEX},
             "articles.near_duplicate_of is an article id", row_level=True),
        Spec("ExpectColumnValuesToBeInSet", {"column": "provinces", "value_set": Runtime("provinces")},
             "articles.provinces are in the gazetteer (63 pre-2025 provinces)", row_level=True, each=True),
        Spec("ExpectColumnValuesToBeInSet", {"column": "provinces_2025", "value_set": Runtime("provinces_2025")},
             "articles.provinces_2025 are in the gazetteer (34 post-2025 provinces)", row_level=True, each=True),
    ),
    "lines": (
        _in_article_ids("lines"),
        _in_set("lines", "role", ROLES, "the line roles in schemas.lines.ROLES"),
        _in_set("lines", "split", SPLITS),
        Spec("ExpectColumnValuesToBeBetween", {"column": "line_no", "min_value": 0},
             "lines.line_no >= 0", row_level=True),
    ),
    "people": (_in_article_ids("people"),),
    "organisations": (
        _in_article_ids("organisations"),
        _in_set("organisations", "kind", ORG_KINDS),
        Spec("ExpectColumnValuesToBeBetween", {"column": "mentions", "min_value": 1},
             "organisations.mentions >= 1", row_level=True),
    ),
    "legal_refs": (
        _in_article_ids("legal_refs"),
        _in_set("legal_refs", "doc_type", DOC_TYPES, "a known document type"),
        Spec("ExpectColumnValuesToMatchRegex", {"column": "symbol", "regex": SYMBOL_REGEX},
             "legal_refs.symbol is number, '-' or '/', rest (e.g. 28-NQ/TW)", row_level=True),
        Spec("ExpectColumnValuesToBeInSet", {"column": "issuer_name", "value_set": Runtime("issuer_names")},
             "legal_refs.issuer_name is a name of bantin/extract/issuers.py", row_level=True),
    ),
    "quantities": (
        _in_article_ids("quantities"),
        Spec("ExpectColumnValuesToBeInSet", {"column": "unit", "value_set": Runtime("units")},
             "quantities.unit is a unit of measure of bantin/extract/measures.py", row_level=True),
        # Finite: the bounds reject +-inf; NaN is rejected as null (GE/pandas) or explicitly (row check).
        Spec("ExpectColumnValuesToBeBetween", {"column": "value", "min_value": -1e18, "max_value": 1e18},
             "quantities.value is a finite number", row_level=True),
    ),
    "periods": (
        _in_article_ids("periods"),
        Spec("ExpectColumnPairValuesAToBeGreaterThanB",
             {"column_A": "end_year", "column_B": "start_year", "or_equal": True},
             "periods.start_year <= end_year", row_level=True),
        Spec("ExpectColumnValuesToBeBetween", {"column": "start_year", "min_value": 1800, "max_value": 2200},
             "periods.start_year is between 1800 and 2200", row_level=True),
    ),
    "acronyms": (
        _in_article_ids("acronyms"),
        _in_set("acronyms", "source", ACRONYM_SOURCES),
    ),
    "quarantine": (
        Spec("ExpectColumnValuesToBeInSet", {"column": "stage", "value_set": list(STAGES)},
             f"quarantine.stage is one of {', '.join(STAGES)}"),
        Spec("ExpectColumnValuesToMatchRegex", {"column": "content_sha256", "regex": SHA256_REGEX},
             "quarantine.content_sha256 is 64 lowercase hex digits when known"),
    ),
    "state": (
        Spec("ExpectColumnValuesToBeInSet", {"column": "outcome", "value_set": list(OUTCOMES)},
             f"state.outcome is one of {', '.join(OUTCOMES)}"),
    ),
}
