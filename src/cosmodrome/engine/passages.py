"""What the player sees at a node: the passage and its choices, rendered for a state."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import NamedTuple

from cosmodrome.engine.state import GameState
from cosmodrome.story.expr import Value
from cosmodrome.story.model import Choice, Node
from cosmodrome.story.template import Template


class ChoiceView(NamedTuple):
    """A choice as the player sees it now: available, or locked with a reason.

    A named tuple rather than a frozen dataclass: the engine makes several on every
    move, and a tuple is built at a third of the cost (and is just as immutable)."""

    choice: Choice
    number: int  # 1-based position among the shown choices
    text: str
    available: bool
    reason: str | None  # why it is locked

    @property
    def key(self) -> str:
        return self.choice.key


@dataclass(frozen=True, slots=True)
class Passage:
    """What the player reads at a node: rendered title, text and choices; `available`
    holds the choices that can be taken, in order."""

    node: Node
    title: str | None
    text: str
    choices: tuple[ChoiceView, ...]
    ending: str | None
    available: tuple[ChoiceView, ...] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "available", tuple([c for c in self.choices if c.available]))


_tuple = tuple.__new__
_new = object.__new__
_set_node, _set_title, _set_text, _set_choices, _set_ending, _set_available = (
    Passage.__dict__[name].__set__
    for name in ("node", "title", "text", "choices", "ending", "available")
)


def _shown(node: Node, state: GameState) -> tuple[tuple[ChoiceView, ...], bool]:
    """The choices of `node` shown at `state`, and whether one of them is locked."""
    variables = state.variables
    taken = state.taken_once
    shown: list[ChoiceView] = []
    locked = False
    for choice in node.choices:
        # with nothing taken yet (most of a play-through) no "node/key" need be built
        if choice.once and taken and f"{node.id}/{choice.key}" in taken:
            continue
        condition = choice.condition
        parts = choice.text.parts  # most texts have no {name}: skip the call to render
        if condition is None or condition.evaluate(state):
            text = parts[0] if len(parts) == 1 else choice.text.render(variables)
            shown.append(_tuple(ChoiceView, (choice, len(shown) + 1, text, True, None)))
        elif choice.locked is not None:
            text = parts[0] if len(parts) == 1 else choice.text.render(variables)
            shown.append(_tuple(ChoiceView, (choice, len(shown) + 1, text, False, choice.locked)))
            locked = True
    return tuple(shown), locked


def choice_views(node: Node, state: GameState) -> tuple[ChoiceView, ...]:
    """The choices of `node` shown at `state`: available ones and locked ones, in order."""
    return _shown(node, state)[0]


def _render(template: Template, variables: Mapping[str, Value]) -> str:
    parts = template.parts
    return parts[0] if len(parts) == 1 else template.render(variables)


def passage(node: Node, state: GameState) -> Passage:
    """The passage of `node` at `state`: title, the text whose conditions hold, choices."""
    variables = state.variables
    blocks = node.blocks
    if len(blocks) == 1 and blocks[0].condition is None:  # the usual node: one paragraph
        text = _render(blocks[0].template, variables).strip()
    else:
        paragraphs = [
            _render(block.template, variables).strip()
            for block in blocks
            if block.condition is None or block.condition.evaluate(state)
        ]
        text = paragraphs[0] if len(paragraphs) == 1 else "\n\n".join([p for p in paragraphs if p])
    choices, locked = _shown(node, state)
    # the frozen dataclass's fields set directly: its `__init__` costs twice as much
    made: Passage = _new(Passage)
    _set_node(made, node)
    _set_title(made, None if node.title is None else _render(node.title, variables))
    _set_text(made, text)
    _set_choices(made, choices)
    _set_ending(made, node.ending)
    _set_available(made, tuple([c for c in choices if c.available]) if locked else choices)
    return made
