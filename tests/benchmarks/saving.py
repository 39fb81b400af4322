"""Saving and loading a game of the shipped story, against plain JSON files."""

from __future__ import annotations

import json
import os
import random
from pathlib import Path

from cosmodrome.engine.game import Game
from cosmodrome.engine.state import GameState
from cosmodrome.story.model import Story
from tests.benchmarks.harness import Budget, Row, ms, paired_medians, seconds

SAVE_BUDGET = Budget(2.0)
LOAD_BUDGET = Budget(3.0)
SAVE_ROW = "save after 100 choices (with fsync)"
LOAD_ROW = "load of that save, checks included"


def play(story: Story, choices: int, seed: int) -> GameState:
    """A game `choices` choices long, chosen at random, steering clear of endings (and
    undoing a few steps when every way on ends the story)."""
    game = Game(story)
    rng = random.Random(seed)
    state = game.start()
    for _ in range(choices * 1000):
        if state.steps >= choices:
            return state
        onward = [
            view
            for view in game.passage(state).available
            if not story.nodes[view.choice.goto].is_ending
        ]
        if onward:
            state = game.take(state, rng.choice(onward).key)
        else:
            state = Game.undo(state, rng.randint(1, 5))
    raise RuntimeError(f"no game of {choices} choices found in the story")


def _only_file(directory: Path) -> Path:
    """The one file a first save wrote in an empty folder (its name is the store's own)."""
    # hidden files are the folder's locks, not saves
    files = [p for p in directory.iterdir() if p.is_file() and not p.name.startswith(".")]
    if len(files) != 1:
        raise RuntimeError(f"expected one save file in {directory}, found {len(files)}")
    return files[0]


def _write_fsync(path: Path, data: bytes) -> None:
    with path.open("wb") as handle:
        handle.write(data)
        handle.flush()
        os.fsync(handle.fileno())


def save_rows(story: Story, directory: Path, runs: int) -> list[Row]:
    """Save and load of a 100-choice game, each against the plain-JSON equivalent."""
    from cosmodrome.saves.store import SaveStore

    store = SaveStore(directory / "saves")
    state = play(story, 100, seed=100)
    store.save("bench", story, state, 3600.0)
    path = _only_file(store.directory)
    document = json.loads(path.read_bytes())
    plain = directory / "plain.json"

    def ours_save() -> float:
        return seconds(lambda: store.save("bench", story, state, 3600.0))

    def plain_save() -> float:
        return seconds(lambda: _write_fsync(plain, json.dumps(document).encode("utf-8")))

    save, save_base = paired_medians(ours_save, plain_save, runs)

    def ours_load() -> float:
        return seconds(lambda: store.load("bench", story))

    def plain_load() -> float:
        return seconds(lambda: json.loads(path.read_bytes()))

    load, load_base = paired_medians(ours_load, plain_load, runs)
    size = f"{path.stat().st_size / 1024:,.0f} KB"
    return [
        Row(
            SAVE_ROW,
            ms(save),
            f"{ms(save_base)} json.dumps + write + fsync",
            save / save_base,
            SAVE_BUDGET,
            f"the save file: {size}, {state.steps} choices of undo history",
        ),
        Row(
            LOAD_ROW, ms(load), f"{ms(load_base)} read + json.loads", load / load_base, LOAD_BUDGET
        ),
    ]
