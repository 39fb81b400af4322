"""Random playtesting: seeded and repeatable, problems with routes, coverage and endings."""

from __future__ import annotations

import random
from pathlib import Path

from cosmodrome.engine.game import Game
from cosmodrome.engine.passages import Passage
from cosmodrome.engine.randomplay import Outcome, play_randomly, random_test, run_seed
from cosmodrome.engine.state import GameState
from cosmodrome.story.loader import load_story
from tests.conftest import FIXTURES
from tests.unit.toolkit.story_builder import build


def _game(name: str) -> Game:
    return Game(load_story(FIXTURES / name, use_cache=False))


def test_the_same_seed_gives_the_same_report() -> None:
    game = _game("sample")
    assert random_test(game, 50, seed=7).to_json() == random_test(game, 50, seed=7).to_json()


def test_different_seeds_play_differently() -> None:
    game = _game("sample")
    assert random_test(game, 50, seed=1).lengths != random_test(game, 50, seed=2).lengths


def test_a_clean_story_passes_and_every_run_reaches_an_ending() -> None:
    report = random_test(_game("sample"), 200, seed=0)
    assert not report.failed
    assert sum(report.endings.values()) == 200
    assert report.nodes_seen == {"prologue", "checkpoint", "archive", "apron", "road-end"}
    assert len(report.choices_taken) == report.choices_total == 7
    assert report.longest >= report.mean_length > 0


def test_soft_locks_come_with_a_route_and_a_seed_that_replays_them() -> None:
    game = _game("lint-soft-lock")
    report = random_test(game, 100, seed=3)
    problem = report.problems["soft-lock", "hall"]
    assert problem.route[0].text == "Enter the hall"
    assert problem.seed is not None
    again = play_randomly(game, random.Random(problem.seed))
    assert again.outcome is Outcome.SOFT_LOCK
    assert again.state.node == "hall"


def test_a_run_that_never_ends_is_reported_as_a_loop() -> None:
    report = random_test(_game("endless-loop"), 5, seed=0, max_steps=40)
    [problem] = report.problems.values()
    assert problem.code == "loop"
    assert problem.count == 5
    assert "going round north, start" in problem.message
    assert report.longest == 40


def test_a_silenced_soft_lock_is_not_a_problem(tmp_path: Path) -> None:
    nodes = """
    start:
      text: "Start."
      choices:
        - text: "Into the cell"
          goto: cell
    cell:
      ignore: [soft-lock, no-way-out, never-true]
      text: "A locked cell."
      choices:
        - text: "Pick the lock"
          if: false
          goto: start
    """
    report = random_test(Game(build(tmp_path, nodes)), 10, seed=0)
    assert not report.failed


class _BrokenGame(Game):
    """A game whose rendering fails at one node, as a bug in the engine would."""

    def passage(self, state: GameState) -> Passage:
        if state.node == "checkpoint":
            raise RuntimeError("rendering failed")
        return super().passage(state)


def test_an_exception_while_playing_is_an_error_with_its_route() -> None:
    game = _BrokenGame(load_story(FIXTURES / "sample", use_cache=False))
    report = random_test(game, 20, seed=0)
    problem = report.problems["error", "checkpoint"]
    assert problem.message == "RuntimeError: rendering failed"
    assert problem.route[-1].node == "prologue"


def test_runs_have_seeds_of_their_own() -> None:
    assert run_seed(0, 0) != run_seed(0, 1) != run_seed(1, 0)
