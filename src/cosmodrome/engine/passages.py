"""What the player sees at a node: the passage and its choices, rendered for a state."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import NamedTuple

from cosmodrome.engine.state import GameState
from cosmodrome.story.model import Choice, Node


class ChoiceView(NamedTuple):
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


def choice_views(node: Node, state: GameState) -> tuple[ChoiceView, ...]:
    """The choices of `node` shown at `state`: available ones and locked ones, in order."""
    shown: list[ChoiceView] = []
    for choice in node.choices:
        if choice.once and f"{node.id}/{choice.key}" in state.taken_once:
            continue
        available = choice.is_available(state)
        if available or choice.locked is not None:
            text = choice.text.render(state.variables, state)
            reason = None if available else choice.locked
            shown.append(ChoiceView(choice, len(shown) + 1, text, available, reason))
    return tuple(shown)


def passage(node: Node, state: GameState) -> Passage:
    """The passage of `node` at `state`: title, the text whose conditions hold (and whose
    `first`/`again` fits this entry), choices."""
    variables = state.variables
    visits = state.visits.get(node.id, 0)
    paragraphs = [
        block.template.render(variables, state).strip()
        for block in node.blocks
        if block.shows(state, visits)
    ]
    return Passage(
        node,
        None if node.title is None else node.title.render(variables, state),
        "\n\n".join(p for p in paragraphs if p),
        choice_views(node, state),
        node.ending,
    )
