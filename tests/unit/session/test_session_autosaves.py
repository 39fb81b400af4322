"""Every game has its own autosave: new games and loads never overwrite another game's,
Continue resumes the newest that no other game holds, the old single `autosave` is one
of them, and only finished games' autosaves beyond the newest few are ever removed.

Two sessions with two stores lock as two processes would: `flock` locks belong to an
open file, and each store opens its own (tests/unit/saves/test_locks.py uses processes).
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from cosmodrome.saves.autosaves import KEEP_FINISHED
from cosmodrome.saves.errors import SaveError
from cosmodrome.saves.slots import AUTOSAVE, is_autosave
from cosmodrome.session import Session
from cosmodrome.story.loader import load_story
from tests.unit.session.session_helpers import SAMPLE, FakeClock, make_store

GOLDEN = Path(__file__).resolve().parents[2] / "golden" / "sample"


def session_in(saves: Path) -> Session:
    return Session(load_story(SAMPLE), make_store(saves), FakeClock())


def names(saves: Path) -> list[str]:
    return sorted(slot.name for slot in make_store(saves).slots())


def node_in(saves: Path, slot: str) -> str:
    return make_store(saves).load(slot, load_story(SAMPLE)).state.node


def test_a_second_new_game_leaves_the_first_games_autosave(tmp_path: Path) -> None:
    session = session_in(tmp_path)
    session.new_game()
    session.take("checkpoint.1")
    first = session.autosave_name
    session.new_game()
    assert (first, session.autosave_name) == ("auto-1", "auto-2")
    assert node_in(tmp_path, "auto-1") == "checkpoint"
    assert node_in(tmp_path, "auto-2") == "prologue"


def test_a_game_that_never_moved_gives_its_autosave_to_the_next(tmp_path: Path) -> None:
    session = session_in(tmp_path)
    session.new_game()
    session.new_game()  # nothing of the first game is lost: it was the story's start
    assert session.autosave_name == "auto-1"
    assert names(tmp_path) == ["auto-1"]


def test_quickload_starts_a_new_autosave_and_keeps_the_game_before(tmp_path: Path) -> None:
    session = session_in(tmp_path)
    session.new_game()
    session.save("quicksave")
    session.take("take-pass")
    session.take("checkpoint.1")
    session.load("quicksave")
    assert session.autosave_name == "auto-2"
    assert make_store(tmp_path).load("auto-1", session.story).state.steps == 2
    session.load("quicksave")  # again, before a move: the spare autosave is reused
    assert names(tmp_path) == ["auto-1", "auto-2", "quicksave"]


def test_continue_resumes_the_newest_autosave_no_other_game_holds(tmp_path: Path) -> None:
    first = session_in(tmp_path)
    first.new_game()
    first.take("checkpoint.1")
    first.close()
    playing = session_in(tmp_path)
    playing.new_game()
    playing.take("take-pass")  # auto-2, the newest, held by a game being played
    other = session_in(tmp_path)
    slot = other.continue_slot()
    assert slot is not None and slot.name == "auto-1"
    loaded = other.resume()
    assert loaded is not None and loaded.slot == "auto-1"
    assert other.require().node == "checkpoint"
    with pytest.raises(SaveError, match="being played in another window"):
        session_in(tmp_path).load("auto-2")
    assert session_in(tmp_path).resume() is None  # both are held now
    playing.close()
    again = session_in(tmp_path).resume()
    assert again is not None and again.slot == "auto-2"


def test_no_one_saves_over_or_deletes_an_autosave_being_played(tmp_path: Path) -> None:
    playing = session_in(tmp_path)
    playing.new_game()
    other = session_in(tmp_path)
    other.new_game()
    with pytest.raises(SaveError, match="autosave's name"):
        other.save("auto-1")
    with pytest.raises(SaveError, match="being played"):
        other.store.delete("auto-1")
    with pytest.raises(SaveError, match="game in progress"):
        playing.store.delete("auto-1")
    assert node_in(tmp_path, "auto-1") == "prologue"


def test_the_single_autosave_of_an_older_version_is_one_of_them(tmp_path: Path) -> None:
    saves = tmp_path / "saves"
    saves.mkdir()
    shutil.copy(GOLDEN / "route-3.save.json", saves / "autosave.save.json")  # an old folder
    old = make_store(saves).load(AUTOSAVE, load_story(SAMPLE)).state
    session = session_in(saves)
    assert [slot.name for slot in session.store.autosaves.listed()] == [AUTOSAVE]
    slot = session.continue_slot()
    assert slot is not None and slot.name == AUTOSAVE
    session.new_game()
    session.take("take-pass")
    assert session.autosave_name == "auto-1"
    assert make_store(saves).load(AUTOSAVE, session.story).state.node == old.node
    resumed = session_in(saves)
    session.close()
    loaded = resumed.load(AUTOSAVE)
    assert (loaded.slot, resumed.autosave_name) == (AUTOSAVE, AUTOSAVE)
    assert resumed.require().steps == old.steps


def test_only_finished_games_beyond_the_newest_few_are_removed(tmp_path: Path) -> None:
    clock = FakeClock()
    story = load_story(SAMPLE)
    for _ in range(KEEP_FINISHED + 2):
        session = Session(story, make_store(tmp_path), clock)
        session.new_game()
        session.take("checkpoint.1")
        session.take("road-end.1")  # an ending
        session.close()
    unfinished = Session(story, make_store(tmp_path), clock)
    unfinished.new_game()
    unfinished.take("checkpoint.1")
    unfinished.close()
    listed = [s.name for s in make_store(tmp_path).autosaves.listed()]
    assert len(listed) == KEEP_FINISHED + 1
    assert unfinished.autosave_name in listed
    assert all(is_autosave(name) for name in listed)
    assert "auto-1" not in listed  # the oldest finished game: the only kind removed
