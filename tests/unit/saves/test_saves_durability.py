"""A save that fails at any step (a full disk) or runs beside others keeps the older
state until the newer one is on disk, and leaves no temporary file behind."""

from __future__ import annotations

import errno
import multiprocessing
import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from cosmodrome.saves import atomic
from cosmodrome.saves.errors import SaveError
from cosmodrome.saves.files import read_save
from cosmodrome.saves.slots import backup_path, slot_path
from cosmodrome.saves.store import SaveStore
from tests.unit.saves.saves_helpers import play, sample_story, wander

GAMES = (["take-pass"], ["take-pass", "checkpoint.1"])


def full_disk(*_args: Any) -> Any:
    raise OSError(errno.ENOSPC, "No space left on device")


def failing_on(call: int, real: Callable[..., Any]) -> Callable[..., Any]:
    """`real`, except that its call number `call` (from 1) finds the disk full."""
    calls = 0

    def double(*args: Any) -> Any:
        nonlocal calls
        calls += 1
        return full_disk() if calls == call else real(*args)

    return double


def short_writes(fd: int, data: Any) -> int:
    """`os.write` as a busy disk does it: a little at a time."""
    return os.write(fd, bytes(data[:100]))


def temporaries(folder: Path) -> list[str]:
    return [p.name for p in folder.iterdir() if p.name.endswith(atomic.TEMP_SUFFIX)]


def saved(store: SaveStore, games: int) -> tuple[bytes, bytes | None]:
    """The slot's and its backup's bytes after `games` saves of "slot"."""
    story = sample_story()
    for keys in GAMES[:games]:
        store.save("slot", story, play(story, keys), 0)
    backup = backup_path(store.directory, "slot")
    return slot_path(store.directory, "slot").read_bytes(), (
        backup.read_bytes() if backup.exists() else None
    )


STEPS: dict[str, Callable[[], tuple[str, Callable[..., Any]]]] = {
    "creating the temporary": lambda: ("open", failing_on(1, os.open)),
    "the first write": lambda: ("write", full_disk),
    "a later write": lambda: ("write", failing_on(3, short_writes)),
    "the fsync": lambda: ("fsync", failing_on(1, os.fsync)),
    "moving the slot to its backup": lambda: ("replace", failing_on(1, os.replace)),
}


@pytest.mark.parametrize("games", [1, 2], ids=["no backup yet", "with a backup"])
@pytest.mark.parametrize("step", list(STEPS))
def test_a_full_disk_at_any_step_keeps_the_slot_and_its_backup(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, step: str, games: int
) -> None:
    story = sample_story()
    store = SaveStore(tmp_path)
    before = saved(store, games)
    name, double = STEPS[step]()
    monkeypatch.setattr(os, name, double)
    with pytest.raises(SaveError, match=r"^cannot save 'slot' in .*: No space left on device$"):
        store.save("slot", story, wander(story, 5, 9), 0)
    monkeypatch.undo()
    assert saved(store, 0) == before
    assert temporaries(tmp_path) == []
    loaded = store.load("slot", story)
    assert (loaded.state.steps, loaded.notes) == (len(GAMES[games - 1]), ())


def test_failing_between_the_renames_leaves_the_previous_game_as_backup(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    story = sample_story()
    store = SaveStore(tmp_path)
    previous, _older = saved(store, 2)
    monkeypatch.setattr(os, "replace", failing_on(2, os.replace))
    with pytest.raises(SaveError, match=r"No space left on device$"):
        store.save("slot", story, wander(story, 5, 9), 0)
    monkeypatch.undo()
    assert not slot_path(tmp_path, "slot").exists()
    assert backup_path(tmp_path, "slot").read_bytes() == previous
    assert temporaries(tmp_path) == []
    loaded = store.load("slot", story)  # what a kill at that instant leaves, too
    assert loaded.state.steps == 2
    assert "was missing" in loaded.summary
    store.save("slot", story, play(story, []), 0)  # no slot file: the backup stays
    assert backup_path(tmp_path, "slot").read_bytes() == previous
    assert store.load("slot", story).state.steps == 0


def test_a_directory_that_refuses_fsync_still_saves(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    story = sample_story()
    store = SaveStore(tmp_path)
    previous, _none = saved(store, 1)
    monkeypatch.setattr(os, "fsync", failing_on(2, os.fsync))  # the directory's
    store.save("slot", story, play(story, GAMES[1]), 0)
    monkeypatch.undo()
    assert backup_path(tmp_path, "slot").read_bytes() == previous
    assert store.load("slot", story).state.steps == 2
    assert temporaries(tmp_path) == []


def save_repeatedly(folder: Path, seed: int) -> None:
    """One player: 50 saves to the same slot as the others, games of varied sizes."""
    story = sample_story()
    store = SaveStore(folder)
    states = [wander(story, n, seed) for n in (0, 7, 40)]
    for turn in range(50):
        store.save("shared", story, states[turn % len(states)], float(turn))


@pytest.mark.skipif(not hasattr(os, "fork"), reason="the players are forked")
def test_four_players_saving_to_one_slot_leave_it_and_its_backup_sound(tmp_path: Path) -> None:
    story = sample_story()
    SaveStore(tmp_path).save("shared", story, play(story, []), 0)
    context = multiprocessing.get_context("fork")
    players = [context.Process(target=save_repeatedly, args=(tmp_path, n)) for n in range(4)]
    for player in players:
        player.start()
    for player in players:
        player.join(timeout=120)
    assert [player.exitcode for player in players] == [0, 0, 0, 0]
    assert temporaries(tmp_path) == []
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        ".lock",  # the folder's lock: the writers took turns
        "shared.save.json",
        "shared.save.json.bak",
    ]
    read_save(backup_path(tmp_path, "shared"))  # raises if it were damaged
    assert SaveStore(tmp_path).load("shared", story).notes == ()
