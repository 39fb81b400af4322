"""The save store: named slots of JSON files in one folder, written atomically with
the previous version kept as a backup, read back with everything checked."""

from __future__ import annotations

import contextlib
import os
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from cosmodrome.engine.state import GameState
from cosmodrome.saves import codec, endings
from cosmodrome.saves import values as f
from cosmodrome.saves.atomic import remove_leftover_temporaries, write_atomic
from cosmodrome.saves.autosaves import Autosaves, in_use_message
from cosmodrome.saves.errors import SaveError
from cosmodrome.saves.files import UNREADABLE, read_header, read_save, reason
from cosmodrome.saves.history import encode_start
from cosmodrome.saves.history_cache import HistoryCache
from cosmodrome.saves.locks import folder_lock
from cosmodrome.saves.slotinfo import SlotInfo
from cosmodrome.saves.slots import (
    backup_path,
    check_slot_name,
    is_autosave,
    slot_name_of,
    slot_path,
)
from cosmodrome.story.model import Story

__all__ = ["LoadedGame", "SaveStore", "SlotInfo"]  # SlotInfo was first defined here


@dataclass(frozen=True, slots=True)
class LoadedGame:
    """A loaded game: its state (with the undo history), play time, and one short
    sentence for each thing that had to be adapted."""

    state: GameState
    play_seconds: float
    notes: tuple[str, ...]

    @property
    def summary(self) -> str:
        """The notes as one line ("" when nothing was adapted)."""
        return " ".join(self.notes)


def _now() -> datetime:
    return datetime.now(UTC)


def _signature(path: Path) -> tuple[int, ...]:
    """What changes when anyone rewrites, replaces or edits the file at `path`."""
    info = path.stat()
    return (info.st_dev, info.st_ino, info.st_size, info.st_mtime_ns, info.st_ctime_ns)


def _is_ours(filename: str) -> bool:
    """Whether the store writes the file `filename` (a slot, a backup, the endings)."""
    return slot_name_of(filename) is not None or filename == endings.ENDINGS_FILE


