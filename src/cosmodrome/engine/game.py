"""The rules of play: entering nodes, which choices show, taking one, undo."""

from __future__ import annotations

from collections.abc import Mapping

from cosmodrome.engine.passages import ChoiceView, Passage, choice_views, passage
from cosmodrome.engine.state import GameState, Step, new_state, new_step
from cosmodrome.engine.visits import Visits
from cosmodrome.story.expr import Value
from cosmodrome.story.model import Effect, Node, Story

__all__ = ["ChoiceView", "Game", "GameError", "Passage"]  # the views live in passages.py
SMALL_VISITS = 128  # beyond this many nodes seen, visit counts move to a shared trie


class GameError(Exception):
    """A move the rules do not allow: an unknown, hidden or locked choice."""


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
        story = self.story
        # variables, visits, facts, taken once, steps, last, previous
        return self._enter(
            story.start, story.defaults(), {}, frozenset(), frozenset(), 0, None, None
        )

    def _enter(  # noqa: PLR0917 - positional: it runs on every move
        self,
        node_id: str,
        variables: dict[str, Value],
        visits: Mapping[str, int],
        facts: frozenset[str],
        taken_once: frozenset[str],
        steps: int,
        last: Step | None,
        previous: GameState | None,
    ) -> GameState:
        node = self.story.nodes[node_id]
        new_visits: Mapping[str, int]
        if type(visits) is dict and len(visits) < SMALL_VISITS:
            new_visits = visits.copy()  # small: a plain dict is cheapest to copy and read
            new_visits[node_id] = visits.get(node_id, 0) + 1
        else:  # large: a trie that shares all but one leaf, O(1) whatever the story's size
            new_visits = (visits if type(visits) is Visits else Visits(visits)).entered(node_id)
        if node.facts:
            facts = facts.union(node.facts)
        if node.on_enter:
            variables = _apply(node.on_enter, _View(variables, new_visits, facts))
        return new_state(
            node_id,
            variables,
            new_visits,
            facts,
            taken_once,
            node.ending is not None,  # `is_ending`, without a property call per move
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
        choice = node.choice(key)
        if choice is None:
            raise GameError(f"node '{node.id}' has no choice '{key}'")
        taken = state.taken_once
        if choice.once:
            once_key = f"{node.id}/{choice.key}"
            if once_key in taken:
                raise GameError("that choice has already been taken")
            taken = taken | {once_key}
        condition = choice.condition
        if condition is not None and not condition.evaluate(state):
            raise GameError(choice.locked or "that choice is not available")
        variables = (
            _apply(choice.effects, _View(state.variables, state.visits, state.facts))
            if choice.effects
            else dict(state.variables)
        )
        parts = choice.text.parts
        text = parts[0] if len(parts) == 1 else choice.text.render(state.variables)
        last = new_step(node.id, choice.key, text)
        return self._enter(
            choice.goto, variables, state.visits, state.facts, taken, state.steps + 1, last, state
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
