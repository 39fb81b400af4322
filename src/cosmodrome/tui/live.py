"""Live reload for authors (`cosmodrome play --watch`): the story folder is polled, an
edit reloads the story under the game in progress, and a broken edit is reported while
the last good story plays on. Also the inspector's switch, which only authors get.

The reloading (`story.watch`) and the fitting of the game to the new story
(`saves.compat`, through `Session.change_story`) hold the rules; this shell only
times the polls and tells the screens what to show.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from textual.message import Message

from cosmodrome.story.diagnostics import Diagnostic, Severity
from cosmodrome.tui.shell import GameShell

if TYPE_CHECKING:  # imported only under --watch
    from cosmodrome.story.watch import Reload, StoryWatcher

WATCH_INTERVAL = 0.5  # seconds between two looks at the story's files


class StoryChanged(Message):
    """A story file changed and the story was checked again (in a worker thread)."""

    def __init__(self, reload: Reload | None) -> None:
        super().__init__()
        self.reload = reload  # None: the files were back as they were by the time they were read


class LiveShell(GameShell):
    """`GameShell` that can watch its story's folder; nothing changes until
    `watch_story` is called."""

    watcher: StoryWatcher | None = None
    story_problems: tuple[str, ...] = ()  # the errors of the broken edit, as path:line:col lines
    inspector_open = False
    _reloading = False
    _watch_interval = WATCH_INTERVAL

    @property
    def watching(self) -> bool:
        return self.watcher is not None

    @property
    def reloading(self) -> bool:
        """Whether a reload is under way (its result not yet shown)."""
        return self._reloading

    def watch_story(self, directory: Path, interval: float = WATCH_INTERVAL) -> None:
        """Reload the story from `directory` when one of its files changes, looking every
        `interval` seconds once the app runs (0: only when `check_story_files` is called)."""
        from cosmodrome.story.watch import StoryWatcher

        self.watcher = StoryWatcher(directory, self.story)
        self._watch_interval = interval

    def start_watching(self) -> None:
        """Start the timer that looks at the story's files (the app calls this on mount)."""
        if self.watcher is None:
            return
        self.say(f"Watching {self.watcher.directory} for edits; F12 opens the inspector.")
        if self._watch_interval > 0:
            self.set_interval(self._watch_interval, self.check_story_files, name="story-watch")

    def check_story_files(self) -> bool:
        """Start reloading in a worker thread when a story file changed since the last
        reload; True when a reload started. Its result arrives as `StoryChanged`."""
        watcher = self.watcher
        if watcher is None or self._reloading or not watcher.changed():
            return False
        self._reloading = True
        self.run_worker(
            lambda: self._reload(watcher), thread=True, group="story-reload", exit_on_error=False
        )
        return True

    def _reload(self, watcher: StoryWatcher) -> None:
        try:
            result = watcher.poll()
        except Exception as exc:  # an author's edit must never end the game
            where = str(Path(watcher.directory) / "story.yaml")
            problem = Diagnostic(where, 1, 1, Severity.ERROR, f"cannot reload: {exc}", "file")
            from cosmodrome.story.watch import Reload

            result = Reload(None, [problem], watcher.last_good)
        self.post_message(StoryChanged(result))

    def on_story_changed(self, message: StoryChanged) -> None:
        self._reloading = False
        if message.reload is not None:
            self.apply_reload(message.reload)
        self.check_story_files()  # a save that landed during the reload

    def apply_reload(self, result: Reload) -> None:
        """Play on in the reloaded story; or, when it does not load, keep the last good
        story and show its errors until an edit fixes them."""
        if result.story is None:
            if result.problems != self.story_problems:
                self.say(result.summary())
            self._show_problems(result.problems)
            return
        self._show_problems(())
        if result.story is self.story:
            return
        notes = self.session.change_story(result.story)
        self.story = result.story
        self.title = result.story.title
        if self._title_screen.is_mounted:
            self._title_screen.show_story(result.story)
        self._report_saving()
        if self.session.playing and self._play is not None:
            self._play.show_state(self.session, typewriter=False)
        self.say(" ".join((result.summary(), *notes)), "warning" if notes else "information")

    def _show_problems(self, lines: tuple[str, ...]) -> None:
        self.story_problems = lines
        if self._play is not None:
            self._play.show_problems(lines)

    def action_toggle_inspector(self) -> None:
        """Open or close the inspector (only while watching the story)."""
        if not self.watching or not self.session.playing:
            return
        self.inspector_open = not self.inspector_open
        if self._play is not None:
            self._play.show_inspector(self.inspector_open, self.session)
