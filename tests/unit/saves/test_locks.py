"""The saves folder's advisory locks in one process: two opens of a lock file conflict
as two processes would (flock locks belong to an open file). Across real processes:
tests/functional/test_saves_locking.py."""

from __future__ import annotations

from pathlib import Path

import pytest

from cosmodrome.saves import locks
from cosmodrome.saves.errors import SaveError
from cosmodrome.saves.store import SaveStore
from tests.unit.saves.saves_helpers import play, sample_story


def test_a_held_lock_is_refused_to_another_until_released(tmp_path: Path) -> None:
    path = tmp_path / ".auto-1.lock"
    assert not locks.is_locked(path)  # no file: nobody holds it
    held = locks.try_lock(path)
    assert held is not None and held.held
    assert locks.is_locked(path)
    assert locks.try_lock(path) is None
    held.release()
    assert not held.held and not locks.is_locked(path)
    again = locks.try_lock(path)
    assert again is not None
    again.release(remove=True)
    assert not path.exists()


def test_a_dropped_lock_is_let_go(tmp_path: Path) -> None:
    path = tmp_path / ".auto-1.lock"
    held = locks.try_lock(path)
    assert held is not None
    del held  # as when the object holding it goes, or the process ends
    assert not locks.is_locked(path)


def test_a_writer_gives_up_on_a_folder_held_too_long_and_says_why(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(locks, "FOLDER_PATIENCE", 0.05)
    held = locks.try_lock(tmp_path / locks.FOLDER_LOCK)
    assert held is not None
    story = sample_story()
    with pytest.raises(SaveError, match="kept the saves folder locked"):
        SaveStore(tmp_path).save("one", story, play(story, []), 0)
    held.release()
    SaveStore(tmp_path).save("one", story, play(story, []), 0)
    assert SaveStore(tmp_path).exists("one")


def test_autosave_numbers_are_never_given_twice(tmp_path: Path) -> None:
    first, second = SaveStore(tmp_path), SaveStore(tmp_path)
    names = [first.autosaves.new(), second.autosaves.new(), first.autosaves.new()]
    assert names == ["auto-1", "auto-2", "auto-3"]  # reserved by their locks, unwritten
    assert not second.autosaves.hold("auto-1")
    assert second.autosaves.busy("auto-3")
    first.autosaves.release("auto-1")
    assert second.autosaves.hold("auto-1")
