"""The one adapter around underthesea: every NLP call in the project goes through here.

Why: underthesea is the dominant cost (its NER is ~50-200 ms per sentence) and its import plus
model load take ~1 s, so (1) it is imported lazily, inside functions, keeping `import bantin.vi.nlp`
cheap for the CLI and for workers that never tokenise; (2) `warm()` lets a worker process load
the models once before its first batch; (3) only offline functions are used. `classify`,
`sentiment` and `lang_detect` download models at run time and fail offline: never call them.
NER is fed sentence by sentence (`ner_sentences`): measured ~7x faster than a whole article.
"""
from __future__ import annotations

from collections.abc import Sequence
from functools import cache
from importlib import metadata, util
from pathlib import Path

NerToken = tuple[str, str, str, str]  # word, POS, chunk, NER tag (BIO: B-PER, I-LOC, O, ...)


@cache
def _lib():
    import underthesea  # noqa: PLC0415 - lazy on purpose, see module docstring

    return underthesea


def underthesea_version() -> str:
    """Installed underthesea version, read from package metadata without importing it."""
    return metadata.version("underthesea")


def package_data_path(*parts: str) -> Path:
    """Path of a file shipped inside underthesea (e.g. `address/data/mapping.json`), found
    without importing the package, so data-only users (the gazetteer) stay cheap."""
    spec = util.find_spec("underthesea")
    if spec is None or not spec.submodule_search_locations:
        raise ModuleNotFoundError("underthesea")
    return Path(next(iter(spec.submodule_search_locations))).joinpath(*parts)


def warm() -> None:
    """Import underthesea and load the tokenizer, POS and NER models in this process."""
    lib = _lib()
    lib.word_tokenize("Hà Nội")
    lib.pos_tag("Hà Nội")
    lib.ner("Ông Nguyễn Văn An ở Hà Nội.")


def word_tokenize(text: str) -> list[str]:
    """Vietnamese words (multi-syllable words joined by spaces: `bàn giao`)."""
    if not text.strip():
        return []
    return list(_lib().word_tokenize(text))


def count_words(text: str) -> int:
    """Words that contain a letter or a digit; punctuation tokens are not words."""
    return sum(1 for tok in word_tokenize(text) if any(ch.isalnum() for ch in tok))


def pos_tag(text: str) -> list[tuple[str, str]]:
    """(word, POS) pairs."""
    if not text.strip():
        return []
    return [tuple(t) for t in _lib().pos_tag(text)]


def ner(sentence: str) -> list[NerToken]:
    """(word, POS, chunk, NER tag) for one sentence; empty for a blank one."""
    if not sentence.strip():
        return []
    return [tuple(t) for t in _lib().ner(sentence)]


def ner_sentences(sentences: Sequence[str]) -> list[list[NerToken]]:
    """NER per sentence, aligned with the input (one list per sentence, maybe empty)."""
    return [ner(s) for s in sentences]
