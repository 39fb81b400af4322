"""`play --plain --watch`: the line-mode player picks up the author's edits.

Before it reads each line it looks at the story's files. After an edit it reloads
the story and keeps the player's place, fitted to the edited story exactly as a
save would be; an edit that breaks the story prints its errors, one
`path:line:col` line each, and play goes on in the last version that loaded.
"""

from __future__ import annotations

from pathlib import Path

from cosmodrome.engine import Game, GameState
from cosmodrome.plain import PlainPlayer
from cosmodrome.saves import SaveError
from cosmodrome.saves.compat import adapt_history
from cosmodrome.story.model import Story
from cosmodrome.story.watch import Reload, StoryWatcher


def _count(number: int, word: str) -> str:
    return f"{number} {word}" if number == 1 else f"{number} {word}s"


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
        state, notes = self._fitted(result.story)
        self.player.game = Game(result.story)
        warnings = len(result.diagnostics) - len(result.errors)
        told = ["Story reloaded."]
        if warnings:
            told.append(f"It has {_count(warnings, 'warning')} (cosmodrome check lists them).")
        self.player.say()
        self.player.say(" ".join([*told, *notes]))
        self.player.move(state)

    def _fitted(self, story: Story) -> tuple[GameState, tuple[str, ...]]:
        """The player's game fitted to `story`, and what had to change; a new game when
        no place of it is left in the story."""
        try:
            adapted = adapt_history(story, self.player.state.history())
        except SaveError as exc:
            return Game(story).start(), (f"The game could not go on ({exc}); started again.",)
        return adapted.state, adapted.notes

    def _broken(self, result: Reload) -> None:
        lines = tuple(d.format() for d in (result.errors or result.diagnostics))
        if lines == self.problems:
            return  # an edit that leaves the same errors: they are on screen already
        self.problems = lines
        self.player.say()
        self.player.say(
            f"The story has {_count(len(lines), 'error')}; "
            "still playing the last version that loaded. Fix:"
        )
        for line in lines:
            self.player.say(f"  {line}")
