"""Reading a file the program did not write itself: a regular file only, never more than
a cap, and JSON parsed with a bound on its nesting. Imports no UI.

Every loader reads through `read_regular`: a FIFO, a device such as `/dev/zero`, a
directory, or a symlink to one of them is refused at once (opened without blocking),
and a file that grows while it is read is never read past its cap.
"""

from __future__ import annotations

import json
import os
import stat
from pathlib import Path

MB = 1024 * 1024


class UnreadableFile(OSError):
    """A file refused before its contents were trusted: not regular, or over its cap.
    Its `str()` is one short clause for the user ("it is not a regular file")."""

    def __init__(self, reason: str, *, too_large: bool = False) -> None:
        super().__init__(reason)
        self.reason = reason
        self.too_large = too_large

    def __str__(self) -> str:
        return self.reason


class RefusedPath(UnreadableFile):
    """A path refused before it was opened (a folder where a file belongs, a link that
    leaves its folder); its reason is the whole message."""


def describe(exc: OSError) -> str:
    """An operating-system error (or an `UnreadableFile`) in a few words."""
    if isinstance(exc, UnreadableFile):
        return exc.reason
    return exc.strerror or type(exc).__name__


def read_regular(path: Path | str, limit: int) -> bytes:
    """The bytes of the regular file at `path`, at most `limit` of them.

    Raises `FileNotFoundError` when there is none, `UnreadableFile` when it is not a
    regular file or is larger than `limit` bytes, and `OSError` when it cannot be read.
    """
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
    fd = os.open(path, flags)  # non-blocking: a FIFO planted in its place cannot hang us
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            raise UnreadableFile("it is not a regular file")
        if info.st_size > limit:
            raise UnreadableFile(
                f"it is too large ({info.st_size:,} bytes; at most {limit:,})", too_large=True
            )
        chunks: list[bytes] = []
        left = limit + 1
        while left > 0:  # the file may have grown since fstat: never more than the cap
            chunk = os.read(fd, min(left, max(info.st_size + 1, 4096)))
            if not chunk:
                break
            chunks.append(chunk)
            left -= len(chunk)
        data = b"".join(chunks)
        if len(data) > limit:
            raise UnreadableFile(f"it is too large (more than {limit:,} bytes)", too_large=True)
        return data
    finally:
        os.close(fd)


def parse_json(data: bytes | str) -> object:
    """JSON read from a file; raises `ValueError` (bad UTF-8, bad JSON, or nested past the
    interpreter's recursion limit, which bounds the depth) and nothing else."""
    try:
        return json.loads(data)
    except UnicodeDecodeError:
        raise ValueError("it is not UTF-8 text") from None
    except RecursionError:
        raise ValueError("it is nested too deeply") from None
