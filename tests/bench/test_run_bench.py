"""bench/run_bench.py --quick: the benchmark's machinery end to end on a handful of files (real
development articles and synthetic ones), checking the JSON's shape and that every ratio is what
bench/README.md says it is, computed from the seconds in the same file. Speed is not asserted:
a --quick run is not a measurement (no Prefect, validation skipped)."""
from __future__ import annotations

import json
import subprocess
import sys

import pytest
from locations import DEV_CORPUS, ROOT

from bantin.eval.realgold import DEV_FOLDERS

RUNS = {"one_worker", "all_cores", "rerun_nochange", "rerun_full_warm"}


@pytest.fixture(scope="module")
def result(tmp_path_factory) -> dict:
    assert DEV_CORPUS.is_dir(), f"the development corpus must be at {DEV_CORPUS}"
    tmp = tmp_path_factory.mktemp("bench")
    subprocess.run([sys.executable, str(ROOT / "bench" / "run_bench.py"), "--quick", "--workers", "2",
                    "--results", str(tmp / "results"), "--work", str(tmp / "work"), "--cache", str(tmp / "synth")],
                   cwd=ROOT, check=True, capture_output=True, text=True, timeout=600)
    (path,) = (tmp / "results").glob("*-quick.json")
    assert not (tmp / "results" / "latest.json").exists()  # a smoke run never becomes the latest figures
    return json.loads(path.read_text())


def test_one_json_with_both_corpora(result) -> None:
    assert result["meta"]["quick"] is True and set(result["corpora"]) == {"real", "synthetic"}
    # --quick: the first file of each development folder
    assert result["corpora"]["real"]["files"] == len(DEV_FOLDERS) and result["corpora"]["synthetic"]["files"] == 4
    assert set(result["targets"]) == {"stages_over_floor", "flow_over_floor", "speedup_per_core", "peak_rss_gb",
                                      "nochange_over_full", "onepct_over_full", "startup_s"}


@pytest.mark.parametrize("corpus", ["real", "synthetic"])
def test_floor_and_runs_are_consistent(result, corpus: str) -> None:
    sec = result["corpora"][corpus]
    floor = sec["floor"]
    assert floor["files"] == sec["files"] and floor["sentences"] > 0 and floor["tokens"] > 0
    assert floor["floor_s"] == pytest.approx(floor["sent_tokenize_s"] + floor["ner_s"])
    assert set(sec["runs"]) == RUNS | ({"rerun_1pct"} if corpus == "synthetic" else set())
    for name, run in sec["runs"].items():
        assert run["stages_s"] == pytest.approx(sum(run["timings"].values()), abs=1e-3), name
        assert all(v > 0 for v in run["peak_rss_gb"].values()), name
    runs = sec["runs"]
    assert runs["one_worker"]["articles"] == runs["all_cores"]["articles"] > 0
    assert runs["rerun_nochange"]["changed"] is False and runs["rerun_nochange"]["timings"].get("process") is None
    assert runs["rerun_full_warm"]["plan"]["mode"] == "full"
    assert runs["rerun_full_warm"]["ner_cache_entries"] >= runs["all_cores"]["ner_cache_entries"] > 0


@pytest.mark.parametrize("corpus", ["real", "synthetic"])
def test_ratios_are_computed_from_the_seconds(result, corpus: str) -> None:
    sec = result["corpora"][corpus]
    r, f, runs = sec["ratios"], sec["floor"]["floor_s"], sec["runs"]
    assert r["stages_over_floor"] == pytest.approx(runs["one_worker"]["stages_s"] / f, abs=1e-4)
    assert r["flow_over_floor"] == pytest.approx(runs["one_worker"]["flow_s"] / f, abs=1e-4)
    assert r["speedup"] == pytest.approx(runs["one_worker"]["timings"]["process"]
                                         / runs["all_cores"]["timings"]["process"], abs=1e-4)
    assert r["nochange_over_full"] == pytest.approx(runs["rerun_nochange"]["flow_s"] / runs["all_cores"]["flow_s"],
                                                    abs=1e-4)
    assert set(sec["verdicts"]) == set(result["targets"])
    assert set(sec["verdicts"].values()) <= {"PASS", "FAIL", "n/a"}
    assert (sec["verdicts"]["onepct_over_full"] == "n/a") is (corpus == "real")