class SaveStore:
    """Named save slots in `directory`: `<name>.save.json` and its backup
    `<name>.save.json.bak`. Nothing is read or written until a method is called.
    Every write holds the folder's lock (`locks.folder_lock`); `autosaves` are the
    games' own autosaves, and the ones this process plays."""

    def __init__(self, directory: Path, *, clock: Callable[[], datetime] = _now) -> None:
        self.directory = Path(directory)
        self._clock = clock
        # The files this store wrote, as they were: one unchanged since needs no re-check.
        self._written: dict[Path, tuple[int, ...]] = {}
        self._encoded = HistoryCache()  # the last save's, so the next encodes new moves only
        self._swept = False  # whether a crashed writer's temporary files were looked for
        self.autosaves = Autosaves(self)

    # -- writing --------------------------------------------------------------

    def ensure_directory(self) -> None:
        """Create the saves folder when it is missing; raises `SaveError`."""
        try:
            self.directory.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise SaveError(
                f"cannot create the saves folder {self.directory}: {reason(exc)}"
            ) from None

    def _encode(
        self, story: Story, state: GameState, play_seconds: float
    ) -> tuple[bytes, codec.Header]:
        node = story.nodes.get(state.node)
        if node is None:
            raise SaveError(f"cannot save: node '{state.node}' is not in the story")
        era = story.era(node.era)
        header = codec.Header(
            story.id,
            f.clean_line(story.title, codec.MAX_TITLE),
            story.fingerprint,
            state.node,
            f.clean_line(node.title.render(state.variables, state), codec.MAX_TITLE)
            if node.title
            else None,
            f.clean_line(era.label, codec.MAX_TITLE) if era else None,
            self._clock().astimezone(UTC).replace(microsecond=0),
            min(max(float(play_seconds), 0.0), codec.MAX_PLAY_SECONDS),
            state.steps,
        )
        try:
            states, moves = self._encoded.moves_of(state)
        except ValueError:  # text with a lone surrogate cannot be written as UTF-8
            raise SaveError("cannot save: the game holds text that cannot be written") from None
        while True:  # a huge game keeps its newest undo steps: the save must stay loadable
            try:
                data = codec.encode(header, encode_start(states[0]), moves)
            except ValueError:
                raise SaveError("cannot save: the game holds text that cannot be written") from None
            if len(data) <= codec.MAX_FILE_BYTES:
                return data, header
            if len(states) == 1:
                raise SaveError("cannot save: the game state is larger than a save may be")
            states = states[len(states) // 2 :]
            moves = moves[len(moves) - (len(states) - 1) :]

    def save(self, name: str, story: Story, state: GameState, play_seconds: float) -> SlotInfo:
        """Write the game to slot `name`, keeping the slot's previous version as its
        backup; returns the slot as listed. Raises `SaveError` (bad name, unwritable folder)."""
        name = check_slot_name(name)
        data, header = self._encode(story, state, play_seconds)
        self.ensure_directory()
        path = slot_path(self.directory, name)
        if not self._swept:  # leftovers come from a crash: once per store will do
            self._swept = True
            with contextlib.suppress(OSError):
                remove_leftover_temporaries(self.directory, _is_ours)
        if is_autosave(name) and self.autosaves.busy(name):
            raise SaveError(f"cannot save: {in_use_message(name)}")
        try:
            with folder_lock(self.directory):
                # A damaged file must never replace a good backup: it is simply overwritten.
                backup = backup_path(self.directory, name) if self._intact(path) else None
                self._written.pop(path, None)
                write_atomic(path, data, backup=backup)
        except OSError as exc:
            raise SaveError(f"cannot save '{name}' in {self.directory}: {reason(exc)}") from None
        with contextlib.suppress(OSError):
            self._written[path] = _signature(path)
        return self._info(name, header)

    def _intact(self, path: Path) -> bool:
        with contextlib.suppress(OSError):
            if self._written.get(path) == _signature(path):
                return True  # just as this store wrote it: no need to read it back
        try:
            read_header(path)
        except (SaveError, FileNotFoundError):
            return False
        return True

    def delete(self, name: str) -> None:
        """Remove slot `name` and its backup; raises `SaveError` if there is none, or when
        it is an autosave that a game (here or in another process) is playing."""
        name = check_slot_name(name)
        if name in self.autosaves.held:
            raise SaveError(f"'{name}' is the autosave of the game in progress")
        if self.autosaves.busy(name):
            raise SaveError(in_use_message(name))
        removed = False
        try:
            with folder_lock(self.directory):
                for path in (slot_path(self.directory, name), backup_path(self.directory, name)):
                    with contextlib.suppress(FileNotFoundError):
                        path.unlink()
                        removed = True
        except FileNotFoundError:
            pass  # no folder: no save
        except OSError as exc:
            raise SaveError(f"cannot delete '{name}': {reason(exc)}") from None
        if not removed:
            raise SaveError(f"there is no save named '{name}'")

    # -- reading --------------------------------------------------------------

    def exists(self, name: str) -> bool:
        """Whether slot `name` has a file (or a backup); False for an invalid name, and
        in a folder that cannot be searched (`slots` says why)."""
        try:
            name = check_slot_name(name)
        except SaveError:
            return False
        try:
            return (
                slot_path(self.directory, name).is_file()
                or backup_path(self.directory, name).is_file()
            )
        except OSError:
            return False

    def load(self, name: str, story: Story) -> LoadedGame:
        """The game in slot `name`, fitted to `story` as it is now (falling back to the
        backup when the slot's file is damaged). Raises `SaveError`: missing, damaged,
        another story's, or incompatible with this story."""
        name = check_slot_name(name)
        notes: list[str] = []
        try:
            saved = read_save(slot_path(self.directory, name))
        except (SaveError, FileNotFoundError) as problem:
            missing = isinstance(problem, FileNotFoundError)
            try:
                saved = read_save(backup_path(self.directory, name))
            except FileNotFoundError:
                if missing:
                    raise SaveError(f"there is no save named '{name}'") from None
                raise SaveError(f"cannot load '{name}': {problem}") from None
            except SaveError as backup_problem:
                if missing:
                    raise SaveError(
                        f"cannot load '{name}': its file is missing and its backup damaged"
                    ) from None
                # a folder that cannot be read refuses both alike: that is no damage
                unread = str(backup_problem) == str(problem) and UNREADABLE in str(problem)
                also = "so is its backup" if unread else "its backup is damaged too"
                raise SaveError(f"cannot load '{name}': {problem}; {also}") from None
            why = "was missing" if missing else f"was damaged ({problem})"
            notes.append(f"The save {why}; loaded its backup, one save older.")
        from cosmodrome.saves.reading import game_from_save  # the rules: for a load only

        try:
            adapted = game_from_save(saved, story)
        except SaveError as exc:
            raise SaveError(f"cannot load '{name}': {exc}") from None
        return LoadedGame(adapted.state, saved.header.play_seconds, (*notes, *adapted.notes))

    @staticmethod
    def _info(name: str, header: codec.Header) -> SlotInfo:
        return SlotInfo(
            name,
            header.story_id,
            header.story_title,
            header.node_title,
            header.era_label,
            header.saved_at,
            header.play_seconds,
            header.choices,
            "ok",
            None,
            header.node,
        )

    def _slot_info(self, name: str) -> tuple[SlotInfo, float]:
        """The slot as listed, and when its file was last written (to order ties)."""
        problem: str | None = None
        written = 0.0
        for path in (slot_path(self.directory, name), backup_path(self.directory, name)):
            try:
                written = max(written, path.stat().st_mtime)
                return self._info(name, read_header(path)), written
            except FileNotFoundError:
                continue
            except (SaveError, OSError) as exc:
                problem = problem or str(exc)
        info = SlotInfo(name, None, None, None, None, None, 0.0, 0, "corrupt", problem)
        return info, written

    def slots(self) -> list[SlotInfo]:
        """Every slot, newest first, from the files alone (the story is never loaded);
        one whose file and backup are both unreadable has status "corrupt". Raises
        `SaveError` only when the folder exists but cannot be listed."""
        try:
            with os.scandir(self.directory) as listing:
                names = {slot_name_of(entry.name) for entry in listing}
        except FileNotFoundError:
            return []
        except OSError as exc:
            raise SaveError(f"cannot list the saves in {self.directory}: {reason(exc)}") from None
        found = [self._slot_info(name) for name in names if name is not None]
        oldest = datetime.min.replace(tzinfo=UTC)
        found.sort(key=lambda pair: (pair[0].saved_at or oldest, pair[1], pair[0].name))
        return [info for info, _written in reversed(found)]

    # -- endings --------------------------------------------------------------

    def record_ending(self, story_id: str, node_id: str) -> None:
        """Remember that an ending of a story was reached; raises `SaveError`."""
        endings.check_ids(story_id, node_id)
        self.ensure_directory()
        try:
            with folder_lock(self.directory):  # read, add, write: one process at a time
                endings.record(self.directory / endings.ENDINGS_FILE, story_id, node_id)
        except OSError as exc:
            raise SaveError(f"cannot record the ending: {reason(exc)}") from None

    def endings_found(self, story_id: str) -> frozenset[str]:
        """The ending node ids reached in this story so far (empty when unknown)."""
        try:
            found = endings.read_endings(self.directory / endings.ENDINGS_FILE)
        except (SaveError, OSError):
            return frozenset()
        return found.get(story_id, frozenset())
