"""Advisory locks on the saves folder, so that several games at once (two terminals,
two browser tabs) share it without overwriting each other.

`folder_lock` is held around every write and every read-modify-write of the folder's
files (slots, the endings record, the settings); `try_lock` holds one lock file for as
long as the caller keeps it (a game holds its autosave's for its lifetime), and
`is_locked` asks whether another holder has it. They are `flock` locks: they belong to
an open file, so a process that dies, however it dies, leaves no lock behind. Where
`flock` does not exist (Windows) they lock nothing and every call succeeds.
"""

from __future__ import annotations

import contextlib
import errno
import os
import sys
import time
import weakref
from collections.abc import Iterator
from pathlib import Path

FOLDER_LOCK = ".lock"  # hidden, and never taken for a slot (see `slots.slot_name_of`)
FOLDER_PATIENCE = 10.0  # seconds a writer waits for the folder before it gives up
GLANCE = 0.02  # how long a lock is retried before it is taken as held: `is_locked` peeks
RETRY = 0.002

if sys.platform != "win32":
    import fcntl

    def _flock(fd: int, *, exclusive: bool) -> bool:
        """Take the lock on `fd` if it is free now; False when someone else holds it."""
        mode = fcntl.LOCK_EX if exclusive else fcntl.LOCK_SH
        try:
            fcntl.flock(fd, mode | fcntl.LOCK_NB)
        except BlockingIOError:
            return False
        return True

else:  # pragma: no cover - no flock: the folder is shared as before, unlocked

    def _flock(fd: int, *, exclusive: bool) -> bool:
        return True


class HeldLock:
    """A lock file held by this process until `release` (or until the process ends)."""

    def __init__(self, path: Path, fd: int) -> None:
        self.path = path
        # closing the last descriptor releases the flock: also when this object is dropped
        self._close = weakref.finalize(self, os.close, fd)

    @property
    def held(self) -> bool:
        """Whether the lock is still held."""
        return self._close.alive

    def release(self, *, remove: bool = False) -> None:
        """Let the lock go; with `remove`, delete its file first (while still holding it,
        so nobody can be left holding a lock on a file that is gone)."""
        if not self._close.alive:
            return
        if remove:
            with contextlib.suppress(OSError):
                self.path.unlink()
        self._close()


def _open_locked(path: Path, patience: float) -> HeldLock | None:
    """Open (creating) the lock file at `path` and lock it exclusively, trying for
    `patience` seconds; None when another holder kept it all that time. Raises `OSError`."""
    deadline = time.monotonic() + patience
    while True:
        fd = os.open(path, os.O_RDWR | os.O_CREAT | getattr(os, "O_CLOEXEC", 0), 0o644)
        try:
            while not _flock(fd, exclusive=True):
                if time.monotonic() >= deadline:
                    os.close(fd)
                    return None
                time.sleep(RETRY)
            # its last holder may have removed the file while we waited: lock the new one
            if os.path.samestat(os.fstat(fd), path.stat()):
                return HeldLock(path, fd)
        except FileNotFoundError:
            pass
        except BaseException:
            os.close(fd)
            raise
        os.close(fd)


def try_lock(path: Path) -> HeldLock | None:
    """The lock on the file at `path` (created when missing), held until released; None
    when another process (or another open of it here) holds it. Raises `OSError`."""
    return _open_locked(path, GLANCE)  # a moment, in case `is_locked` is peeking at it


def is_locked(path: Path) -> bool:
    """Whether someone holds the lock on the file at `path` (False when there is none)."""
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_CLOEXEC", 0))
    except OSError:
        return False
    try:
        return not _flock(fd, exclusive=False)  # a shared lock: two askers agree
    finally:
        os.close(fd)


@contextlib.contextmanager
def folder_lock(directory: Path) -> Iterator[None]:
    """Hold the lock of the folder `directory` (waiting for it) for the `with` block: one
    writer at a time. The folder must exist; raises `OSError` (`TimeoutError` when
    another process held the folder for `FOLDER_PATIENCE` seconds)."""
    held = _open_locked(directory / FOLDER_LOCK, FOLDER_PATIENCE)
    if held is None:
        message = f"another program has kept the saves folder locked for {FOLDER_PATIENCE:.0f} s"
        raise TimeoutError(errno.ETIMEDOUT, message)
    try:
        yield
    finally:
        held.release()
