"""The rules of play: entering nodes, which choices show, taking one, undo."""

from __future__ import annotations

from collections.abc import Mapping
from typing import NamedTuple

from cosmodrome.engine.passages import ChoiceView, Passage, choice_views, passage
from cosmodrome.engine.state import GameState, Step
from cosmodrome.story.expr import Value
from cosmodrome.story.model import Effect, Node, Story


class GameError(Exception):
    """A move the rules do not allow: an unknown, hidden or locked choice."""


class _Scope(NamedTuple):
    """What an expression reads while a move is being made, before its state exists."""

    variables: Mapping[str, Value]
    visits: Mapping[str, int]
    facts: frozenset[str]


def _apply(effects: tuple[Effect, ...], scope: _Scope | GameState) -> dict[str, Value]:
    """Effects evaluated against `scope`, then assigned together."""
    values = {effect.variable: effect.value.evaluate(scope) for effect in effects}
    merged = dict(scope.variables)
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
        variables: Mapping[str, Value],
        visits: Mapping[str, int],
        facts: frozenset[str],
        taken_once: frozenset[str],
        steps: int,
        last: Step | None,
        previous: GameState | None,
    ) -> GameState:
        """The state on entering `node_id` with the rest as the move left it: the visit
        counted, the node's facts revealed, its `on_enter` run."""
        node = self.story.nodes[node_id]
        counted = dict(visits)  # a copy: the earlier state keeps its own counts
        counted[node_id] = counted.get(node_id, 0) + 1
        if node.facts:
            facts = facts.union(node.facts)
        if node.on_enter:
            variables = _apply(node.on_enter, _Scope(variables, counted, facts))
        return GameState(
            node_id,
            variables,
            counted,
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
        return choice_views(self.story.nodes[state.node], state)

    def passage(self, state: GameState) -> Passage:
        """The rendered passage at `state`."""
        return passage(self.story.nodes[state.node], state)

    def take(self, state: GameState, key: str) -> GameState:
        """The state after taking the choice with stable `key`; raises `GameError`."""
        if state.ended:
            raise GameError("the story has ended; there are no more choices")
        node = self.story.nodes[state.node]
        found = node.choice(key)
        if found is None:
            raise GameError(f"node '{node.id}' has no choice '{key}'")
        if found.once and f"{node.id}/{found.key}" in state.taken_once:
            raise GameError("that choice has already been taken")
        if not found.is_available(state):
            raise GameError(found.locked or "that choice is not available")
        taken = state.taken_once
        if found.once:
            taken = taken | {f"{node.id}/{found.key}"}
        variables = state.variables
        if found.effects:  # else shared: no state ever changes its variables in place
            variables = _apply(found.effects, state)
        return self._enter(
            found.goto,
            variables=variables,
            visits=state.visits,
            facts=state.facts,
            taken_once=taken,
            steps=state.steps + 1,
            last=Step(node.id, found.key, found.text.render(state.variables, state)),
            previous=state,
        )

    def take_number(self, state: GameState, number: int) -> GameState:
        """Take the `number`-th shown choice (1-based); raises `GameError`."""
        shown = self.choices(state)
        if not 1 <= number <= len(shown):
            raise GameError(f"there is no choice {number}; {_which(len(shown))}")
        view_ = shown[number - 1]
        if not view_.available:
            raise GameError(f"that choice is locked: {view_.reason}")
        return self.take(state, view_.key)

    @staticmethod
    def undo(state: GameState, steps: int = 1) -> GameState:
        """The state `steps` choices back (the start at most)."""
        for _ in range(steps):
            if state.previous is None:
                break
            state = state.previous
        return state


def _which(count: int) -> str:
    """What the player may type instead, for `count` choices shown."""
    if count == 0:
        return "there are no choices here"
    if count == 1:
        return "the only choice is 1"
    if count == 2:
        return "choose 1 or 2"
    return f"choose a number from 1 to {count}"
