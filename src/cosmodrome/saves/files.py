"""Reading a slot's file: a regular file only, size-capped, and checked throughout."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from cosmodrome.regular_files import UnreadableFile, describe, read_regular
from cosmodrome.saves import codec
from cosmodrome.saves.errors import SaveError
from cosmodrome.saves.history import SavedState, decode_history
from cosmodrome.story.collector import collector_paused

UNREADABLE = "it cannot be read"  # a file the system refuses to read: not damage


def reason(exc: OSError) -> str:
    """An operating-system error in a few words."""
    return describe(exc)


def read_bytes(path: Path) -> bytes:
    """The file's bytes; raises `SaveError` for a special or oversized file, `OSError`."""
    try:
        return read_regular(path, codec.MAX_FILE_BYTES)
    except UnreadableFile as exc:
        raise SaveError(str(exc)) from None


def _save_bytes(path: Path) -> bytes:
    """The bytes of the save file at `path`; raises `FileNotFoundError`, or `SaveError`
    with the reason it cannot be read."""
    try:
        return read_bytes(path)
    except FileNotFoundError:
        raise
    except OSError as exc:
        raise SaveError(f"{UNREADABLE}: {reason(exc)}") from None


def read_header(path: Path) -> codec.Header:
    """The checked header of the save in `path`: of a sealed file alone (see
    `codec.sealed_header`), of any other when the whole file is sound. Raises `SaveError`
    (the reason) or `FileNotFoundError`."""
    data = _save_bytes(path)
    header = codec.sealed_header(data)
    return header if header is not None else decode_save(data).header


def read_document(path: Path) -> codec.Document:
    """The checked document in `path`; raises `SaveError` (the reason), `FileNotFoundError`."""
    return codec.decode(_save_bytes(path))


@dataclass(frozen=True, slots=True)
class SavedGame:
    """A save file, checked throughout: its header, and the states it recorded, oldest
    first, not yet fitted to any story (see `reading.game_from_save`)."""

    header: codec.Header
    states: list[SavedState]


def decode_save(data: bytes) -> SavedGame:
    """The header and saved states in a save file's bytes; raises `SaveError` naming
    the first problem, never anything else."""
    # thousands of objects at once, none in a cycle: collecting would be a tenth of the load
    with collector_paused():
        document = codec.decode(data)
        states = decode_history(document.history)
    header = document.header
    if header.node != states[-1].node or header.choices != states[-1].steps:
        raise SaveError("its header does not match its history")
    return SavedGame(header, states)


def read_save(path: Path) -> SavedGame:
    """The checked save in the file at `path`; raises `SaveError`, `FileNotFoundError`."""
    return decode_save(_save_bytes(path))
