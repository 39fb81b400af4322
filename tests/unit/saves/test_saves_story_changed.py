"""A story edited after a save: the save still loads, fitted to the story as it is now,
and the player is told in one line what changed."""

from __future__ import annotations

from pathlib import Path

import pytest

from cosmodrome.engine.game import Game
from cosmodrome.saves.errors import SaveError
from cosmodrome.saves.store import LoadedGame, SaveStore
from cosmodrome.story.loader import load_story
from cosmodrome.story.model import Story
from tests.unit.saves.saves_helpers import SAMPLE, history_nodes, play, variant

GATE = "nodes/gate.yaml"
MORE = "nodes/more.yaml"
MANIFEST = "story.yaml"


def save_then_load(tmp_path: Path, saved_with: Story, keys: list[str], now: Story) -> LoadedGame:
    store = SaveStore(tmp_path / "saves")
    store.save("slot", saved_with, play(saved_with, keys), 10)
    return store.load("slot", now)


def playable(story: Story, loaded: LoadedGame) -> None:
    """Every state of the loaded history can be shown and played from."""
    game = Game(story)
    for state in loaded.state.history():
        assert state.node in story.nodes
        game.passage(state)
    assert all("\n" not in note for note in loaded.notes)


def test_an_unchanged_story_needs_no_notes(tmp_path: Path) -> None:
    story = load_story(SAMPLE)
    copy = load_story(variant(tmp_path, {}))  # same content, another folder
    assert save_then_load(tmp_path, story, ["take-pass"], copy).notes == ()


def test_a_renamed_node_resumes_at_its_new_id(tmp_path: Path) -> None:
    before = load_story(SAMPLE)
    renamed = {
        GATE: [
            ("  checkpoint:\n", "  gatehouse:\n"),
            ("was: [gate]", "was: [gate, checkpoint]"),
            ("goto: checkpoint", "goto: gatehouse"),
            ('visited("checkpoint")', 'visited("gatehouse")'),
        ],
        MORE: [("goto: checkpoint", "goto: gatehouse")],
    }
    after = load_story(variant(tmp_path, renamed))
    keys = ["take-pass", "checkpoint.1", "archive.1", "checkpoint.1"]
    loaded = save_then_load(tmp_path, before, keys, after)
    assert loaded.state.node == "gatehouse"
    assert loaded.state.visits["gatehouse"] == 2
    assert "taken" not in loaded.summary
    assert "Node 'checkpoint' is now 'gatehouse'." in loaded.notes
    assert history_nodes(loaded.state) == [
        "prologue",
        "prologue",
        "gatehouse",
        "archive",
        "gatehouse",
    ]
    playable(after, loaded)
    # The rename is invisible to play: the guard has seen you twice, the pass still works.
    game = Game(after)
    assert "seen you 2 times" in game.passage(loaded.state).text
    assert game.take(loaded.state, "show-pass").node == "apron"


def test_a_new_variable_takes_its_default(tmp_path: Path) -> None:
    before = load_story(SAMPLE)
    after = load_story(
        variant(tmp_path, {MANIFEST: [('  alias: ""\n', '  alias: ""\n  mood: 3\n')]})
    )
    loaded = save_then_load(tmp_path, before, ["take-pass"], after)
    assert loaded.state.variables["mood"] == 3
    assert loaded.state.variables["alias"] == "Sasha"
    assert all(s.variables["mood"] == 3 for s in loaded.state.history())
    assert loaded.notes == ("1 new variable took its default: 'mood'.",)


def test_a_removed_variable_is_dropped(tmp_path: Path) -> None:
    before = load_story(
        variant(tmp_path, {MANIFEST: [('  alias: ""\n', '  alias: ""\n  extra: 5\n')]})
    )
    after = load_story(SAMPLE)
    loaded = save_then_load(tmp_path, before, ["take-pass"], after)
    assert "extra" not in loaded.state.variables
    assert loaded.summary == "1 variable no longer in the story ('extra') dropped."


def test_a_variable_whose_type_changed_takes_the_new_default(tmp_path: Path) -> None:
    extra = '  alias: ""\n  extra: 5\n'
    before = load_story(variant(tmp_path, {MANIFEST: [('  alias: ""\n', extra)]}, "before"))
    retyped = extra.replace("5", '"five"')
    after = load_story(variant(tmp_path, {MANIFEST: [('  alias: ""\n', retyped)]}, "after"))
    loaded = save_then_load(tmp_path, before, ["take-pass"], after)
    assert loaded.state.variables["extra"] == "five"
    assert "'extra'" in loaded.summary
    assert "type" in loaded.summary


