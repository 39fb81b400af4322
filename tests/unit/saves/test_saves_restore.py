"""The quick way in (`restore`, for a save that fits the story exactly) makes just the
game the general way (`decode_history` + `adapt`) makes, and declines everything else."""

from __future__ import annotations

import copy
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from cosmodrome.engine import GameState
from cosmodrome.saves import SaveError, SaveStore
from cosmodrome.saves import restore as restore_module
from cosmodrome.saves.compat import adapt
from cosmodrome.saves.history import decode_history
from cosmodrome.saves.restore import restore
from cosmodrome.story.model import Story
from tests.unit.saves.saves_helpers import sample_story, value_paths, wander
from tests.unit.saves.test_saves_fuzz import FUZZ, json_values, valid_bytes

Doc = dict[str, Any]


def _history(state: GameState) -> list[tuple[object, ...]]:
    return [s.snapshot() for s in state.history()]


def _general(story: Story, document: Doc) -> GameState | None:
    """The game the general way makes of `document`, or None when it refuses it."""
    header = document["header"]
    try:
        saved = decode_history(document["history"])
        if (saved[-1].node, saved[-1].steps) != (header["node"], header["choices"]):
            return None
        adapted = adapt(story, saved)
    except SaveError:
        return None
    return adapted.state if not adapted.notes else None


def _same_as_general(story: Story, document: Doc) -> GameState | None:
    """`restore` of `document`, checked against the general way."""
    header = document["header"]
    quick = restore(story, document["history"], header["node"], header["choices"])
    if quick is not None:
        general = _general(story, document)
        assert general is not None, "the quick way took a save the general way refuses"
        assert _history(quick) == _history(general)
    return quick


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_a_game_that_fits_the_story_is_restored_exactly(tmp_path: Path, seed: int) -> None:
    story = sample_story()
    state = wander(story, 60, seed)
    SaveStore(tmp_path).save("slot", story, state, 0)
    document = json.loads((tmp_path / "slot.save.json").read_bytes())
    quick = _same_as_general(story, document)
    assert quick is not None  # it did take the quick way
    assert _history(quick) == _history(state)
    loaded = SaveStore(tmp_path).load("slot", story)
    assert _history(loaded.state) == _history(state)
    assert loaded.notes == ()


def _start(d: Doc) -> Doc:
    start: Doc = d["history"]["start"]
    return start


def _move(d: Doc, n: int = 0) -> Doc:
    move: Doc = d["history"]["moves"][n]
    return move


UNFIT: dict[str, Callable[[Doc], None]] = {
    "a variable the story lacks": lambda d: _start(d)["vars"].update(ghost=1),
    "a variable missing": lambda d: _start(d)["vars"].pop("credibility"),
    "a variable of another type": lambda d: _start(d)["vars"].update(credibility="high"),
    "a variable removed by a move": lambda d: _move(d).update({"vars-": ["credibility"]}),
    "a move sets another type": lambda d: _move(d).update(vars={"credibility": True}),
    "a move sets an unknown variable": lambda d: _move(d).update(vars={"ghost": 1}),
    "a node the story lacks": lambda d: _move(d, 2).update(node="nowhere"),
    "a node known by its old name": lambda d: _move(d, 2).update(node="gate"),
    "a fact the story lacks": lambda d: _move(d).update(facts=["rumour"]),
    "a once key the story lacks": lambda d: _move(d).update(once=["prologue/nothing"]),
    "visits to a node the story lacks": lambda d: _move(d).update(visits={"nowhere": 1}),
    "negative visits": lambda d: _move(d).update(visits={"prologue": -1}),
    "a step from a bad node id": lambda d: _move(d).update(took=["No Such", "y", "z"]),
    "a step of four parts": lambda d: _move(d).update(took=["prologue", "a", "b", "c"]),
    "a text with a lone surrogate": lambda d: _move(d)["took"].__setitem__(2, "\ud800"),
    "an unknown field": lambda d: _move(d).update(exec="x"),
    "a move that is a list": lambda d: d["history"]["moves"].__setitem__(0, ["node"]),
    "an unhashable node": lambda d: _move(d).update(node=["prologue"]),
}


@pytest.mark.parametrize("change", UNFIT, ids=list(UNFIT))
def test_anything_that_does_not_fit_takes_the_general_way(change: str) -> None:
    story = sample_story()
    document = json.loads(valid_bytes())
    assert _same_as_general(story, document) is not None  # the unchanged save fits
    UNFIT[change](document)
    assert _same_as_general(story, document) is None


def _visits_jump(d: Doc) -> None:
    move = _move(d, 2)
    move["visits"] = {move["node"]: 7}


def _visits_of_two(d: Doc) -> None:
    move = _move(d, 2)
    move["visits"] = {move["node"]: 1, "prologue": 5}


FITS_OTHERWISE: dict[str, Callable[[Doc], None]] = {
    "visits that jump": _visits_jump,
    "visits of two nodes in one move": _visits_of_two,
    "a move with no visits": lambda d: _move(d, 2).update(visits={}),
}


@pytest.mark.parametrize("change", FITS_OTHERWISE, ids=list(FITS_OTHERWISE))
def test_visits_other_than_one_more_entry_still_fit(change: str) -> None:
    story = sample_story()
    document = json.loads(valid_bytes())
    FITS_OTHERWISE[change](document)
    quick = _same_as_general(story, document)
    assert quick is not None
    before, changed = quick.history()[2:4]
    assert dict(changed.visits) == {**dict(before.visits), **_move(document, 2)["visits"]}


@FUZZ
@given(choice=st.integers(min_value=0), replacement=json_values)
def test_any_value_changed_gives_the_same_game_both_ways(choice: int, replacement: Any) -> None:
    story = sample_story()
    document = copy.deepcopy(json.loads(valid_bytes()))
    paths = [p for p in value_paths(document["history"]) if p]
    path = paths[choice % len(paths)]
    parent: Any = document["history"]
    for step in path[:-1]:
        parent = parent[step]
    parent[path[-1]] = replacement
    _same_as_general(story, document)


def test_a_heavy_history_is_counted_move_by_move(monkeypatch: pytest.MonkeyPatch) -> None:
    """Past what a story could weigh, each state's entries are counted against the limit."""
    story = sample_story()
    document = json.loads(valid_bytes())
    monkeypatch.setattr(restore_module, "MAX_TOTAL_ENTRIES", 60)  # counted: still fits
    assert _same_as_general(story, document) is not None
    monkeypatch.setattr(restore_module, "MAX_TOTAL_ENTRIES", 20)  # too heavy: declined
    header = document["header"]
    assert restore(story, document["history"], header["node"], header["choices"]) is None
