"""Random playtesting, like ChoiceScript's randomtest: many seeded play-throughs.

Each run picks uniformly among the available choices until an ending, a
soft-lock (no available choice), an error or `max_steps` choices (a possible
endless loop). Run `i` of seed `s` uses the seed `run_seed(s, i)`, so any run
can be replayed alone (`cosmodrome test --record FILE --seed N`).
"""

from __future__ import annotations

import random
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from enum import StrEnum

from cosmodrome.engine.game import Game
from cosmodrome.engine.problems import Problem, silenced, string_at_limit
from cosmodrome.engine.rendercheck import RenderCheck
from cosmodrome.engine.replays import Replays
from cosmodrome.engine.state import GameState, Step

DEFAULT_RUNS = 1000
DEFAULT_MAX_STEPS = 1000
LOOP_TAIL = 30  # choices at the end of an endless run whose nodes are named


def run_seed(seed: int, run: int) -> int:
    """The seed of run `run` (0-based) of a test seeded `seed`."""
    return seed * 1_000_000 + run


class Outcome(StrEnum):
    ENDING = "ending"
    SOFT_LOCK = "soft-lock"
    LOOP = "loop"
    ERROR = "error"


@dataclass(frozen=True)
class Playthrough:
    """One run: how it ended, the state it ended in, and the error if there was one."""

    outcome: Outcome
    state: GameState
    error: str | None = None


def play_randomly(
    game: Game,
    rng: random.Random,
    max_steps: int = DEFAULT_MAX_STEPS,
    *,
    render: RenderCheck | None = None,
) -> Playthrough:
    """Play one run with `rng` choosing; `render` checks every passage shown renders."""
    nodes = game.story.nodes
    state = game.start()
    try:
        while True:
            node = nodes[state.node]
            if render is not None:
                render.check(state)
            if node.is_ending:
                return Playthrough(Outcome.ENDING, state)
            taken = state.taken_once
            available = [
                c
                for c in node.choices
                if not (c.once and f"{node.id}/{c.key}" in taken) and c.is_available(state)
            ]
            if not available:
                return Playthrough(Outcome.SOFT_LOCK, state)
            if state.steps >= max_steps:
                return Playthrough(Outcome.LOOP, state)
            state = game.take(state, rng.choice(available).key)
    except Exception as exc:  # a robot reports any failure, it never stops on one
        return Playthrough(Outcome.ERROR, state, f"{type(exc).__name__}: {exc}")


@dataclass
class RandomReport:
    """What many random runs found, and how much of the story they saw."""

    runs: int
    seed: int
    max_steps: int
    nodes_total: int
    choices_total: int
    nodes_seen: set[str] = field(default_factory=set)
    choices_taken: set[tuple[str, str]] = field(default_factory=set)
    endings: Counter[str] = field(default_factory=Counter)
    lengths: list[int] = field(default_factory=list)
    problems: dict[tuple[str, str], Problem] = field(default_factory=dict)
    replays: Replays = field(default_factory=Replays)  # reported, not failures

    @property
    def failed(self) -> bool:
        return bool(self.problems)

    @property
    def mean_length(self) -> float:
        return sum(self.lengths) / len(self.lengths) if self.lengths else 0.0

    @property
    def longest(self) -> int:
        return max(self.lengths, default=0)

    def add_problem(self, problem: Problem) -> None:
        """Keep one problem per code and node: the one with the shortest route."""
        key = (problem.code, problem.node)
        known = self.problems.get(key)
        self.problems[key] = problem if known is None else known.met_again(problem)

    def to_json(self) -> dict[str, object]:
        return {
            "runs": self.runs,
            "seed": self.seed,
            "max_steps": self.max_steps,
            "ok": not self.failed,
            "problems": [p.to_json() for p in self.problems.values()],
            "coverage": {
                "nodes_seen": len(self.nodes_seen),
                "nodes_total": self.nodes_total,
                "choices_taken": len(self.choices_taken),
                "choices_total": self.choices_total,
            },
            "replays": self.replays.to_json(),
            "endings": dict(sorted(self.endings.items())),
            "length": {"mean": round(self.mean_length, 2), "longest": self.longest},
        }


def _problem(run: Playthrough, seed: int) -> Problem | None:
    state = run.state
    route = tuple(state.steps_taken())
    for index, past in enumerate(state.history()):  # the cause of a loop or error, if it is
        if (cut := string_at_limit(past)) is not None:
            return Problem("string-limit", past.node, cut, route[:index], seed)
    if run.outcome is Outcome.ERROR:
        return Problem("error", state.node, run.error or "error", route, seed)
    if run.outcome is Outcome.SOFT_LOCK:
        message = f"no choice is available at node '{state.node}'"
        return Problem("soft-lock", state.node, message, route, seed)
    if run.outcome is Outcome.LOOP:
        tail = sorted({s.node for s in route[-LOOP_TAIL:]})
        message = (
            f"still playing after {len(route)} choices (an endless loop?); "
            f"it was going round {', '.join(tail)}"
        )
        return Problem("loop", state.node, message, route[-LOOP_TAIL:], seed)
    return None


def random_test(
    game: Game,
    runs: int = DEFAULT_RUNS,
    seed: int = 0,
    max_steps: int = DEFAULT_MAX_STEPS,
    *,
    render: bool = True,
    on_run: Callable[[int], None] | None = None,
) -> RandomReport:
    """Play `runs` seeded random runs and gather problems, coverage and endings."""
    story = game.story
    check = RenderCheck(game) if render else None
    report = RandomReport(
        runs,
        seed,
        max_steps,
        nodes_total=len(story.nodes),
        choices_total=sum(len(n.choices) for n in story.nodes.values()),
    )
    for index in range(runs):
        this_seed = run_seed(seed, index)
        run = play_randomly(game, random.Random(this_seed), max_steps, render=check)
        _gather(report, run.state)
        if run.outcome is Outcome.ENDING:
            report.endings[run.state.node] += 1
        report.lengths.append(run.state.steps)
        problem = _problem(run, this_seed)
        if problem is not None and not silenced(story, problem.code, problem.node):
            report.add_problem(problem)
        if run.outcome is not Outcome.ERROR:
            report.replays.add_run(game, run.state, this_seed)
        if on_run is not None:
            on_run(index + 1)
    return report


def _gather(report: RandomReport, state: GameState) -> None:
    report.nodes_seen.update(state.visits)
    step: Step | None
    current: GameState | None = state
    while current is not None:
        step = current.last
        if step is not None:
            report.choices_taken.add((step.node, step.choice))
        current = current.previous
