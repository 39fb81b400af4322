"""Writing files so that a crash at any instant leaves the old or the new version.

The new bytes go to a temporary file in the same directory, are flushed and
fsynced, and then renamed over the old file; the directory is fsynced so the
rename itself survives a power cut.
"""

from __future__ import annotations

import contextlib
import os
import secrets
import time
from pathlib import Path

TEMP_SUFFIX = ".tmp"
STALE_SECONDS = 600.0  # a temporary file this old was left by a crash, not a save in progress


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


def write_atomic(path: Path, data: bytes) -> None:
    """Replace (or create) `path` with `data` atomically and durably; raises `OSError`.

    Readers see the complete old file or the complete new one, never a mix,
    whenever the process is killed.
    """
    tmp = temp_path(path)
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0)
    fd = os.open(tmp, flags, 0o644)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        tmp.replace(path)
    except BaseException:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise
    fsync_directory(path.parent)


def preserve(path: Path, backup: Path) -> None:
    """Make `backup` an exact copy of the existing `path`, atomically; raises `OSError`.

    A hard link costs no copy and is already durable; where links are not
    supported the bytes are copied with `write_atomic`.
    """
    tmp = temp_path(backup)
    try:
        os.link(path, tmp, follow_symlinks=False)
    except (OSError, NotImplementedError):
        write_atomic(backup, path.read_bytes())
        return
    try:
        tmp.replace(backup)
    except BaseException:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise


def remove_stale_temporaries(path: Path) -> None:
    """Delete temporary files of `path` (and of its backup) left behind by a crash."""
    now = time.time()
    for leftover in path.parent.glob(f".{path.name}*{TEMP_SUFFIX}"):
        with contextlib.suppress(OSError):
            if now - leftover.stat().st_mtime > STALE_SECONDS:
                leftover.unlink()
