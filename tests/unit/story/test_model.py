"""The model's frozen dataclasses: their own quick `__init__`s set every field, and stay frozen."""

from __future__ import annotations

import dataclasses
import inspect

import pytest

from cosmodrome.story.model import Choice, Effect, Node, Position, TextBlock

HANDWRITTEN = [Position, Effect, TextBlock, Choice, Node]  # the classes with their own __init__


@pytest.mark.parametrize("cls", HANDWRITTEN, ids=lambda cls: cls.__name__)
def test_the_init_takes_the_fields_in_order_with_their_defaults(cls: type) -> None:
    params = list(inspect.signature(cls).parameters.values())
    specs = dataclasses.fields(cls)
    assert [p.name for p in params] == [f.name for f in specs]
    assert [p.default for p in params] == [
        inspect.Parameter.empty if f.default is dataclasses.MISSING else f.default for f in specs
    ]


@pytest.mark.parametrize("cls", HANDWRITTEN, ids=lambda cls: cls.__name__)
def test_every_field_gets_its_own_argument(cls: type) -> None:
    names = [f.name for f in dataclasses.fields(cls)]
    values = {name: f"<{name}>" for name in names}
    by_position = cls(*values.values())
    by_keyword = cls(**dict(reversed(values.items())))
    assert [getattr(by_position, name) for name in names] == list(values.values())
    assert by_keyword == by_position
    assert hash(by_keyword) == hash(by_position)
    assert dataclasses.replace(by_position, **{names[0]: "other"}) != by_position


@pytest.mark.parametrize("cls", HANDWRITTEN, ids=lambda cls: cls.__name__)
def test_the_objects_stay_frozen(cls: type) -> None:
    names = [f.name for f in dataclasses.fields(cls)]
    made = cls(*names)
    with pytest.raises(dataclasses.FrozenInstanceError):
        setattr(made, names[0], "changed")


def test_left_out_defaults_are_given() -> None:
    here = Position("nodes/a.yaml", 3, 5)
    assert repr(here) == "Position(path='nodes/a.yaml', line=3, col=5)"
    node = Node("n", None, None, None, (), (), (), (), (), "The end", here)
    assert node.lint_ignore == frozenset()
    assert node.is_ending


def test_missing_and_unknown_arguments_are_refused() -> None:
    with pytest.raises(TypeError):
        Position("p", 1)  # type: ignore[call-arg]
    with pytest.raises(TypeError):
        Position("p", 1, 2, row=3)  # type: ignore[call-arg]
