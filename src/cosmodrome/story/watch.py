"""Live reload without a UI: notice that a story's files changed, reload, keep the last good.

The app polls: `StoryWatcher.poll()` is cheap while nothing changed (one
`stat` per file) and, after an edit, returns a `Reload`: the new story when it
checks cleanly of errors, else the diagnostics with the last good story kept
so play can go on.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from cosmodrome.story.diagnostic_codes import Code
from cosmodrome.story.diagnostics import Diagnostic, Severity
from cosmodrome.story.loader import StoryNotFound, check_story
from cosmodrome.story.model import Story
from cosmodrome.story.sources import story_files

# (relative path, mtime in ns, size, inode) per file: editors that save by renaming a new
# file into place change the inode even within the clock's granularity
Stamp = tuple[tuple[str, int, int, int], ...]


def stamp(directory: str | os.PathLike[str]) -> Stamp:
    """What changes when any `.yaml` file of the story is edited, added or removed."""
    base = Path(directory)
    out: list[tuple[str, int, int, int]] = []
    try:
        paths = story_files(base)
    except OSError:
        return ()
    for path in paths:
        try:
            info = path.stat()
        except OSError:
            continue  # removed between the listing and the stat: the next poll sees it
        rel = path.relative_to(base).as_posix()
        out.append((rel, info.st_mtime_ns, info.st_size, info.st_ino))
    return tuple(out)


@dataclass(frozen=True)
class Reload:
    """The result of reloading: `story` is the new story, or None when it did not load;
    `previous` is the last good story, which the caller keeps showing on failure."""

    story: Story | None
    diagnostics: list[Diagnostic]
    previous: Story | None

    @property
    def ok(self) -> bool:
        return self.story is not None

    @property
    def current(self) -> Story | None:
        """The story to play now: the new one, else the last good one."""
        return self.story if self.story is not None else self.previous

    @property
    def errors(self) -> list[Diagnostic]:
        return [d for d in self.diagnostics if d.is_error]

    @property
    def problems(self) -> tuple[str, ...]:
        """Why the story did not load, one `path:line:col: error: ...` line each."""
        return tuple(d.format() for d in (self.errors or self.diagnostics))

    def summary(self) -> str:
        """How the reload went, in a sentence for the player (and the author)."""
        if self.story is None:
            errors = _count(len(self.problems), "error")
            return f"The story has {errors}; still playing the last version that loaded."
        warnings = len(self.diagnostics) - len(self.errors)
        if not warnings:
            return "Story reloaded."
        return (
            f"Story reloaded. It has {_count(warnings, 'warning')} (cosmodrome check lists them)."
        )


def _count(number: int, word: str) -> str:
    return f"{number} {word}" if number == 1 else f"{number} {word}s"


def reload_story(directory: str | os.PathLike[str], last_good: Story | None) -> Reload:
    """Check the story in `directory` again; a missing story is reported as a diagnostic."""
    try:
        result = check_story(directory)
    except StoryNotFound as exc:
        where = str(Path(directory) / "story.yaml")
        missing = Diagnostic(where, 1, 1, Severity.ERROR, str(exc), Code.FILE)
        return Reload(None, [missing], last_good)
    return Reload(result.story, result.diagnostics, last_good)


class StoryWatcher:
    """Polls a story directory; `poll()` returns a `Reload` after a change, else None."""

    def __init__(self, directory: str | os.PathLike[str], story: Story | None) -> None:
        self.directory = directory
        self.last_good = story
        self.seen = stamp(directory)

    def changed(self) -> bool:
        """Whether any story file was edited, added or removed since the last reload."""
        return stamp(self.directory) != self.seen

    def poll(self) -> Reload | None:
        now = stamp(self.directory)
        if now == self.seen:
            return None
        self.seen = now
        result = reload_story(self.directory, self.last_good)
        if result.story is not None:
            self.last_good = result.story
        return result
