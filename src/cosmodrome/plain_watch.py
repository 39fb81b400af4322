"""`play --plain --watch`: the line-mode player picks up the author's edits.

Before it reads each line it looks at the story's files. After an edit it reloads
the story and keeps the player's place, fitted to the edited story exactly as a
save would be; an edit that breaks the story prints its errors, one
`path:line:col` line each, and play goes on in the last version that loaded.
"""

from __future__ import annotations

from pathlib import Path

from cosmodrome.engine.game import Game
from cosmodrome.plain import PlainPlayer
from cosmodrome.saves.compat import play_on
from cosmodrome.story.watch import Reload, StoryWatcher


class PlainWatch:
    """Reloads the story of a `PlainPlayer` when one of its files changed."""

    def __init__(self, player: PlainPlayer, directory: Path) -> None:
        self.player = player
        self.watcher = StoryWatcher(directory, player.game.story)
        self.problems: tuple[str, ...] = ()  # the errors of the broken edit, once printed
        player.before_input.append(self.check)
        player.say(f"Watching {directory} for edits: they are picked up before each line.")

    def check(self) -> None:
        """Reload the story if a file of it changed since the last look."""
        result = self.watcher.poll()
        if result is None:
            return
        if result.story is None:
            self._broken(result)
            return
        self.problems = ()
        adapted = play_on(result.story, self.player.state.history())
        self.player.game = Game(result.story)
        self.player.say()
        self.player.say(" ".join([result.summary(), *adapted.notes]))
        self.player.move(adapted.state)

    def _broken(self, result: Reload) -> None:
        lines = result.problems
        if lines == self.problems:
            return  # an edit that leaves the same errors: they are on screen already
        self.problems = lines
        self.player.say()
        self.player.say(f"{result.summary()} Fix:")
        for line in lines:
            self.player.say(f"  {line}")
