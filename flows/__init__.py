"""bantin: an ETL pipeline for Vietnamese provincial news articles.

Layout: `pipeline.py` and `tasks.py` are the only Prefect-aware modules; `stages/` holds the pure
stage functions (ingest, clean, extract, process, validate, write); `text/` the text rules;
`nlp.py` is the one adapter around underthesea; `schemas/` (top level) declares every table.
"""
__version__ = "0.1.0"
