"""Every game's own autosave: `auto-1`, `auto-2`… (and the single `autosave` of older
versions, kept as one of them), which of them games in other processes are playing,
and which one Continue resumes.

A game holds its autosave's lock file (`.auto-3.lock`) for as long as it is played, so
no other process resumes, overwrites or deletes it; a process that dies lets it go.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Protocol

from cosmodrome.saves.errors import SaveError
from cosmodrome.saves.files import reason
from cosmodrome.saves.locks import HeldLock, folder_lock, is_locked, try_lock
from cosmodrome.saves.slotinfo import SlotInfo
from cosmodrome.saves.slots import (
    autosave_name,
    autosave_number,
    check_slot_name,
    is_autosave,
    slot_name_of,
)

KEEP_FINISHED = 5  # the autosaves of finished games kept, newest first, per story
LOCK_SUFFIX = ".lock"


def lock_path(directory: Path, name: str) -> Path:
    """The lock file a game holds while it plays the autosave `name`: `.auto-3.lock`."""
    return directory / f".{name}{LOCK_SUFFIX}"


def in_use_message(name: str) -> str:
    """Why the autosave `name` cannot be touched: another process plays it."""
    return f"'{name}' is being played in another window (it is free once that game is closed)"


class SlotFolder(Protocol):
    """What the autosaves need of their store (`store.SaveStore` is one)."""

    @property
    def directory(self) -> Path: ...

    def ensure_directory(self) -> None: ...

    def slots(self) -> list[SlotInfo]: ...

    def delete(self, name: str) -> None: ...


class Autosaves:
    """The autosaves of one `SaveStore`, and the ones this process holds (`held`)."""

    def __init__(self, store: SlotFolder) -> None:
        self.store = store
        self._held: dict[str, HeldLock] = {}

    @property
    def held(self) -> frozenset[str]:
        """The autosaves this process holds: the games it plays."""
        return frozenset(self._held)

    def _numbers(self) -> Iterator[int]:
        """The numbers taken: by a slot's file, or by a game that holds one not yet written."""
        with os.scandir(self.store.directory) as listing:
            for entry in listing:
                name = entry.name
                if name.startswith(".") and name.endswith(LOCK_SUFFIX):
                    name = name[1 : -len(LOCK_SUFFIX)]
                else:
                    name = slot_name_of(name) or ""
                number = autosave_number(name)
                if number is not None:
                    yield number

    def new(self) -> str:
        """The name of a new autosave (`auto-<next number>`), held for this process's game
        from now on; nothing is written yet. Raises `SaveError` (the folder is unwritable)."""
        directory = self.store.directory
        self.store.ensure_directory()
        try:
            with folder_lock(directory):  # two processes never take the same number
                name = autosave_name(1 + max(self._numbers(), default=0))
                held = try_lock(lock_path(directory, name))
        except OSError as exc:
            raise SaveError(f"cannot start an autosave in {directory}: {reason(exc)}") from None
        if held is None:  # only a process that ignores the folder lock can get here
            raise SaveError(in_use_message(name))
        self._held[name] = held
        return name

    def hold(self, name: str) -> bool:
        """Hold the autosave `name` for this process's game: True when it is held (now or
        already), False when a game in another process plays it. Raises `SaveError`."""
        name = check_slot_name(name)
        if name in self._held:
            return True
        self.store.ensure_directory()
        try:
            held = try_lock(lock_path(self.store.directory, name))
        except OSError as exc:
            raise SaveError(f"cannot hold '{name}': {reason(exc)}") from None
        if held is None:
            return False
        self._held[name] = held
        return True

    def release(self, name: str) -> None:
        """Let another process play the autosave `name` (nothing when it is not held)."""
        held = self._held.pop(name, None)
        if held is not None:
            held.release(remove=True)

    def busy(self, name: str) -> bool:
        """Whether a game in another process is playing the autosave `name`."""
        return name not in self._held and is_locked(lock_path(self.store.directory, name))

    def any_free(self) -> bool:
        """Whether an autosave's file exists that no other process is playing: a quick
        look at the file names only (for keys and menus checked often)."""
        try:
            with os.scandir(self.store.directory) as listing:
                names = {slot_name_of(entry.name) for entry in listing}
        except OSError:
            return False
        return any(n is not None and is_autosave(n) and not self.busy(n) for n in names)

    def listed(self) -> list[SlotInfo]:
        """Every autosave, newest first (damaged ones included). Raises `SaveError`
        when the folder cannot be listed."""
        return [slot for slot in self.store.slots() if is_autosave(slot.name)]

    def resumable(self, story_id: str) -> list[SlotInfo]:
        """The autosaves of story `story_id` that Continue may resume, newest first:
        readable, and not played in another process (this process's own included)."""
        return [
            slot
            for slot in self.listed()
            if slot.status == "ok" and slot.story_id == story_id and not self.busy(slot.name)
        ]

    def prune_finished(
        self, finished: Callable[[SlotInfo], bool], keep: int = KEEP_FINISHED
    ) -> list[str]:
        """Delete the autosaves of finished games (those `finished` accepts) beyond the
        newest `keep`, except any being played; returns the names deleted."""
        done = [slot for slot in self.listed() if slot.status == "ok" and finished(slot)]
        deleted = []
        for slot in done[keep:]:
            if slot.name in self._held or self.busy(slot.name):
                continue
            with contextlib.suppress(SaveError):
                self.store.delete(slot.name)
                deleted.append(slot.name)
        return deleted
