"""The core session (no UI): moves, autosave, play time, loading, saving turned off."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from cosmodrome.engine.game import GameError
from cosmodrome.saves.errors import SaveError
from cosmodrome.saves.store import SaveStore
from cosmodrome.session import Session
from cosmodrome.story.loader import load_story
from tests.unit.session.session_helpers import SAMPLE, FakeClock, make_store


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


def session_in(saves: Path, clock: FakeClock) -> Session:
    return Session(load_story(SAMPLE), make_store(saves), clock)


def autosave_of(session: Session) -> str:
    """The name of the session's own autosave (it must have one)."""
    assert session.autosave_name is not None
    return session.autosave_name


def test_a_new_game_is_autosaved_at_once(tmp_path: Path, clock: FakeClock) -> None:
    session = session_in(tmp_path, clock)
    assert not session.playing
    session.new_game()
    assert make_store(tmp_path).load(autosave_of(session), session.story).state.node == "prologue"


def test_take_and_undo_move_and_autosave(tmp_path: Path, clock: FakeClock) -> None:
    session = session_in(tmp_path, clock)
    session.new_game()
    session.take("checkpoint.1")
    store = make_store(tmp_path)
    assert store.load(autosave_of(session), session.story).state.node == "checkpoint"
    assert session.undo()
    assert store.load(autosave_of(session), session.story).state.node == "prologue"
    assert not session.undo()  # the beginning


def test_take_number_refuses_a_locked_choice(tmp_path: Path, clock: FakeClock) -> None:
    session = session_in(tmp_path, clock)
    session.new_game()
    session.take_number(2)
    with pytest.raises(GameError, match="no pass"):
        session.take_number(1)
    assert session.require().node == "checkpoint"


def test_reaching_an_ending_records_it(tmp_path: Path, clock: FakeClock) -> None:
    session = session_in(tmp_path, clock)
    session.new_game()
    session.take("checkpoint.1")
    session.take("road-end.1")
    assert make_store(tmp_path).endings_found("sample") == frozenset({"road-end"})
    assert session.endings_found() == frozenset({"road-end"})


def test_play_time_counts_across_a_save_and_a_load(tmp_path: Path, clock: FakeClock) -> None:
    session = session_in(tmp_path, clock)
    session.new_game()
    clock.advance(90)
    session.save("slot")
    again = session_in(tmp_path, clock)
    clock.advance(500)  # time before loading does not count
    again.load("slot")
    clock.advance(30)
    assert again.play_seconds == pytest.approx(120)


def test_loading_a_named_slot_gives_it_a_new_autosave_and_keeps_the_old(
    tmp_path: Path, clock: FakeClock
) -> None:
    session = session_in(tmp_path, clock)
    session.new_game()
    session.take("checkpoint.1")
    session.save("gate")
    session.undo()
    before = autosave_of(session)
    session.load("gate")
    store = make_store(tmp_path)
    assert autosave_of(session) != before
    assert store.load(autosave_of(session), session.story).state.node == "checkpoint"
    assert store.load(before, session.story).state.node == "prologue"


def test_a_missing_slot_raises_save_error(tmp_path: Path, clock: FakeClock) -> None:
    session = session_in(tmp_path, clock)
    with pytest.raises(SaveError):
        session.load("nothing here")
    assert not session.playing


def test_saving_off_is_reported_once_and_play_goes_on(tmp_path: Path, clock: FakeClock) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("", encoding="utf-8")
    session = Session(load_story(SAMPLE), SaveStore(blocker), clock)
    session.new_game()
    problem = session.take_saving_problem()
    assert problem is not None
    assert "cannot create the saves folder" in problem
    session.take("checkpoint.1")
    assert session.take_saving_problem() is None  # said once is enough
    assert session.require().node == "checkpoint"
    assert session.slots() == []
    assert session.continue_slot() is None


def test_require_without_a_game_raises(tmp_path: Path, clock: FakeClock) -> None:
    with pytest.raises(RuntimeError):
        session_in(tmp_path, clock).require()


def test_a_deferred_autosave_is_written_once_when_flushed(tmp_path: Path) -> None:
    session = Session(load_story(SAMPLE), make_store(tmp_path), FakeClock())
    owed: list[Callable[[], object]] = []
    session.defer = owed.append
    session.new_game()
    session.take_number(2)
    assert len(owed) == 1  # two moves, one write owed: saves never pile up
    assert make_store(tmp_path).slots() == []
    owed[0]()
    assert make_store(tmp_path).load(autosave_of(session), session.story).state.steps == 1
    session.take_number(2)
    assert len(owed) == 2
    assert session.flush() is None
    assert make_store(tmp_path).load(autosave_of(session), session.story).state.steps == 2


def test_undo_steps_back_several_choices_at_most_to_the_start(
    tmp_path: Path, clock: FakeClock
) -> None:
    session = session_in(tmp_path, clock)
    session.new_game()
    session.take("take-pass")
    session.take("checkpoint.1")
    assert session.undo(5)
    assert session.require().steps == 0
    assert make_store(tmp_path).load(autosave_of(session), session.story).state.steps == 0


def test_a_game_started_unasked_writes_nothing_until_its_first_move(
    tmp_path: Path, clock: FakeClock
) -> None:
    first = session_in(tmp_path, clock)
    first.new_game()
    first.take("checkpoint.1")
    second = session_in(tmp_path, clock)
    second.new_game(autosave=False)
    second.close()  # quit before a move: nothing written, the first game untouched
    assert [slot.name for slot in make_store(tmp_path).slots()] == [autosave_of(first)]
    second.take("take-pass")
    assert autosave_of(second) != autosave_of(first)
    store = make_store(tmp_path)
    assert store.load(autosave_of(second), second.story).state.node == "prologue"
    assert store.load(autosave_of(first), first.story).state.node == "checkpoint"


def test_closing_writes_the_play_time_of_the_last_stretch(tmp_path: Path, clock: FakeClock) -> None:
    session = session_in(tmp_path, clock)
    session.new_game()
    clock.advance(42)
    session.close()
    assert make_store(tmp_path).load(autosave_of(session), session.story).play_seconds == 42


def test_loading_names_the_slot_in_its_normal_form(tmp_path: Path, clock: FakeClock) -> None:
    session = session_in(tmp_path, clock)
    session.new_game()
    session.save("Before Gate")
    assert session.load("  before GATE ").slot == "before gate"
