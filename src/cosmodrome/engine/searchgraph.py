"""The exhaustive explorer's graph: every state found, as a compact key, with the state
it was found from, the choice that led there and its edges, in flat arrays."""

from __future__ import annotations

from array import array
from collections import deque
from dataclasses import replace
from itertools import product

from cosmodrome.engine.exprscan import constant_step
from cosmodrome.engine.game import Game
from cosmodrome.engine.state import GameState
from cosmodrome.engine.statekey import StateKeys
from cosmodrome.engine.valueclasses import ValueClasses
from cosmodrome.story.model import Choice, Story


class Search:
    """The explored graph: each state's key, parent, the choice that led to it, its edges."""

    def __init__(self, story: Story, max_states: int) -> None:
        self.story = story
        self.game = Game(story)
        self.keys = StateKeys(story)
        self.max_states = max_states
        self.seen: dict[bytes, int] = {}
        self.key_of: list[bytes] = []
        self.parent = array("i")
        self.via = array("i")  # the number of the choice that led here; -1 at the start
        self.edge_from = array("i")
        self.edge_to = array("i")
        self.queue: deque[int] = deque()
        self.choice_list: list[tuple[str, str]] = []
        self.choice_number: dict[tuple[str, str], int] = {}
        self.reach: dict[int, tuple[tuple[str, ValueClasses, int], ...]] = {}
        self.refused: set[bytes] = set()  # new states the bound turned away
        self.first_at: dict[str, int] = {}  # the first state explored at each node
        self.ending_states: list[int] = []
        self.stuck: set[int] = set()  # soft-locked or failed states
        self.taken_at: dict[tuple[str, str], int] = {}  # the first state each choice was taken at

    def admit(self, key: bytes, parent: int, via: int) -> int | None:
        """The state's number, new or already seen; None when the bound refuses it."""
        index = self.seen.get(key)
        if index is not None:
            return index
        if len(self.key_of) >= self.max_states:
            self.refused.add(key)
            return None
        index = len(self.key_of)
        self.seen[key] = index
        self.key_of.append(key)
        self.parent.append(parent)
        self.via.append(via)
        self.queue.append(index)
        return index

    def route(self, index: int) -> list[tuple[str, str]]:
        """The choices (node id, key) from the start to state `index`."""
        steps: list[tuple[str, str]] = []
        while index >= 0:
            if self.via[index] >= 0:
                steps.append(self.choice_list[self.via[index]])
            index = self.parent[index]
        steps.reverse()
        return steps

    def number(self, node_id: str, choice: Choice) -> int:
        """The choice's number, and (once) how far its move can shift each classed variable."""
        found = self.choice_number.get((node_id, choice.key))
        if found is None:
            found = self.choice_number[node_id, choice.key] = len(self.choice_list)
            self.choice_list.append((node_id, choice.key))
            shifts: dict[str, int] = {}
            for effect in (*choice.effects, *self.story.nodes[choice.goto].on_enter):
                step = constant_step(effect)
                if effect.variable in self.keys.classes and step:
                    shifts[effect.variable] = shifts.get(effect.variable, 0) + abs(step)
            classes = self.keys.classes
            self.reach[found] = tuple((v, classes[v], r) for v, r in sorted(shifts.items()))
        return found

    def variants(self, state: GameState, number: int) -> list[GameState]:
        """`state` with each variable the move shifts set to every number of its class
        that the move can carry somewhere different: the move's over-approximation."""
        axes: list[tuple[str, list[int]]] = []
        for name, classes, reach in self.reach[number]:
            value = state.variables[name]
            if type(value) is int:
                samples = classes.samples(classes.index(value), reach)
                if len(samples) > 1:
                    axes.append((name, samples))
        if not axes:
            return [state]
        names = [name for name, _ in axes]
        return [
            replace(state, variables={**state.variables, **dict(zip(names, combo, strict=True))})
            for combo in product(*(samples for _, samples in axes))
        ]
