"""What the player sees at a node: the passage and its choices, rendered for a state.

Rendering is pure and its results are immutable, so a `NodePlan` keeps what
does not depend on the variables: the node's text when no block has a
condition or a `{name}`, and its choice views for each pattern of shown,
locked and hidden choices when no choice text has a `{name}`.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from cosmodrome.engine.state import GameState, Step
from cosmodrome.story.expr import Value
from cosmodrome.story.model import Choice, Node


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


# two bits a choice in a mask: shown and open, shown and locked (neither: hidden)
_OPEN, _LOCKED = 1, 2


class NodePlan:
    """One node's rendering, with whatever does not depend on the state built once."""

    __slots__ = ("by_key", "node", "passages", "plain_choices", "static", "steps", "text", "views")

    def __init__(self, node: Node) -> None:
        self.node = node
        self.by_key: dict[str, Choice] = {}
        for choice in node.choices:
            self.by_key.setdefault(choice.key, choice)  # the first, as `Node.choice` finds
        self.plain_choices = all(choice.text.is_plain for choice in node.choices)
        plain_text = all(b.condition is None and b.template.is_plain for b in node.blocks)
        self.text = _text(node, {}, None) if plain_text else None
        title_plain = node.title is None or node.title.is_plain
        self.static = self.text is not None and title_plain and self.plain_choices
        self.views: dict[int, tuple[ChoiceView, ...]] = {}
        self.passages: dict[int, Passage] = {}
        self.steps: dict[str, Step] = {}

    def mask(self, state: GameState) -> int:
        """Which choices show at `state`, open or locked, as two bits a choice."""
        mask = 0
        shift = 0
        node = self.node
        for choice in node.choices:
            if not (choice.once and f"{node.id}/{choice.key}" in state.taken_once):
                condition = choice.condition
                if condition is None or condition.evaluate(state):
                    mask |= _OPEN << shift
                elif choice.locked is not None:
                    mask |= _LOCKED << shift
            shift += 2
        return mask

    def choices(self, mask: int, variables: Mapping[str, Value]) -> tuple[ChoiceView, ...]:
        """The views of the choices `mask` shows."""
        if not self.plain_choices:
            return self._views(mask, variables)
        views = self.views.get(mask)
        if views is None:
            views = self.views[mask] = self._views(mask, variables)
        return views

    def _views(self, mask: int, variables: Mapping[str, Value]) -> tuple[ChoiceView, ...]:
        shown: list[ChoiceView] = []
        for choice in self.node.choices:
            mark = mask & 3
            mask >>= 2
            if mark:
                available = mark == _OPEN
                reason = None if available else choice.locked
                text = choice.text.render(variables)
                shown.append(ChoiceView(choice, len(shown) + 1, text, available, reason))
        return tuple(shown)

    def passage(self, state: GameState) -> Passage:
        """The passage at `state`."""
        mask = self.mask(state)
        if self.static:
            passage = self.passages.get(mask)
            if passage is None:
                passage = self.passages[mask] = self._passage(state, mask)
            return passage
        return self._passage(state, mask)

    def _passage(self, state: GameState, mask: int) -> Passage:
        node = self.node
        variables = state.variables
        text = self.text if self.text is not None else _text(node, variables, state)
        title = node.title.render(variables) if node.title else None
        return Passage(node, title, text, self.choices(mask, variables), node.ending)

    def step(self, choice: Choice, variables: Mapping[str, Value]) -> Step:
        """The record of taking `choice` from this node."""
        if not choice.text.is_plain:
            return Step(self.node.id, choice.key, choice.text.render(variables))
        step = self.steps.get(choice.key)
        if step is None:
            step = self.steps[choice.key] = Step(self.node.id, choice.key, choice.text.parts[0])
        return step


def _text(node: Node, variables: Mapping[str, Value], state: GameState | None) -> str:
    """The node's paragraphs whose conditions hold, rendered and joined by blank lines."""
    paragraphs = [
        block.template.render(variables).strip()
        for block in node.blocks
        if block.condition is None or (state is not None and block.condition.evaluate(state))
    ]
    return "\n\n".join(p for p in paragraphs if p)
