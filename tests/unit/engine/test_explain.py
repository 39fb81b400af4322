"""Why each choice is shown, locked or hidden, and the state laid out for the inspector."""

from __future__ import annotations

import random
import shutil
from pathlib import Path

import pytest

from cosmodrome.engine.explain import ChoiceStatus, explain_choices, inspect_state
from cosmodrome.engine.game import Game
from cosmodrome.engine.state import GameState
from cosmodrome.story.loader import load_story
from tests.conftest import FIXTURES


@pytest.fixture(scope="module")
def game() -> Game:
    return Game(load_story(FIXTURES / "sample", use_cache=False))


def by_key(game: Game, state: GameState) -> dict[str, tuple[ChoiceStatus, int | None, str]]:
    return {e.key: (e.status, e.number, e.why) for e in explain_choices(game, state)}


def test_a_choice_without_a_condition_is_shown_for_that_reason(game: Game) -> None:
    explained = by_key(game, game.start())
    assert explained["checkpoint.1"] == (ChoiceStatus.SHOWN, 2, "no condition")


def test_a_false_condition_with_locked_text_locks_the_choice_and_gives_the_reason(
    game: Game,
) -> None:
    at_gate = game.take(game.start(), "checkpoint.1")
    [show_pass] = [e for e in explain_choices(game, at_gate) if e.key == "show-pass"]
    assert show_pass.status is ChoiceStatus.LOCKED
    assert show_pass.number == 1
    assert show_pass.why == "condition is false; locked: You have no pass."
    assert show_pass.condition == "has_pass and credibility >= 1"
    assert show_pass.inputs == (("has_pass", False), ("credibility", 0))


def test_a_true_condition_shows_the_choice(game: Game) -> None:
    with_pass = game.take(game.start(), "take-pass")
    at_gate = game.take(with_pass, "checkpoint.1")
    [show_pass] = [e for e in explain_choices(game, at_gate) if e.key == "show-pass"]
    assert (show_pass.status, show_pass.why) == (ChoiceStatus.SHOWN, "condition is true")
    assert show_pass.inputs == (("has_pass", True), ("credibility", 1))


def test_a_false_condition_without_locked_text_hides_the_choice(game: Game) -> None:
    at_gate = game.take(game.start(), "checkpoint.1")
    in_archive = game.take(at_gate, "archive.1")
    back = game.take(in_archive, "checkpoint.1")
    [ask] = [e for e in explain_choices(game, back) if e.key == "archive.1"]
    assert ask.status is ChoiceStatus.HIDDEN and ask.number is None
    assert ask.why == "condition is false (no locked: text, so hidden)"
    assert ask.condition == 'not known("first-launch-2016")'
    assert ask.inputs == (('known("first-launch-2016")', True),)
    # the hidden choice takes no number: the ones after it move up
    assert by_key(game, back)["road-end.1"][1] == 2


def test_a_once_choice_already_taken_is_hidden_for_that_reason(game: Game) -> None:
    again = game.take(game.start(), "take-pass")
    assert by_key(game, again)["take-pass"] == (
        ChoiceStatus.HIDDEN,
        None,
        "once, and already taken",
    )


def test_the_inputs_are_the_names_and_calls_read_in_source_order(tmp_path: Path) -> None:
    story = tmp_path / "story"
    shutil.copytree(FIXTURES / "sample", story)
    gate = story / "nodes" / "gate.yaml"
    condition = 'visited("checkpoint") < 2 and not known("first-launch-2016")'
    gate.write_text(
        gate.read_text("utf-8").replace('not known("first-launch-2016")', condition), "utf-8"
    )
    game = Game(load_story(story, use_cache=False))
    at_gate = game.take(game.start(), "checkpoint.1")
    [ask] = [e for e in explain_choices(game, at_gate) if e.key == "archive.1"]
    assert ask.condition == condition
    assert ask.inputs == (('visited("checkpoint")', 1), ('known("first-launch-2016")', False))
    again = game.take(at_gate, "checkpoint.1")
    [ask] = [e for e in explain_choices(game, again) if e.key == "archive.1"]
    assert ask.status is ChoiceStatus.HIDDEN
    assert ask.inputs[0] == ('visited("checkpoint")', 2)


def _walk(game: Game, rng: random.Random, moves: int) -> list[GameState]:
    """Every state of a seeded random walk (a new game after each ending)."""
    state = game.start()
    seen = [state]
    for _ in range(moves):
        available = [view for view in game.choices(state) if view.available]
        state = (
            game.start()
            if state.ended or not available
            else game.take(state, rng.choice(available).key)
        )
        seen.append(state)
    return seen


@pytest.mark.parametrize("fixture", ["sample", "engine", "journey"])
def test_the_explanation_agrees_with_the_choices_the_game_shows(fixture: str) -> None:
    game = Game(load_story(FIXTURES / fixture, use_cache=False))
    for state in _walk(game, random.Random(fixture), 400):
        shown = [
            (view.key, view.number, view.available, view.reason) for view in game.choices(state)
        ]
        explained = [
            (
                e.key,
                e.number,
                e.status is ChoiceStatus.SHOWN,
                e.choice.locked if e.status is ChoiceStatus.LOCKED else None,
            )
            for e in explain_choices(game, state)
            if e.status is not ChoiceStatus.HIDDEN
        ]
        assert explained == shown


def test_inspect_lays_out_variables_visits_and_facts(game: Game) -> None:
    with_pass = game.take(game.start(), "take-pass")
    state = game.take(with_pass, "checkpoint.1")
    inspection = inspect_state(game, state)
    assert inspection.node == "checkpoint"
    assert inspection.variables == (
        ("alias", "Sasha", ""),
        ("credibility", 1, 0),
        ("has_pass", True, False),
        ("visits_to_gate", 1, 0),
    )
    assert inspection.visits == (("checkpoint", 1), ("prologue", 2))
    assert inspection.facts == ("summit-2023",)
    assert [e.key for e in inspection.choices] == [
        "show-pass",
        "archive.1",
        "road-end.1",
        "checkpoint.1",
    ]


def test_an_ending_has_nothing_to_explain(game: Game) -> None:
    at_gate = game.take(game.start(), "checkpoint.1")
    ended = game.take(at_gate, "road-end.1")
    assert ended.ended
    assert explain_choices(game, ended) == []
