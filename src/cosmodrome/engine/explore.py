"""Exhaustive exploration: every reachable state, breadth-first, up to a bound.

States are told apart by `StateKeys` (what can change the future), so loops
and counters do not explode the search. Breadth-first means the first route
found to anything is a shortest one. Within the bound the explorer confirms
what the lint rules can only suspect: soft-locks, nodes and endings no
play-through reaches, choices never available, parts of the story with no way
to an ending, and any error raised while playing or rendering a passage.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable
from dataclasses import dataclass, field

from cosmodrome.engine.game import Game
from cosmodrome.engine.problems import Problem, silenced, string_at_limit
from cosmodrome.engine.state import GameState, Step
from cosmodrome.engine.statekey import StateKey, StateKeys
from cosmodrome.story.collector import collector_paused
from cosmodrome.story.lint.successors import can_reach
from cosmodrome.story.model import Story

DEFAULT_MAX_STATES = 200_000


@dataclass
class Exploration:
    """What exploring found. `complete` is False when the state bound cut the search short:
    then nothing can be called unreachable, only "not reached"."""

    states: int
    max_states: int
    complete: bool
    reached: set[str] = field(default_factory=set)
    endings: dict[str, tuple[Step, ...]] = field(default_factory=dict)  # shortest route each
    taken: set[tuple[str, str]] = field(default_factory=set)
    problems: list[Problem] = field(default_factory=list)
    not_reached: list[str] = field(default_factory=list)  # when incomplete

    @property
    def failed(self) -> bool:
        return bool(self.problems)

    def to_json(self) -> dict[str, object]:
        return {
            "states": self.states,
            "max_states": self.max_states,
            "complete": self.complete,
            "ok": not self.failed,
            "problems": [p.to_json() for p in self.problems],
            "nodes_reached": len(self.reached),
            "endings": {
                node: [{"node": s.node, "choice": s.choice, "text": s.text} for s in route]
                for node, route in sorted(self.endings.items())
            },
            "not_reached": self.not_reached,
        }


class _Search:
    def __init__(self, story: Story, max_states: int) -> None:
        self.story = story
        self.game = Game(story)
        self.keys = StateKeys(story)
        self.max_states = max_states
        self.parent: list[int] = []
        self.via: list[Step | None] = []
        self.node_of: list[str] = []
        self.successors: list[list[int]] = []
        self.seen: dict[StateKey, int] = {}
        self.queue: deque[tuple[int, GameState]] = deque()
        self.complete = True
        self.ending_states: list[int] = []
        self.stuck: set[int] = set()  # soft-locked or failed states

    def admit(self, state: GameState, parent: int) -> int | None:
        key = self.keys.key(state)
        index = self.seen.get(key)
        if index is not None:
            return index
        if len(self.parent) >= self.max_states:
            self.complete = False
            return None
        index = len(self.parent)
        self.seen[key] = index
        self.parent.append(parent)
        self.via.append(state.last)
        self.node_of.append(state.node)
        self.successors.append([])
        self.queue.append((index, state.without_undo()))  # keep no undo chain
        return index

    def route(self, index: int) -> tuple[Step, ...]:
        steps: list[Step] = []
        while index >= 0:
            step = self.via[index]
            if step is not None:
                steps.append(step)
            index = self.parent[index]
        return tuple(reversed(steps))


def explore(
    story: Story,
    max_states: int = DEFAULT_MAX_STATES,
    on_progress: Callable[[int], None] | None = None,
) -> Exploration:
    """Explore every reachable state of `story`, up to `max_states` distinct ones."""
    with collector_paused():  # millions of small tuples and no reference cycles
        return _explore(story, max_states, on_progress)


def _explore(
    story: Story, max_states: int, on_progress: Callable[[int], None] | None
) -> Exploration:
    search = _Search(story, max_states)
    game = search.game
    result = Exploration(0, max_states, True)
    first: dict[tuple[str, str], Problem] = {}

    def report(code: str, node: str, message: str, index: int) -> None:
        if (code, node) not in first and not silenced(story, code, node):
            first[code, node] = Problem(code, node, message, search.route(index))

    search.admit(game.start(), -1)
    done = 0
    while search.queue:
        index, state = search.queue.popleft()
        done += 1
        if on_progress is not None and done % 1000 == 0:
            on_progress(done)
        node = story.nodes[state.node]
        result.reached.add(node.id)
        try:
            game.passage(state)  # every text rendered once per state: an error check
            views = [v for v in game.choices(state) if v.available]
        except Exception as exc:  # a robot reports any failure, it never stops on one
            report("error", node.id, f"{type(exc).__name__}: {exc}", index)
            search.stuck.add(index)
            continue
        if node.is_ending:
            search.ending_states.append(index)
            result.endings.setdefault(node.id, search.route(index))
            continue
        if not views:
            report("soft-lock", node.id, f"no choice is available at node '{node.id}'", index)
            search.stuck.add(index)
            continue
        for view in views:
            try:
                child = game.take(state, view.key)
            except Exception as exc:
                message = f"taking '{view.text}': {type(exc).__name__}: {exc}"
                report("error", node.id, message, index)
                continue
            result.taken.add((node.id, view.key))
            if (cut := string_at_limit(child)) is not None:
                report("string-limit", node.id, cut, index)
            target = search.admit(child, index)
            if target is not None:
                search.successors[index].append(target)
    result.states = len(search.parent)
    result.complete = search.complete
    if search.complete:
        _no_way_out(search, report)
    result.problems = list(first.values())
    _unreached(story, result)
    return result


def _no_way_out(search: _Search, report: Callable[[str, str, str, int], None]) -> None:
    """Report where play first falls into states from which no ending can be reached."""
    back: list[list[int]] = [[] for _ in search.parent]
    for source, targets in enumerate(search.successors):
        for target in targets:
            back[target].append(source)
    can_end = can_reach(search.ending_states, back.__getitem__)
    for index in range(len(search.parent)):
        if index in can_end or index in search.stuck:
            continue
        parent = search.parent[index]
        if parent >= 0 and parent not in can_end:
            continue  # not where play falls in: the parent was already lost
        at = search.via[index]
        where = f"after '{at.text}'" if at is not None else "from the start"
        message = f"{where} no ending can be reached any more"
        report("no-way-out", search.node_of[index], message, index)


def _unreached(story: Story, result: Exploration) -> None:
    """Nodes, endings and choices never reached: problems when the search was complete."""
    missing = [n for n in story.nodes if n not in result.reached]
    if not result.complete:
        result.not_reached = missing
        return
    for node_id in missing:
        node = story.nodes[node_id]
        code = "unreachable-ending" if node.is_ending else "unreachable"
        what = f"ending '{node_id}'" if node.is_ending else f"node '{node_id}'"
        if not silenced(story, code, node_id):
            result.problems.append(Problem(code, node_id, f"{what} is never reached"))
    for node_id in sorted(result.reached):
        for choice in story.nodes[node_id].choices:
            if (node_id, choice.key) in result.taken or silenced(story, "never-true", node_id):
                continue
            message = f"choice '{choice.key}' (\"{choice.text.source}\") is never available"
            result.problems.append(Problem("never-true", node_id, message))
