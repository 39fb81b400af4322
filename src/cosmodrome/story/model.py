"""The authored world, immutable once loaded: manifest, nodes, choices, facts."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from cosmodrome.story.expr import Compiled, EvalContext, ExprType, Value
from cosmodrome.story.template import Template


@dataclass(frozen=True, slots=True)
class Position:
    """Where a thing was written: a path and a 1-based line and column."""

    path: str
    line: int
    col: int


@dataclass(frozen=True, slots=True)
class Variable:
    name: str
    default: Value
    type: ExprType
    label: str | None  # shown to the player in the status line when set
    position: Position

    @property
    def visible(self) -> bool:
        return self.label is not None


@dataclass(frozen=True, slots=True)
class Era:
    id: str
    label: str
    index: int
    position: Position


@dataclass(frozen=True, slots=True)
class Place:
    id: str
    name: str
    region: str | None
    lat: float | None
    lon: float | None
    position: Position


@dataclass(frozen=True, slots=True)
class Fact:
    id: str
    year: int
    title: str
    text: str
    position: Position


@dataclass(frozen=True, slots=True)
class Effect:
    """One assignment of a `set`: the variable and its compiled value."""

    variable: str
    value: Compiled
    position: Position


@dataclass(frozen=True, slots=True)
class TextBlock:
    template: Template
    condition: Compiled | None
    position: Position
    condition_position: Position | None = None  # where its `if` is written


@dataclass(frozen=True, slots=True)
class Choice:
    """A choice of a node; `key` is its stable identity for saves."""

    key: str
    index: int
    text: Template
    goto: str
    condition: Compiled | None
    locked: str | None
    once: bool
    effects: tuple[Effect, ...]
    position: Position
    goto_position: Position
    condition_position: Position | None = None  # where its `if` is written

    def is_available(self, context: EvalContext) -> bool:
        return self.condition is None or bool(self.condition.evaluate(context))


@dataclass(frozen=True, slots=True)
class Node:
    id: str
    title: Template | None
    era: str | None
    place: str | None
    was: tuple[str, ...]
    facts: tuple[str, ...]
    on_enter: tuple[Effect, ...]
    blocks: tuple[TextBlock, ...]
    choices: tuple[Choice, ...]
    ending: str | None
    position: Position
    lint_ignore: frozenset[str] = frozenset()

    @property
    def is_ending(self) -> bool:
        return self.ending is not None

    def choice(self, key: str) -> Choice | None:
        for choice in self.choices:
            if choice.key == key:
                return choice
        return None


@dataclass(frozen=True, slots=True)
class Story:
    """A loaded, checked story. `fingerprint` is a hash of its source files."""

    id: str
    title: str
    author: str | None
    start: str
    variables: Mapping[str, Variable]
    eras: tuple[Era, ...]
    places: Mapping[str, Place]
    facts: Mapping[str, Fact]
    nodes: Mapping[str, Node]
    root: str
    fingerprint: str
    renamed: Mapping[str, str] = field(default_factory=dict)  # old id (`was`) -> node id
    lint_ignore: frozenset[str] = frozenset()  # lint codes silenced for the whole story

    def era(self, era_id: str | None) -> Era | None:
        for era in self.eras:
            if era.id == era_id:
                return era
        return None

    def defaults(self) -> dict[str, Value]:
        return {name: var.default for name, var in self.variables.items()}

    def resolve_node(self, node_id: str) -> str | None:
        """The current id of a node known by `node_id`, following `was` renames."""
        if node_id in self.nodes:
            return node_id
        return self.renamed.get(node_id)
