"""Exhaustive exploration: shortest routes to problems, bounds said plainly, finite counters."""

from __future__ import annotations

import random
from pathlib import Path

from cosmodrome.engine.explore import explore
from cosmodrome.engine.game import Game
from cosmodrome.engine.randomplay import random_test
from cosmodrome.engine.state import Step
from cosmodrome.engine.statekey import StateKeys
from cosmodrome.story.loader import load_story
from tests.conftest import FIXTURES
from tests.unit.toolkit.story_builder import build


def _texts(route: tuple[Step, ...]) -> list[str]:
    return [step.text for step in route]


def test_the_deep_soft_lock_is_found_with_its_shortest_route() -> None:
    result = explore(load_story(FIXTURES / "softlock-deep", use_cache=False))
    assert result.complete
    [problem] = result.problems
    assert (problem.code, problem.node) == ("soft-lock", "vault")
    assert _texts(problem.route) == ["Take the stairs down"] * 7


def test_random_play_rarely_finds_the_deep_soft_lock() -> None:
    story = load_story(FIXTURES / "softlock-deep", use_cache=False)
    report = random_test(Game(story), runs=300, seed=0)
    assert not report.failed  # 1 run in about 30,000 goes that deep
    assert "vault" not in report.nodes_seen


def test_an_endless_loop_is_a_state_with_no_way_out() -> None:
    result = explore(load_story(FIXTURES / "endless-loop", use_cache=False))
    assert result.complete
    assert [(p.code, p.node) for p in result.problems] == [("no-way-out", "start")]


def test_the_explorer_respects_ignore_lists() -> None:
    result = explore(load_story(FIXTURES / "endless-loop", use_cache=False))
    assert "exit" not in result.reached
    assert not any(p.node == "exit" for p in result.problems)  # ignore: [unreachable-ending]


def test_a_counter_compared_with_constants_keeps_the_search_finite() -> None:
    result = explore(load_story(FIXTURES / "explore-counter", use_cache=False))
    assert result.complete and not result.problems
    assert result.states < 30
    assert set(result.endings) == {"finish"}


def test_the_bound_is_reported_and_nothing_is_called_unreachable(tmp_path: Path) -> None:
    story = build(
        tmp_path,
        """
        start:
          text: "Count {n}."
          choices:
            - text: "Add"
              goto: start
              set: {n: n + 1}
            - text: "Double"
              goto: start
              set: {n: n * 2 + 1}
            - text: "Leave"
              if: n == 1000
              goto: end
        end:
          text: "End."
          ending: "End"
        """,
        "variables:\n  n: 0\n",
    )
    result = explore(story, max_states=50)
    assert not result.complete
    assert result.states == 50
    assert result.not_reached == ["end"]
    assert not result.problems


def test_never_available_choices_are_reported() -> None:
    result = explore(load_story(FIXTURES / "lint-soft-lock", use_cache=False))
    found = {(p.code, p.node) for p in result.problems}
    assert ("never-true", "hall") in found  # the porter wants a pass no route to hall gives
    assert ("soft-lock", "gate") not in found  # the lint rule only suspected this one


def test_states_that_differ_only_in_what_cannot_matter_share_a_key() -> None:
    story = load_story(FIXTURES / "explore-counter", use_cache=False)
    keys = StateKeys(story)
    game = Game(story)
    state = game.start()
    for _ in range(10):
        state = game.take(state, "start.1")
    more = game.take(state, "start.1")
    assert state.variables["laps"] != more.variables["laps"]
    assert keys.key(state) == keys.key(more)  # 10 and 11 laps: both past every constant


def test_a_search_is_deterministic() -> None:
    story = load_story(FIXTURES / "lint-soft-lock", use_cache=False)
    first = explore(story)
    random.seed(99)
    second = explore(story)
    assert [p.to_json() for p in first.problems] == [p.to_json() for p in second.problems]
