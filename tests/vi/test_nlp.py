"""The underthesea adapter: lazy import, shapes of results, word counting."""
import subprocess
import sys

import pytest

from bantin.vi import nlp


def test_import_is_lazy() -> None:
    code = "import sys, bantin.vi.nlp; print('underthesea' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


def test_version_without_import() -> None:
    assert nlp.underthesea_version().split(".")[0] == "9"


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("Hằng năm đều hoàn thành 100% chỉ tiêu giao nhận quân.", 8),  # `%` is not a word
        ("Bàn giao 7.900 công dân nhập ngũ.", 4),
        ("", 0),
        ("... , ;", 0),
    ],
)
def test_count_words_excludes_punctuation(text: str, words: int) -> None:
    assert nlp.count_words(text) == words


def test_word_tokenize_joins_compounds() -> None:
    assert "bàn giao" in nlp.word_tokenize("Đã bàn giao 7.900 công dân nhập ngũ")


def test_ner_sentences_aligned_with_input() -> None:
    sentences = ["Ông Nguyễn Văn Danh phát biểu.", "", "Bí thư Thành ủy Nguyễn Văn Tuấn trao giấy khen."]
    tags = nlp.ner_sentences(sentences)
    assert len(tags) == 3 and tags[1] == []
    assert all(len(t) == 4 for t in tags[0])
    assert ("Nguyễn Văn Danh", "Np", "B-NP", "B-PER") in tags[0]


def test_pos_tag_pairs() -> None:
    assert nlp.pos_tag("Ông Nguyễn Văn Danh phát biểu.")[1] == ("Nguyễn Văn Danh", "Np")


def test_package_data_path_finds_bundled_mapping_without_import() -> None:
    code = ("import sys; from bantin.vi import nlp; p = nlp.package_data_path('address', 'data', 'mapping.json');"
            "print(p.is_file(), 'underthesea' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["True", "False"]
