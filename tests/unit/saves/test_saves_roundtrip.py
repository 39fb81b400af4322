"""Saving and loading a game: everything comes back, undo included, and the files are
small, readable JSON with the previous version kept."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest

from cosmodrome.engine.game import Game
from cosmodrome.saves import history as history_module
from cosmodrome.saves.codec import FORMAT, VERSION
from cosmodrome.saves.errors import SaveError
from cosmodrome.saves.history import entries_of
from cosmodrome.saves.slots import AUTOSAVE, QUICKSAVE
from cosmodrome.saves.store import SaveStore
from cosmodrome.story.loader import load_story
from tests.unit.saves.saves_helpers import (
    FIXED_TIME,
    fixed_clock,
    history_nodes,
    play,
    sample_story,
    variant,
    wander,
)


def test_round_trip_restores_every_state_of_the_history(tmp_path: Path) -> None:
    story = sample_story()
    state = wander(story, 40, seed=3)
    store = SaveStore(tmp_path)
    store.save("trip", story, state, 75.5)
    loaded = store.load("trip", story)
    assert loaded.notes == ()
    assert loaded.play_seconds == 75.5
    before, after = state.history(), loaded.state.history()
    assert len(after) == len(before) == 41
    assert [s.snapshot() for s in after] == [s.snapshot() for s in before]


def test_a_game_that_undid_and_chose_again_comes_back_state_by_state(tmp_path: Path) -> None:
    story = sample_story()
    game = Game(story)
    state = wander(story, 20, seed=5)
    for seed in (6, 7):  # undo a few choices, then go another way: a new line of play
        state = Game.undo(state, 4)
        views = [v for v in game.choices(state) if v.available]
        state = game.take(state, views[seed % len(views)].key)
    store = SaveStore(tmp_path)
    store.save("branch", story, state, 0)
    loaded = store.load("branch", story).state
    assert [s.snapshot() for s in loaded.history()] == [s.snapshot() for s in state.history()]
    assert [dict(s.visits) for s in loaded.history()] == [dict(s.visits) for s in state.history()]


def test_saving_after_each_choice_writes_what_one_save_at_the_end_writes(tmp_path: Path) -> None:
    story = sample_story()
    game = Game(story)
    store = SaveStore(tmp_path / "each")
    state = game.start()
    for step in range(30):
        if step in (10, 20):
            state = Game.undo(state, 3)  # the saved history and the new one part here
        views = [
            v for v in game.choices(state) if v.available and not story.nodes[v.choice.goto].ending
        ]
        state = game.take(state, views[step % len(views)].key)
        store.save("slot", story, state, 0)
    SaveStore(tmp_path / "once").save("slot", story, state, 0)
    assert _history_part(tmp_path / "each") == _history_part(tmp_path / "once")
    loaded = store.load("slot", story).state
    assert [s.snapshot() for s in loaded.history()] == [s.snapshot() for s in state.history()]


def _history_part(directory: Path) -> object:
    return json.loads((directory / "slot.save.json").read_bytes())["history"]


def test_undo_works_after_a_reload(tmp_path: Path) -> None:
    story = sample_story()
    game = Game(story)
    state = play(story, ["take-pass", "checkpoint.1", "archive.1", "checkpoint.1"])
    store = SaveStore(tmp_path)
    store.save("undo", story, state, 0)
    loaded = store.load("undo", story).state
    back = game.undo(loaded, 2)
    assert back == game.undo(state, 2)
    assert back.node == "checkpoint"
    assert game.take(back, "archive.1") == game.take(game.undo(state, 2), "archive.1")


def test_a_loaded_game_plays_on_like_the_original(tmp_path: Path) -> None:
    story = sample_story()
    game = Game(story)
    state = play(story, ["take-pass", "checkpoint.1"])
    store = SaveStore(tmp_path)
    store.save("on", story, state, 0)
    loaded = store.load("on", story).state
    assert game.passage(loaded) == game.passage(state)
    assert game.take(loaded, "show-pass") == game.take(state, "show-pass")


def test_once_choices_stay_taken_after_a_reload(tmp_path: Path) -> None:
    story = sample_story()
    game = Game(story)
    state = play(story, ["take-pass"])
    store = SaveStore(tmp_path)
    store.save("once", story, state, 0)
    loaded = store.load("once", story).state
    assert [v.key for v in game.choices(loaded)] == ["checkpoint.1"]


def test_listing_reads_the_header(tmp_path: Path) -> None:
    story = sample_story()
    store = SaveStore(tmp_path, clock=fixed_clock)
    info = store.save(QUICKSAVE, story, play(story, ["take-pass", "checkpoint.1"]), 61.25)
    [listed] = store.slots()
    assert listed == info
    assert listed.name == "quicksave"
    assert listed.story_id == "sample"
    assert listed.story_title == "The Checkpoint"
    assert listed.node_title == "The checkpoint, Sasha"  # rendered with the game's variables
    assert listed.era_label == "Summit"
    assert listed.saved_at == FIXED_TIME
    assert listed.play_seconds == 61.25
    assert listed.choices == 2
    assert (listed.status, listed.problem) == ("ok", None)


def test_listing_is_newest_first_and_ignores_other_files(tmp_path: Path) -> None:
    story = sample_story()
    times = iter(range(10))
    store = SaveStore(tmp_path, clock=lambda: FIXED_TIME.replace(minute=next(times)))
    for name in ("first", AUTOSAVE, "third"):
        store.save(name, story, play(story, []), 0)
    (tmp_path / "settings.json").write_text("{}", encoding="utf-8")
    (tmp_path / "endings.json").write_text("{}", encoding="utf-8")
    (tmp_path / ".third.save.json.1.ab.tmp").write_text("partial", encoding="utf-8")
    assert [s.name for s in store.slots()] == ["third", "autosave", "first"]


def test_listing_never_needs_the_story(tmp_path: Path) -> None:
    story = sample_story()
    SaveStore(tmp_path).save("x", story, play(story, []), 0)
    # A fresh store knows no story at all; listing reads the files alone.
    assert [s.story_title for s in SaveStore(tmp_path).slots()] == ["The Checkpoint"]


def test_the_file_is_readable_json_with_format_version_and_checksum(tmp_path: Path) -> None:
    story = sample_story()
    SaveStore(tmp_path).save("json", story, play(story, ["take-pass"]), 0)
    data = (tmp_path / "json.save.json").read_bytes()
    document = json.loads(data)
    assert document["format"] == FORMAT
    assert document["version"] == VERSION
    assert document["header"]["story_id"] == "sample"
    assert document["header"]["fingerprint"] == story.fingerprint
    # the checksum line comes last, and covers the exact bytes before it
    before, _, line = data.rpartition(b'  "checksum": ')
    assert line == f'"{document["checksum"]}"\n}}\n'.encode()
    assert document["checksum"] == "sha256:" + hashlib.sha256(before).hexdigest()
    assert len(document["history"]["moves"]) == 1


def test_a_long_game_stays_small(tmp_path: Path) -> None:
    story = sample_story()
    SaveStore(tmp_path).save("long", story, wander(story, 150, seed=1), 0)
    assert (tmp_path / "long.save.json").stat().st_size < 50_000


def test_saving_again_keeps_the_previous_version_as_backup(tmp_path: Path) -> None:
    story = sample_story()
    store = SaveStore(tmp_path)
    store.save("slot", story, play(story, ["take-pass"]), 0)
    first = (tmp_path / "slot.save.json").read_bytes()
    store.save("slot", story, play(story, ["take-pass", "checkpoint.1"]), 0)
    assert (tmp_path / "slot.save.json.bak").read_bytes() == first
    assert store.load("slot", story).state.node == "checkpoint"


def test_the_missing_directory_is_created_on_save_only(tmp_path: Path) -> None:
    story = sample_story()
    saves = tmp_path / "deep" / "saves"
    store = SaveStore(saves)
    assert store.slots() == []
    assert not saves.exists()
    store.save("new", story, play(story, []), 0)
    assert store.exists("new")


def test_an_unusable_directory_is_one_clear_line(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a folder", encoding="utf-8")
    store = SaveStore(blocker / "saves")
    with pytest.raises(SaveError) as raised:
        store.save("x", sample_story(), play(sample_story(), []), 0)
    message = str(raised.value)
    assert "\n" not in message
    assert "saves folder" in message


def test_delete_removes_the_slot_and_its_backup(tmp_path: Path) -> None:
    story = sample_story()
    store = SaveStore(tmp_path)
    store.save("gone", story, play(story, []), 0)
    store.save("gone", story, play(story, ["take-pass"]), 0)
    store.delete("Gone")
    assert not store.exists("gone")
    assert list(tmp_path.iterdir()) == [tmp_path / ".lock"]  # the folder's lock alone
    with pytest.raises(SaveError, match="no save named 'gone'"):
        store.delete("gone")


def test_loading_a_missing_slot_says_so(tmp_path: Path) -> None:
    with pytest.raises(SaveError, match="no save named 'nothing'"):
        SaveStore(tmp_path).load("nothing", sample_story())


def test_a_history_longer_than_the_limit_keeps_its_newest_states(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(history_module, "MAX_STATES", 10)
    story = sample_story()
    state = wander(story, 30, seed=2)
    store = SaveStore(tmp_path)
    store.save("trimmed", story, state, 0)
    loaded = store.load("trimmed", story).state
    assert loaded == state
    assert history_nodes(loaded) == history_nodes(state)[-10:]
    assert loaded.history()[0].steps == 21


def test_a_history_heavier_than_the_limit_keeps_its_newest_states(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(history_module, "MAX_TOTAL_ENTRIES", 60)
    story = sample_story()
    state = wander(story, 30, seed=2)
    store = SaveStore(tmp_path)
    store.save("light", story, state, 0)
    loaded = store.load("light", story).state
    assert loaded == state
    kept = loaded.history()
    assert 1 < len(kept) < 31
    assert sum(entries_of(s) for s in kept) <= 60
    assert history_nodes(loaded) == history_nodes(state)[-len(kept) :]


def test_text_the_story_made_survives_exactly(tmp_path: Path) -> None:
    story = sample_story()
    game = Game(story)
    state = game.start()
    odd = {**state.variables, "alias": 'Саша "\\" \x07 {x}\n'}
    tricky = type(state)(
        state.node, odd, state.visits, state.facts, state.taken_once, False, 0, None, None
    )
    store = SaveStore(tmp_path)
    store.save("odd", story, tricky, 0)
    assert store.load("odd", story).state.variables["alias"] == odd["alias"]


def test_listing_renders_a_title_that_asks_where_the_game_has_been(tmp_path: Path) -> None:
    folder = variant(
        tmp_path,
        {
            "nodes/gate.yaml": [
                (
                    'title: "Arrival"',
                    "title: '{if visited(\"prologue\") > 1: Still arriving | Arrival}'",
                )
            ]
        },
    )
    story = load_story(folder)
    store = SaveStore(tmp_path / "saves", clock=fixed_clock)
    store.save("here", story, play(story, ["take-pass"]), 1.0)
    [listed] = store.slots()
    assert listed.node_title == "Still arriving"  # as the player saw it, not as if new
