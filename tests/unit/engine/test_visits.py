"""Visit counts: an immutable mapping that behaves like the dict it stands in for."""

from __future__ import annotations

import random
from collections import Counter
from pathlib import Path

import pytest

from cosmodrome.engine import Game
from cosmodrome.engine.game import SMALL_VISITS
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


def test_a_long_game_counts_every_entry_of_every_node(tmp_path: Path) -> None:
    generate_story(tmp_path / "story", 600, seed=11)
    game = Game(load_story(tmp_path / "story", use_cache=False))
    rng = random.Random(3)
    state = game.start()
    while len(state.visits) <= SMALL_VISITS * 2:  # past the switch from a dict to the trie
        options = game.passage(state).available
        state = game.take(state, rng.choice(options).key) if options else game.start()
        if state.ended:
            state = game.start()
    entered = Counter(moment.node for moment in state.history())
    assert isinstance(state.visits, Visits)
    assert dict(state.visits) == dict(entered)
    assert list(state.visits) == list(dict.fromkeys(m.node for m in state.history()))
