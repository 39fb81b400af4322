"""Malformed input of any shape gives a diagnostic, in bounded time, never a traceback."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from cosmodrome.story.diagnostics import StoryError
from cosmodrome.story.loader import check_story, load_story
from cosmodrome.story.yamlsource import MAX_FILE_BYTES, parse_yaml
from tests.conftest import FIXTURES


def story_with(tmp_path: Path, node_file: bytes | str) -> Path:
    target = tmp_path / "story"
    shutil.copytree(FIXTURES / "mini", target)
    data = node_file.encode() if isinstance(node_file, str) else node_file
    (target / "nodes" / "extra.yaml").write_bytes(data)
    return target


def messages(directory: Path) -> list[str]:
    return [f"{d.line}:{d.col}: {d.message}" for d in check_story(directory).diagnostics]


def test_binary_junk_is_reported_as_not_utf8(tmp_path: Path) -> None:
    directory = story_with(tmp_path, b"nodes:\n  x: \xff\xfe\x00junk")
    assert messages(directory) == ["2:6: the file is not UTF-8 text"]


def test_control_characters_are_reported_with_their_position(tmp_path: Path) -> None:
    directory = story_with(tmp_path, "nodes:\n  x: a\x00b")
    assert messages(directory) == ["2:7: character U+0000 is not allowed in YAML"]


def test_a_list_where_a_mapping_belongs(tmp_path: Path) -> None:
    directory = story_with(tmp_path, "- just\n- a list\n")
    assert messages(directory) == ["1:1: a node file must be a mapping, not a list"]


def test_nodes_as_a_list(tmp_path: Path) -> None:
    directory = story_with(tmp_path, "nodes:\n  - one\n")
    assert messages(directory) == ["2:3: nodes must be a mapping, not a list"]


def test_an_empty_node_file(tmp_path: Path) -> None:
    directory = story_with(tmp_path, "")
    assert messages(directory) == ["1:1: the node file is empty; it needs a 'nodes' mapping"]


def test_a_huge_file_is_refused_without_being_parsed(tmp_path: Path) -> None:
    directory = story_with(tmp_path, b"")
    big = directory / "nodes" / "extra.yaml"
    with big.open("wb") as handle:
        handle.write(b"nodes:\n  x:\n    text: '")
        handle.write(b"a" * (MAX_FILE_BYTES + 10))
        handle.write(b"'\n")
    assert messages(directory) == [
        "1:1: the file is larger than 16 MB; split it into smaller files"
    ]


def test_deep_nesting_is_refused(tmp_path: Path) -> None:
    directory = story_with(tmp_path, "nodes: " + "[" * 5000 + "]" * 5000)
    (found,) = messages(directory)
    assert "nested" in found or "depth" in found


def test_alias_bomb_is_refused(tmp_path: Path) -> None:
    lines = ["a0: &a0 [x, x, x, x, x, x, x, x, x, x]"]
    for i in range(1, 9):
        refs = ", ".join([f"*a{i - 1}"] * 10)
        lines.append(f"a{i}: &a{i} [{refs}]")
    directory = story_with(tmp_path, "\n".join(lines) + "\n")
    (found,) = messages(directory)
    assert found.endswith("aliases expand to too many values (an alias bomb?)")


def test_recursive_alias_is_refused() -> None:
    _root, problems = parse_yaml("a: &a [*a]\n", "f.yaml")
    assert [p.message for p in problems] == ["alias '*a' refers to no finished anchor"]


def test_several_documents_are_refused() -> None:
    _root, problems = parse_yaml("a: 1\n---\nb: 2\n", "f.yaml")
    assert [(p.line, p.message) for p in problems] == [
        (2, "a story file holds one YAML document, found another here")
    ]


def test_every_problem_is_reported_in_one_run(tmp_path: Path) -> None:
    directory = story_with(
        tmp_path,
        "nodes:\n"
        "  one:\n"
        "    text: '{nope}'\n"
        "    choices:\n"
        "      - {text: a, goto: nowhere}\n"
        "      - {text: b, goto: start, if: 'missing > 1'}\n",
    )
    assert len(check_story(directory).errors) == 3


def test_load_story_raises_story_error_with_all_diagnostics(tmp_path: Path) -> None:
    directory = story_with(tmp_path, "nodes: {x: {text: 1, ending: 2}}\n")
    with pytest.raises(StoryError) as caught:
        load_story(directory)
    assert len(caught.value.diagnostics) == 2
    assert "and 1 more" in str(caught.value)


# -- property tests -------------------------------------------------------------

_scalars = st.one_of(
    st.none(), st.booleans(), st.integers(), st.floats(allow_nan=False), st.text(max_size=20)
)
_yaml_values = st.recursive(
    _scalars,
    lambda inner: st.one_of(
        st.lists(inner, max_size=4),
        st.dictionaries(st.text(max_size=10), inner, max_size=4),
    ),
    max_leaves=25,
)


@settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(text=st.text(max_size=400))
def test_random_text_never_raises(tmp_path: Path, text: str) -> None:
    directory = story_with(tmp_path / "t", text)
    check_story(directory)
    shutil.rmtree(tmp_path / "t")


@settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(value=_yaml_values, where=st.sampled_from(["extra", "manifest", "facts"]))
def test_random_yaml_structures_never_raise(tmp_path: Path, value: object, where: str) -> None:
    import yaml

    base = tmp_path / "y"
    directory = story_with(base, "nodes: {}\n")
    text = yaml.safe_dump(value if where == "extra" else {"nodes": {"n": value}})
    if where == "manifest":
        text = yaml.safe_dump(
            {"format": 1, "id": "x", "title": "t", "start": "start", "variables": value}
        )
        (directory / "story.yaml").write_text(text)
    elif where == "facts":
        (directory / "facts.yaml").write_text(yaml.safe_dump({"facts": value}))
    else:
        (directory / "nodes" / "extra.yaml").write_text(text)
    result = check_story(directory)
    assert result.story is not None or result.errors
    shutil.rmtree(base)
