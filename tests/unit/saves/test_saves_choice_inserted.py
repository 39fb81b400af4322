"""A choice inserted above a `once` choice without an `id:`: the save's "already taken"
mark follows the choice's words, and the player is told."""

from __future__ import annotations

import shutil
from pathlib import Path

from cosmodrome.engine.game import Game
from cosmodrome.saves.store import SaveStore
from cosmodrome.story.loader import load_story
from tests.conftest import FIXTURES

TEA = """      - text: "Drink the tea"
        id: tea
        once: true"""
TEA_WITHOUT_ID = """      - text: "Drink the tea"
        once: true"""
INSERTED = (
    """      - text: "Ask for sugar"
        once: true
        goto: hut
"""
    + TEA_WITHOUT_ID
)


def story_with(tmp_path: Path, name: str, tea: str) -> Path:
    target = tmp_path / name
    shutil.copytree(FIXTURES / "revisits", target)
    hut = target / "nodes" / "hut.yaml"
    text = hut.read_text(encoding="utf-8")
    assert TEA in text
    hut.write_text(text.replace(TEA, tea), encoding="utf-8")
    return target


def test_the_taken_mark_follows_the_choice_that_moved(tmp_path: Path) -> None:
    before = load_story(story_with(tmp_path, "before", TEA_WITHOUT_ID))
    game = Game(before)
    state = game.take(game.start(), "hut.1")  # drank the tea: its key is its position
    store = SaveStore(tmp_path / "saves")
    store.save("slot", before, state, 10)
    after = load_story(story_with(tmp_path, "after", INSERTED))
    loaded = store.load("slot", after)
    offered = [view.text for view in Game(after).choices(loaded.state)]
    assert "Ask for sugar" in offered  # the new choice is not marked as taken
    assert "Drink the tea" not in offered  # and the old one does not come back
    assert loaded.state.taken_once == frozenset({"hut/hut.2"})
    assert loaded.notes == ('Choices moved in the story; "Drink the tea" has still been taken.',)


def test_an_unmoved_choice_needs_no_note(tmp_path: Path) -> None:
    before = load_story(story_with(tmp_path, "before", TEA_WITHOUT_ID))
    game = Game(before)
    store = SaveStore(tmp_path / "saves")
    store.save("slot", before, game.take(game.start(), "hut.1"), 10)
    loaded = store.load("slot", load_story(story_with(tmp_path, "same", TEA_WITHOUT_ID)))
    assert loaded.notes == ()
    assert loaded.state.taken_once == frozenset({"hut/hut.1"})
