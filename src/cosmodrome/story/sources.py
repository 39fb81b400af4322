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
        """The text diagnostics quote: bad bytes replaced, newlines as `\\n`."""
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
        _add(digest, relative.encode("utf-8", "surrogateescape"))
        # The exact bytes, length-prefixed: no two stories share a digest, nor do a
        # file's undecodable bytes and their replacement; an unreadable file counts
        # by the reason, so the diagnostics keyed by it stay right.
        if source.data is not None:
            _add(digest, b"R", source.data)
        else:
            _add(digest, b"E" + str(source.error).encode("utf-8", "surrogateescape"))
        files.append(source)
    return files, digest.hexdigest()


def _add(digest: hashlib._Hash, kind: bytes, data: bytes = b"") -> None:
    digest.update((len(kind) + len(data)).to_bytes(8, "big"))
    digest.update(kind)
    digest.update(data)
