"""Visit counts: every entry of every node counted, in first-visit order, and an undo
forgets the entries it took back."""

from __future__ import annotations

import random
from collections import Counter
from pathlib import Path

from cosmodrome.engine.game import Game
from cosmodrome.story.loader import load_story
from tests.benchmarks.generate import generate_story


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
