"""The game state as an object: immutable, built from its fields, its step and visits
read back, and the passage and choices shown for it."""

from __future__ import annotations

import copy
from dataclasses import FrozenInstanceError

import pytest

from cosmodrome.engine.game import Game, GameError
from cosmodrome.engine.passages import Passage
from cosmodrome.engine.state import GameState, Step
from cosmodrome.story.loader import load_story
from tests.conftest import FIXTURES


@pytest.fixture(scope="module")
def game() -> Game:
    return Game(load_story(FIXTURES / "engine"))


@pytest.mark.parametrize("name", ["node", "variables", "visits", "last", "previous", "extra"])
def test_a_state_refuses_any_change(game: Game, name: str) -> None:
    state = game.start()
    # a frozen slotted dataclass refuses a name that is no field with a TypeError
    refusal = TypeError if name == "extra" else FrozenInstanceError
    with pytest.raises(refusal):
        setattr(state, name, None)
    with pytest.raises(refusal):
        delattr(state, name)
    assert state == game.start()


def test_a_state_built_from_its_fields_is_the_same_state(game: Game) -> None:
    played = game.take(game.take(game.start(), "swap"), "vault.1")
    built = GameState(
        played.node,
        dict(played.variables),
        dict(played.visits),
        played.facts,
        played.taken_once,
        played.ended,
        played.steps,
        played.last,
        played.previous,
    )
    assert built == played
    assert built.snapshot() == played.snapshot()
    assert built.previous is played.previous
    assert game.take(built, "hall.1") == game.take(played, "hall.1")


def test_last_is_the_step_that_led_here_as_it_read(game: Game) -> None:
    start = game.start()
    assert start.last is None
    shown = {view.key: view for view in game.choices(start)}
    after = game.take(start, "swap")
    assert after.last == Step("hall", "swap", shown["swap"].text)
    assert after.steps_taken() == [after.last]


def test_without_undo_is_the_same_game_with_no_history(game: Game) -> None:
    state = game.take(game.take(game.start(), "swap"), "vault.1")
    alone = state.without_undo()
    assert alone.previous is None
    assert alone.snapshot() == state.snapshot()
    assert alone.history() == [alone]
    assert game.take(alone, "hall.1").snapshot() == game.take(state, "hall.1").snapshot()


def test_later_moves_never_change_an_earlier_states_mappings(game: Game) -> None:
    start = game.start()
    variables, visits = dict(start.variables), dict(start.visits)
    state = start
    for key in ["vault.1", "hall.1", "swap", "hall.2", "swap"]:  # with and without effects
        state = game.take(state, key)
    assert dict(start.variables) == variables
    assert dict(start.visits) == visits
    assert state.variables["a"] == 1 and state.visits["hall"] == 5


def test_available_holds_the_shown_choices_that_can_be_taken(game: Game) -> None:
    passage = game.passage(game.start())
    assert any(not view.available for view in passage.choices)  # the door is locked
    assert passage.available == tuple(v for v in passage.choices if v.available)
    made = Passage(passage.node, passage.title, passage.text, passage.choices, passage.ending)
    assert made == passage
    assert made.available == passage.available


def test_a_choice_shown_for_one_state_is_checked_again_at_another(game: Game) -> None:
    flagged = game.take(game.start(), "hall.2")
    assert next(v for v in game.passage(flagged).choices if v.key == "door.1").available
    with pytest.raises(GameError, match="The door is shut"):
        game.take(game.start(), "door.1")  # an equal start, but the door is shut there


def test_taking_a_shown_choice_gives_the_state_an_unshown_one_would(game: Game) -> None:
    state = game.take(game.start(), "hall.2")
    fresh = Game(game.story)  # has shown nothing
    for view in game.passage(state).available:
        assert game.take(state, view.key) == fresh.take(state, view.key)


def test_a_copy_of_a_state_is_the_state_itself(game: Game) -> None:
    state = game.take(game.start(), "swap")
    assert copy.copy(state) is state
    assert copy.deepcopy({"at": state})["at"] is state
