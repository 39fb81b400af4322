"""What the abstract search found, confirmed on the real rules before anyone reads it.

The search keeps classes of values, not numbers, so a route it found may not be
one a player can take. Every problem, and the route to every node, choice and
ending, is replayed from the start by the real rules: what replays is
reported with its real route; what does not is listed as unconfirmed, and the
search is then no proof. What the search never reached is unreachable for
real: the classes only ever add routes, never remove one.
"""

from __future__ import annotations

from array import array
from collections import deque
from dataclasses import dataclass

from cosmodrome.engine.exploration import Exploration
from cosmodrome.engine.game import Game
from cosmodrome.engine.problems import Problem, silenced, string_at_limit
from cosmodrome.engine.replay import fails, replay, soft_locked
from cosmodrome.engine.searchgraph import Search
from cosmodrome.engine.state import GameState


@dataclass(frozen=True, slots=True)
class Candidate:
    """A problem the search suspects at state `index` (`choice`: the move that failed)."""

    code: str
    node: str
    message: str
    index: int
    choice: str | None = None


def confirm(search: Search, result: Exploration, candidates: list[Candidate]) -> None:
    """Fill `result` with what replays: problems, nodes, choices and endings reached;
    the rest goes to `result.unconfirmed`. Sets `result.complete`."""
    finished = result.stopped is None
    if finished:
        candidates = candidates + _no_way_out(search)
    for candidate in candidates:
        if not silenced(search.story, candidate.code, candidate.node):
            _confirm_problem(search, result, candidate)
    _confirm_reached(search, result)
    unreached = [n for n in search.story.nodes if n not in search.first_at]
    if finished:
        _unreachable(search, result, unreached)
    else:
        result.not_reached = unreached
    result.complete = finished and not result.unconfirmed


def _confirm_problem(search: Search, result: Exploration, candidate: Candidate) -> None:
    game = search.game
    state = replay(game, search.route(candidate.index))
    real = False
    if state is not None:
        if candidate.code == "soft-lock":
            real = soft_locked(game, state)
        elif candidate.code == "error":
            real = fails(game, state, candidate.choice)
        elif candidate.code == "string-limit":
            real = _cuts_a_string(game, state, candidate.choice)
        else:  # no-way-out: the real state is one the search proved has no way out
            real = search.keys.key(state) == search.key_of[candidate.index]
    where = f"{candidate.code} at node '{candidate.node}': {candidate.message}"
    if real and state is not None:
        route = tuple(state.steps_taken())
        result.problems.append(Problem(candidate.code, candidate.node, candidate.message, route))
    else:
        result.unconfirmed.append(f"{where} (its route does not replay on the real rules)")


def _cuts_a_string(game: Game, state: GameState, choice: str | None) -> bool:
    """Whether taking `choice` in the real `state` makes the engine cut a string."""
    if choice is None:
        return False
    try:
        return string_at_limit(game.take(state, choice)) is not None
    except Exception:  # an error there is reported as one, not as a cut string
        return False


def _confirm_reached(search: Search, result: Exploration) -> None:
    """Keep only the nodes, endings and choices whose route replays."""
    game, story = search.game, search.story
    result.reached = set()
    for node_id, index in search.first_at.items():
        state = replay(game, search.route(index))
        if state is None or state.node != node_id:
            result.unconfirmed.append(f"node '{node_id}': its route does not replay")
            continue
        result.reached.add(node_id)
        if story.nodes[node_id].is_ending:
            result.endings[node_id] = tuple(state.steps_taken())
    for (node_id, key), index in search.taken_at.items():
        state = replay(game, [*search.route(index), (node_id, key)])
        if state is None:
            result.unconfirmed.append(f"choice '{key}' at node '{node_id}': it does not replay")
        else:
            result.taken.add((node_id, key))


def _unreachable(search: Search, result: Exploration, unreached: list[str]) -> None:
    """Nodes, endings and choices the complete search never reached: problems."""
    story = search.story
    for node_id in unreached:
        node = story.nodes[node_id]
        code = "unreachable-ending" if node.is_ending else "unreachable"
        what = f"ending '{node_id}'" if node.is_ending else f"node '{node_id}'"
        if not silenced(story, code, node_id):
            result.problems.append(Problem(code, node_id, f"{what} is never reached"))
    for node_id in sorted(search.first_at):
        for choice in story.nodes[node_id].choices:
            taken = (node_id, choice.key) in search.taken_at
            if taken or silenced(story, "never-true", node_id):
                continue
            message = f"choice '{choice.key}' (\"{choice.text.source}\") is never available"
            result.problems.append(Problem("never-true", node_id, message))


def _no_way_out(search: Search) -> list[Candidate]:
    """Where play first falls into states from which no ending can be reached."""
    total = len(search.key_of)
    start = array("i", bytes(4 * (total + 1)))  # predecessors of each state, packed
    for target in search.edge_to:
        start[target + 1] += 1
    for index in range(total):
        start[index + 1] += start[index]
    fill = array("i", start)
    before = array("i", bytes(4 * len(search.edge_to)))
    for source, target in zip(search.edge_from, search.edge_to, strict=True):
        before[fill[target]] = source
        fill[target] += 1
    can_end = bytearray(total)
    queue = deque(search.ending_states)
    for index in queue:
        can_end[index] = 1
    while queue:
        index = queue.popleft()
        for at in range(start[index], start[index + 1]):
            source = before[at]
            if not can_end[source]:
                can_end[source] = 1
                queue.append(source)
    found: list[Candidate] = []
    seen: set[str] = set()
    for index in range(total):
        if can_end[index] or index in search.stuck:
            continue
        parent = search.parent[index]
        if parent >= 0 and not can_end[parent]:
            continue  # not where play falls in: the parent was already lost
        node_id = search.keys.node_of(search.key_of[index])
        if node_id in seen:
            continue
        seen.add(node_id)
        via = search.via[index]
        if via >= 0:
            at_node, key = search.choice_list[via]
            choice = search.story.nodes[at_node].choice(key)
            text = choice.text.source if choice is not None else key
            where = f"after '{text}'"
        else:
            where = "from the start"
        message = f"{where} no ending can be reached any more"
        found.append(Candidate("no-way-out", node_id, message, index))
    return found
