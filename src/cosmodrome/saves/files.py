"""Reading a slot's file: a regular file only, size-capped, and checked throughout."""

from __future__ import annotations

import os
import stat
from pathlib import Path

from cosmodrome.saves import codec
from cosmodrome.saves.errors import SaveError
from cosmodrome.saves.history import SavedState, decode_history


def reason(exc: OSError) -> str:
    """An operating-system error in a few words."""
    return exc.strerror or type(exc).__name__


def read_bytes(path: Path) -> bytes:
    """The file's bytes; raises `SaveError` for a special or oversized file, `OSError`."""
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
    fd = os.open(path, flags)  # non-blocking, so a FIFO planted as a slot cannot hang us
    with os.fdopen(fd, "rb") as handle:
        info = os.fstat(handle.fileno())
        if not stat.S_ISREG(info.st_mode):
            raise SaveError("it is not a regular file")
        if info.st_size > codec.MAX_FILE_BYTES:
            raise SaveError(f"it is too large ({info.st_size} bytes; a save is at most 2 MB)")
        return handle.read(codec.MAX_FILE_BYTES + 1)


def read_document(path: Path) -> codec.Document:
    """The checked document in `path`; raises `SaveError` (the reason), `FileNotFoundError`."""
    try:
        data = read_bytes(path)
    except FileNotFoundError:
        raise
    except OSError as exc:
        raise SaveError(f"it cannot be read: {reason(exc)}") from None
    return codec.decode(data)


def read_game(path: Path) -> tuple[codec.Document, list[SavedState]]:
    """The checked document and its saved states; raises `SaveError`, `FileNotFoundError`."""
    document = read_document(path)
    saved = decode_history(document.history)
    header = document.header
    if header.node != saved[-1].node or header.choices != saved[-1].steps:
        raise SaveError("its header does not match its history")
    return document, saved
