"""The rules of play: entering nodes, which choices show, taking one, undo."""

from __future__ import annotations

from collections.abc import Mapping

from cosmodrome.engine.passages import ChoiceView, Passage, choice_views, passage
from cosmodrome.engine.state import GameState, make_state
from cosmodrome.engine.visits import VisitLog, Visits, enter, view
from cosmodrome.story.expr import Value
from cosmodrome.story.model import Choice, Effect, Node, Story

__all__ = ["ChoiceView", "Game", "GameError", "Passage"]  # the views live in passages.py


class GameError(Exception):
    """A move the rules do not allow: an unknown, hidden or locked choice."""


class _View:
    """An evaluation context over a variables mapping and the visits and facts of a
    state; the visits as a mapping only if an expression asks for them."""

    __slots__ = ("end", "facts", "log", "variables")

    def __init__(
        self, variables: Mapping[str, Value], log: VisitLog, end: int, facts: frozenset[str]
    ) -> None:
        self.variables = variables
        self.log = log
        self.end = end
        self.facts = facts

    @property
    def visits(self) -> Visits:
        return view(self.log, self.end)


def _apply(effects: tuple[Effect, ...], context: _View) -> dict[str, Value]:
    """Effects evaluated against `context`, then assigned together."""
    values = {effect.variable: effect.value.evaluate(context) for effect in effects}
    merged = dict(context.variables)
    merged.update(values)
    return merged


class Game:
    """The rules for one story. Every method takes and returns states; the only thing
    kept is the choices last shown, so that taking one of them is not checked twice."""

    def __init__(self, story: Story) -> None:
        self.story = story
        # the state a passage (or its choices) was last shown for, and those choices
        self._shown: tuple[GameState | None, tuple[ChoiceView, ...]] = (None, ())

    def start(self) -> GameState:
        """A new game: `start` entered once, its facts revealed and `on_enter` applied."""
        story = self.story
        # variables, visits, facts, taken once, steps, no choice, no previous state
        return self._enter(
            story.start,
            story.defaults(),
            VisitLog({}),
            0,
            frozenset(),
            frozenset(),
            0,
            None,
            "",
            "",
            None,
        )

    def _enter(  # noqa: PLR0917 - positional: it runs on every move
        self,
        node_id: str,
        variables: Mapping[str, Value],
        log: VisitLog,
        end: int,
        facts: frozenset[str],
        taken_once: frozenset[str],
        steps: int,
        took_node: str | None,
        took_choice: str,
        took_text: str,
        previous: GameState | None,
    ) -> GameState:
        """The state on entering `node_id` with the rest (`log` and `end`: the visits
        so far) as the move left it: its visit counted, facts revealed, `on_enter` run."""
        node = self.story.nodes[node_id]
        entered = enter(log, end, node_id)
        end = end + 1 if entered is log else 1
        if node.facts:
            facts = facts.union(node.facts)
        if node.on_enter:
            variables = _apply(node.on_enter, _View(variables, entered, end, facts))
        return make_state(
            node_id,
            variables,
            entered,
            end,
            facts,
            taken_once,
            node.ending is not None,  # `is_ending`, without a property call per move
            steps,
            took_node,
            took_choice,
            took_text,
            previous,
        )

    def node(self, state: GameState) -> Node:
        return self.story.nodes[state.node]

    def choices(self, state: GameState) -> tuple[ChoiceView, ...]:
        """The choices shown at `state`: available ones and locked ones, in story order."""
        views = choice_views(self.story.nodes[state.node], state)
        self._shown = (state, views)
        return views

    def passage(self, state: GameState) -> Passage:
        """The rendered passage at `state`."""
        shown = passage(self.story.nodes[state.node], state)
        self._shown = (state, shown.choices)
        return shown

    def take(self, state: GameState, key: str) -> GameState:
        """The state after taking the choice with stable `key`; raises `GameError`."""
        if state.ended:
            raise GameError("the story has ended; there are no more choices")
        # A state is immutable, so the choices last shown for this very state still hold:
        # a choice taken from them needs no second look at its condition or text.
        seen, views = self._shown
        if seen is state:
            for view_ in views:
                choice = view_.choice
                if choice.key == key and view_.available:
                    return self._took(state, choice, view_.text)
        node = self.story.nodes[state.node]
        found = node.choice(key)
        if found is None:
            raise GameError(f"node '{node.id}' has no choice '{key}'")
        if found.once and f"{node.id}/{found.key}" in state.taken_once:
            raise GameError("that choice has already been taken")
        condition = found.condition
        if condition is not None and not condition.evaluate(state):
            raise GameError(found.locked or "that choice is not available")
        parts = found.text.parts
        text = parts[0] if len(parts) == 1 else found.text.render(state.variables)
        return self._took(state, found, text)

    def _took(self, state: GameState, choice: Choice, text: str) -> GameState:
        """The state after taking `choice` (already checked) at `state`; `text` as shown."""
        here = state.node
        taken = state.taken_once
        if choice.once:
            taken = taken | {f"{here}/{choice.key}"}
        variables = state.variables
        log, end = state._visit_log, state._visit_end  # the engine reads its own state
        if choice.effects:  # else shared: no state ever changes its variables in place
            variables = _apply(choice.effects, _View(variables, log, end, state.facts))
        return self._enter(
            choice.goto,
            variables,
            log,
            end,
            state.facts,
            taken,
            state.steps + 1,
            here,
            choice.key,
            text,
            state,
        )

    def take_number(self, state: GameState, number: int) -> GameState:
        """Take the `number`-th shown choice (1-based); raises `GameError`."""
        shown = self.choices(state)
        if not 1 <= number <= len(shown):
            raise GameError(f"there is no choice {number}; choose 1 to {len(shown)}")
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
