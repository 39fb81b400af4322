"""The rules of play: entering nodes, which choices show, taking one, undo."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from cosmodrome.engine.state import GameState, Step
from cosmodrome.story.expr import Value
from cosmodrome.story.model import Choice, Effect, Node, Story


class GameError(Exception):
    """A move the rules do not allow: an unknown, hidden or locked choice."""


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
        return tuple(c for c in self.choices if c.available)


class _View:
    """An evaluation context over a variables mapping and a state's visits and facts."""

    __slots__ = ("facts", "variables", "visits")

    def __init__(
        self, variables: Mapping[str, Value], visits: Mapping[str, int], facts: frozenset[str]
    ) -> None:
        self.variables = variables
        self.visits = visits
        self.facts = facts


def _apply(effects: tuple[Effect, ...], context: _View) -> dict[str, Value]:
    """Effects evaluated against `context`, then assigned together."""
    values = {effect.variable: effect.value.evaluate(context) for effect in effects}
    merged = dict(context.variables)
    merged.update(values)
    return merged


class Game:
    """The rules for one story. Stateless: every method takes and returns states."""

    def __init__(self, story: Story) -> None:
        self.story = story

    def start(self) -> GameState:
        """A new game: `start` entered once, its facts revealed and `on_enter` applied."""
        return self._enter(
            self.story.start,
            variables=self.story.defaults(),
            visits={},
            facts=frozenset(),
            taken_once=frozenset(),
            steps=0,
            last=None,
            previous=None,
        )

    def _enter(
        self,
        node_id: str,
        *,
        variables: dict[str, Value],
        visits: Mapping[str, int],
        facts: frozenset[str],
        taken_once: frozenset[str],
        steps: int,
        last: Step | None,
        previous: GameState | None,
    ) -> GameState:
        node = self.story.nodes[node_id]
        new_visits = dict(visits)
        new_visits[node_id] = new_visits.get(node_id, 0) + 1
        if node.facts:
            facts = facts.union(node.facts)
        if node.on_enter:
            variables = _apply(node.on_enter, _View(variables, new_visits, facts))
        return GameState(
            node_id,
            variables,
            new_visits,
            facts,
            taken_once,
            node.is_ending,
            steps,
            last,
            previous,
        )

    def node(self, state: GameState) -> Node:
        return self.story.nodes[state.node]

    def choices(self, state: GameState) -> tuple[ChoiceView, ...]:
        """The choices shown at `state`: available ones and locked ones, in story order."""
        node = self.story.nodes[state.node]
        shown: list[ChoiceView] = []
        for choice in node.choices:
            if choice.once and f"{node.id}/{choice.key}" in state.taken_once:
                continue
            available = choice.is_available(state)
            if not available and choice.locked is None:
                continue
            shown.append(
                ChoiceView(
                    choice,
                    len(shown) + 1,
                    choice.text.render(state.variables),
                    available,
                    None if available else choice.locked,
                )
            )
        return tuple(shown)

    def passage(self, state: GameState) -> Passage:
        """The rendered passage at `state`."""
        node = self.story.nodes[state.node]
        paragraphs = [
            block.template.render(state.variables).strip()
            for block in node.blocks
            if block.condition is None or block.condition.evaluate(state)
        ]
        title = node.title.render(state.variables) if node.title else None
        return Passage(
            node, title, "\n\n".join(p for p in paragraphs if p), self.choices(state), node.ending
        )

    def take(self, state: GameState, key: str) -> GameState:
        """The state after taking the choice with stable `key`; raises `GameError`."""
        if state.ended:
            raise GameError("the story has ended; there are no more choices")
        node = self.story.nodes[state.node]
        choice = node.choice(key)
        if choice is None:
            raise GameError(f"node '{node.id}' has no choice '{key}'")
        once_key = f"{node.id}/{choice.key}"
        if choice.once and once_key in state.taken_once:
            raise GameError("that choice has already been taken")
        if not choice.is_available(state):
            raise GameError(choice.locked or "that choice is not available")
        variables = (
            _apply(choice.effects, _View(state.variables, state.visits, state.facts))
            if choice.effects
            else dict(state.variables)
        )
        taken = state.taken_once | {once_key} if choice.once else state.taken_once
        return self._enter(
            choice.goto,
            variables=variables,
            visits=state.visits,
            facts=state.facts,
            taken_once=taken,
            steps=state.steps + 1,
            last=Step(node.id, choice.key, choice.text.render(state.variables)),
            previous=state,
        )

    def take_number(self, state: GameState, number: int) -> GameState:
        """Take the `number`-th shown choice (1-based); raises `GameError`."""
        shown = self.choices(state)
        if not 1 <= number <= len(shown):
            raise GameError(f"there is no choice {number}; choose 1 to {len(shown)}")
        view = shown[number - 1]
        if not view.available:
            raise GameError(f"that choice is locked: {view.reason}")
        return self.take(state, view.key)

    @staticmethod
    def undo(state: GameState, steps: int = 1) -> GameState:
        """The state `steps` choices back (the start at most)."""
        for _ in range(steps):
            if state.previous is None:
                break
            state = state.previous
        return state
