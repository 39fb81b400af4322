"""The authored world, immutable once loaded: manifest, nodes, choices, facts."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, fields
from typing import Any

from cosmodrome.story.expr import Compiled, EvalContext, ExprType, Value
from cosmodrome.story.template import Template

# The classes a load makes by the hundred thousand (positions, effects, text blocks, choices,
# nodes) write their own `__init__`: it sets each slot through its descriptor, where the
# generated one looks up `object.__setattr__` for every field of a frozen object. The same
# object in two thirds of the time, and nothing to compile at import.
_Setter = Callable[[Any, Any], None]


def _setters(cls: type) -> tuple[_Setter, ...]:
    """The `__set__` of each field's slot in `cls`, in field order."""
    return tuple(cls.__dict__[spec.name].__set__ for spec in fields(cls))


@dataclass(frozen=True, slots=True, init=False)
class Position:
    """Where a thing was written: a path and a 1-based line and column."""

    path: str
    line: int
    col: int

    def __init__(self, path: str, line: int, col: int) -> None:
        _position_path(self, path)
        _position_line(self, line)
        _position_col(self, col)


_position_path, _position_line, _position_col = _setters(Position)


@dataclass(frozen=True, slots=True)
class Variable:
    name: str
    default: Value
    type: ExprType
    label: str | None  # shown to the player in the status line when set
    position: Position
    was: tuple[str, ...] = ()  # names it had in earlier versions: old saves keep its value

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


@dataclass(frozen=True, slots=True, init=False)
class Effect:
    """One assignment of a `set`: the variable and its compiled value."""

    variable: str
    value: Compiled
    position: Position

    def __init__(self, variable: str, value: Compiled, position: Position) -> None:
        _effect_variable(self, variable)
        _effect_value(self, value)
        _effect_position(self, position)


_effect_variable, _effect_value, _effect_position = _setters(Effect)


FIRST = "first"  # a block shown only on the player's first entry to its node
AGAIN = "again"  # a block shown only on later entries


@dataclass(frozen=True, slots=True, init=False)
class TextBlock:
    """A paragraph of a node's text; it shows when `condition` holds (or there is none) and,
    when `visit` is `FIRST` or `AGAIN`, only on the first or only on later entries."""

    template: Template
    condition: Compiled | None
    position: Position
    condition_position: Position | None = None  # where its `if` is written
    visit: str | None = None  # FIRST, AGAIN or None (every entry)

    def __init__(
        self,
        template: Template,
        condition: Compiled | None,
        position: Position,
        condition_position: Position | None = None,
        visit: str | None = None,
    ) -> None:
        _block_template(self, template)
        _block_condition(self, condition)
        _block_position(self, position)
        _block_condition_position(self, condition_position)
        _block_visit(self, visit)

    def shows(self, context: EvalContext, visits: int) -> bool:
        """Whether the block is shown at `context`, on the node's `visits`-th entry."""
        if self.visit == FIRST and visits > 1:
            return False
        if self.visit == AGAIN and visits <= 1:
            return False
        return self.condition is None or bool(self.condition.evaluate(context))


(
    _block_template,
    _block_condition,
    _block_position,
    _block_condition_position,
    _block_visit,
) = _setters(TextBlock)


@dataclass(frozen=True, slots=True, init=False)
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

    def __init__(  # noqa: PLR0917 - one argument per field, as the dataclass's own
        self,
        key: str,
        index: int,
        text: Template,
        goto: str,
        condition: Compiled | None,
        locked: str | None,
        once: bool,
        effects: tuple[Effect, ...],
        position: Position,
        goto_position: Position,
        condition_position: Position | None = None,
    ) -> None:
        _choice_key(self, key)
        _choice_index(self, index)
        _choice_text(self, text)
        _choice_goto(self, goto)
        _choice_condition(self, condition)
        _choice_locked(self, locked)
        _choice_once(self, once)
        _choice_effects(self, effects)
        _choice_position(self, position)
        _choice_goto_position(self, goto_position)
        _choice_condition_position(self, condition_position)

    def is_available(self, context: EvalContext) -> bool:
        return self.condition is None or bool(self.condition.evaluate(context))


(
    _choice_key,
    _choice_index,
    _choice_text,
    _choice_goto,
    _choice_condition,
    _choice_locked,
    _choice_once,
    _choice_effects,
    _choice_position,
    _choice_goto_position,
    _choice_condition_position,
) = _setters(Choice)


@dataclass(frozen=True, slots=True, init=False)
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
    memory: bool = False  # a remembered scene: "you are here" stays where the player is

    def __init__(  # noqa: PLR0917 - one argument per field, as the dataclass's own
        self,
        id: str,
        title: Template | None,
        era: str | None,
        place: str | None,
        was: tuple[str, ...],
        facts: tuple[str, ...],
        on_enter: tuple[Effect, ...],
        blocks: tuple[TextBlock, ...],
        choices: tuple[Choice, ...],
        ending: str | None,
        position: Position,
        lint_ignore: frozenset[str] = frozenset(),
        memory: bool = False,
    ) -> None:
        _node_id(self, id)
        _node_title(self, title)
        _node_era(self, era)
        _node_place(self, place)
        _node_was(self, was)
        _node_facts(self, facts)
        _node_on_enter(self, on_enter)
        _node_blocks(self, blocks)
        _node_choices(self, choices)
        _node_ending(self, ending)
        _node_position(self, position)
        _node_lint_ignore(self, lint_ignore)
        _node_memory(self, memory)

    @property
    def is_ending(self) -> bool:
        return self.ending is not None

    def choice(self, key: str) -> Choice | None:
        for choice in self.choices:
            if choice.key == key:
                return choice
        return None


(
    _node_id,
    _node_title,
    _node_era,
    _node_place,
    _node_was,
    _node_facts,
    _node_on_enter,
    _node_blocks,
    _node_choices,
    _node_ending,
    _node_position,
    _node_lint_ignore,
    _node_memory,
) = _setters(Node)


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
