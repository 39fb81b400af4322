"""A game's undo history as compact JSON: the first state in full, then each move as
the differences it made; and back, checking every value on the way in.

The states are stored, not replayed, so a save means the same game after the
story is edited; `compat` then fits them to the story as it is now.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from cosmodrome.engine.state import GameState, Step
from cosmodrome.saves import values as f
from cosmodrome.story.expr import Value
from cosmodrome.story.limits import within_text_limit

MAX_STATES = 2_000  # the undo history kept in a save; older states are dropped
# Variables, visits, facts and `once` keys summed over every state: loading costs this much.
MAX_TOTAL_ENTRIES = 2_000_000
MAX_STEPS = 10**9

STATE_KEYS = frozenset({"node", "vars", "visits", "facts", "once", "ended", "steps"})
MOVE_KEYS = frozenset(
    {"node", "took", "vars", "vars-", "visits", "visits-", "facts", "facts-", "once", "once-"}
    | {"ended", "steps"}
)

Json = dict[str, object]


def entries_of(state: GameState | SavedState) -> int:
    """How much a state weighs against `MAX_TOTAL_ENTRIES`."""
    return len(state.variables) + len(state.visits) + len(state.facts) + len(state.taken_once)


@dataclass(frozen=True, slots=True)
class SavedState:
    """One state as the save recorded it, checked for types and sizes but not yet
    against the story (its ids and variables may be out of date)."""

    node: str
    variables: Mapping[str, Value]
    visits: Mapping[str, int]
    facts: frozenset[str]
    taken_once: frozenset[str]
    ended: bool
    steps: int
    last: Step | None


def recorded(state: GameState) -> SavedState:
    """`state` as a save records it (without its undo chain)."""
    return SavedState(
        state.node,
        state.variables,
        state.visits,
        state.facts,
        state.taken_once,
        state.ended,
        state.steps,
        state.last,
    )


# --- writing ------------------------------------------------------------------


def _step(step: Step) -> list[str]:
    # A choice's text can interpolate several strings at their limit: the record is cut.
    return [step.node, step.choice, within_text_limit(step.text)]


def _mapping_delta(
    move: Json, key: str, old: Mapping[str, object], new: Mapping[str, object]
) -> None:
    changed = {
        k: value
        for k, value in new.items()
        if k not in old or old[k] != value or type(old[k]) is not type(value)
    }
    removed = sorted(old.keys() - new.keys())
    if changed:
        move[key] = dict(sorted(changed.items()))
    if removed:
        move[key + "-"] = removed


def _set_delta(move: Json, key: str, old: frozenset[str], new: frozenset[str]) -> None:
    if new is old:
        return
    if added := sorted(new - old):
        move[key] = added
    if removed := sorted(old - new):
        move[key + "-"] = removed


def encode_start(first: GameState) -> Json:
    """The first state of a save's history, in full."""
    start: Json = {
        "node": first.node,
        "vars": dict(sorted(first.variables.items())),
        "visits": dict(sorted(first.visits.items())),
        "facts": sorted(first.facts),
        "once": sorted(first.taken_once),
        "ended": first.ended,
        "steps": first.steps,
    }
    if first.last is not None:
        start["took"] = _step(first.last)
    return start


def encode_move(old: GameState, new: GameState) -> Json:
    """The move from `old` to `new`: only what changed."""
    move: Json = {}
    if new.last is not None:
        move["took"] = _step(new.last)
    move["node"] = new.node
    if new.variables is not old.variables:
        _mapping_delta(move, "vars", old.variables, new.variables)
    _mapping_delta(move, "visits", old.visits, new.visits)
    _set_delta(move, "facts", old.facts, new.facts)
    _set_delta(move, "once", old.taken_once, new.taken_once)
    if new.ended != old.ended:
        move["ended"] = new.ended
    if new.steps != old.steps + 1:
        move["steps"] = new.steps
    return move


def within_limits(states: int, total: int) -> bool:
    """Whether a history of `states` states weighing `total` (see `entries_of`) may be
    saved whole."""
    return states <= MAX_STATES and total <= MAX_TOTAL_ENTRIES


def newest_within_limits(history: list[GameState]) -> list[GameState]:
    """The newest states of `history` that a save may hold and a load will accept."""
    kept = history[-MAX_STATES:]
    total = 0
    for index in range(len(kept) - 1, -1, -1):
        total += entries_of(kept[index])
        if total > MAX_TOTAL_ENTRIES:
            return kept[index + 1 :]
    return kept


# --- reading ------------------------------------------------------------------


