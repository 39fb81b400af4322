"""A story directory's files read once: their bytes, and the fingerprint of them all."""

from __future__ import annotations

import hashlib
import os
from dataclasses import dataclass
from pathlib import Path

from cosmodrome.regular_files import read_regular
from cosmodrome.story.yamlsource import MAX_FILE_BYTES


@dataclass(frozen=True, slots=True)
class SourceFile:
    """One `.yaml` file of a story, as read from disk."""

    relative: str  # the path inside the story, with `/`
    display: str  # the path as diagnostics show it, in the user's spelling
    data: bytes | None  # None when the file could not be read
    error: OSError | None

    def text(self) -> str:
        """The text as the fingerprint sees it: bad bytes replaced, newlines as `\\n`."""
        if self.data is None:
            return ""
        text = self.data.decode("utf-8", errors="replace")
        if "\r" in text:
            text = text.replace("\r\n", "\n").replace("\r", "\n")
        return text


def story_files(directory: Path) -> list[Path]:
    """Every `.yaml` file of the story, in sorted path order, hidden folders skipped."""
    found: list[Path] = []
    for dirpath, dirnames, filenames in os.walk(directory):
        dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
        found.extend(Path(dirpath) / f for f in filenames if f.endswith(".yaml"))
    return sorted(found, key=lambda p: p.relative_to(directory).as_posix())


def read_sources(directory: str | os.PathLike[str]) -> tuple[list[SourceFile], str]:
    """Every file of the story in `directory`, and the sha256 fingerprint of them all."""
    base = Path(directory)
    digest = hashlib.sha256()
    files: list[SourceFile] = []
    for path in story_files(base):
        relative = path.relative_to(base).as_posix()
        display = os.path.join(str(directory), relative)  # noqa: PTH118 - keep the user's spelling
        try:
            source = SourceFile(relative, display, read_regular(path, MAX_FILE_BYTES), None)
        except OSError as exc:
            source = SourceFile(relative, display, None, exc)
        data = source.data
        # plain ASCII without carriage returns is its own text: skip decoding it
        if data is not None and data.isascii() and b"\r" not in data:
            digest.update(relative.encode() + b"\0" + data + b"\0")
        else:
            digest.update(relative.encode() + b"\0" + source.text().encode() + b"\0")
        files.append(source)
    return files, digest.hexdigest()
