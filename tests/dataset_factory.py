"""A small, hand-made dataset in the published layout, for tests of the card, charts, CLI and queries.

Why hand-made: those consumers must be testable without running the NLP pipeline, and a crafted
corpus lets a test assert exact answers (two Bến Tre articles cite 08-NQ/TU; 1200 recruits were
reported in Tiền Giang in November 2019). Built through `schemas.TABLES[...].from_rows` and
published with the real `snapshot.publish`, so the layout (snapshot, symlinks, JSONL) is the real one.
"""
from __future__ import annotations

import atexit
import shutil
import tempfile
from datetime import date, datetime, timezone
from functools import lru_cache
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
from locations import RAW

import schemas
from bantin import runner
from bantin.build.finalise import write_jsonl
from bantin.publish import snapshot
from bantin.settings import Settings

NOW = datetime(2025, 1, 2, 3, 4, 5, tzinfo=timezone.utc)
VERSION = "0.1.0+test"
BT1, BT2, TG, HB = "aaaa000000000001", "aaaa000000000002", "bbbb000000000003", "cccc000000000004"


def _article(aid: str, **kw) -> dict:
    body = kw.pop("body", "Nội dung bài viết.")
    row = {
        "article_id": aid, "source_file": f"{aid}.txt", "content_sha256": aid * 4, "size_bytes": 1000,
        "mtime": NOW, "encoding": "utf-8", "date_source": "dateline" if kw.get("published_date") else None,
        "body": body, "n_chars": len(body), "n_words": len(body.split()), "n_sentences": 1,
        "n_paragraphs": 1, "raw_text": body, "pipeline_version": VERSION, "processed_at": NOW,
        "language": "vi",
    }
    row.update(kw)
    return row


ARTICLES = [
    _article(BT1, title="TP. Bến Tre thực hiện chiến lược bảo vệ an ninh quốc gia",
             published_date=date(2023, 1, 30), outlet="Báo Đồng Khởi", outlet_evidence="BDK",
             authors=["Hữu Hiệp"], provinces=["Bến Tre"], provinces_2025=["Vĩnh Long"],
             body="Thực hiện Nghị quyết số 08-NQ/TU về bảo vệ an ninh quốc gia.\n\nBí thư Thành ủy Nguyễn Văn Tuấn trao giấy khen."),
    _article(BT2, title="Bến Tre tuyên truyền pháp luật", published_date=date(2023, 3, 5),
             outlet="Báo Đồng Khởi", provinces=["Bến Tre"], provinces_2025=["Vĩnh Long"], authors=[],
             body="Tổ chức 35 buổi tuyên truyền theo Nghị quyết số 08-NQ/TU."),
    _article(TG, title="Tỉnh ủy Tiền Giang tổng kết Chỉ thị 48", published_date=date(2019, 11, 11),
             outlet="Truyền hình Tiền Giang", provinces=["Tiền Giang"], provinces_2025=["Đồng Tháp"],
             body="Đến dự có ông Nguyễn Văn Danh, Bí thư Tỉnh ủy. Năm 2019 có 1.200 công dân nhập ngũ."),
    _article(HB, title="Hòa Bình sơ kết Chương trình hành động", published_date=None, outlet=None,
             provinces=["Hòa Bình"], provinces_2025=["Phú Thọ"], section="Chỉ đạo, điều hành",
             body="Thực hiện Nghị quyết số 28-NQ/TW. Tuyển 800 công dân nhập ngũ."),
]
PEOPLE = [
    {"article_id": BT1, "name": "Nguyễn Văn Tuấn", "posts": ["Bí thư Thành ủy"], "honorific": None},
    {"article_id": BT1, "name": "Võ Thanh Hồng", "posts": ["Phó bí thư Thường trực Thành ủy"]},
    {"article_id": TG, "name": "Nguyễn Văn Danh", "posts": ["Bí thư Tỉnh ủy", "Chủ tịch HĐND tỉnh"], "honorific": "ông"},
    {"article_id": TG, "name": "Trần Văn Bình", "posts": [], "honorific": "ông"},
]
LEGAL = [
    {"article_id": BT1, "doc_type": "Nghị quyết", "number": "08", "symbol": "08-NQ/TU", "issuer": "TU",
     "issuer_name": "Tỉnh ủy", "mention": "Nghị quyết số 08-NQ/TU"},
    {"article_id": BT2, "doc_type": "Nghị quyết", "number": "08", "symbol": "08-NQ/TU", "issuer": "TU",
     "issuer_name": "Tỉnh ủy", "mention": "Nghị quyết số 08-NQ/TU"},
    {"article_id": TG, "doc_type": "Chỉ thị", "number": "48", "mention": "Chỉ thị 48"},
    {"article_id": TG, "doc_type": "Nghị quyết", "mention": "Nghị quyết"},
    {"article_id": HB, "doc_type": "Nghị quyết", "number": "28", "symbol": "28-NQ/TW", "issuer": "TW",
     "issuer_name": "Trung ương Đảng", "mention": "Nghị quyết số 28-NQ/TW"},
]
QUANTITIES = [
    {"article_id": BT2, "value": 35.0, "noun": "buổi tuyên truyền", "mention": "35 buổi tuyên truyền",
     "sentence": "Tổ chức 35 buổi tuyên truyền."},
    {"article_id": TG, "value": 1200.0, "noun": "công dân", "mention": "1.200 công dân",
     "sentence": "Năm 2019 có 1.200 công dân nhập ngũ."},
    {"article_id": HB, "value": 800.0, "noun": "công dân", "mention": "800 công dân",
     "sentence": "Tuyển 800 công dân nhập ngũ."},
    {"article_id": TG, "value": 2e9, "unit": "đồng", "mention": "2 tỷ đồng", "sentence": "Hỗ trợ 2 tỷ đồng."},
    {"article_id": TG, "value": 95.0, "unit": "%", "mention": "95%", "sentence": "Đạt 95% chỉ tiêu."},
]
LINES = [
    {"article_id": BT1, "line_no": 0, "raw_line": 0, "text": "Tiêu đề", "clean_text": "Tiêu đề", "role": "title", "rule": "context.title", "split": "line"},
    {"article_id": BT1, "line_no": 1, "raw_line": 1, "text": "", "clean_text": "", "role": "empty", "rule": "empty", "split": "line"},
    {"article_id": BT1, "line_no": 2, "raw_line": 2, "text": "Nội dung", "clean_text": "Nội dung", "role": "body", "rule": "default.body", "split": "line"},
    {"article_id": BT1, "line_no": 3, "raw_line": 3, "text": "Chia sẻ", "clean_text": "Chia sẻ", "role": "share_prompt", "rule": "line.share", "split": "line"},
    {"article_id": BT2, "line_no": 0, "raw_line": 0, "text": "Chia sẻ", "clean_text": "Chia sẻ", "role": "share_prompt", "rule": "line.share", "split": "line"},
    {"article_id": BT2, "line_no": 1, "raw_line": 1, "text": "Ảnh: H.H", "clean_text": "Ảnh: H.H", "role": "photo_credit", "rule": "line.photo_credit", "split": "line"},
]
QUARANTINE = [
    {"source_file": "empty.txt", "content_sha256": "e3b0c442", "stage": "ingest", "reason": "empty",
     "detail": "The file is empty.", "quarantined_at": NOW},
]
ROWS = {"articles": ARTICLES, "people": PEOPLE, "legal_refs": LEGAL, "quantities": QUANTITIES,
        "lines": LINES, "quarantine": QUARANTINE}


