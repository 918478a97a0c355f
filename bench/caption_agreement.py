"""How far two readers agree on which text is a caption, and how far the cleaner is from them.

    python bench/caption_agreement.py        # print the figures, write bench/results/caption_agreement.json

Why: most captions the cleaner misses carry no marker (no `Ảnh:` credit, no photo word); they are
one sentence between two paragraphs. If a second careful reader could not find them either, the
gold's caption spans would ask for more than the text holds. So a second reader, who had seen
neither the rules nor the gold, marked every caption of 42 gold articles (7 per folder, drawn
with a fixed seed): bench/agreement/second_reader_captions.jsonl (caption texts only, each with
the reader's confidence).

Figures:
- gold captions the second reader also marked (>= half of their non-space characters), split
  into captions with a marker and bare ones;
- the second reader's captions that lie in gold captions, by confidence;
- of the bare captions both readers mark, how many the cleaner removes (>= 90% of their
  characters, as the real-corpus evaluation counts a removed span).
"""
from __future__ import annotations

import json
import re
import sys
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bantin.build.corpus import corpus_context  # noqa: E402
from bantin.clean import document  # noqa: E402
from bantin.eval import realclean, realgold  # noqa: E402
from bantin.ingest import files as ingest  # noqa: E402
from bantin.settings import DEFAULT_MAX_BYTES, Settings  # noqa: E402
from schemas.lines import KEPT_ROLES  # noqa: E402

READER = ROOT / "bench" / "agreement" / "second_reader_captions.jsonl"
RESULTS = ROOT / "bench" / "results" / "caption_agreement.json"
# What makes a caption visible without reading it: a credit or a photo word.
MARKER_RE = re.compile(r"(?i)\b(?:ảnh|hình|clip|video|nguồn)\s*[:(]|\(ảnh|ảnh minh h|\bảnh\b|từ trái")
AGREE_SHARE = 0.5


def _occurrence(raw: str, text: str, n: int) -> int:
    pos = -1
    for _ in range(n):
        pos = raw.find(text, pos + 1)
        if pos < 0:
            raise ValueError(f"not in the article: {text[:60]!r}")
    return pos


def _removed_mask(raw: str, scanned, facts) -> list[bool]:
    """Per raw character: did the cleaner remove it (or take it for the title)?"""
    doc = document.clean(ingest.load(scanned), facts)
    removed = [False] * len(raw)
    for a, b, role, _ in realclean.predicted_units(raw, doc):
        if role not in KEPT_ROLES:  # removed, or taken for the title
            removed[a:b] = [True] * (b - a)
    return removed


def main() -> int:
    rows = [json.loads(line) for line in READER.read_text(encoding="utf-8").splitlines() if line.strip()]
    folders = sorted({r["folder"] for r in rows})
    records = {r.file: r for r in realgold.load_records(folders)}
    facts, scanned = {}, {}
    for folder in folders:
        files = ingest.scan(realgold.CORPUS_DIR / folder).files
        scanned.update((f.source_file, f) for f in files)
        facts[folder] = corpus_context(list(files), min_docs=Settings().boilerplate_min_docs,
                                       max_bytes=DEFAULT_MAX_BYTES).facts
    counts: Counter = Counter()
    by_folder: dict[str, Counter] = defaultdict(Counter)
    for row in rows:
        record = records[row["file"]]
        raw = realgold.read_raw(record, realgold.CORPUS_DIR)
        marked = [False] * len(raw)
        for c in row["captions"]:
            a = _occurrence(raw, c["text"], c["n"])
            marked[a:a + len(c["text"])] = [True] * len(c["text"])
        gold_caption = [False] * len(raw)
        for s in record.spans:
            if s.role == "caption":
                gold_caption[s.start:s.end] = [True] * (s.end - s.start)
        removed = _removed_mask(raw, scanned[row["file"]], facts[row["folder"]])
        for s in record.spans:
            chars = [i for i in range(s.start, s.end) if not realclean.is_space(raw[i])]
            if s.role != "caption" or not chars:
                continue
            kind = "marked" if MARKER_RE.search(raw[s.start:s.end]) else "bare"
            agreed = sum(marked[i] for i in chars) >= AGREE_SHARE * len(chars)
            counts[f"gold_{kind}"] += 1
            counts[f"gold_{kind}_agreed"] += agreed
            by_folder[row["folder"]][f"gold_{kind}"] += 1
            by_folder[row["folder"]][f"gold_{kind}_agreed"] += agreed
            if agreed and kind == "bare":
                hit = sum(removed[i] for i in chars) >= realclean.REMOVED_SHARE * len(chars)
                counts["bare_agreed_removed"] += hit
                by_folder[row["folder"]]["bare_agreed_removed"] += hit
        for c in row["captions"]:
            a = _occurrence(raw, c["text"], c["n"])
            chars = [i for i in range(a, a + len(c["text"])) if not realclean.is_space(raw[i])]
            inside = sum(gold_caption[i] for i in chars) >= AGREE_SHARE * len(chars)
            counts[f"reader_{c['confidence']}"] += 1
            counts[f"reader_{c['confidence']}_in_gold"] += inside
    report = {"articles": len(rows), "counts": dict(sorted(counts.items())),
              "by_folder": {f: dict(sorted(c.items())) for f, c in sorted(by_folder.items())}}

    def share(a: str, b: str) -> str:
        return f"{counts[a]}/{counts[b]} = {counts[a] / counts[b]:.2f}" if counts[b] else "-"

    print(f"{len(rows)} articles")
    print("gold captions the second reader marks: marked", share("gold_marked_agreed", "gold_marked"),
          "| bare", share("gold_bare_agreed", "gold_bare"))
    for conf in ("sure", "likely", "unsure"):
        print(f"second reader's {conf} captions inside gold captions:", share(f"reader_{conf}_in_gold", f"reader_{conf}"))
    print("bare captions both readers mark, removed by the cleaner:", share("bare_agreed_removed", "gold_bare_agreed"))
    RESULTS.write_text(json.dumps(report, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
