"""Shared helpers for the save store's tests: the sample story, games played on it,
story variants edited from it, and a fixed clock."""

from __future__ import annotations

import random
import shutil
from datetime import UTC, datetime
from functools import cache
from pathlib import Path
from typing import Any

from cosmodrome.engine.game import Game
from cosmodrome.engine.state import GameState
from cosmodrome.story.loader import load_story
from cosmodrome.story.model import Story
from tests.conftest import FIXTURES

SAMPLE = FIXTURES / "sample"
FIXED_TIME = datetime(2025, 4, 12, 18, 30, 5, tzinfo=UTC)


def fixed_clock() -> datetime:
    return FIXED_TIME


@cache
def sample_story() -> Story:
    return load_story(SAMPLE)


def play(story: Story, keys: list[str]) -> GameState:
    """The state after taking the choices with these stable keys from the start."""
    game = Game(story)
    state = game.start()
    for key in keys:
        state = game.take(state, key)
    return state


def wander(story: Story, choices: int, seed: int) -> GameState:
    """A long game: random available choices that never reach an ending."""
    game = Game(story)
    state = game.start()
    rng = random.Random(seed)
    while state.steps < choices:
        views = [
            v for v in game.choices(state) if v.available and not story.nodes[v.choice.goto].ending
        ]
        state = game.take(state, rng.choice(views).key)
    return state


def variant(tmp_path: Path, edits: dict[str, list[tuple[str, str]]], name: str = "story") -> Path:
    """A copy of the sample story with text replacements in its files; each must apply."""
    target = tmp_path / name
    shutil.copytree(SAMPLE, target)
    for relative, replacements in edits.items():
        path = target / relative
        text = path.read_text(encoding="utf-8")
        for old, new in replacements:
            assert old in text, f"{old!r} not in {relative}"
            text = text.replace(old, new)
        path.write_text(text, encoding="utf-8")
    return target


def history_nodes(state: GameState) -> list[str]:
    return [s.node for s in state.history()]


def value_paths(value: Any, prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    """Every path of keys and indexes into a JSON value, the value itself first."""
    found = [prefix]
    if isinstance(value, dict):
        for key, item in value.items():
            found += value_paths(item, (*prefix, key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            found += value_paths(item, (*prefix, index))
    return found


Doc = dict[str, Any]  # a save file's JSON, decoded, to be tampered with


def history_start(d: Doc) -> Doc:
    """The first state of the history in the decoded save `d`."""
    start: Doc = d["history"]["start"]
    return start


def history_move(d: Doc, n: int = 0) -> Doc:
    """Move `n` of the history in the decoded save `d`."""
    move: Doc = d["history"]["moves"][n]
    return move
