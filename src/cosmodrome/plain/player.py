"""The line-mode player: for screen readers, pipes and scripts.

It prints the passage and numbered choices, then reads one line: a choice
number or a command. It never crashes on bad input; it exits at an ending,
at `quit` or at the end of its input. The game, its autosave and its saves are
the `Session`'s, as in the Textual game.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from typing import TextIO

from cosmodrome.engine.game import GameError
from cosmodrome.engine.passages import ChoiceView, Passage
from cosmodrome.plain.commands import COMMANDS, Command
from cosmodrome.plain.numbers import count_of
from cosmodrome.plain.status import status_lines
from cosmodrome.plain.text import WIDTH, fill, markdown_lines, one_stop
from cosmodrome.safetext import printable
from cosmodrome.session import Session

PROMPT = "> "


def choice_lines(view: ChoiceView, width: int = WIDTH) -> list[str]:
    """A numbered choice, wrapped under its text (a hanging indent); a locked one
    followed by its reason."""
    text = view.text if view.available else f"{view.text} (locked: {one_stop(view.reason or '')})"
    return fill(text, f"  {view.number}. ", width=width)


class PlainPlayer:
    """Plays the session's game over a pair of text streams; a save that cannot be
    written is said once on `warnings`, and play goes on."""

    def __init__(
        self,
        session: Session,
        stdin: TextIO,
        stdout: TextIO,
        warnings: TextIO = sys.stderr,
        *,
        width: int = WIDTH,
    ) -> None:
        self.session = session
        self.width = width  # every line is wrapped to it
        self.stdin = stdin
        self.stdout = stdout
        self.warnings = warnings
        self.commands: dict[str, Command] = dict(COMMANDS)
        self.before_input: list[Callable[[], None]] = []  # called before each line is read
        self.endings_stop = True  # False under --watch: an author undoes or restarts instead

    # -- output ---------------------------------------------------------------

    def say(self, text: str = "") -> None:
        """Write one line, its story text made `printable`: all of line mode's output
        passes here, so nothing in a story or a save can drive the terminal."""
        self.stdout.write(printable(text) + "\n")

    def wrapped(self, text: str, first: str = "", rest: str | None = None) -> None:
        """Say `text` wrapped to the width after `first`, later lines after `rest`
        (by default, under the first line's text)."""
        for line in fill(text, first, rest, width=self.width):
            self.say(line)

    def show(self, passage: Passage) -> None:
        """Print a passage: its title, its text as plain prose, the status line, then its
        choices or its ending."""
        self.say()
        if passage.title:
            self.wrapped(passage.title, "## ")
            self.say()
        for line in markdown_lines(passage.text, self.width):
            self.say(line)
        self.say()
        self.show_status()
        if passage.ending is not None:
            self.wrapped(f"The end: {passage.ending}", "— ")
            return
        for view in passage.choices:
            for line in choice_lines(view, self.width):
                self.say(line)

    def show_status(self) -> bool:
        """Say the status line (where, and the variables the author shows); False when
        the story shows nothing of the kind."""
        lines = status_lines(self.session.story, self.session.require(), self.width)
        for line in lines:
            self.say(line)
        if lines:
            self.say()
        return bool(lines)

    def moved(self) -> None:
        """Show where the game now stands, after any warning that saving stopped."""
        problem = self.session.take_saving_problem()
        if problem:
            print(f"cosmodrome: not saving: {problem} (play goes on)", file=self.warnings)
        self.show(self.session.passage())

    # -- input ----------------------------------------------------------------

    def handle(self, line: str) -> bool:
        """Act on one line of input; False means stop."""
        words = line.strip().split(maxsplit=1)
        if not words:
            return True
        word, arg = words[0].lower(), (words[1] if len(words) > 1 else "")
        if word.isdecimal():
            number = count_of(word)
            if number is None:
                self.say(f"There is no choice {word[:12]}…; type one of the numbers shown.")
                return True
            try:
                self.session.take_number(number)
            except GameError as exc:
                self.wrapped(one_stop(str(exc)[:1].upper() + str(exc)[1:]))
            else:
                self.moved()
            return not self.session.require().ended or self._play_on_after_ending()
        entry = self.commands.get(word)
        if entry is None:
            self.wrapped(
                f"'{words[0]}' is not a choice or a command; type 'help' for the commands."
            )
            return True
        return entry.run(self, arg.strip())

    def _play_on_after_ending(self) -> bool:
        """Whether to read on at an ending (saying how), rather than stop."""
        if self.endings_stop:
            return False
        self.say("Type 'undo' to step back, or 'restart' to play again from the start.")
        return True

    def run(self) -> int:
        """Play until an ending, `quit` or the end of input; returns the exit code. The
        autosave is written a last time on the way out, with the play time."""
        try:
            return self._play()
        finally:
            self.session.close()

    def _play(self) -> int:
        self.show(self.session.passage())
        if self.session.require().ended and not self._play_on_after_ending():
            return 0
        while True:
            for listener in self.before_input:
                listener()
            self.stdout.write(PROMPT)
            self.stdout.flush()
            try:
                line = self.stdin.readline()
            except (OSError, ValueError):  # input closed or unreadable: as at its end
                line = ""
            if not line:
                self.say()
                return 0
            if not self.handle(line):
                return 0
