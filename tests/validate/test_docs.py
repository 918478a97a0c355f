"""bantin/validate/docs.py: the streamed results file is the same JSON as one dump."""
from __future__ import annotations

import json
from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bantin.validate.docs import JsonObjectWriter, write_json

JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(max_size=8),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=5), inner, max_size=3),
    max_leaves=8,
)


@settings(max_examples=60, deadline=None)
@given(members=st.dictionaries(st.text(min_size=1, max_size=12), JSON_VALUES, max_size=5))
def test_streamed_object_is_byte_identical_to_one_dump(tmp_path_factory, members):
    d = tmp_path_factory.mktemp("j")
    writer = JsonObjectWriter(d / "streamed.json")
    for key, value in members.items():
        writer.add(key, value)
    writer.close()
    write_json(d / "whole.json", members)
    one_dump = json.dumps(members, ensure_ascii=False, indent=1).encode("utf-8")
    assert (d / "streamed.json").read_bytes() == (d / "whole.json").read_bytes() == one_dump
    assert json.loads((d / "streamed.json").read_text(encoding="utf-8")) == members


def test_the_file_appears_only_when_closed_and_non_json_values_are_written_as_text(tmp_path):
    path = tmp_path / "v" / "articles.json"
    writer = JsonObjectWriter(path)
    writer.add("articles", {"run": date(2025, 7, 1), "ids": ["a"]})
    assert not path.exists()
    writer.add("articles__chunk2", {"ids": ["b"]})
    writer.close()
    assert json.loads(path.read_text(encoding="utf-8")) == {
        "articles": {"run": "2025-07-01", "ids": ["a"]}, "articles__chunk2": {"ids": ["b"]}}
    assert not path.with_name("articles.json.tmp").exists()


def test_an_error_while_writing_leaves_neither_the_file_nor_its_tmp(tmp_path):
    path = tmp_path / "articles.json"
    with pytest.raises(RuntimeError), JsonObjectWriter(path) as writer:
        writer.add("articles", {"ok": True})
        raise RuntimeError("GE failed on chunk 2")
    assert list(tmp_path.iterdir()) == []
