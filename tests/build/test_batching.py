"""Batch sizing (bantin/build/batching.py): near-equal batches, a multiple of the workers, none
above the maximum, so that the last batch never runs alone while the other workers wait."""
from __future__ import annotations

import itertools

import pytest

from bantin.build.batching import batch_sizes


@pytest.mark.parametrize(("files", "workers", "maximum", "expected"), [
    (300, 2, 64, [50] * 6),  # not 64, 64, 64, 64, 44: the fifth batch alone on one of two cores
    (200, 2, 64, [50] * 4),
    (129, 2, 64, [33, 32, 32, 32]),
    (128, 2, 64, [64, 64]),
    (5, 2, 64, [3, 2]),
    (5, 1, 64, [5]),
    (1, 4, 64, [1]),  # fewer files than workers: one file a batch, never an empty one
    (3, 4, 64, [1, 1, 1]),
    (100, 1, 64, [50, 50]),  # one worker: ceil(100 / 64) near-equal batches
    (10, 3, 2, [2, 2, 2, 2, 1, 1]),
    (7, 2, 1, [1] * 7),  # a maximum of 1: one file a batch, however many workers
    (0, 2, 64, []),
])
def test_examples(files, workers, maximum, expected):
    assert batch_sizes(files, workers, maximum) == expected


@pytest.mark.parametrize(("files", "workers", "maximum"),
                         list(itertools.product([1, 2, 7, 63, 64, 65, 127, 300, 1001, 100_000], [1, 2, 3, 8, 64],
                                                [1, 3, 64, 500])))
def test_invariants(files, workers, maximum):
    sizes = batch_sizes(files, workers, maximum)
    assert sum(sizes) == files
    assert min(sizes) >= 1 and max(sizes) <= maximum
    assert max(sizes) - min(sizes) <= 1  # near-equal: no short last batch
    assert sizes == sorted(sizes, reverse=True)
    rounds = -(-files // (workers * maximum))  # the fewest batches per worker the maximum allows
    if files >= rounds * workers:
        assert len(sizes) == rounds * workers  # every worker gets the same number of batches
    else:  # a multiple of the workers would need empty batches: one file a batch instead
        assert sizes == [1] * files


@pytest.mark.parametrize(("files", "workers", "maximum"), [(-1, 1, 1), (1, 0, 1), (1, 1, 0)])
def test_rejects_impossible_arguments(files, workers, maximum):
    with pytest.raises(ValueError):
        batch_sizes(files, workers, maximum)
