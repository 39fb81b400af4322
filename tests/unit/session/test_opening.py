"""What `play --load NAME` and `--continue` open, the same for both players."""

from __future__ import annotations

from pathlib import Path

import pytest

from cosmodrome.saves.errors import SaveError
from cosmodrome.saves.slots import AUTOSAVE
from cosmodrome.session import PlayClock, saved_opening
from cosmodrome.story.loader import load_story
from tests.unit.session.session_helpers import SAMPLE, FakeClock, make_store


def test_neither_load_nor_continue_opens_a_new_game(tmp_path: Path) -> None:
    told: list[str] = []
    store = make_store(tmp_path)
    assert saved_opening(store, load_story(SAMPLE), None, False, told.append) is None
    assert told == []


def test_continue_without_an_autosave_says_so_and_opens_a_new_game(tmp_path: Path) -> None:
    told: list[str] = []
    store = make_store(tmp_path)
    assert saved_opening(store, load_story(SAMPLE), None, True, told.append) is None
    assert told == ["no autosave to continue; starting a new game"]


def test_continue_opens_the_autosave_and_load_a_named_slot(tmp_path: Path) -> None:
    story = load_story(SAMPLE)
    store = make_store(tmp_path)
    from cosmodrome.engine.game import Game

    start = Game(story).start()
    store.save(AUTOSAVE, story, start, 5.0)
    store.save("gate", story, start, 7.0)
    resumed = saved_opening(store, story, None, True, print)
    assert resumed is not None and resumed[0] == AUTOSAVE  # an older version's, resumed
    assert store.autosaves.held == {AUTOSAVE}  # held for this process's game from now on
    named = saved_opening(store, story, "  GATE", False, print)
    assert named is not None
    assert (named[0], named[1].play_seconds) == ("gate", 7.0)


def test_a_missing_slot_raises_save_error(tmp_path: Path) -> None:
    with pytest.raises(SaveError):
        saved_opening(make_store(tmp_path), load_story(SAMPLE), "nothing", False, print)


def test_the_play_clock_counts_on_from_where_it_restarts() -> None:
    time = FakeClock()
    clock = PlayClock(time)
    time.advance(10)
    assert clock.seconds == 10
    clock.restart(100)
    time.advance(5)
    assert clock.seconds == 105
