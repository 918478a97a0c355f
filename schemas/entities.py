"""Long tables of extracted entities, each keyed by article_id for joins to articles."""
import pyarrow as pa

from schemas._base import STR_LIST, Column, Table

_AID = Column("article_id", pa.string(), "Article the row was extracted from.", False)

PEOPLE = Table(
    name="people",
    description="People named in the story (not photo credits), with posts and honorific.",
    key=("article_id", "name"),
    columns=(
        _AID,
        Column("name", pa.string(), "Full name as written.", False, "Nguyễn Văn Danh"),
        Column("posts", STR_LIST, "Posts held, as written in the article.", True, "['Bí thư Tỉnh ủy']"),
        Column("honorific", pa.string(), "đồng chí, ông, bà, or null.", True, "ông"),
        Column("mention", pa.string(), "Text of the first mention.", True),
    ),
)

ORGANISATIONS = Table(
    name="organisations",
    description="Organisations named in the article.",
    key=("article_id", "name"),
    columns=(
        _AID,
        Column("name", pa.string(), "Name as written (normalised spacing).", False, "Ban Chỉ đạo 138"),
        Column("kind", pa.string(), "party, state, security, military, mass_org, committee, other.", True),
        Column("mentions", pa.int32(), "Number of mentions in the article.", False),
    ),
)

LEGAL_REFS = Table(
    name="legal_refs",
    description="References to legal and party documents.",
    key=("article_id", "mention"),
    columns=(
        _AID,
        Column("doc_type", pa.string(), "Nghị quyết, Chỉ thị, Kết luận, Kế hoạch, ...", False, "Nghị quyết"),
        Column("number", pa.string(), "Document number.", True, "28"),
        Column("symbol", pa.string(), "Normalised symbol, e.g. 28-NQ/TW.", True, "28-NQ/TW"),
        Column("issued_date", pa.date32(), "Date of issue when given.", True),
        Column("issuer", pa.string(), "Issuer code, from the symbol or the body named after the reference (TW, TU, "
               "CP, UBND, ...); its full name is issuer_name.", True, "TW"),
        Column("issuer_name", pa.string(), "Full name of the issuer (bantin/extract/issuers.py): TW -> Trung ương "
               "Đảng, or the Bộ Chính trị, Ban Bí thư or Ban Chấp hành Trung ương when the text names it; TU -> "
               "Tỉnh ủy; CP -> Chính phủ; QH -> Quốc hội; UBND -> Ủy ban nhân dân (level not given); BQP -> Bộ "
               "Quốc phòng; BCA -> Bộ Công an; ... Null when there is no issuer or its code is not in the table.",
               True, "Tỉnh ủy"),
        Column("mention", pa.string(), "Text of the mention.", False),
    ),
)

QUANTITIES = Table(
    name="quantities",
    description="Figures reported in the text, parsed from Vietnamese number format.",
    key=("article_id", "mention"),
    columns=(
        _AID,
        Column("value", pa.float64(), "Numeric value, scale words included (7.900 -> 7900; 1,5 triệu -> 1500000; "
               "4 tỷ đồng -> 4000000000).", False, "7900"),
        Column("unit", pa.string(), "Unit of measure: % (a rate), money (đồng, USD, EUR), mass (tấn, tạ, kg, g, mg) "
               "or volume (lít, ml, m³); null for a count of things (12 đối tượng). Add values up only within one "
               "unit, and counts within one noun.", True, "đồng"),
        Column("noun", pa.string(), "What is counted or measured, as written: 12 đối tượng -> đối tượng; 300 kg ma "
               "túy -> ma túy (unit kg); null when nothing is named after the unit (4 tỷ đồng, 35%).", True,
               "công dân"),
        Column("qualifier", pa.string(), "hơn, gần, khoảng, trên, ... or null.", True),
        Column("mention", pa.string(), "Text of the mention.", False),
        Column("sentence", pa.string(), "Sentence the figure came from.", False),
    ),
)

PERIODS = Table(
    name="periods",
    description="Periods named in the text (giai đoạn 2015 - 2020).",
    key=("article_id", "mention"),
    columns=(
        _AID,
        Column("start_year", pa.int32(), "First year.", False),
        Column("end_year", pa.int32(), "Last year.", False),
        Column("mention", pa.string(), "Text of the mention.", False),
    ),
)

ACRONYMS = Table(
    name="acronyms",
    description="Acronyms used in the article with their expansion.",
    key=("article_id", "acronym"),
    columns=(
        _AID,
        Column("acronym", pa.string(), "The acronym.", False, "ANTQ"),
        Column("expansion", pa.string(), "Its expansion.", True, "an ninh Tổ quốc"),
        Column("source", pa.string(), "in_text (defined in the article) or dictionary.", False),
    ),
)
