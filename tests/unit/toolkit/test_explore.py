"""Exhaustive exploration: shortest routes to problems, bounds said plainly, finite counters."""

from __future__ import annotations

import random
from pathlib import Path

from cosmodrome.engine.exploration import Stop
from cosmodrome.engine.explore import explore
from cosmodrome.engine.game import Game
from cosmodrome.engine.randomplay import random_test
from cosmodrome.engine.replay import replay, soft_locked
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


def test_a_search_stopped_by_its_bound_is_incomplete_and_says_its_frontier() -> None:
    result = explore(load_story(FIXTURES / "explore-bound", use_cache=False), max_states=10)
    assert (result.complete, result.stopped, result.states) == (False, Stop.STATES, 10)
    assert result.frontier == 1
    assert result.not_reached == ["outside"] and not result.problems


def test_the_whole_corridor_is_complete_with_the_route_to_its_ending() -> None:
    result = explore(load_story(FIXTURES / "explore-bound", use_cache=False))
    assert result.complete and result.stopped is None and not result.problems
    assert _texts(result.endings["outside"]) == ["Open the next door"] * 40 + ["Step out"]


def test_a_memory_bound_stops_the_search() -> None:
    story = load_story(FIXTURES / "explore-bound", use_cache=False)
    result = explore(story, max_memory_mb=1)  # any Python process holds more than 1 MB
    assert (result.complete, result.stopped) == (False, Stop.MEMORY)


def test_a_soft_lock_found_through_the_classes_is_replayed_before_it_is_reported() -> None:
    story = load_story(FIXTURES / "explore-moody", use_cache=False)
    result = explore(story)
    assert result.approximate  # "above 3" was one class, and "Sulk" can leave it or not
    [problem] = result.problems
    assert (problem.code, problem.node) == ("soft-lock", "door")
    assert _texts(problem.route) == ["Cheer up", "Cheer up", "Go to the door"]
    state = replay(Game(story), [(s.node, s.choice) for s in problem.route])
    assert state is not None and soft_locked(Game(story), state)
    assert result.complete


def test_a_finding_whose_route_does_not_replay_is_not_reported(tmp_path: Path) -> None:
    story = build(
        tmp_path,
        """
        start:
          text: "Height {x}."
          choices:
            - text: "Climb"
              goto: start
              set: {x: x + 5}
            - text: "Step down"
              goto: start
              set: {x: x - 1}
            - text: "Gate"
              goto: gate
        gate:
          text: "The gate."
          choices:
            - text: "Through"
              if: x >= 2
              goto: end
            - text: "Back"
              if: x <= 0
              goto: start
        end:
          text: "End."
          ending: "End"
        """,
        "variables:\n  x: 0\n",
    )
    result = explore(story)
    # the classes let "Step down, Climb" reach 1 (really 4), so the one soft-lock the
    # search saw (x = 1 at the gate, really 5 moves away) has a route that does not replay
    assert not any(p.code == "soft-lock" for p in result.problems)
    assert any(u.startswith("soft-lock at node 'gate'") for u in result.unconfirmed)
    assert not result.complete


def test_a_key_is_bytes_and_turns_back_into_a_state_with_that_key() -> None:
    story = load_story(FIXTURES / "explore-moody", use_cache=False)
    keys = StateKeys(story)
    game = Game(story)
    state = game.take(game.take(game.start(), "start.1"), "door.1")
    key = keys.key(state)
    assert isinstance(key, bytes) and len(key) < 8
    again = keys.state(key)
    assert (again.node, again.variables["mood"]) == ("door", 1)
    assert keys.key(again) == key
