"""Measure a blind set of real articles kept outside the repository, once, and store only its
aggregate figures.

    python bench/eval_new_blind.py --corpus DIR --gold DIR [--out bench/results/realcorpus_blind2.json]

Why a script and not `bantin eval --real`: the set's texts and gold live outside the repository
(and outside ../shared), so CI cannot read them and they must not become development data. The
figures are the same as `bantin eval --real` computes (bantin.eval.realcorpus), for every folder
under --gold; no per-article miss is printed or stored, so nobody tunes on them. The metadata
of such a folder is scored for dates only (its outlet and authors keys are not mapped).
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bantin.eval import automatic, realcorpus, realgold  # noqa: E402


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", type=Path, required=True)
    ap.add_argument("--gold", type=Path, required=True)
    ap.add_argument("--out", type=Path, default=ROOT / "bench" / "results" / "realcorpus_blind2.json")
    args = ap.parse_args(argv)
    folders = sorted(p.name for p in args.gold.iterdir() if p.is_dir())
    for f in folders:
        automatic.FOLDER_META.setdefault(f, automatic.FolderMeta())
    realgold.BLIND_FOLDERS = tuple(folders)  # no per-article misses are kept for them
    result = realcorpus.evaluate(folders, corpus_dir=args.corpus, gold_dir=args.gold)
    data = result.to_json()
    data = {"corpus": str(args.corpus), "folders": data["folders"], "articles": data["articles"],
            "files": data["files"], "cleaning": data["cleaning"], "extraction": data["extraction"],
            "automatic": data["automatic"]}
    args.out.write_text(json.dumps(data, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    overall = data["cleaning"][realcorpus.OVERALL]
    print(f"cleaning: furniture spans {overall['furniture_spans']}, removed {overall['furniture_recall']}, "
          f"precision {overall['furniture_precision']}, story kept {overall['story_kept']}")
    for field, c in data["extraction"][realcorpus.OVERALL].items():
        print(f"{field}: {c}")
    print("stored:", args.out)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
