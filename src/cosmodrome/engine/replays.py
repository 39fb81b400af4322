"""Replayed conversations: the same choice taken again from the same node, leading to
exactly the same text as the time before. A player asking a question twice should not
be read the first answer word for word."""

from __future__ import annotations

from dataclasses import dataclass, field

from cosmodrome.engine.game import Game
from cosmodrome.engine.problems import Problem, silenced
from cosmodrome.engine.state import GameState

CODE = "replay"
QUIET = "same-on-return"  # a node that ignores this lint code is the same on purpose
SHOWN = 10  # replays a text report lists; the JSON report has them all


def _text(game: Game, state: GameState) -> str:
    shown = game.passage(state)
    return f"{shown.title or ''}\n{shown.text}"


def replays_in(game: Game, end: GameState, seed: int | None = None) -> list[Problem]:
    """Every replayed conversation in the play-through that ended at `end`, each with the
    route to the second taking; not where the node it leads to ignores `same-on-return`."""
    history = end.history()
    last_at: dict[tuple[str, str], int] = {}  # (node, choice) -> index of the state it led to
    texts: dict[int, str] = {}
    reported: set[tuple[str, str]] = set()
    found: list[Problem] = []
    for index, state in enumerate(history):
        step = state.last
        if step is None:
            continue
        pair = (step.node, step.choice)
        before = last_at.get(pair)
        last_at[pair] = index
        if before is None or pair in reported or history[before].node != state.node:
            continue  # a pair is reported once a run: a loop would repeat it at every turn
        if silenced(game.story, QUIET, state.node):
            reported.add(pair)
            continue
        for at in (before, index):
            if at not in texts:
                texts[at] = _text(game, history[at])
        if texts[before] == texts[index]:
            route = tuple(s.last for s in history[1 : index + 1] if s.last is not None)
            message = (
                f"'{step.text}' at '{step.node}' leads to '{state.node}' again, "
                "to the same text word for word"
            )
            found.append(Problem(CODE, step.node, message, route, seed))
            reported.add(pair)
    return found


@dataclass
class Replays:
    """Replayed conversations of many runs: one per node and choice, with the shortest
    route and how many times runs met it."""

    found: dict[tuple[str, str], Problem] = field(default_factory=dict)

    def add_run(self, game: Game, end: GameState, seed: int) -> None:
        """Gather the replays of the run that ended at `end`."""
        for problem in replays_in(game, end, seed):
            key = (problem.node, problem.route[-1].choice)
            known = self.found.get(key)
            self.found[key] = problem if known is None else known.met_again(problem)

    def to_json(self) -> list[dict[str, object]]:
        return [p.to_json() for p in self.found.values()]
