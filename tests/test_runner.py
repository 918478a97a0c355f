"""The run summary every consumer reads (manifest.json, the CLI table, the artifacts) accounts for
each input once and names the snapshot the same way on every run."""
from __future__ import annotations

import json
import shutil
from pathlib import Path

import pyarrow.parquet as pq
from locations import DEV_CORPUS, SEEDS

from bantin import progress, runner
from bantin.settings import Settings


class _Recording(progress.Quiet):
    """A display that records what the runner shows, and the progress reported per article."""

    def __init__(self) -> None:
        self.stages: list[str] = []
        self.counted: list[tuple[int, int]] = []  # (total, done when the process stage ended)

    def stage(self, name):
        self.stages.append(name)
        return super().stage(name)

    def articles(self, total, progress_dir):
        from contextlib import contextmanager

        @contextmanager
        def watch():
            yield
            self.counted.append((total, progress.done(progress_dir)))
        return watch()


def test_read_is_articles_plus_aliases_plus_quarantined_and_the_snapshot_is_absolute(tmp_path, monkeypatch):
    raw = tmp_path / "raw"
    raw.mkdir()
    shutil.copy2(SEEDS[0], raw / SEEDS[0].name)
    shutil.copy2(SEEDS[0], raw / "copy of the first seed.txt")  # an exact duplicate: an alias
    (raw / "empty.txt").write_bytes(b"")  # quarantined
    (raw / "notes.md").write_text("not an input")  # ignored
    monkeypatch.chdir(tmp_path)  # a relative --out, as `bantin run --out output` gives
    shown = _Recording()
    first = runner.run(Settings(raw_dir=Path("raw"), out_dir=Path("out")), display=shown).summary
    again = runner.run(Settings(raw_dir=Path("raw"), out_dir=Path("out"))).summary
    for s in (first, again):
        assert (s["inputs"], s["articles"], s["aliases"], s["quarantined"]) == (3, 1, 1, 1)
        assert Path(s["snapshot"]).is_absolute() and Path(s["snapshot"]).is_dir()
    assert again["changed"] is False and again["snapshot"] == first["snapshot"]
    manifest = json.loads((tmp_path / "out" / "manifest.json").read_text())
    assert manifest["inputs"] == manifest["articles"] + manifest["aliases"] + manifest["quarantined"] == 3
    assert first["ignored_files"] == 1
    # the display saw every stage, and each processed file was reported as it finished
    assert shown.stages == list(runner.STEPS)
    assert shown.counted == [(2, 2)]  # two files to process (the byte-identical copy is not), both reported
    assert manifest["quality_index"] == str(tmp_path / "out" / "quality" / "index.html")


def test_a_no_change_rerun_skips_the_corpus_pass_unless_its_settings_changed(tmp_path):
    """All inputs unchanged and the same corpus settings: the state's context keys are the pass's
    answer, so it is not run. A changed `boilerplate_min_docs` or headline threshold (or a snapshot
    that does not record the settings) runs it, and a changed file does too."""
    raw = tmp_path / "raw"
    raw.mkdir()
    for p in SEEDS[:3]:
        shutil.copy2(p, raw / p.name)
    out = tmp_path / "out"
    first = runner.run(Settings(raw_dir=raw, out_dir=out)).summary
    assert first["corpus_settings"] == {"boilerplate_min_docs": 3, "max_bytes": Settings().max_bytes,
                                        "headline_min_pages": 20, "headline_min_share": 0.5}
    again = runner.run(Settings(raw_dir=raw, out_dir=out)).summary
    assert again["changed"] is False and "corpus" not in again["timings"] and "scan" in again["timings"]
    fewer = runner.run(Settings(raw_dir=raw, out_dir=out, headline_min_pages=2)).summary  # the site test reads files
    assert "corpus" in fewer["timings"]
    other = runner.run(Settings(raw_dir=raw, out_dir=out, boilerplate_min_docs=2)).summary
    assert "corpus" in other["timings"]
    (raw / SEEDS[0].name).write_text(SEEDS[0].read_text(encoding="utf-8") + "\nThêm một dòng.", encoding="utf-8")
    changed = runner.run(Settings(raw_dir=raw, out_dir=out, boilerplate_min_docs=2)).summary
    assert "corpus" in changed["timings"] and changed["changed"] is True


def test_a_run_takes_no_title_on_a_folder_that_prints_none(tmp_path):
    """Real qdnd pages (that site scraped the story without its headline): in a folder of 20 of
    them, the page opening with a heading of its story gets no title; alone in a folder of too
    few pages to judge, the same page takes that heading for its title."""
    assert DEV_CORPUS.is_dir(), f"the development corpus must be at {DEV_CORPUS}"
    page = "qdnd-52184f030e.txt"
    others = sorted(p for p in (DEV_CORPUS / "qdnd_mourinhan8").glob("*.txt") if p.name != page)[:19]
    raw = tmp_path / "raw"
    (raw / "qdnd").mkdir(parents=True)
    (raw / "alone").mkdir()
    for p in [*others, DEV_CORPUS / "qdnd_mourinhan8" / page]:
        shutil.copy2(p, raw / "qdnd" / p.name)
    shutil.copy2(DEV_CORPUS / "qdnd_mourinhan8" / page, raw / "alone" / "copy.txt")
    (raw / "alone" / "copy.txt").write_text((raw / "alone" / "copy.txt").read_text(encoding="utf-8") + "\n.",
                                            encoding="utf-8")  # not byte-identical: its own article
    out = tmp_path / "out"
    runner.run(Settings(raw_dir=raw, out_dir=out))
    titles = dict(zip(*pq.read_table(out / "articles.parquet", columns=["source_file", "title"]).to_pydict().values()))
    assert titles[f"qdnd/{page}"] is None
    assert titles["alone/copy.txt"] == "Giá vàng trong nước hôm nay"
