"""The articles table: one row per article that passed ingest, cleaning and validation.

Raw document fields (`source_file`, `content_sha256`, `raw_text`) are kept apart from derived
attributes (everything the cleaning and extraction stages add), as dolma does.
"""
import pyarrow as pa

from schemas._base import STR_LIST, TIMESTAMP, TZ, Column, Table

DAMAGED_WORD = pa.struct(
    [
        pa.field("word", pa.string()),
        pa.field("candidate", pa.string()),
        pa.field("line_no", pa.int32()),
    ]
)

ARTICLES = Table(
    name="articles",
    description="One row per article: cleaned body, extracted fields, text statistics and lineage.",
    key=("article_id",),
    columns=(
        Column("article_id", pa.string(), "Stable id: first 16 hex digits of content_sha256.", False, "e6de8c14b1126a16"),
        Column("source_file", pa.string(), "Path of the input file, relative to the raw directory.", False, "000_e6de8c14b1126a16.txt"),
        Column("content_sha256", pa.string(), "SHA-256 of the input file's bytes.", False),
        Column("aliases", STR_LIST, "Other input files with the same normalised text (exact duplicates)."),
        Column("size_bytes", pa.int64(), "Size of the input file in bytes.", False),
        Column("mtime", TIMESTAMP, "Modification time of the input file (UTC)."),
        Column("encoding", pa.string(), "Encoding the input was decoded from.", False, "utf-8"),
        Column("repairs", STR_LIST, "Text repairs applied (nfc, nbsp, zero_width, tone_marks, mojibake, ...)."),
        Column("title", pa.string(), "Headline of the article.", True),
        Column("section", pa.string(), "Site section label found where a title would stand.", True, "Chỉ đạo, điều hành"),
        Column("published_date", pa.date32(), "Publication (or event) date; null when no evidence.", True, "2023-01-30"),
        Column("published_at", pa.timestamp("us", tz=TZ),
               "Publication time when a dateline gives it, in Vietnam's time zone (Asia/Ho_Chi_Minh, UTC+7).", True),
        Column("date_source", pa.string(),
               "Where published_date came from: dateline (the page's own date line), body (a date in the lead or "
               "the text), photo_filename (a lead date without a year, the year read from a camera file name "
               "such as IMG_20201111_0900.jpg on the page); null when there is no date.", True, "dateline"),
        Column("event_dates", pa.list_(pa.date32()), "Dates of events named in the text, resolved with a year."),
        Column("outlet", pa.string(), "Canonical name of the outlet the text names as publisher or source of the "
               "story (dateline tag, source credit, a byline's outlet such as /TTXVN, masthead); a republishing site is not it.", True),
        Column("outlet_evidence", pa.string(), "Text that identified the outlet (domain, prefix, credit line).", True, "nbtv.vn"),
        Column("authors", STR_LIST, "Authors from the byline."),
        Column("photographers", STR_LIST, "Photographers from photo credits."),
        Column("provinces", STR_LIST, "Provinces named, canonical pre-July-2025 names (63 units).", True, "['Quảng Bình']"),
        Column("provinces_2025", STR_LIST, "Provinces after the 1 July 2025 merger (34 units)."),
        Column("localities", STR_LIST, "Districts, communes, wards named (with their unit type)."),
        Column("body", pa.string(), "Cleaned text: lead, body and subheading lines, paragraphs separated by a blank line.", False),
        Column("captions", STR_LIST, "Photo captions, in order, without duplicates."),
        Column("damaged_words", pa.list_(DAMAGED_WORD), "Invalid Vietnamese syllables with a repair candidate when clear."),
        Column("language", pa.string(), "Detected language of the body (vi, en, unknown).", True, "vi"),
        Column("near_duplicate_of", pa.string(), "article_id of an earlier near-duplicate (MinHash/LSH), if any.", True),
        Column("n_chars", pa.int32(), "Characters in body.", False),
        Column("n_words", pa.int32(), "Words in body (underthesea word_tokenize, punctuation excluded).", False),
        Column("n_sentences", pa.int32(), "Sentences in body.", False),
        Column("n_paragraphs", pa.int32(), "Paragraphs in body.", False),
        Column("raw_text", pa.string(), "The decoded input text, unchanged.", False),
        Column("pipeline_version", pa.string(), "Version of code and rules that produced the row.", False),
        Column("run_id", pa.string(), "Prefect flow run id that produced the row.", True),
        Column("processed_at", TIMESTAMP, "When the row was produced (UTC).", False),
    ),
)
