"""Every ending of the shipped story, reached by typing choice numbers into the real player."""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from cosmodrome.engine.game import Game
from cosmodrome.engine.randomplay import random_test
from cosmodrome.engine.state import GameState
from cosmodrome.locations import default_story_dir
from cosmodrome.story.loader import load_story
from tests.functional.cli_runner import run_cosmodrome

SEARCH_RUNS = 3000
MAX_STEPS = 1000


def curious_playthrough(game: Game, rng: random.Random) -> GameState:
    """A seeded player who mostly prefers places not yet seen in this run.

    Plain random play reaches the hardest ending about once in 10,000 runs;
    a curious reader, like a real one, gathers enough to reach it far sooner.
    """
    state = game.start()
    while not state.ended:
        views = [v for v in game.choices(state) if v.available]
        assert views, f"soft-lock at {state.node}"
        fresh = [v for v in views if state.visits.get(v.choice.goto, 0) == 0]
        pool = fresh if fresh and rng.random() < 0.85 else views
        state = game.take(state, rng.choice(pool).key)
        assert state.steps <= MAX_STEPS, f"no ending after {MAX_STEPS} choices"
    return state


def shortest_routes(game: Game) -> dict[str, GameState]:
    """For each ending node, the shortest seeded playthrough that reached it."""
    best: dict[str, GameState] = {}
    rng = random.Random(2023)
    for _ in range(SEARCH_RUNS):
        state = curious_playthrough(game, rng)
        known = best.get(state.node)
        if known is None or state.steps < known.steps:
            best[state.node] = state
    return best


def typed_numbers(game: Game, final: GameState) -> list[int]:
    """The numbers a player types to follow `final`'s history from the start."""
    numbers = []
    for state in final.history()[:-1]:
        step = final.history()[state.steps + 1].last
        assert step is not None
        (view,) = [v for v in game.choices(state) if v.key == step.choice]
        numbers.append(view.number)
    return numbers


@pytest.fixture(scope="module")
def game() -> Game:
    return Game(load_story(default_story_dir()))


@pytest.fixture(scope="module")
def routes(game: Game) -> dict[str, GameState]:
    return shortest_routes(game)


def test_every_ending_is_reached(game: Game, routes: dict[str, GameState]) -> None:
    endings = {node.id for node in game.story.nodes.values() if node.is_ending}
    assert set(routes) == endings


ENDINGS = sorted(n.id for n in load_story(default_story_dir()).nodes.values() if n.is_ending)


@pytest.mark.parametrize("ending", ENDINGS)
def test_route_to_ending_through_the_plain_player(
    game: Game, routes: dict[str, GameState], ending: str, tmp_path: Path
) -> None:
    final = routes[ending]
    typed = "".join(f"{n}\n" for n in typed_numbers(game, final))
    result = run_cosmodrome(
        ["play", "--plain", "--story", str(default_story_dir())],
        stdin=typed,
        env={"COSMODROME_SAVES": str(tmp_path)},
    )
    assert result.returncode == 0, result.stderr
    title = game.story.nodes[final.node].ending
    assert f"— The end: {title}" in result.stdout
    assert "Traceback" not in result.stdout + result.stderr


RANDOM_RUNS = 5000  # uniform random play finds the rarest ending (the long read) by then


def test_random_play_reaches_every_node_and_ending_without_a_problem(game: Game) -> None:
    report = random_test(game, runs=RANDOM_RUNS, seed=0)
    assert not report.failed, [p.to_json() for p in report.problems.values()]
    assert set(report.endings) == set(ENDINGS)
    assert report.nodes_seen == set(game.story.nodes)
    assert not report.replays.found, list(report.replays.found)  # none replayed
