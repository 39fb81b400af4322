"""What of a story a save may name, as sets to check a saved value against at the
cost of one lookup; and the value checks the quick way in (`restore`) shares."""

from __future__ import annotations

import re
from dataclasses import dataclass

from cosmodrome.saves import fields as f
from cosmodrome.story.expr import INT_MAX, INT_MIN, ExprType
from cosmodrome.story.model import Story

PYTHON_TYPES: dict[ExprType, type] = {ExprType.BOOL: bool, ExprType.INT: int, ExprType.STR: str}
SURROGATES = re.compile(r"[\ud800-\udfff]")  # text that cannot be written as UTF-8


@dataclass(frozen=True, slots=True)
class Known:
    """What of a story a save may name, each already a valid id: checked by membership."""

    story: Story
    nodes: frozenset[str]
    endings: frozenset[str]
    choices: frozenset[str]
    facts: frozenset[str]
    types: dict[str, type]  # each variable's Python type, by name
    once: frozenset[str]  # "node/choice" of every choice
    ceiling: int  # the most entries a state that fits the story can have


_last: list[Known] = []  # the last story's, so each load does not recompute it


def known_of(story: Story) -> Known:
    """The lookup sets of `story` (made once for the last story asked about)."""
    for known in _last:
        if known.story is story:
            return known
    nodes = frozenset(n for n in story.nodes if _valid(n, f.ID))
    choices = sum(len(node.choices) for node in story.nodes.values())
    known = Known(
        story,
        nodes,
        frozenset(n for n in nodes if story.nodes[n].is_ending),
        frozenset(
            c.key for n in story.nodes.values() for c in n.choices if _valid(c.key, f.CHOICE_KEY)
        ),
        frozenset(fact for fact in story.facts if _valid(fact, f.ID)),
        {
            name: PYTHON_TYPES[variable.type]
            for name, variable in story.variables.items()
            if _valid(name, f.VARIABLE)
        },
        frozenset(
            key
            for node in nodes
            for choice in story.nodes[node].choices
            if _valid(key := f"{node}/{choice.key}", f.ONCE_KEY)
        ),
        len(story.variables) + len(nodes) + len(story.facts) + choices,
    )
    _last[:] = [known]
    return known


def _valid(value: str, pattern: re.Pattern[str]) -> bool:
    return len(value) <= f.MAX_ID_LENGTH and pattern.fullmatch(value) is not None


def text_fits(value: object) -> bool:
    """Whether `value` is text a save may hold (see `fields.text`)."""
    return (
        type(value) is str
        and len(value) <= f.MAX_TEXT_LENGTH
        and (value.isascii() or SURROGATES.search(value) is None)
    )


def values_fit(known: Known, values: dict[str, object]) -> bool:
    """Whether each of `values` is a declared variable's, of its type (see `fields.scalar`)."""
    types = known.types
    for name, value in values.items():
        kind = types.get(name)
        if kind is None or type(value) is not kind:
            return False
        if kind is int and not INT_MIN <= value <= INT_MAX:  # type: ignore[operator]
            return False
        if kind is str and not text_fits(value):
            return False
    return True