def build_tables(empty: bool = False) -> dict[str, pa.Table]:
    """Every table of schemas.TABLES; the crafted rows above (or none when `empty`)."""
    return {name: decl.from_rows([] if empty else ROWS.get(name, [])) for name, decl in schemas.TABLES.items()}


def summary(tables: dict[str, pa.Table]) -> dict:
    return {
        "snapshot_id": "20250102T030405000000Z-test", "pipeline_version": VERSION,
        "finished_at": NOW.isoformat(), "counts": {n: t.num_rows for n, t in tables.items()},
        "quarantine_reasons": {"empty": 1} if "quarantine" in tables and tables["quarantine"].num_rows else {},
        "validation": {"success": True, "suites": {"articles": True, "lines": True}},
    }


def write_built(tables: dict[str, pa.Table], built: Path) -> Path:
    """Write `tables` the way the build step leaves them for publishing: one Parquet file per
    table with its declared schema, and the articles as JSON Lines too (build.finalise's writer)."""
    built.mkdir(parents=True, exist_ok=True)
    for name, table in tables.items():
        pq.write_table(table.cast(schemas.TABLES[name].schema), built / f"{name}.parquet", compression="zstd")
        if name in snapshot.JSONL_TABLES:
            with open(built / f"{name}.jsonl", "wb") as fh:
                write_jsonl(table, fh)
    return built


def publish(out_dir: Path, tables: dict[str, pa.Table] | None = None,
            extra_files: dict[str, Path] | None = None) -> Path:
    """Publish `tables` (default: the crafted corpus) under out_dir through the real publisher."""
    tables = build_tables() if tables is None else tables
    s = summary(tables)
    built = write_built(tables, Path(tempfile.mkdtemp(prefix="bantin-built-")))
    return snapshot.publish(out_dir, built_dir=built, snapshot_id=s["snapshot_id"], manifest=s,
                            extra_files=extra_files)


@lru_cache(maxsize=1)
def seed_tables() -> dict[str, pa.Table]:
    """The tables a run makes from the five seeds in raw/, built by the real runner (every step,
    validation included, in this process), once per test session: the real output to test
    consumers on."""
    out = Path(tempfile.mkdtemp(prefix="bantin-seeds-"))
    atexit.register(shutil.rmtree, out, True)
    runner.run(Settings(raw_dir=RAW, out_dir=out))
    current = snapshot.current_snapshot(out)
    return {name: pq.read_table(current / f"{name}.parquet") for name in schemas.TABLES}
