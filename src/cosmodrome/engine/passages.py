"""What the player sees at a node: the passage and its choices, rendered for a state."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, fields
from typing import Any, TypeVar, cast

from cosmodrome.engine.state import GameState
from cosmodrome.story.expr import Value
from cosmodrome.story.model import Choice, Node
from cosmodrome.story.template import Template

_T = TypeVar("_T")


@dataclass(frozen=True, slots=True)
class ChoiceView:
    """A choice as the player sees it now: available, or locked with a reason."""

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
    """What the player reads at a node: rendered title, text and choices."""

    node: Node
    title: str | None
    text: str
    choices: tuple[ChoiceView, ...]
    ending: str | None

    @property
    def available(self) -> tuple[ChoiceView, ...]:
        return tuple([c for c in self.choices if c.available])


def _quick_init(cls: type[_T]) -> Callable[[Any, Any, Any, Any, Any], _T]:
    """`cls(a, b, c, d, e)` for a frozen slotted dataclass of five fields, at about half
    the cost: the engine renders a passage and its choices on every move."""
    names = [f.name for f in fields(cast(Any, cls))]
    if len(names) != 5 or hasattr(cls, "__post_init__"):  # pragma: no cover - a guard
        raise TypeError(f"{cls.__name__} is not a plain dataclass of five fields")
    one, two, three, four, five = (cls.__dict__[name].__set__ for name in names)
    new = object.__new__

    def make(a: Any, b: Any, c: Any, d: Any, e: Any) -> _T:
        obj = new(cls)
        one(obj, a)
        two(obj, b)
        three(obj, c)
        four(obj, d)
        five(obj, e)
        return obj

    return make


_choice_view = _quick_init(ChoiceView)
_passage = _quick_init(Passage)


def choice_views(node: Node, state: GameState) -> tuple[ChoiceView, ...]:
    """The choices of `node` shown at `state`: available ones and locked ones, in order."""
    variables = state.variables
    taken = state.taken_once
    shown: list[ChoiceView] = []
    for choice in node.choices:
        # with nothing taken yet (most of a play-through) no "node/key" need be built
        if choice.once and taken and f"{node.id}/{choice.key}" in taken:
            continue
        condition = choice.condition
        if condition is None or condition.evaluate(state):
            available, reason = True, None
        elif choice.locked is None:
            continue
        else:
            available, reason = False, choice.locked
        parts = choice.text.parts  # most texts have no {name}: skip the call to render
        text = parts[0] if len(parts) == 1 else choice.text.render(variables)
        shown.append(_choice_view(choice, len(shown) + 1, text, available, reason))
    return tuple(shown)


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
    title = None if node.title is None else _render(node.title, variables)
    return _passage(node, title, text, choice_views(node, state), node.ending)
