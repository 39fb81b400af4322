"""Rendering passages as an error check, once per distinct input.

A passage is a pure function of its node and the values it reads (variables in
its templates and conditions, the visit counts and facts its conditions ask
about, its own visit count when a block is `first` or `again`, the `once` choices
already taken). Rendering it again for the same
values can only repeat the same result, so robots render only what is new:
every passage a run shows is checked, at a fraction of the cost.
"""

from __future__ import annotations

from dataclasses import dataclass

from cosmodrome.engine.exprscan import calls
from cosmodrome.engine.game import Game
from cosmodrome.engine.state import GameState
from cosmodrome.story.expr import Compiled
from cosmodrome.story.model import Node

MAX_REMEMBERED = 200_000  # distinct inputs remembered; beyond this, render every time


@dataclass(frozen=True, slots=True)
class _Reads:
    variables: tuple[str, ...]
    visits: tuple[str, ...]
    facts: tuple[str, ...]


def _reads(node: Node) -> _Reads:
    names: set[str] = set()
    conditions: list[Compiled] = []
    own_visits: set[str] = set()  # a `first`/`again` block reads how often the node was entered
    if node.title is not None:
        names.update(node.title.names)
        conditions.extend(node.title.conditions)
    for block in node.blocks:
        names.update(block.template.names)
        conditions.extend(block.template.conditions)
        if block.condition is not None:
            conditions.append(block.condition)
        if block.visit is not None:
            own_visits.add(node.id)
    for choice in node.choices:
        names.update(choice.text.names)
        conditions.extend(choice.text.conditions)
        if choice.condition is not None:
            conditions.append(choice.condition)
    for condition in conditions:
        names |= condition.reads
    return _Reads(
        tuple(sorted(names)),
        tuple(sorted(calls(conditions, "visited") | own_visits)),
        tuple(sorted(calls(conditions, "known"))),
    )


class RenderCheck:
    """`check(state)` renders the passage at `state` unless those inputs were rendered before;
    rendering raises what `Game.passage` raises."""

    def __init__(self, game: Game) -> None:
        self.game = game
        self.reads = {node_id: _reads(node) for node_id, node in game.story.nodes.items()}
        self.seen: set[tuple[object, ...]] = set()

    def check(self, state: GameState) -> None:
        reads = self.reads[state.node]
        variables, visits, facts = state.variables, state.visits, state.facts
        key = (
            state.node,
            tuple([variables[n] for n in reads.variables]),
            tuple([visits.get(t, 0) for t in reads.visits]),
            tuple([f in facts for f in reads.facts]),
            state.taken_once,
        )
        if key in self.seen:
            return
        self.game.passage(state)
        if len(self.seen) < MAX_REMEMBERED:
            self.seen.add(key)
