"""How many files each batch gets: near-equal batches, as many as a multiple of the workers.

Why not a fixed size: with batches of `--batch-size` files, 300 files on 2 workers are 5 batches
(64, 64, 64, 64, 44) and the fifth runs alone while the other core waits: a quarter of the run
on one core. Here the number of batches is the smallest multiple of the workers that keeps every
batch within the configured maximum (the maximum bounds a worker's memory, as before), and the
files are spread over them as evenly as whole files allow (sizes differ by at most one), so every
worker gets the same number of batches of the same size and all of them finish together.
One worker (or a run in the flow process) gets ceil(n / maximum) near-equal batches.
"""
from __future__ import annotations


def batch_sizes(files: int, workers: int, maximum: int) -> list[int]:
    """Sizes of the batches for `files` files on `workers` parallel workers, none above `maximum`:
    the fewest batches per worker that keep each within `maximum`, times `workers` (one file a
    batch when that many would leave some empty), sizes differing by at most one, larger ones
    first, summing to `files`."""
    if files < 0 or workers < 1 or maximum < 1:
        raise ValueError(f"need files >= 0, workers >= 1, maximum >= 1 (got {files}, {workers}, {maximum})")
    if files == 0:
        return []
    rounds = -(-files // (workers * maximum))  # batches per worker, each within the maximum
    n = min(files, rounds * workers)  # never an empty batch
    base, extra = divmod(files, n)
    return [base + 1] * extra + [base] * (n - extra)
