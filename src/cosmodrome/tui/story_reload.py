"""Live reload for authors (`cosmodrome play --watch`): the story folder is polled, an
edit reloads the story under the game in progress, and a broken edit is reported while
the last good story plays on. Also the inspector's switch, which only authors get.

The reloading (`story.watch`) and the fitting of the game to the new story
(`Session.reload`) hold the rules; this helper of the app only times the polls, runs
the reload off the event loop and tells the screens what to show.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from textual.message import Message

from cosmodrome.safetext import printable
from cosmodrome.story.diagnostic_codes import Code
from cosmodrome.story.diagnostics import Diagnostic, Severity

if TYPE_CHECKING:  # the watcher is imported only under --watch
    from cosmodrome.story.watch import Reload, StoryWatcher
    from cosmodrome.tui.app import CosmodromeApp

WATCH_INTERVAL = 0.5  # seconds between two looks at the story's files


class StoryChanged(Message):
    """A story file changed and the story was checked again (in a worker thread)."""

    def __init__(self, reload: Reload | None) -> None:
        super().__init__()
        self.reload = reload  # None: the files were back as they were by the time they were read


class StoryReload:
    """Watches the story's folder for the app, when given one (`watching`); else idle."""

    def __init__(
        self, app: CosmodromeApp, directory: Path | None, interval: float = WATCH_INTERVAL
    ) -> None:
        """Reload the story from `directory` when one of its files changes, looking every
        `interval` seconds once `start` is called (0: only when `check` is called)."""
        self.app = app
        self.watcher: StoryWatcher | None = None
        if directory is not None:
            from cosmodrome.story.watch import StoryWatcher

            self.watcher = StoryWatcher(directory, app.session.story)
        self.interval = interval
        self.reloading = False  # a reload is under way, its result not yet shown
        self.inspector_open = False

    @property
    def watching(self) -> bool:
        """Whether the story is watched (`play --watch`): the author's panels show."""
        return self.watcher is not None

    def start(self) -> None:
        """Start the timer that looks at the story's files (the app calls this on mount)."""
        if self.watcher is None:
            return
        self.app.say(f"Watching {self.watcher.directory} for edits; F12 opens the inspector.")
        if self.interval > 0:
            self.app.set_interval(self.interval, self.check, name="story-watch")

    def check(self) -> bool:
        """Start reloading in a worker thread when a story file changed since the last
        reload; True when a reload started. Its result arrives as `StoryChanged`."""
        watcher = self.watcher
        if watcher is None or self.reloading or not watcher.changed():
            return False
        self.reloading = True
        self.app.run_worker(
            lambda: self._reload(watcher), thread=True, group="story-reload", exit_on_error=False
        )
        return True

    def _reload(self, watcher: StoryWatcher) -> None:
        from cosmodrome.story.watch import Reload

        try:
            result = watcher.poll()
        except Exception as exc:  # an author's edit must never end the game
            where = str(Path(watcher.directory) / "story.yaml")
            problem = Diagnostic(where, 1, 1, Severity.ERROR, f"cannot reload: {exc}", Code.FILE)
            result = Reload(None, [problem], watcher.last_good)
        self.app.post_message(StoryChanged(result))

    def finished(self, result: Reload | None) -> None:
        """Show the result of the reload in a worker (the app's `StoryChanged` handler)."""
        self.reloading = False
        if result is not None:
            self.apply(result)
        self.check()  # a save that landed during the reload

    def apply(self, result: Reload) -> None:
        """Play on in the reloaded story; or, when it does not load, keep the last good
        story and show its errors until an edit fixes them."""
        app, session = self.app, self.app.session
        reloaded = session.reload(result)
        play = app.navigation.made_play
        if play is not None:
            play.show_problems(reloaded.problems)
        if not reloaded.news:
            return
        if reloaded.changed:
            app.title = printable(session.story.title)
            if app.navigation.title.is_mounted:
                app.navigation.title.show_story(session.story)
            app.report_saving()
            if session.playing and play is not None:
                play.show_state(session, typewriter=False)
        app.say(reloaded.summary, "warning" if reloaded.adapted else "information")

    def toggle_inspector(self) -> None:
        """Open or close the inspector (only while watching the story)."""
        app = self.app
        if not self.watching or not app.session.playing:
            return
        self.inspector_open = not self.inspector_open
        play = app.navigation.made_play
        if play is not None:
            play.show_inspector(self.inspector_open, app.session)
