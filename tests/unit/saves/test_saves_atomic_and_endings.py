"""Atomic writes (reused for settings) and the endings found across runs."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from cosmodrome.saves.atomic import (
    STALE_SECONDS,
    remove_leftover_temporaries,
    temp_path,
    write_atomic,
)
from cosmodrome.saves.errors import SaveError
from cosmodrome.saves.store import SaveStore
from tests.unit.saves.saves_helpers import play, sample_story


def test_write_atomic_creates_and_replaces_without_leftovers(tmp_path: Path) -> None:
    target = tmp_path / "settings.json"
    write_atomic(target, b"one")
    write_atomic(target, b"two")
    assert target.read_bytes() == b"two"
    assert [p.name for p in tmp_path.iterdir()] == ["settings.json"]


def test_a_failed_write_leaves_the_old_file_and_no_temporary(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "settings.json"
    write_atomic(target, b"old")

    def broken_fsync(fd: int) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", broken_fsync)
    with pytest.raises(OSError, match="No space"):
        write_atomic(target, b"new")
    assert target.read_bytes() == b"old"
    assert [p.name for p in tmp_path.iterdir()] == ["settings.json"]


def test_a_full_disk_is_a_one_line_save_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    story = sample_story()
    store = SaveStore(tmp_path)
    store.save("kept", story, play(story, []), 0)

    def broken_fsync(fd: int) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", broken_fsync)
    with pytest.raises(SaveError, match=r"cannot save 'kept'.*No space left on device$"):
        store.save("kept", story, play(story, ["take-pass"]), 0)
    monkeypatch.undo()
    assert store.load("kept", story).state.steps == 0


def test_stale_temporaries_are_swept_and_fresh_ones_kept(tmp_path: Path) -> None:
    target = tmp_path / "slot.save.json"
    stale, fresh = temp_path(target), temp_path(target)
    other = temp_path(tmp_path / "notes.txt")
    for path in (stale, fresh, other):
        path.write_bytes(b"partial")
    old = time.time() - STALE_SECONDS - 60
    os.utime(stale, (old, old))
    os.utime(other, (old, old))
    assert remove_leftover_temporaries(tmp_path, lambda name: name.endswith(".save.json")) == 1
    assert not stale.exists()
    assert fresh.exists()  # this process's own: it may be writing it right now
    assert other.exists()  # a file the caller does not own is not its business


@pytest.mark.skipif(os.name != "posix", reason="writers are told alive or dead on POSIX")
def test_a_dead_writers_temporary_is_swept_at_once(tmp_path: Path) -> None:
    dead = subprocess.Popen([sys.executable, "-c", "pass"])
    dead.wait()
    alive = os.getppid()
    gone = tmp_path / f".slot.save.json.{dead.pid}.0123abcd.tmp"
    running = tmp_path / f".slot.save.json.{alive}.0123abcd.tmp"
    for path in (gone, running):
        path.write_bytes(b"partial")
    assert remove_leftover_temporaries(tmp_path, lambda name: True) == 1
    assert not gone.exists()
    assert running.exists()  # its writer may still rename it


def test_endings_accumulate_per_story(tmp_path: Path) -> None:
    store = SaveStore(tmp_path / "saves")
    assert store.endings_found("sample") == frozenset()
    store.record_ending("sample", "apron")
    store.record_ending("sample", "road-end")
    store.record_ending("sample", "apron")
    store.record_ending("other", "apron")
    again = SaveStore(tmp_path / "saves")
    assert again.endings_found("sample") == {"apron", "road-end"}
    assert again.endings_found("other") == {"apron"}
    assert again.slots() == []  # endings.json is no slot


def test_a_damaged_endings_file_is_kept_aside_and_started_afresh(tmp_path: Path) -> None:
    (tmp_path / "endings.json").write_text('{"stories": [', encoding="utf-8")
    store = SaveStore(tmp_path)
    assert store.endings_found("sample") == frozenset()
    store.record_ending("sample", "apron")
    assert store.endings_found("sample") == {"apron"}
    assert (tmp_path / "endings.json.damaged").read_text(encoding="utf-8") == '{"stories": ['


@pytest.mark.parametrize(("story_id", "node_id"), [("../x", "apron"), ("sample", "a/b")])
def test_endings_refuse_path_like_ids(tmp_path: Path, story_id: str, node_id: str) -> None:
    with pytest.raises(SaveError):
        SaveStore(tmp_path / "saves").record_ending(story_id, node_id)
    assert list(tmp_path.iterdir()) == []
