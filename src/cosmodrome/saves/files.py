"""Reading a slot's file: a regular file only, size-capped, and checked throughout."""

from __future__ import annotations

import os
import stat
from dataclasses import dataclass
from pathlib import Path

from cosmodrome.saves import codec
from cosmodrome.saves.errors import SaveError
from cosmodrome.saves.history import SavedState, decode_history
from cosmodrome.story.collector import collector_paused


def reason(exc: OSError) -> str:
    """An operating-system error in a few words."""
    return exc.strerror or type(exc).__name__


def read_bytes(path: Path) -> bytes:
    """The file's bytes; raises `SaveError` for a special or oversized file, `OSError`."""
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
    fd = os.open(path, flags)  # non-blocking, so a FIFO planted as a slot cannot hang us
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            raise SaveError("it is not a regular file")
        if info.st_size > codec.MAX_FILE_BYTES:
            raise SaveError(f"it is too large ({info.st_size} bytes; a save is at most 2 MB)")
        chunks: list[bytes] = []
        left = codec.MAX_FILE_BYTES + 1
        while left > 0:  # the file may have grown since fstat: never more than the cap
            chunk = os.read(fd, min(left, max(info.st_size + 1, 4096)))
            if not chunk:
                break
            chunks.append(chunk)
            left -= len(chunk)
        return b"".join(chunks)
    finally:
        os.close(fd)


def _save_bytes(path: Path) -> bytes:
    """The bytes of the save file at `path`; raises `FileNotFoundError`, or `SaveError`
    with the reason it cannot be read."""
    try:
        return read_bytes(path)
    except FileNotFoundError:
        raise
    except OSError as exc:
        raise SaveError(f"it cannot be read: {reason(exc)}") from None


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
