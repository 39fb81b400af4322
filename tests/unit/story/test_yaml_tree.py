"""YAML text to `Y` trees: values, positions, duplicate and complex keys, anchors and limits."""

from __future__ import annotations

from typing import Any

import pytest

from cosmodrome.story import yamltree
from cosmodrome.story.yamlscalars import RESOLVED, plain_value
from cosmodrome.story.yamlsource import parse_yaml
from cosmodrome.story.yamltree import MAX_ALIAS_EXPANSION, MAX_DEPTH, Y


def tree(text: str) -> Y:
    root, problems = parse_yaml(text, "f.yaml")
    assert not problems, [p.format() for p in problems]
    assert root is not None
    return root


def problems_of(text: str) -> list[str]:
    return [f"{p.line}:{p.col}: {p.message}" for p in parse_yaml(text, "f.yaml")[1]]


def test_plain_scalars_are_read_as_the_safe_loader_reads_them() -> None:
    text = "a: 12\nb: true\nc: ~\nd: 1.5\ne: n00012\nf: 0x1F\ng: no\nh: 2001-12-14\n"
    assert tree(text).plain() == {
        "a": 12,
        "b": True,
        "c": None,
        "d": 1.5,
        "e": "n00012",
        "f": 31,
        "g": False,
        "h": "2001-12-14",  # dates stay as written
    }


def test_quoted_and_block_scalars_stay_text_and_keep_their_style() -> None:
    root = tree("a: '12'\nb: \"true\"\nc: |\n  x\nd: plain\n")
    assert isinstance(root.value, dict)
    assert root.plain() == {"a": "12", "b": "true", "c": "x\n", "d": "plain"}
    assert [root.value[k].style for k in "abc"] == ["'", '"', "|"]
    assert not root.value["d"].style


def test_the_same_text_reads_the_same_twice() -> None:
    text = "nodes:\n  n1: {goto: n2, x: 3, y: yes}\n  n2: {goto: n1, x: -3, y: off}\n"
    assert tree(text).plain() == tree(text).plain()


def test_values_and_keys_carry_their_positions() -> None:
    root = tree("top:\n  first: 1\n  second: [a, b]\n")
    assert (root.line, root.col) == (1, 1)
    top = root.value["top"]
    assert top.keys == {"first": (2, 3), "second": (3, 3)}
    second = top.value["second"]
    assert (second.line, second.col) == (3, 11)
    assert [(item.line, item.col) for item in second.value] == [(3, 12), (3, 15)]


def test_keys_that_are_not_text_are_read_as_written() -> None:
    assert list(tree("1957: a\ntrue: b\nnull: c\n1.5: d\n").value) == [
        "1957",
        "true",
        "null",
        "1.5",
    ]


def test_a_duplicate_key_is_reported_and_the_first_value_kept() -> None:
    text = "a: 1\nb: 2\na: 3\n"
    assert problems_of(text) == ["3:1: duplicate key 'a' (first defined at line 1)"]
    root, _ = parse_yaml(text, "f.yaml")
    assert root is not None
    assert root.plain() == {"a": 1, "b": 2}


def test_a_duplicate_key_with_a_mapping_value_is_reported_too() -> None:
    assert problems_of("a:\n  x: 1\nb: 2\na:\n  y: 2\n") == [
        "4:1: duplicate key 'a' (first defined at line 1)"
    ]


def test_every_key_that_is_not_plain_is_reported_and_none_as_a_duplicate() -> None:
    assert problems_of("? [a]\n: 1\n? {b: 1}\n: 2\n") == [
        "1:3: a mapping key must be a plain value",
        "3:3: a mapping key must be a plain value",
    ]


def test_an_anchored_key_can_be_used_again_through_its_alias() -> None:
    root = tree("&k name: 1\nother: *k\n")
    assert root.plain() == {"name": 1, "other": "name"}
    assert root.keys == {"name": (1, 1), "other": (2, 1)}


def test_an_alias_of_a_mapping_is_the_same_value() -> None:
    root = tree("a: &a {x: 1}\nb: *a\n")
    assert root.value["b"] is root.value["a"]


def test_unsupported_tags_are_reported_every_time_they_are_met() -> None:
    assert problems_of("a: <<\nb: <<\nc: !!python/object x\n") == [
        "1:4: unsupported YAML tag 'tag:yaml.org,2002:merge'",
        "2:4: unsupported YAML tag 'tag:yaml.org,2002:merge'",
        "3:4: unsupported YAML tag 'tag:yaml.org,2002:python/object'",
    ]


def _aliases_expanding_to(total: int) -> str:
    """A list of 999 values (1,000 with the list) and aliases of it expanding to `total`."""
    items = ", ".join(["x"] * 999)
    refs = ", ".join(["*a"] * (total // 1000))
    return f"a: &a [{items}]\nb: [{refs}]\n"


def test_aliases_may_expand_to_the_limit() -> None:
    assert problems_of(_aliases_expanding_to(MAX_ALIAS_EXPANSION)) == []


def test_aliases_may_not_expand_past_the_limit() -> None:
    (found,) = problems_of(_aliases_expanding_to(MAX_ALIAS_EXPANSION + 1000))
    assert found.endswith("aliases expand to too many values (an alias bomb?)")


def test_an_alias_counts_every_value_it_expands_to(monkeypatch: pytest.MonkeyPatch) -> None:
    # a is 4 values (the list and 3); b holds 2 aliases of a, so b is 9; c holds 3 of b
    text = "a: &a [x, y, z]\nb: &b [*a, *a]\nc: [*b, *b, *b]\n"
    assert _expanded(text, monkeypatch) == 2 * 4 + 3 * 9


def _expanded(text: str, monkeypatch: pytest.MonkeyPatch) -> int:
    """How many values `text`'s aliases expand to: the lowest limit that lets it through."""
    for limit in range(200):
        monkeypatch.setattr(yamltree, "MAX_ALIAS_EXPANSION", limit)
        if not parse_yaml(text, "f.yaml")[1]:
            return limit
    raise AssertionError("more than 200 values")


def test_nesting_up_to_the_limit_is_read() -> None:
    text = "[" * MAX_DEPTH + "]" * MAX_DEPTH
    root = tree(text)
    depth = 0
    value: Any = root
    while isinstance(value, Y) and isinstance(value.value, list):
        depth += 1
        value = value.value[0] if value.value else None
    assert depth == MAX_DEPTH


def test_nesting_past_the_limit_is_refused_where_it_starts() -> None:
    text = "[" * (MAX_DEPTH + 1) + "]" * (MAX_DEPTH + 1)
    assert problems_of(text) == [
        f"1:{MAX_DEPTH + 1}: values are nested more than {MAX_DEPTH} levels deep"
    ]


@pytest.mark.parametrize(
    ("text", "value"),
    [("42", 42), ("yes", True), ("null", None), ("note", "note"), ("-1", -1), ("text", "text")],
)
def test_plain_value_gives_the_same_value_from_its_memo(text: str, value: object) -> None:
    RESOLVED.clear()
    assert plain_value(text) == value
    assert plain_value(text) == value
    assert type(plain_value(text)) is type(value)


def test_plain_value_remembers_short_texts_only() -> None:
    RESOLVED.clear()
    long_text = "t" * 200
    assert plain_value(long_text) == long_text
    assert plain_value("true") is True
    assert long_text not in RESOLVED
    assert "true" in RESOLVED


def test_a_key_repeated_with_the_same_alias_is_still_a_duplicate() -> None:
    assert problems_of("x: &v 1\na: *v\na: *v\n") == [
        "3:1: duplicate key 'a' (first defined at line 2)"
    ]
