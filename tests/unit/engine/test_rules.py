"""The contract's rules of play, one test each."""

from __future__ import annotations

import pytest

from cosmodrome.engine.game import Game, GameError
from cosmodrome.engine.state import GameState
from cosmodrome.story.loader import load_story
from tests.conftest import FIXTURES


@pytest.fixture(scope="module")
def game() -> Game:
    return Game(load_story(FIXTURES / "engine"))


def keys(game: Game, state: GameState) -> list[str]:
    return [view.key for view in game.choices(state)]


def test_start_enters_start_once_and_applies_on_enter(game: Game) -> None:
    state = game.start()
    assert state.node == "hall"
    assert state.visits == {"hall": 1}
    assert state.variables["entries"] == 1  # on_enter ran after the visit was counted
    assert state.steps == 0 and state.previous is None


def test_on_enter_applies_on_every_entry(game: Game) -> None:
    state = game.take(game.start(), "swap")
    assert state.visits["hall"] == 2
    assert state.variables["entries"] == 1 + 2


def test_effects_are_evaluated_against_the_state_before_and_assigned_together(game: Game) -> None:
    state = game.take(game.start(), "swap")
    assert (state.variables["a"], state.variables["b"]) == (2, 1)


def test_values_keep_their_types(game: Game) -> None:
    state = game.take(game.start(), "hall.2")
    assert state.variables["flag"] is True
    assert state.variables["word"] == "xy"
    assert isinstance(state.variables["a"], int)


def test_locked_choice_is_shown_disabled_with_its_reason(game: Game) -> None:
    views = {view.key: view for view in game.choices(game.start())}
    door = views["door.1"]
    assert not door.available
    assert door.reason == "The door is shut."
    with pytest.raises(GameError, match="The door is shut"):
        game.take(game.start(), "door.1")


def test_choice_without_locked_is_hidden_when_its_condition_fails(game: Game) -> None:
    assert "door.2" not in keys(game, game.start())


def test_condition_becoming_true_unlocks_the_choice(game: Game) -> None:
    state = game.take(game.start(), "hall.2")
    door = next(v for v in game.choices(state) if v.key == "door.1")
    assert door.available and door.reason is None


def test_facts_are_revealed_on_entry_and_known_reads_them(game: Game) -> None:
    state = game.take(game.start(), "vault.1")
    assert state.facts == frozenset({"secret"})
    back = game.take(state, "hall.1")
    assert "door.2" in keys(game, back)
    assert "You know the secret." in game.passage(back).text


def test_once_choice_disappears_after_it_is_taken(game: Game) -> None:
    state = game.take(game.take(game.start(), "vault.1"), "hall.1")
    assert "vault.1" not in keys(game, state)
    with pytest.raises(GameError):
        game.take(state, "vault.1")


def test_text_blocks_show_only_when_their_condition_holds(game: Game) -> None:
    first = game.passage(game.start()).text
    assert "Second visit" not in first
    again = game.passage(game.take(game.start(), "swap")).text
    assert "Second visit or later." in again


def test_interpolation_and_literal_braces(game: Game) -> None:
    passage = game.passage(game.start())
    assert passage.title == "Hall 1"
    assert passage.text.startswith("Always. {literal} a=1 b=2 word=x flag=false")


def test_shown_choices_are_numbered_in_order(game: Game) -> None:
    views = game.choices(game.start())
    assert [v.number for v in views] == list(range(1, len(views) + 1))


def test_take_number_refuses_bad_numbers_and_locked_choices(game: Game) -> None:
    state = game.start()
    with pytest.raises(GameError, match="no choice 99"):
        game.take_number(state, 99)
    locked = next(v.number for v in game.choices(state) if not v.available)
    with pytest.raises(GameError, match="locked"):
        game.take_number(state, locked)


def test_unknown_choice_key_is_refused(game: Game) -> None:
    with pytest.raises(GameError, match="no choice"):
        game.take(game.start(), "nope")


def test_an_ending_ends_the_game(game: Game) -> None:
    state = game.take(game.start(), "out.1")
    assert state.ended
    passage = game.passage(state)
    assert passage.ending == "Outside" and passage.choices == ()
    with pytest.raises(GameError, match="ended"):
        game.take(state, "out.1")


def test_undo_steps_back_any_number_of_choices(game: Game) -> None:
    start = game.start()
    one = game.take(start, "swap")
    two = game.take(one, "hall.2")
    three = game.take(two, "vault.1")
    assert Game.undo(three) is two
    assert Game.undo(three, 3) is start
    assert Game.undo(three, 99) is start
    assert Game.undo(start) is start


def test_states_are_immutable_snapshots(game: Game) -> None:
    start = game.start()
    after = game.take(start, "swap")
    assert start.variables["a"] == 1 and after.variables["a"] == 2
    with pytest.raises(AttributeError):
        start.node = "out"  # type: ignore[misc]  # what the test shows refused


def test_history_and_steps(game: Game) -> None:
    state = game.take(game.take(game.start(), "swap"), "vault.1")
    assert [s.node for s in state.history()] == ["hall", "hall", "vault"]
    assert [(s.node, s.choice) for s in state.steps_taken()] == [
        ("hall", "swap"),
        ("hall", "vault.1"),
    ]
    assert state.steps == 2


def test_play_is_deterministic(game: Game) -> None:
    route = ["swap", "hall.2", "vault.1", "hall.1", "door.1", "out.1"]

    def play() -> GameState:
        state = game.start()
        for key in route:
            state = game.take(state, key)
        return state

    first, second = play(), play()
    assert first == second
    assert [s.snapshot() for s in first.history()] == [s.snapshot() for s in second.history()]


def test_renamed_nodes_resolve_through_was() -> None:
    story = load_story(FIXTURES / "sample")
    assert story.resolve_node("gate") == "checkpoint"
    assert story.resolve_node("checkpoint") == "checkpoint"
    assert story.resolve_node("nowhere") is None