def test_inserted_choices_change_nothing(tmp_path: Path) -> None:
    before = load_story(SAMPLE)
    inserted = (
        '    choices:\n      - text: "Look around"\n        id: look\n        goto: prologue\n'
    )
    after = load_story(
        variant(tmp_path, {GATE: [("    choices:\n", inserted)]})  # first node only
    )
    loaded = save_then_load(tmp_path, before, ["take-pass"], after)
    assert loaded.notes == ()
    game = Game(after)
    views = game.choices(loaded.state)
    assert [v.key for v in views] == ["look", "checkpoint.1"]  # the pass stays picked up
    assert game.take(loaded.state, "checkpoint.1").node == "checkpoint"


REMOVE_ARCHIVE = {
    GATE: [
        (
            '      - text: "Ask about the first launch"\n        goto: archive\n'
            '        if: not known("first-launch-2016")\n',
            "",
        )
    ],
    MORE: [("  archive:\n", "  archived:\n")],  # no choice leads there: as good as gone
}


def test_a_removed_current_node_resumes_at_the_last_place_that_exists(tmp_path: Path) -> None:
    before = load_story(SAMPLE)
    after = load_story(variant(tmp_path, REMOVE_ARCHIVE))
    loaded = save_then_load(tmp_path, before, ["take-pass", "checkpoint.1", "archive.1"], after)
    assert loaded.state.node == "checkpoint"
    assert loaded.state.steps == 2
    assert loaded.notes == (
        "Node 'archive' is no longer in the story; resumed at 'checkpoint', 1 choice back.",
    )
    playable(after, loaded)


def test_undo_steps_at_removed_nodes_are_dropped(tmp_path: Path) -> None:
    before = load_story(SAMPLE)
    after = load_story(variant(tmp_path, REMOVE_ARCHIVE))
    keys = ["take-pass", "checkpoint.1", "archive.1", "checkpoint.1"]
    loaded = save_then_load(tmp_path, before, keys, after)
    assert history_nodes(loaded.state) == ["prologue", "prologue", "checkpoint", "checkpoint"]
    assert "1 undo step at removed nodes dropped from the history." in loaded.notes
    assert Game.undo(loaded.state).node == "checkpoint"
    playable(after, loaded)


def test_a_save_with_no_place_left_is_incompatible(tmp_path: Path) -> None:
    before = load_story(SAMPLE)
    after = load_story(
        variant(
            tmp_path,
            {
                MANIFEST: [("start: prologue", "start: checkpoint")],
                GATE: [("  prologue:\n", "  opening:\n"), ("goto: prologue", "goto: opening")],
            },
        )
    )
    with pytest.raises(SaveError, match=r"^cannot load 'slot': incompatible: node 'prologue'"):
        save_then_load(tmp_path, before, ["take-pass"], after)


def test_a_removed_fact_is_forgotten(tmp_path: Path) -> None:
    before = load_story(SAMPLE)
    after = load_story(
        variant(
            tmp_path,
            {
                GATE: [("    facts: [summit-2023]\n", "")],
                "facts.yaml": [("  summit-2023:\n", "  summit-2024:\n")],
            },
        )
    )
    loaded = save_then_load(tmp_path, before, ["checkpoint.1"], after)
    assert loaded.state.facts == frozenset()
    assert loaded.notes == ("1 fact no longer in the story forgotten.",)


def test_an_ending_that_gained_choices_plays_on(tmp_path: Path) -> None:
    before = load_story(SAMPLE)
    after = load_story(
        variant(
            tmp_path,
            {
                MORE: [
                    (
                        '    ending: "The road home"\n',
                        "    choices:\n      - text: Back\n        goto: prologue\n",
                    )
                ]
            },
        )
    )
    loaded = save_then_load(tmp_path, before, ["checkpoint.1", "road-end.1"], after)
    assert loaded.state.node == "road-end"
    assert not loaded.state.ended
    assert Game(after).take(loaded.state, "prologue.1").node == "prologue"
