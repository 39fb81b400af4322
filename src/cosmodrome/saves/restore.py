"""The quick way in: a save of the story exactly as it is now becomes a `GameState`
in one pass, without the intermediate `SavedState`s and without `compat.adapt`.

Every value gets the checks `history.decode_history` gives it, and on top of them
each id, variable and type must fit the story as it is. Anything else (a value
refused, a renamed node, a variable added or retyped since the save) makes
`restore` answer None, and the caller takes the general way, which says what is
wrong or adapts the game. So the result is always what `adapt` would have made.
"""

from __future__ import annotations

from typing import Any

from cosmodrome.engine.state import GameState, make_state
from cosmodrome.engine.visits import VisitLog, log_of
from cosmodrome.saves import fields as f
from cosmodrome.saves.errors import SaveError
from cosmodrome.saves.fitting import Unfit, fit, fitted_move, fitted_start
from cosmodrome.saves.history import MAX_STATES, MAX_TOTAL_ENTRIES
from cosmodrome.saves.known import SURROGATES, Known, known_of, values_fit
from cosmodrome.story.expr import INT_MAX
from cosmodrome.story.model import Story

_PLAIN_MOVE = frozenset({"took", "node", "visits"})
_COMMON_MOVE = _PLAIN_MOVE | {"vars", "facts", "once"}


def _replay(story: Story, known: Known, state: GameState, moves: list[Any]) -> GameState:
    """The state after `moves` from `state`; raises `Unfit`. A move that took a choice
    and visited a node (perhaps setting variables, learning facts or taking a `once`
    choice), as nearly every move does, is checked and applied right here, in one go:
    loading spends its time in this loop. Any other goes to `fitting.fitted_move`."""
    nodes, choices, endings = known.nodes, known.choices, known.endings
    longest, most = f.MAX_TEXT_LENGTH, f.MAX_ENTRIES
    log, end, counts = _visits_of(state)
    entered: list[str] = []  # the nodes entered since `log` was last filled in
    for move in moves:
        if type(move) is not dict:
            raise Unfit
        node = move.get("node")
        took = move.get("took")
        added = move.get("visits")
        more = len(move) > 3  # anything besides those three (a plain move has just them)
        if (
            node in nodes
            and type(took) is list
            and len(took) == 3
            and type(added) is dict
            and (not more or move.keys() <= _COMMON_MOVE)
        ):
            came_from, choice, text = took
            if (
                (came_from == state.node or came_from in nodes)  # from where it was, mostly
                and choice in choices
                and type(text) is str
                and len(text) <= longest
                and (text.isascii() or SURROGATES.search(text) is None)
            ):
                count = added.get(node)
                if (
                    len(added) == 1
                    and type(count) is int
                    and count == counts.get(node, 0) + 1
                    and count <= INT_MAX
                ):  # the usual move: the node entered once more
                    counts[node] = count
                    entered.append(node)
                    end += 1
                else:
                    if not nodes.issuperset(added):
                        raise Unfit
                    for count in added.values():
                        if type(count) is not int or not 0 <= count <= INT_MAX:
                            raise Unfit
                    counts.update(added)
                    log.extend(entered)
                    log, end, entered = VisitLog(dict(counts)), 0, []
                if len(counts) > most:
                    raise Unfit
                if more:
                    state = _with_changes(known, move, state, node, log, end, took)
                else:
                    state = make_state(
                        node,
                        state.variables,
                        log,
                        end,
                        state.facts,
                        state.taken_once,
                        node in endings,
                        state.steps + 1,
                        came_from,
                        choice,
                        text,
                        state,
                    )
                continue
        log.extend(entered)
        entered = []
        state = fitted_move(story, known, state, move)
        log, end, counts = _visits_of(state)
    log.extend(entered)
    return state


def _visits_of(state: GameState) -> tuple[VisitLog, int, dict[str, int]]:
    """A log to enter nodes on after `state`, at its newest end (a log of its own unless
    `state` is at the newest end of its own), and the counts as a dict to check by."""
    visits = state.visits
    counts = visits.as_dict()
    log, end = log_of(visits)
    if log.end != end:
        return VisitLog(dict(counts)), 0, counts
    return log, end, counts


def _with_changes(  # noqa: PLR0917 - the parts `_replay` has already checked
    known: Known,
    move: dict[str, Any],
    old: GameState,
    node: str,
    log: VisitLog,
    end: int,
    took: list[str],
) -> GameState:
    """The rest of `_replay`, for a move that also set variables, learnt facts or took
    a `once` choice; raises `Unfit`."""
    variables = old.variables
    if "vars" in move:
        changed = move["vars"]
        if type(changed) is not dict or not values_fit(known, changed):
            raise Unfit
        variables = dict(variables)
        variables.update(changed)
    facts = old.facts
    if "facts" in move:
        learnt = move["facts"]
        if type(learnt) is not list or not known.facts.issuperset(learnt):
            raise Unfit
        facts = facts.union(learnt)
        if len(facts) > f.MAX_ENTRIES:
            raise Unfit
    once = old.taken_once
    if "once" in move:
        taken = move["once"]
        if type(taken) is not list or not known.once.issuperset(taken):
            raise Unfit
        once = once.union(taken)
        if len(once) > f.MAX_ENTRIES:
            raise Unfit
    came_from, choice, text = took
    return make_state(
        node,
        variables,
        log,
        end,
        facts,
        once,
        node in known.endings,
        old.steps + 1,
        came_from,
        choice,
        text,
        old,
    )


def _weight(state: GameState) -> int:
    return len(state.variables) + len(state.visits) + len(state.facts) + len(state.taken_once)


def restore(story: Story, history: object, node: str, choices: int) -> GameState | None:
    """The saved game as `compat.adapt` would make it, when the save (its `history`,
    and the header's `node` and `choices`) fits `story` exactly; else None."""
    try:
        fit(isinstance(history, dict) and history.keys() == {"start", "moves"})
        assert isinstance(history, dict)
        start, moves = history["start"], history["moves"]
        fit(isinstance(start, dict) and isinstance(moves, list) and len(moves) < MAX_STATES)
        assert isinstance(start, dict) and isinstance(moves, list)
        known = known_of(story)
        state = fitted_start(story, known, start)
        if known.ceiling * (len(moves) + 1) <= MAX_TOTAL_ENTRIES:  # no need to count
            state = _replay(story, known, state, moves)
        else:
            total = _weight(state)
            for move in moves:
                if type(move) is not dict:
                    raise Unfit
                state = fitted_move(story, known, state, move)
                total += _weight(state)
                if total > MAX_TOTAL_ENTRIES:
                    raise Unfit
    except (Unfit, SaveError, TypeError):  # TypeError: an unhashable value looked up
        return None
    if state.node != node or state.steps != choices:
        return None
    return state
