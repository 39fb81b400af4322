"""The random robot's replayed conversations: the same choice again, the same text again."""

from __future__ import annotations

from cosmodrome.engine.game import Game
from cosmodrome.engine.randomplay import random_test
from cosmodrome.engine.replays import replays_in
from cosmodrome.story.loader import load_story
from tests.conftest import FIXTURES

STORY = FIXTURES / "lint-same-on-return"


def walk(game: Game, keys: list[str]) -> list[str]:
    state = game.start()
    for key in keys:
        state = game.take(state, key)
    return [
        f"{p.node}: {p.route[-1].text} ({len(p.route)} choices)" for p in replays_in(game, state)
    ]


def test_a_question_asked_twice_with_the_same_answer_is_a_replay() -> None:
    game = Game(load_story(STORY))
    # the base answers differently the second time; the hub does not
    found = walk(game, ["base.1", "hub.1", "base.1", "hub.1"])
    assert found == ["base: Back (4 choices)"]


def test_a_text_that_reads_what_changed_is_no_replay() -> None:
    game = Game(load_story(STORY))
    assert walk(game, ["road.1", "hub.1", "road.1"]) == []  # the road counts the walks


def test_a_node_that_ignores_same_on_return_is_the_same_on_purpose() -> None:
    game = Game(load_story(STORY))
    assert walk(game, ["silos.1", "hub.1", "silos.1"]) == []


def test_the_random_report_lists_replays_with_their_routes_but_does_not_fail() -> None:
    report = random_test(Game(load_story(STORY)), runs=20, seed=1)
    assert not report.failed
    replays = report.to_json()["replays"]
    assert isinstance(replays, list) and replays
    assert all(r["code"] == "replay" and r["route"] for r in replays)
