"""Visit counts: an immutable mapping that behaves like the dict it stands in for."""

from __future__ import annotations

import random
import threading
from collections import Counter
from pathlib import Path

import pytest

from cosmodrome.engine import Game
from cosmodrome.engine.visits import Visits
from cosmodrome.story.loader import load_story
from tests.benchmarks.generate import generate_story


def test_entering_counts_up_and_leaves_the_old_map_alone() -> None:
    before = Visits({"a": 1})
    after = before.entered("a").entered("b")
    assert dict(before) == {"a": 1}
    assert dict(after) == {"a": 2, "b": 1}
    assert after["a"] == 2
    assert after.get("c", 0) == 0
    assert "b" in after
    assert "c" not in after
    assert len(after) == 2


def test_it_iterates_in_first_visit_order_like_a_dict() -> None:
    names = [f"node-{n}" for n in range(300)]
    random.Random(5).shuffle(names)
    visits = Visits()
    expected: dict[str, int] = {}
    for name in names + names[:50]:
        visits = visits.entered(name)
        expected[name] = expected.get(name, 0) + 1
    assert list(visits) == list(expected)
    assert list(visits.items()) == list(expected.items())
    assert visits == expected
    assert visits.keys() - {"node-0"} == expected.keys() - {"node-0"}


def test_a_missing_key_is_a_key_error() -> None:
    with pytest.raises(KeyError):
        Visits({"a": 1})["b"]


def test_an_unhashable_key_is_simply_not_there() -> None:
    unhashable: object = []
    assert unhashable not in Visits({"a": 1})


def test_every_older_map_keeps_its_counts_as_later_ones_are_made() -> None:
    maps = [Visits({"start": 1})]
    expected = [{"start": 1}]
    for name in ["a", "b", "a", "start", "c", "a"]:
        maps.append(maps[-1].entered(name))
        counts = dict(expected[-1])
        counts[name] = counts.get(name, 0) + 1
        expected.append(counts)
    assert [dict(m) for m in maps] == expected
    assert [len(m) for m in maps] == [len(e) for e in expected]
    assert [m.get("a") for m in maps] == [e.get("a") for e in expected]


def test_entering_from_an_older_map_branches_without_touching_the_newer_one() -> None:
    start = Visits().entered("start")
    ahead = start.entered("a").entered("b")
    other = start.entered("c")  # as after an undo: the same point, another way
    assert dict(ahead) == {"start": 1, "a": 1, "b": 1}
    assert dict(other) == {"start": 1, "c": 1}
    assert dict(ahead.entered("a")) == {"start": 1, "a": 2, "b": 1}
    assert dict(other.entered("start")) == {"start": 2, "c": 1}
    assert dict(ahead.entered("c")) == {"start": 1, "a": 1, "b": 1, "c": 1}


def test_a_node_entered_again_after_a_branch_counts_on_from_the_branch_point() -> None:
    trunk = Visits({"x": 3}).entered("x").entered("y")
    branch = trunk.entered("y")
    again = trunk.entered("x")  # trunk is no longer the newest: a map of its own
    assert dict(branch) == {"x": 4, "y": 2}
    assert dict(again) == {"x": 5, "y": 1}
    assert list(again) == ["x", "y"]


def test_two_threads_entering_from_the_same_map_each_get_their_own_counts() -> None:
    start = Visits().entered("start")
    results: dict[str, Visits] = {}
    barrier = threading.Barrier(4)

    def play(name: str) -> None:
        barrier.wait()
        visits = start
        for _ in range(2000):
            visits = visits.entered(name)
        results[name] = visits

    threads = [threading.Thread(target=play, args=(f"n{i}",)) for i in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert {name: dict(v) for name, v in results.items()} == {
        f"n{i}": {"start": 1, f"n{i}": 2000} for i in range(4)
    }
    assert dict(start) == {"start": 1}


def test_a_long_game_counts_every_entry_of_every_node(tmp_path: Path) -> None:
    generate_story(tmp_path / "story", 600, seed=11)
    game = Game(load_story(tmp_path / "story", use_cache=False))
    rng = random.Random(3)
    state = game.start()
    while len(state.visits) <= 300:
        options = game.passage(state).available
        state = game.take(state, rng.choice(options).key) if options else game.start()
        if state.ended:
            state = game.start()
    entered = Counter(moment.node for moment in state.history())
    assert isinstance(state.visits, Visits)
    assert dict(state.visits) == dict(entered)
    assert list(state.visits) == list(dict.fromkeys(m.node for m in state.history()))


def test_undoing_and_choosing_again_counts_only_the_new_way(tmp_path: Path) -> None:
    generate_story(tmp_path / "story", 200, seed=4)
    game = Game(load_story(tmp_path / "story", use_cache=False))
    rng = random.Random(8)
    state = game.start()
    for _ in range(400):
        options = game.passage(state).available
        if state.ended or not options:
            state = game.start()
            continue
        if rng.random() < 0.2:
            state = Game.undo(state, rng.randint(1, 4))
            continue
        state = game.take(state, rng.choice(options).key)
        for moment in state.history():
            entered = Counter(m.node for m in moment.history())
            assert dict(moment.visits) == dict(entered)


def test_the_changes_since_an_earlier_map_are_the_counts_entered_since() -> None:
    start = Visits({"a": 2})
    later = start.entered("b").entered("a").entered("b")
    assert later.changes_since(start) == {"a": 3, "b": 2}
    assert later.changes_since(later) == {}
    assert start.changes_since(later) is None  # not since: before
    assert start.entered("c").changes_since(later) is None  # another line of play
    assert Visits({"a": 2}).changes_since(start) is None
