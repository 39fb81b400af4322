"""`play --plain --watch`: the line-mode player picks up the author's edits.

Before it reads each line it looks at the story's files. After an edit it reloads
the story and keeps the player's place, fitted to the edited story exactly as a
save would be (`Session.reload`); an edit that breaks the story prints its errors,
one `path:line:col` line each, and play goes on in the last version that loaded.
"""

from __future__ import annotations

from pathlib import Path

from cosmodrome.plain.player import PlainPlayer
from cosmodrome.story.watch import StoryWatcher


class PlainWatch:
    """Reloads the story of a `PlainPlayer` when one of its files changed."""

    def __init__(self, player: PlainPlayer, directory: Path) -> None:
        self.player = player
        self.watcher = StoryWatcher(directory, player.session.story)
        player.before_input.append(self.check)
        player.endings_stop = False  # an author at an ending wants to try again, not leave
        player.say(f"Watching {directory} for edits: they are picked up before each line.")

    def check(self) -> None:
        """Reload the story if a file of it changed since the last look."""
        result = self.watcher.poll()
        if result is None:
            return
        reloaded = self.player.session.reload(result)
        if not reloaded.news:
            return  # an edit that leaves the same errors: they are on screen already
        self.player.say()
        if reloaded.problems:
            self.player.say(f"{reloaded.summary} Fix:")
            for line in reloaded.problems:
                self.player.say(f"  {line}")
            return
        self.player.say(reloaded.summary)
        self.player.moved()