def took(value: object, where: str) -> Step:
    if not isinstance(value, list) or len(value) != 3:
        raise f.refuse(where, "must be a list of [node, choice, text]")
    return Step(
        f.ident(value[0], f"{where}[0]"),
        f.ident(value[1], f"{where}[1]", f.CHOICE_KEY),
        f.text(value[2], f"{where}[2]"),
    )


def _variables(value: object, where: str) -> dict[str, Value]:
    return {
        f.ident(name, f"{where} name", f.VARIABLE): f.scalar(item, f"{where}.{name}")
        for name, item in f.entries(value, where).items()
    }


def _visits(value: object, where: str) -> dict[str, int]:
    return {
        f.ident(node, f"{where} key"): f.integer(count, f"{where}.{node}")
        for node, count in f.entries(value, where).items()
    }


def _bounded(size: int, where: str) -> None:
    if size > f.MAX_ENTRIES:
        raise f.refuse(where, f"has more than {f.MAX_ENTRIES} entries")


def decode_history(value: object) -> list[SavedState]:
    """The saved states, oldest first; raises `SaveError` naming the first bad value."""
    history = f.fields_of(value, "history", frozenset({"start", "moves"}))
    raw = f.fields_of(history["start"], "history.start", STATE_KEYS, frozenset({"took"}))
    state = SavedState(
        f.ident(raw["node"], "history.start.node"),
        _variables(raw["vars"], "history.start.vars"),
        _visits(raw["visits"], "history.start.visits"),
        frozenset(f.id_list(raw["facts"], "history.start.facts")),
        frozenset(f.id_list(raw["once"], "history.start.once", f.ONCE_KEY)),
        f.boolean(raw["ended"], "history.start.ended"),
        f.integer(raw["steps"], "history.start.steps", high=MAX_STEPS),
        took(raw["took"], "history.start.took") if "took" in raw else None,
    )
    moves = history["moves"]
    if not isinstance(moves, list):
        raise f.refuse("history.moves", "must be a list")
    if len(moves) >= MAX_STATES:
        raise f.refuse("history.moves", f"has more than {MAX_STATES - 1} moves")
    states = [state]
    total = entries_of(state)
    for number, item in enumerate(moves, start=1):
        state = _apply(state, item, f"history.moves[{number - 1}]")
        states.append(state)
        total += entries_of(state)
        if total > MAX_TOTAL_ENTRIES:
            raise f.refuse("history", "is too large to load")
    return states


def _apply(old: SavedState, value: object, where: str) -> SavedState:
    move = f.fields_of(value, where, frozenset({"node"}), MOVE_KEYS)
    variables: Mapping[str, Value] = old.variables
    if "vars" in move or "vars-" in move:
        merged = dict(old.variables)
        merged.update(_variables(move.get("vars", {}), f"{where}.vars"))
        for name in f.id_list(move.get("vars-", []), f"{where}.vars-", f.VARIABLE):
            merged.pop(name, None)
        _bounded(len(merged), f"{where}.vars")
        variables = merged
    visits: Mapping[str, int] = old.visits
    if "visits" in move or "visits-" in move:
        counted = dict(old.visits)
        counted.update(_visits(move.get("visits", {}), f"{where}.visits"))
        for node in f.id_list(move.get("visits-", []), f"{where}.visits-"):
            counted.pop(node, None)
        _bounded(len(counted), f"{where}.visits")
        visits = counted
    facts = _changed_set(old.facts, move, "facts", where)
    once = _changed_set(old.taken_once, move, "once", where)
    return SavedState(
        f.ident(move["node"], f"{where}.node"),
        variables,
        visits,
        facts,
        once,
        f.boolean(move["ended"], f"{where}.ended") if "ended" in move else old.ended,
        f.integer(move["steps"], f"{where}.steps", high=MAX_STEPS)
        if "steps" in move
        else old.steps + 1,
        took(move["took"], f"{where}.took") if "took" in move else None,
    )


def _changed_set(
    old: frozenset[str], move: Mapping[str, object], key: str, where: str
) -> frozenset[str]:
    if key not in move and key + "-" not in move:
        return old  # shared, as the engine shares unchanged sets
    pattern = f.ONCE_KEY if key == "once" else f.ID
    added = f.id_list(move.get(key, []), f"{where}.{key}", pattern)
    removed = f.id_list(move.get(key + "-", []), f"{where}.{key}-", pattern)
    result = old.union(added).difference(removed)
    _bounded(len(result), f"{where}.{key}")
    return result
