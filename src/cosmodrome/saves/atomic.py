"""Writing files so that a crash at any instant leaves the old or the new version.

The new bytes go to a temporary file in the same directory and are fsynced;
only then is the old file moved to its backup name (when one is asked for) and
the temporary renamed over it, and the directory fsynced so the renames survive
a power cut. Until the new bytes are durable nothing else is touched, so a full
disk loses neither the file nor its backup.
"""

from __future__ import annotations

import contextlib
import os
import re
import secrets
import time
from collections.abc import Callable
from pathlib import Path

TEMP_SUFFIX = ".tmp"
STALE_SECONDS = 600.0  # a temporary file this old was left by a crash, not a save in progress
# `.<target name>.<writer's pid>.<8 hex digits>.tmp`, as `temp_path` makes them.
_TEMP_NAME = re.compile(r"\.(?P<target>.+)\.(?P<pid>[0-9]+)\.[0-9a-f]{8}" + re.escape(TEMP_SUFFIX))


def temp_path(path: Path) -> Path:
    """A fresh temporary name next to `path`; hidden, and never taken for a slot."""
    return path.with_name(f".{path.name}.{os.getpid()}.{secrets.token_hex(4)}{TEMP_SUFFIX}")


def fsync_directory(directory: Path) -> None:
    """Make renames in `directory` durable, where the platform allows it."""
    if os.name != "posix":
        return  # Windows cannot open a directory; its renames are journalled anyway
    try:
        fd = os.open(directory, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass  # some filesystems refuse fsync on directories; the rename is still atomic
    finally:
        os.close(fd)


def _write_durably(tmp: Path, data: bytes) -> None:
    """Create `tmp` (it must not exist) holding `data`, on disk when this returns."""
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0)
    fd = os.open(tmp, flags, 0o644)  # the usual umask applies, as for any file we write
    try:
        view = memoryview(data)
        while view:
            view = view[os.write(fd, view) :]
        os.fsync(fd)
    finally:
        os.close(fd)


def write_atomic(path: Path, data: bytes, *, backup: Path | None = None) -> None:
    """Replace (or create) `path` with `data` atomically and durably; raises `OSError`.

    With `backup`, the file `path` held before becomes `backup` (replacing it) at
    the moment the new bytes are already on disk, never earlier. Readers see the
    complete old file or the complete new one whenever the process is killed; a
    kill between the two renames leaves no `path` but its previous version as
    `backup`. A failure leaves `path` and `backup` as they were (the second
    rename failing leaves `backup` moved, as such a kill would) and no temporary.
    """
    tmp = temp_path(path)
    try:
        _write_durably(tmp, data)
        if backup is not None:
            with contextlib.suppress(FileNotFoundError):  # new, or taken by another writer
                path.replace(backup)
        tmp.replace(path)
    except BaseException:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise
    fsync_directory(path.parent)


def _writer_gone(pid: int) -> bool:
    """Whether no process `pid` runs here (so its temporary files are leftovers)."""
    if os.name != "posix" or pid == os.getpid():
        return False  # Windows' os.kill would end the process; our own may be mid-write
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return True
    except OSError:
        return False  # it runs, as another user
    return False


def remove_leftover_temporaries(directory: Path, owned: Callable[[str], bool]) -> int:
    """Delete the temporary files in `directory` whose target name `owned` accepts and
    whose writer has died (or that are older than `STALE_SECONDS`); returns how many."""
    removed = 0
    now = time.time()
    with os.scandir(directory) as listing:
        entries = list(listing)
    for entry in entries:
        match = _TEMP_NAME.fullmatch(entry.name)
        if match is None or not owned(match["target"]):
            continue
        with contextlib.suppress(OSError):
            old = now - entry.stat(follow_symlinks=False).st_mtime > STALE_SECONDS
            if old or _writer_gone(int(match["pid"])):
                Path(entry.path).unlink()
                removed += 1
    return removed
