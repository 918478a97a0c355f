"""Clean stage on the seeds and on crafted inputs."""
from __future__ import annotations

import hashlib
from pathlib import Path

import pytest
from locations import RAW

from bantin.clean.document import CorpusFacts, clean
from bantin.clean.repair import fingerprint
from bantin.clean.repeats import corpus_repeats
from bantin.clean.units import reconstruct
from bantin.records import DamagedWord, RawDoc
from schemas.lines import KEPT_ROLES

SEEDS = sorted(RAW.glob("*.txt"))
FURNITURE = ("BÌNH LUẬN", "Loading...", "Please enter", "Chia sẻ bài viết", "Newer news items", "vlcsnap",
             "Written by", "Nguồn:", "Bài, ảnh:", "30/01/2023 - 05:30")


def _raw(text: str, name: str = "x.txt", repairs: tuple[str, ...] = ()) -> RawDoc:
    sha = hashlib.sha256(text.encode()).hexdigest()
    return RawDoc(source_file=name, content_sha256=sha, size_bytes=len(text.encode()), mtime=None,
                  text=text, repairs=repairs)


def _seed(prefix: str) -> RawDoc:
    path = next(p for p in SEEDS if p.name.startswith(prefix))
    return _raw(path.read_text(encoding="utf-8"), path.name)


@pytest.mark.parametrize("path", SEEDS, ids=lambda p: p.name[:3])
def test_seed_body_has_no_furniture_and_raw_is_kept(path: Path) -> None:
    raw = _raw(path.read_text(encoding="utf-8"), path.name)
    doc = clean(raw)
    assert doc.raw is raw and reconstruct(list(doc.lines)) == raw.text
    assert not any(f in doc.body for f in FURNITURE)
    assert doc.body and "\n\n\n" not in doc.body and doc.body == doc.body.strip()
    # one paragraph per raw line that keeps a unit (its sentences joined again)
    assert len(doc.body.split("\n\n")) == len({d.raw_line for d in doc.lines if d.role in KEPT_ROLES and d.clean_text})


def test_seed_002_title_captions_and_repairs() -> None:
    doc = clean(_seed("002"))
    assert doc.title == "Triển khai phong trào toàn dân bảo vệ an ninh Tổ quốc năm 2020"
    assert doc.captions == ("Trưởng ban Chỉ đạo 138 tỉnh trao Cơ Thi đua của Chủ tịch UBND tỉnh cho các đơn vị",)
    assert doc.body.startswith("(*) – Ngày 26/02/2020")  # outlet prefix stays in the lead
    assert doc.body.count("Triển khai phong trào toàn dân bảo vệ an ninh Tổ quốc năm 2020") == 0
    assert doc.repairs == ("nbsp", "trailing_space")


def test_seed_001_section_no_title_and_damaged_words() -> None:
    doc = clean(_seed("001"))
    assert (doc.title, doc.section) == (None, "Chỉ đạo, điều hành")
    assert doc.damaged_words == (DamagedWord("Chp", "Chấp", 2), DamagedWord("Đng", "Đảng", 2))
    assert "Ban Chp hành" in doc.raw.text  # raw text is never changed


def test_seed_004_duplicate_caption_kept_once() -> None:
    doc = clean(_seed("004"))
    assert doc.captions == ("Bí thư Thành ủy Nguyễn Văn Tuấn trao giấy khen cho các cá nhân triêu biểu trong "
                            "thực hiện Nghị quyết số 08-NQ/TU.",)
    assert doc.texts("subheading") == ["Tăng cường sự lãnh đạo của Đảng",
                                       "Xây dựng thế trận quốc phòng toàn dân vững chắc"]


def test_seed_003_captions_deduped_in_order_and_tone_marks_repaired() -> None:
    doc = clean(_seed("003"))
    assert [c.startswith(("Quang cảnh", "Ông", "Trao")) for c in doc.captions] == [True] * 3
    assert all(c.endswith("Ảnh: Trần Liêm") for c in doc.captions)
    assert doc.title == "Tỉnh ủy Tiền Giang tổng kết Chỉ thị về công tác đảm bảo an ninh, trật tự"
    assert "tone_marks" in doc.repairs and "Ủy viên" in doc.body


def test_repairs_union_keeps_ingest_repairs_first() -> None:
    doc = clean(_raw("Tiêu đề của bài viết thử nghiệm\nTỉnh uỷ họp.", repairs=("bom",)))
    assert doc.repairs == ("bom", "tone_marks")


def test_repeated_fingerprints_are_passed_through() -> None:
    text = "Tiêu đề của bài viết thử nghiệm\nNgày 5/3, hội nghị tổng kết đã diễn ra tại tỉnh.\nĐường dây nóng: 1900"
    doc = clean(_raw(text), CorpusFacts(repeated=frozenset({fingerprint("Đường dây nóng: 1900")})))
    assert doc.lines[2].rule == "corpus.repeated" and "Đường dây nóng" not in doc.body


def test_seeds_with_corpus_repeats_lose_no_body_line() -> None:
    raws = [_raw(p.read_text(encoding="utf-8"), p.name) for p in SEEDS]
    reps = corpus_repeats([r.text for r in raws], min_docs=2)
    for raw in raws:
        assert clean(raw, CorpusFacts(repeated=reps)).body == clean(raw).body
