"""A variable renamed with `was:` keeps its value in a save made before the rename."""

from __future__ import annotations

import shutil
from pathlib import Path

from cosmodrome.engine.game import Game
from cosmodrome.saves.store import SaveStore
from cosmodrome.story.loader import check_story, load_story
from tests.conftest import FIXTURES

REVISITS = FIXTURES / "revisits"
RENAME = [
    ("  leads:\n    default: 0\n", "  clues:\n    default: 0\n    was: [leads]\n"),
]
NODE_RENAME = [("leads", "clues")]


def renamed(tmp_path: Path, manifest: list[tuple[str, str]]) -> Path:
    """The revisits story with `leads` renamed to `clues` everywhere."""
    target = tmp_path / "renamed"
    shutil.copytree(REVISITS, target)
    story_yaml = target / "story.yaml"
    text = story_yaml.read_text(encoding="utf-8")
    for old, new in manifest:
        assert old in text
        text = text.replace(old, new)
    story_yaml.write_text(text, encoding="utf-8")
    hut = target / "nodes" / "hut.yaml"
    hut.write_text(hut.read_text(encoding="utf-8").replace("leads", "clues"), encoding="utf-8")
    return target


def test_a_save_made_before_the_rename_keeps_the_value(tmp_path: Path) -> None:
    before = load_story(REVISITS)
    game = Game(before)
    store = SaveStore(tmp_path / "saves")
    store.save("slot", before, game.take(game.start(), "tea"), 10)  # leads = 1, on disk
    after = load_story(renamed(tmp_path, RENAME))
    loaded = store.load("slot", after)
    assert loaded.state.variables["clues"] == 1
    assert "leads" not in loaded.state.variables
    assert loaded.notes == ("'Leads' kept its value from your save.",)  # the player's word
    assert "You hold 1 lead." in Game(after).passage(loaded.state).text


def test_without_was_the_renamed_variable_is_new_and_named(tmp_path: Path) -> None:
    before = load_story(REVISITS)
    game = Game(before)
    store = SaveStore(tmp_path / "saves")
    store.save("slot", before, game.take(game.start(), "tea"), 10)
    plain_rename = [("  leads:\n", "  clues:\n")]
    loaded = store.load("slot", load_story(renamed(tmp_path, plain_rename)))
    assert loaded.state.variables["clues"] == 0
    assert "1 new variable took its default: 'Leads'." in loaded.notes


def test_was_naming_a_declared_variable_is_an_error(tmp_path: Path) -> None:
    clash = [("  tea: false\n", "  tea:\n    default: false\n    was: [leads]\n")]
    target = tmp_path / "clash"
    shutil.copytree(REVISITS, target)
    story_yaml = target / "story.yaml"
    text = story_yaml.read_text(encoding="utf-8")
    story_yaml.write_text(text.replace(*clash[0]), encoding="utf-8")
    errors = [d for d in check_story(target).diagnostics if d.is_error]
    assert [(d.code, d.line) for d in errors] == [("was", 11)]
    assert "names a variable that still exists" in errors[0].message


def test_a_hidden_variable_renamed_is_told_by_its_names(tmp_path: Path) -> None:
    before = load_story(REVISITS)
    game = Game(before)
    store = SaveStore(tmp_path / "saves")
    store.save("slot", before, game.take(game.start(), "tea"), 10)  # tea = true
    target = tmp_path / "hidden"
    shutil.copytree(REVISITS, target)
    manifest = target / "story.yaml"
    manifest.write_text(
        manifest.read_text("utf-8").replace(
            "  tea: false\n", "  brewed:\n    default: false\n    was: [tea]\n"
        ),
        "utf-8",
    )
    hut = target / "nodes" / "hut.yaml"
    text = hut.read_text("utf-8").replace("if: tea", "if: brewed")
    hut.write_text(text.replace("{tea: true", "{brewed: true"), "utf-8")
    loaded = store.load("slot", load_story(target))
    assert loaded.state.variables["brewed"] is True
    assert loaded.notes == ("'tea' is now called 'brewed' and keeps its value.",)
