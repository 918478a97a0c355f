"""Quality gate: boilerplate precision/recall and body recall against labelled lines."""
from __future__ import annotations

from pathlib import Path

import pytest
from locations import ROOT

from bantin.clean.classify import classify
from bantin.eval.roles import Score, read_labels, score

SEEDS = sorted((ROOT / "raw").glob("*.txt"))
GOLDEN = ROOT / "tests" / "golden" / "lines"


@pytest.mark.parametrize("path", SEEDS, ids=lambda p: p.name[:3])
def test_seed_body_recall_and_boilerplate_precision_are_perfect(path: Path) -> None:
    s = score(classify(path.read_text(encoding="utf-8")), read_labels(GOLDEN / f"{path.stem}.tsv"))
    assert s.body_recall == 1.0 and s.precision == 1.0 and s.recall == 1.0


def test_score_counts_are_honest() -> None:
    """The metric itself: a wrongly dropped body line lowers precision and body recall."""
    labels = {0: ("title", "T"), 1: ("empty", ""), 2: ("body", "B"), 3: ("comment_prompt", "C")}
    decisions = classify("Tiêu đề bài viết thử nghiệm\n\nBÌNH LUẬN\nBÌNH LUẬN")  # line 2 wrongly removed
    s: Score = score(decisions, labels)
    assert (s.removed, s.removed_correct, s.gold_removed, s.gold_kept) == (3, 2, 2, 1)
    assert (s.precision, s.recall, s.body_recall) == (2 / 3, 1.0, 0.0)


# Other-portal fixture sets, scored without corpus repeats (each file on its own).
# portals: written blind; first measured at P 1.000 / R 0.644 / F1 0.784 / body recall 1.000. Its
#   misses guided the second round of general rules, so it is now a DEV set: P 1.000 / R 1.000.
# portals_blind2: blind for the second round: P 0.986 / R 0.793 / F1 0.879 / body recall 0.972. Its misses
#   guided the third round (long menus, hard-wrapped print text, social furniture, flattened pages), so it
#   is a DEV set now: P 1.000 / R 1.000 / body recall 1.000.
# portals_blind3: blind for the third round: P 0.998 / R 0.889 / F1 0.941 / body recall 0.993 (18 files). Its
#   misses guided the fourth round (players, reactions in words, meta bars, footnotes, print/cache wrappers,
#   glued captions, comment text), so it is a DEV set now: P 1.000 / R 0.998 / body recall 1.000.
# portals_blind4: written by an independent annotator while the fourth round was built, opened only once it
#   was final and scored once: P 0.994 / R 0.895 / F1 0.942 / body recall 0.985 (19 files; the third
#   round's rules scored P 0.994 / R 0.866 / F1 0.926 / body recall 0.985 on it).
# The caption model (bantin.clean.captionmodel, trained on the real gold) takes one stand-alone
#   sentence of p11 for a caption (`Toàn tỉnh hiện quản lý 14.800 quân nhân …`, probability at the
#   threshold): portals body recall 0.989, so its floor is 0.98. The fixtures were not used to train it.
# Floors = measured minus a margin; raise them only with a new blind set, never by tuning on the last one.
FIXTURES = ROOT / "tests" / "fixtures"
FLOORS = {  # set: (min files, F1, precision, body recall)
    "portals": (10, 0.98, 0.99, 0.98),
    "portals_blind2": (14, 0.98, 0.99, 0.99),
    "portals_blind3": (16, 0.98, 0.99, 0.99),
    "portals_blind4": (17, 0.92, 0.98, 0.97),
}


def _fixture_score(folder: Path) -> tuple[Score, int]:
    from bantin.eval.roles import read_units, units_to_labels

    total, n = Score(), 0
    for path in sorted(folder.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        decisions = classify(text)
        roles, units = path.with_name(f"{path.stem}.roles.tsv"), path.with_name(f"{path.stem}.units.tsv")
        if roles.exists():
            total.add(score(decisions, read_labels(roles)))
        elif units.exists():
            total.add(score(*units_to_labels(text, decisions, read_units(units))))
        else:
            continue
        n += 1
    return total, n


@pytest.mark.parametrize("name", sorted(FLOORS))
def test_fixture_sets_meet_pinned_floors(name: str) -> None:
    min_files, f1, precision, body_recall = FLOORS[name]
    total, n = _fixture_score(FIXTURES / name)
    assert n >= min_files, "the other-portal fixtures are part of the acceptance test"
    assert total.f1 >= f1
    assert total.precision >= precision
    assert total.body_recall >= body_recall


def test_units_alignment_scores_each_gold_unit_once() -> None:
    from bantin.eval.roles import units_to_labels

    def aligned_and_score(opener: str):
        story = "".join(f"{opener} tổng kết lần thứ {k} đã diễn ra tại tỉnh nhà. " for k in range(1, 11))
        text = "Tiêu đề bài viết thử nghiệm " + story + "BÌNH LUẬN"
        units = [("title", "Tiêu đề bài viết thử nghiệm"), ("lead", story.rstrip()), ("comment_prompt", "BÌNH LUẬN")]
        aligned, labels = units_to_labels(text, classify(text), units)
        s = score(aligned, labels)
        return [d.role for d in aligned], (s.precision, s.recall, s.body_recall)

    # without a sentence end the title stays glued to the first sentence (a known limitation),
    # so the gold title counts as a missed removal; ties go to the first unit
    assert aligned_and_score("Hội nghị") == (["lead", "lead", "comment_prompt"], (1.0, 0.5, 1.0))
    # a dated opener (`Ngày 5/3, …`) after the run of the title's words starts a unit of its own
    assert aligned_and_score("Ngày 5/3, hội nghị") == (["title", "lead", "comment_prompt"], (1.0, 1.0, 1.0))
