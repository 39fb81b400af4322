"""The engine's floor: the synthetic story as plain dicts and Python lambdas, and a loop
that plays it.

`generate.py` writes each condition and effect twice from the same random draw: as
story text for the engine, and as a lambda here. So the floor plays the same graph
without using any of the code under test (no loader, no compiled expressions, no
templates): it is what a hand-written game over plain dicts would cost.
"""

from __future__ import annotations

import random
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

Value = int | bool | str


@dataclass(slots=True)
class Context:
    """What a condition or effect reads: plain mutable containers, changed in place."""

    variables: dict[str, Any]
    visits: dict[str, int]
    facts: set[str]


Condition = Callable[[Context], bool]
Evaluate = Callable[[Context], Value]
Assignments = tuple[tuple[str, Evaluate], ...]


@dataclass(frozen=True, slots=True)
class BareChoice:
    text: str  # a `str.format` string
    goto: str
    condition: Condition | None
    locked: str | None  # shown, not available, when its condition fails
    once: bool
    effects: Assignments


@dataclass(frozen=True, slots=True)
class BareNode:
    title: str | None
    blocks: tuple[tuple[Condition | None, str], ...]  # (condition, `str.format` string)
    choices: tuple[BareChoice, ...]
    ending: bool
    facts: tuple[str, ...]
    on_enter: Assignments


@dataclass(slots=True)
class BareStory:
    start: str
    defaults: dict[str, Value]
    nodes: dict[str, BareNode] = field(default_factory=dict)


# --- lambdas for the generator's conditions and effects ----------------------------

_COMPARISONS: dict[str, Callable[[str, int], Condition]] = {
    ">=": lambda name, n: lambda c: c.variables[name] >= n,
    ">": lambda name, n: lambda c: c.variables[name] > n,
    "<": lambda name, n: lambda c: c.variables[name] < n,
    "<=": lambda name, n: lambda c: c.variables[name] <= n,
    "==": lambda name, n: lambda c: c.variables[name] == n,
    "!=": lambda name, n: lambda c: c.variables[name] != n,
}


def compare(name: str, op: str, number: int) -> Condition:
    """`name op number`, for an integer variable."""
    return _COMPARISONS[op](name, number)


def flag(name: str, *, negated: bool) -> Condition:
    """`name`, or `not name`, for a boolean variable."""
    if negated:
        return lambda c: not c.variables[name]
    return lambda c: bool(c.variables[name])


def flag_and_at_least(flag_name: str, name: str, number: int) -> Condition:
    """`flag_name and name >= number`."""
    return lambda c: bool(c.variables[flag_name]) and c.variables[name] >= number


def visited(node_id: str) -> Condition:
    """`visited("node_id") > 0`."""
    return lambda c: c.visits.get(node_id, 0) > 0


def known(fact: str) -> Condition:
    """`known("fact")`."""
    return lambda c: fact in c.facts


def add(name: str, number: int) -> Evaluate:
    """`name + number` (a negative number subtracts)."""
    return lambda c: c.variables[name] + number


def constant(value: Value) -> Evaluate:
    return lambda _c: value


# --- the loop ----------------------------------------------------------------------


def _assign(effects: Assignments, ctx: Context) -> None:
    """Every effect evaluated first, then assigned together, as the story format says."""
    if effects:
        values = [(name, evaluate(ctx)) for name, evaluate in effects]
        for name, value in values:
            ctx.variables[name] = value


def bare_playthrough(
    story: BareStory, choices: int, seed: int, route: list[str] | None = None
) -> float:
    """Seconds for `choices` random choices over `story`, each passage's text and choices
    formatted; restarts at endings. With `route`, appends every node entered to it."""
    rng = random.Random(seed)
    nodes = story.nodes
    ctx = Context({}, {}, set())
    taken_once: set[tuple[str, int]] = set()

    def enter(node_id: str) -> BareNode:
        node = nodes[node_id]
        ctx.visits[node_id] = ctx.visits.get(node_id, 0) + 1
        ctx.facts.update(node.facts)
        _assign(node.on_enter, ctx)
        if route is not None:
            route.append(node_id)
        return node

    def restart() -> tuple[str, BareNode]:
        ctx.variables = dict(story.defaults)
        ctx.visits = {}
        ctx.facts = set()
        taken_once.clear()
        return story.start, enter(story.start)

    here, node = restart()
    start = time.perf_counter()
    taken = 0
    while taken < choices:
        variables = ctx.variables
        title = node.title.format_map(variables) if node.title else None
        text = "\n\n".join(
            fmt.format_map(variables).strip()
            for cond, fmt in node.blocks
            if cond is None or cond(ctx)
        )
        if node.ending:
            here, node = restart()
            continue
        shown: list[tuple[int, BareChoice, str]] = []
        for index, choice in enumerate(node.choices):
            if choice.once and (here, index) in taken_once:
                continue
            cond = choice.condition
            if cond is None or cond(ctx):
                shown.append((index, choice, choice.text.format_map(variables)))
            elif choice.locked is not None:
                shown.append((-1, choice, choice.text.format_map(variables)))  # locked
        options = [item for item in shown if item[0] >= 0]
        del title, text
        index, chosen, _ = options[rng.randrange(len(options))]
        if chosen.once:
            taken_once.add((here, index))
        _assign(chosen.effects, ctx)
        here, node = chosen.goto, enter(chosen.goto)
        taken += 1
    return time.perf_counter() - start
