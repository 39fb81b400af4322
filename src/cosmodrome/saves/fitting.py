"""Checking that a saved state or move fits the story exactly, value by value: what
the quick way in (`restore`) does with a move of any shape. Every value gets the checks
`history.decode_history` gives it, and each id, variable and type must be the story's;
anything else raises `Unfit` (or `SaveError`), and the caller takes the general way."""

from __future__ import annotations

from collections.abc import Mapping

from cosmodrome.engine.state import GameState, Step, new_step
from cosmodrome.saves import fields as f
from cosmodrome.saves.compat import fit_step
from cosmodrome.saves.history import MAX_STEPS, MOVE_KEYS, STATE_KEYS, took
from cosmodrome.saves.known import SURROGATES, Known, values_fit
from cosmodrome.story.expr import INT_MAX, Value, type_of
from cosmodrome.story.model import Story

_START_KEYS = STATE_KEYS | {"took"}


class Unfit(Exception):
    """The save does not fit the story exactly: take the general way."""


def fit(condition: bool) -> None:
    if not condition:
        raise Unfit


def _variables(story: Story, value: object, where: str) -> dict[str, Value]:
    declared = story.variables
    values: dict[str, Value] = {}
    for name, item in f.entries(value, where).items():
        variable = declared.get(f.ident(name, where, f.VARIABLE))
        fit(variable is not None)
        assert variable is not None
        scalar = f.scalar(item, where)
        fit(type_of(scalar) == variable.type)
        values[name] = scalar
    return values


def _ids(value: object, known: frozenset[str]) -> frozenset[str]:
    """`value`, a list of ids each one of `known` (all valid ids), as a set."""
    if type(value) is not list or len(value) > f.MAX_ENTRIES or not known.issuperset(value):
        raise Unfit
    return frozenset(value)


def _bounded(mapping: Mapping[str, object] | frozenset[str]) -> None:
    fit(len(mapping) <= f.MAX_ENTRIES)


def fitted_start(story: Story, known: Known, raw: Mapping[str, object]) -> GameState:
    fit(STATE_KEYS <= raw.keys() <= _START_KEYS)
    node = raw["node"]
    fit(node in known.nodes)
    assert isinstance(node, str)
    saved = raw["vars"]
    fit(
        type(saved) is dict
        and len(known.types) == len(story.variables)
        and saved.keys() == known.types.keys()
        and values_fit(known, saved)
    )
    assert isinstance(saved, dict)
    variables = {name: saved[name] for name in story.variables}  # in the story's order
    steps = raw["steps"]
    fit(type(raw["ended"]) is bool and type(steps) is int and 0 <= steps <= MAX_STEPS)
    assert isinstance(steps, int)
    return GameState(
        node,
        variables,
        _visited(known, {}, raw["visits"]),
        _ids(raw["facts"], known.facts),
        _ids(raw["once"], known.once),
        node in known.endings,  # the story decides, whatever `ended` says
        steps,
        _step(story, known, raw["took"]) if "took" in raw else None,
        None,
    )


def _step(story: Story, known: Known, raw: object) -> Step | None:
    if type(raw) is list and len(raw) == 3:
        node, choice, text = raw
        if (
            node in known.nodes
            and choice in known.choices
            and type(text) is str
            and len(text) <= f.MAX_TEXT_LENGTH
            and (text.isascii() or SURROGATES.search(text) is None)
        ):
            return new_step(node, choice, text)
    return fit_step(story, took(raw, "move.took"))


def _visited(known: Known, old: Mapping[str, int], added: object) -> dict[str, int]:
    """`old` with the counts of `added` (checked) put in."""
    if type(added) is not dict or len(added) > f.MAX_ENTRIES:
        raise Unfit
    if not known.nodes.issuperset(added):
        raise Unfit
    for count in added.values():
        if type(count) is not int or not 0 <= count <= INT_MAX:
            raise Unfit
    counted = dict(old.items())  # a `Visits` hands its items over as one dict
    counted.update(added)
    return counted


def fitted_move(story: Story, known: Known, old: GameState, move: dict[str, object]) -> GameState:
    keys = move.keys()
    node = move.get("node")
    if node not in known.nodes:
        raise Unfit
    assert isinstance(node, str)
    if not keys <= MOVE_KEYS or "vars-" in move:
        raise Unfit
    ended = move.get("ended", False)
    if type(ended) is not bool:
        raise Unfit
    variables = old.variables
    if "vars" in move:
        merged = dict(old.variables)
        merged.update(_variables(story, move["vars"], "move.vars"))
        variables = merged
    visits: Mapping[str, int] = old.visits
    if "visits" in move or "visits-" in move:
        counted = _visited(known, old.visits, move.get("visits", {}))
        if "visits-" in move:
            for gone in f.id_list(move["visits-"], "move.visits-"):
                counted.pop(gone, None)
        if len(counted) > f.MAX_ENTRIES:
            raise Unfit
        visits = counted
    facts = old.facts
    if "facts" in move or "facts-" in move:
        new = move.get("facts", [])
        if type(new) is not list or len(new) > f.MAX_ENTRIES:
            raise Unfit
        if not known.facts.issuperset(new):
            raise Unfit
        facts = facts.union(new)
        if "facts-" in move:
            facts = facts.difference(f.id_list(move["facts-"], "move.facts-"))
        if len(facts) > f.MAX_ENTRIES:
            raise Unfit
    once = old.taken_once
    if "once" in move or "once-" in move:
        taken = _ids(move.get("once", []), known.once)
        removed = f.id_list(move.get("once-", []), "move.once-", f.ONCE_KEY)
        once = once.union(taken).difference(removed)
        _bounded(once)
    return GameState(
        node,
        variables,
        visits,
        facts,
        once,
        node in known.endings,
        f.integer(move["steps"], "move.steps", high=MAX_STEPS)
        if "steps" in move
        else old.steps + 1,
        _step(story, known, move["took"]) if "took" in move else None,
        old,
    )
