"""The one way a save file becomes a game (`reading.game_from_bytes`): a save of the
story as it is comes back exactly, with no notes; anything else is adapted with a note
or refused in one line, never let through unchecked."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest

from cosmodrome.engine.game import Game
from cosmodrome.engine.state import GameState
from cosmodrome.saves.codec import checksum
from cosmodrome.saves.compat import Adapted
from cosmodrome.saves.errors import SaveError
from cosmodrome.saves.reading import game_from_bytes
from cosmodrome.saves.store import SaveStore
from cosmodrome.story.expr import type_of
from cosmodrome.story.model import Story
from tests.unit.saves.saves_helpers import Doc, history_move, history_start, sample_story, wander
from tests.unit.saves.test_saves_fuzz import valid_bytes


def _history(state: GameState) -> list[tuple[object, ...]]:
    return [s.snapshot() for s in state.history()]


def _resealed(document: Doc) -> bytes:
    """`document` as a save file's bytes, its checksum made right for its new content."""
    body = {key: value for key, value in document.items() if key != "checksum"}
    body["checksum"] = checksum(body)
    return json.dumps(body).encode()


def _fits(story: Story, adapted: Adapted) -> None:
    """Every state of `adapted` is one `story` can play: its nodes, variables and types."""
    game = Game(story)
    for state in adapted.state.history():
        assert state.node in story.nodes
        assert state.ended == story.nodes[state.node].is_ending
        assert state.variables.keys() == story.variables.keys()
        for name, value in state.variables.items():
            assert type_of(value) == story.variables[name].type
        assert set(state.visits) <= set(story.nodes)
        assert state.facts <= set(story.facts)
        game.passage(state)


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_a_game_that_fits_the_story_comes_back_exactly(tmp_path: Path, seed: int) -> None:
    story = sample_story()
    state = wander(story, 60, seed)
    SaveStore(tmp_path).save("slot", story, state, 0)
    adapted = game_from_bytes((tmp_path / "slot.save.json").read_bytes(), story)
    assert _history(adapted.state) == _history(state)
    assert adapted.notes == ()
    loaded = SaveStore(tmp_path).load("slot", story)
    assert _history(loaded.state) == _history(state)
    assert loaded.notes == ()


def test_a_save_of_another_story_is_refused() -> None:
    document = json.loads(valid_bytes())
    document["header"]["story_id"] = "another-story"
    with pytest.raises(SaveError, match="another story"):
        game_from_bytes(_resealed(document), sample_story())


# Saves that do not fit the story as it is, and whether the player is told: each is
# fitted (a variable gone from one state only, and set again later, needs no word).
UNFIT: dict[str, tuple[Callable[[Doc], None], bool]] = {
    "a variable the story lacks": (lambda d: history_start(d)["vars"].update(ghost=1), True),
    "a variable missing": (lambda d: history_start(d)["vars"].pop("credibility"), False),
    "a variable of another type": (
        lambda d: history_start(d)["vars"].update(credibility="x"),
        True,
    ),
    "a variable removed by a move": (
        lambda d: history_move(d).update({"vars-": ["credibility"]}),
        False,
    ),
    "a move sets another type": (
        lambda d: history_move(d).update(vars={"credibility": True}),
        True,
    ),
    "a move sets an unknown variable": (lambda d: history_move(d).update(vars={"ghost": 1}), True),
    "a node the story lacks": (lambda d: d["history"]["moves"][-1].update(node="nowhere"), True),
    "a fact the story lacks": (lambda d: d["history"]["moves"][-1].update(facts=["rumour"]), True),
}


@pytest.mark.parametrize("change", UNFIT, ids=list(UNFIT))
def test_a_save_that_does_not_fit_is_fitted_to_the_story(change: str) -> None:
    story = sample_story()
    document = json.loads(valid_bytes())
    assert game_from_bytes(_resealed(document), story).notes == ()  # unchanged, it fits
    edit, noted = UNFIT[change]
    edit(document)
    document["header"]["node"] = document["history"]["moves"][-1]["node"]
    adapted = game_from_bytes(_resealed(document), story)
    assert bool(adapted.notes) == noted
    _fits(story, adapted)


def test_a_node_known_by_its_old_name_resumes_at_its_new_one() -> None:
    story = sample_story()  # `checkpoint` says `was: [gate]`
    document = json.loads(valid_bytes())
    moves = document["history"]["moves"]
    index = next(i for i, move in enumerate(moves) if move["node"] == "checkpoint")
    moves[index]["node"] = "gate"
    adapted = game_from_bytes(_resealed(document), story)
    assert adapted.state.history()[index + 1].node == "checkpoint"
    _fits(story, adapted)


# Values no save Cosmodrome writes could hold: each is refused in one line.
HOSTILE: dict[str, Callable[[Doc], None]] = {
    "a once key of no valid form": lambda d: history_move(d).update(once=["prologue/Nothing!"]),
    "negative visits": lambda d: history_move(d).update(visits={"prologue": -1}),
    "visits past the integer range": lambda d: history_move(d).update(visits={"prologue": 2**63}),
    "a variable past the integer range": lambda d: history_start(d)["vars"].update(
        credibility=2**70
    ),
    "a step from a bad node id": lambda d: history_move(d).update(took=["No Such", "y", "z"]),
    "a step of four parts": lambda d: history_move(d).update(took=["prologue", "a", "b", "c"]),
    "a text with a lone surrogate": lambda d: history_move(d)["took"].__setitem__(2, "\ud800"),
    "an unknown field": lambda d: history_move(d).update(exec="x"),
    "a move that is a list": lambda d: d["history"]["moves"].__setitem__(0, ["node"]),
    "an unhashable node": lambda d: history_move(d).update(node=["prologue"]),
    "a negative step count": lambda d: history_move(d).update(steps=-1),
    "a header that disagrees": lambda d: d["header"].update(choices=3),
}


@pytest.mark.parametrize("change", HOSTILE, ids=list(HOSTILE))
def test_a_hostile_value_is_refused_in_one_line(change: str) -> None:
    document = json.loads(valid_bytes())
    HOSTILE[change](document)
    with pytest.raises(SaveError) as refused:
        game_from_bytes(_resealed(document), sample_story())
    assert "\n" not in str(refused.value)


def _visits_jump(d: Doc) -> None:
    move = history_move(d, 2)
    move["visits"] = {move["node"]: 7}


def _visits_of_two(d: Doc) -> None:
    move = history_move(d, 2)
    move["visits"] = {move["node"]: 1, "prologue": 5}


ODD_VISITS: dict[str, Callable[[Doc], None]] = {
    "visits that jump": _visits_jump,
    "visits of two nodes in one move": _visits_of_two,
    "a move with no visits": lambda d: history_move(d, 2).update(visits={}),
}


@pytest.mark.parametrize("change", ODD_VISITS, ids=list(ODD_VISITS))
def test_visits_other_than_one_more_entry_are_read_as_saved(change: str) -> None:
    story = sample_story()
    document = json.loads(valid_bytes())
    ODD_VISITS[change](document)
    adapted = game_from_bytes(_resealed(document), story)
    assert adapted.notes == ()
    before, changed = adapted.state.history()[2:4]
    assert dict(changed.visits) == {**dict(before.visits), **history_move(document, 2)["visits"]}
