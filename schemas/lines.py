"""The lines table: every raw line (or sentence of a flattened page) with its role and the rule
that decided it. It reproduces the raw text, so nothing cleaning drops is ever lost."""
import pyarrow as pa

from schemas._base import Column, Table

ROLES = (
    "title", "dateline", "lead", "body", "subheading", "caption", "byline", "photo_credit",
    "source_credit", "image_file", "counter", "comment_prompt", "share_prompt", "navigation",
    "ui_text", "duplicate", "empty", "section",
)
KEPT_ROLES = ("lead", "body", "subheading")

LINES = Table(
    name="lines",
    description=("Every unit of every article (a whole raw line, or a sentence or piece of one) with its "
                 "role and the rule that decided it."),
    key=("article_id", "line_no"),
    columns=(
        Column("article_id", pa.string(), "Article the line belongs to.", False),
        Column("line_no", pa.int32(), "0-based position of the unit among the article's units.", False),
        Column("raw_line", pa.int32(), "0-based number of the raw line (split on newlines) the unit is, or is "
               "part of; the units of one raw line, in order, concatenate to it.", False),
        Column("text", pa.string(), "Raw text of the unit, unchanged.", False),
        Column("clean_text", pa.string(), "Repaired text of the unit (NFC, spaces, tone marks).", False),
        Column("role", pa.string(), "One of: " + ", ".join(ROLES) + ".", False, "body"),
        Column("rule", pa.string(), "Id of the rule that gave the role.", False, "default.body"),
        Column("split", pa.string(), "How the unit was cut from the raw text: line (the whole raw line) or "
               "sentence (a sentence or piece of it).", False, "line"),
    ),
)
