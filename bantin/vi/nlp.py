"""The one adapter around underthesea: every NLP call in the project goes through here.

Why: underthesea is the dominant cost (its NER is ~5-50 ms per sentence, ~94% of it Python
feature extraction, roughly quadratic in the sentence's length) and its import plus model load
take ~1 s, so (1) it is imported lazily, inside functions, keeping `import bantin.vi.nlp` cheap
for the CLI and for workers that never tokenise; (2) `warm()` lets a worker process load the
models once before its first batch; (3) only offline functions are used. `classify`,
`sentiment` and `lang_detect` download models at run time and fail offline: never call them.
NER is fed sentence by sentence (`ner_sentences`): measured ~7x faster than a whole article.

Doing less of it (issue 23), with the same fields:
- **Gating** (`needs_ner`): NER runs only on sentences that can hold a name a field uses; the
  others get their words (`word_tokenize`, ~9% of NER's cost) tagged `O`.
- **Words from the tokens**: `count_sentence_words` counts a body's words from the tokens NER
  already produced for its sentences, instead of a second segmentation of the whole body.
- **Cache** (`bantin.vi.nercache`): inside a batch session, a sentence already annotated in an
  earlier snapshot or batch is not annotated again.
"""
from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from contextlib import contextmanager
from functools import cache
from importlib import metadata, util
from pathlib import Path

from bantin.vi import nercache
from bantin.vi.names import CAP_RUN_RE, fold_tones, squash
from bantin.vi.other_names import other_names

NerToken = tuple[str, str, str, str]  # word, POS, chunk, NER tag (BIO: B-PER, I-LOC, O, ...)
#: A name NER can add to a field has at least this many capitalised syllables in a row. Since
#: `bantin.extract.people` keeps Vietnamese full names on their shape, NER's only use is the
#: LOC/ORG veto on foreign and ethnic-minority names (`bantin.vi.other_names`), covered in
#: `needs_ner` apart; the run condition is kept as a conservative superset (people once trusted
#: a PER tag on 3+ syllable runs) until the gate is re-measured. `orgs` takes no tags. Tested
#: as a contract in tests/vi/test_ner_gate.py; proved on the development gold in
#: tests/eval/test_ner_gate_gold.py.
NAME_MIN_SYLLABLES = 3
_gate = {"on": True}


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


def is_word(token: str) -> bool:
    """A word contains a letter or a digit; punctuation tokens are not words."""
    return any(ch.isalnum() for ch in token)


def count_words(text: str) -> int:
    """Words of `text` (`is_word`), from `word_tokenize`; through the cache inside a session."""
    return sum(1 for tok in _words(text) if is_word(tok))


def count_sentence_words(sentences: Iterable[str], known: Mapping[str, Sequence[NerToken]]) -> int:
    """Words of `sentences`, taken from the tokens already produced for them (`known`: sentence
    -> `ner_sentences` tokens, whose words are `word_tokenize`'s, since underthesea's NER
    segments with it), `count_words` for the others.

    Why per sentence: it saves segmenting the body a second time. The count can differ from
    `count_words(body)` by a word at a sentence end: the segmenter looks two tokens ahead, so
    over a whole body it sometimes joined across a full stop (`APEC. Tân` as one word) or split
    a compound differently (measured on 1,356 development articles: +0.15% words, 450 articles
    +-1-2; see bench/README.md)."""
    return sum(sum(1 for t in known[s] if is_word(t[0])) if s in known else count_words(s) for s in sentences)


def pos_tag(text: str) -> list[tuple[str, str]]:
    """(word, POS) pairs."""
    if not text.strip():
        return []
    return [tuple(t) for t in _lib().pos_tag(text)]


def ner(sentence: str) -> list[NerToken]:
    """(word, POS, chunk, NER tag) for one sentence; empty for a blank one. Never gated or cached."""
    if not sentence.strip():
        return []
    return [tuple(t) for t in _lib().ner(sentence)]


def needs_ner(sentence: str) -> bool:
    """Whether NER's tags can change a field for this sentence: it has a run of at least
    NAME_MIN_SYLLABLES capitalised syllables (`CAP_RUN_RE`, as the people rules read it), or a
    foreign or ethnic-minority name that `other_names` accepts without tags (which a LOC/ORG tag
    could veto).

    Why not every sentence: on the development corpus underthesea tags outside such runs are
    single capitalised words (`Tyler`, a given name opening the sentence, `Chelsea`), two-word
    names and lowercase words and numbers as LOC (`ngày`, `2/11`), none of which any field takes
    from NER; 81% of story sentences have no such run (72% of NER's time; measured before the
    other_names path existed, which sends a few more sentences to NER)."""
    if not _gate["on"]:
        return True
    text = squash(fold_tones(sentence))
    if any(m.group(0).count(" ") + 1 >= NAME_MIN_SYLLABLES for m in CAP_RUN_RE.finditer(text)):
        return True
    # A foreign or ethnic-minority name other_names accepts without tags (`Tiền đạo Danny
    # Welbeck`, a run of 2) can still be vetoed by an LOC/ORG tag; tags never add one, so when
    # it finds nothing untagged, NER cannot change its answer.
    return bool(other_names(text))


@contextmanager
def ungated():
    """NER on every sentence (the proof that gating loses nothing compares with this)."""
    before = _gate["on"]
    _gate["on"] = False
    try:
        yield
    finally:
        _gate["on"] = before


def ner_sentences(sentences: Sequence[str]) -> list[list[NerToken]]:
    """Tokens per sentence, aligned with the input (one list per sentence, empty for a blank one).

    A sentence `needs_ner` gets underthesea's `ner`; any other gets its `word_tokenize` words as
    (word, '', '', 'O'): the same words NER would have produced, no POS or chunk, no entity.
    Inside a cache session (`nercache.session`) results come from and go to the cache."""
    session = nercache.active()
    out: list[list[NerToken]] = []
    for s in sentences:
        if not s.strip():
            out.append([])
            continue
        tagged = needs_ner(s)
        tokens = session.get(s, tagged) if session is not None else None
        if tokens is None:
            tokens = ner(s) if tagged else [(w, "", "", "O") for w in word_tokenize(s)]
            if session is not None:
                session.put(s, tokens, tagged)
        out.append(tokens)
    return out


def _words(text: str) -> list[str]:
    session = nercache.active()
    tokens = session.get(text, False) if session is not None and text.strip() else None
    if tokens is not None:
        return [t[0] for t in tokens]
    words = word_tokenize(text)
    if session is not None and text.strip():
        session.put(text, [(w, "", "", "O") for w in words], False)
    return words
