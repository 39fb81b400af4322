"""Exhaustive exploration: every reachable state, breadth-first, within bounds.

States are told apart by `StateKeys` (what can change the future, as compact
bytes), so loops, counters and histories no condition reads do not explode the
search; a state is rebuilt from its key when its turn comes, so the queue holds
bytes, not states. Breadth-first means the first route found to anything is a
shortest one. What the search finds through the abstraction is replayed on the
real rules (`confirm`) before it is reported: soft-locks, errors, parts of the
story with no way to an ending, and the route to every node, choice and ending.
"""

from __future__ import annotations

import sys
from array import array
from collections import deque
from collections.abc import Callable
from dataclasses import replace
from itertools import product

from cosmodrome.engine.confirm import Candidate, confirm
from cosmodrome.engine.exploration import Exploration, Stop
from cosmodrome.engine.game import Game
from cosmodrome.engine.state import GameState
from cosmodrome.engine.statekey import StateKeys, constant_step
from cosmodrome.engine.valueclasses import ValueClasses
from cosmodrome.story.collector import collector_paused
from cosmodrome.story.model import Choice, Story

DEFAULT_MAX_STATES = 2_000_000
MEMORY_CHECK_EVERY = 4096  # states explored between two looks at the memory used


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
        self.explored = 0  # states explored: numbers 0 to explored - 1, breadth-first
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


def explore(
    story: Story,
    max_states: int = DEFAULT_MAX_STATES,
    on_progress: Callable[[int], None] | None = None,
    max_memory_mb: int | None = None,
) -> Exploration:
    """Explore every reachable state of `story` within `max_states` distinct states (and
    `max_memory_mb` of peak memory, where the system can tell), confirm what was found
    by replaying it, and return the findings."""
    with collector_paused():  # millions of small objects and no reference cycles
        search = Search(story, max_states)
        result = Exploration(0, max_states, False, max_memory_mb=max_memory_mb)
        candidates = _search(search, result, on_progress)
        result.states = len(search.key_of)
        result.frontier = len(search.queue) + len(search.refused)
        confirm(search, result, candidates)
    return result


def _search(
    search: Search, result: Exploration, on_progress: Callable[[int], None] | None
) -> list[Candidate]:
    """Run the breadth-first search; the problems it suspects, in the order found."""
    game, keys, story = search.game, search.keys, search.story
    found: dict[tuple[str, str], Candidate] = {}

    def suspect(code: str, node: str, message: str, index: int, key: str | None = None) -> None:
        found.setdefault((code, node), Candidate(code, node, message, index, key))

    search.admit(keys.key(game.start()), -1, -1)
    done = 0
    while search.queue:
        if search.refused:
            break
        done += 1
        if done % MEMORY_CHECK_EVERY == 1:  # the first look right away
            if on_progress is not None:
                on_progress(done)
            if result.max_memory_mb is not None and peak_memory_mb() >= result.max_memory_mb:
                result.stopped = Stop.MEMORY
                break
        index = search.queue.popleft()
        state = keys.state(search.key_of[index])
        node = story.nodes[state.node]
        search.explored += 1
        search.first_at.setdefault(node.id, index)
        result.reached.add(node.id)
        try:
            game.passage(state)  # every text rendered once per state: an error check
            views = [v for v in game.choices(state) if v.available]
        except Exception as exc:  # a robot reports any failure, it never stops on one
            suspect("error", node.id, f"{type(exc).__name__}: {exc}", index)
            search.stuck.add(index)
            continue
        if node.is_ending:
            search.ending_states.append(index)
            continue
        if not views:
            suspect("soft-lock", node.id, f"no choice is available at node '{node.id}'", index)
            search.stuck.add(index)
            continue
        for view in views:
            number = search.number(node.id, view.choice)
            children: set[bytes] = set()
            for variant in search.variants(state, number):
                try:
                    child = game.take(variant, view.key)
                except Exception as exc:
                    message = f"taking '{view.text}': {type(exc).__name__}: {exc}"
                    suspect("error", node.id, message, index, view.key)
                    continue
                children.add(keys.key(child))
            if len(children) > 1:
                result.approximate = True
            if children:
                search.taken_at.setdefault((node.id, view.key), index)
            for child_key in sorted(children):
                target = search.admit(child_key, index, number)
                if target is not None:
                    search.edge_from.append(index)
                    search.edge_to.append(target)
    if search.refused:
        result.stopped = Stop.STATES
    return list(found.values())


def peak_memory_mb() -> int:
    """The process's peak resident memory so far, in MB (0 where the system cannot say)."""
    try:
        import resource
    except ImportError:  # Windows: no bound on memory there
        return 0
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak // (1024 * 1024) if sys.platform == "darwin" else peak // 1024
