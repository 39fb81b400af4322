"""A story directory's files read once: their bytes, and the fingerprint of them all."""

from __future__ import annotations

import hashlib
import os
from dataclasses import dataclass
from pathlib import Path

from cosmodrome.regular_files import RefusedPath, describe, read_regular
from cosmodrome.story.storydir import FACTS, MANIFEST
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


def story_entries(directory: Path) -> list[tuple[Path, RefusedPath | None]]:
    """Every `.yaml` file of the story, in sorted path order, hidden folders skipped; with
    each, why it is refused, if it is: a folder that cannot be listed, `facts.yaml` (or
    `story.yaml`) that is a folder, or a symbolic link that leaves the story folder (never
    read, so never quoted). Any other folder, whatever its name, holds node files."""
    found: list[tuple[Path, RefusedPath | None]] = []
    inside = os.path.realpath(directory)

    def cannot_list(exc: OSError) -> None:
        path = Path(exc.filename) if exc.filename else directory
        reason = f"cannot read the folder: {describe(exc)}"
        found.append((path, RefusedPath(reason)))

    for dirpath, dirnames, filenames in os.walk(directory, onerror=cannot_list):
        here = Path(dirpath)
        dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
        for name in list(dirnames):
            path = here / name
            if here == directory and name in (MANIFEST, FACTS):  # else a folder of nodes
                dirnames.remove(name)
                found.append((path, RefusedPath("it is a folder, not a file")))
            elif path.is_symlink() and _leaves(path, inside):
                found.append((path, _outside(path)))
        for name in filenames:
            if name.endswith(".yaml"):
                path = here / name
                outside = path.is_symlink() and _leaves(path, inside)
                found.append((path, _outside(path) if outside else None))
    return sorted(found, key=lambda entry: entry[0].relative_to(directory).as_posix())


def _leaves(path: Path, inside: str) -> bool:
    target = os.path.realpath(path)
    return os.path.commonpath([target, inside]) != inside


def _outside(path: Path) -> RefusedPath:
    target = os.path.realpath(path)
    return RefusedPath(
        f"it is a symbolic link to {target}, outside the story folder; "
        "copy what it points to into the story instead"
    )


def story_files(directory: Path) -> list[Path]:
    """Every `.yaml` file of the story that is read, in sorted path order."""
    return [path for path, refused in story_entries(directory) if refused is None]


def read_sources(directory: str | os.PathLike[str]) -> tuple[list[SourceFile], str]:
    """Every file of the story in `directory`, and the sha256 fingerprint of them all."""
    base = Path(directory)
    digest = hashlib.sha256()
    files: list[SourceFile] = []
    for path, refused in story_entries(base):
        relative = path.relative_to(base).as_posix()
        display = os.path.join(str(directory), relative)  # noqa: PTH118 - keep the user's spelling
        try:
            if refused is not None:
                raise refused
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
