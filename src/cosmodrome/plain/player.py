"""The line-mode player: for screen readers, pipes and scripts.

It prints the passage and numbered choices, then reads one line: a choice
number or a command. It never crashes on bad input; it exits at an ending,
at `quit` or at the end of its input. The game, its autosave and its saves are
the `Session`'s, as in the Textual game.
"""

from __future__ import annotations

import sys
import textwrap
from collections.abc import Callable
from typing import TextIO

from cosmodrome.engine.game import GameError
from cosmodrome.engine.passages import Passage
from cosmodrome.plain.commands import COMMANDS, Command
from cosmodrome.plain.numbers import count_of
from cosmodrome.safetext import printable
from cosmodrome.session import Session
from cosmodrome.wording import sentence

PROMPT = "> "


_BLOCK_MARKERS = (">", "- ", "* ", "+ ")


def wrap_paragraph(paragraph: str, width: int = 78) -> str:
    """A Markdown paragraph filled to `width`; quote and list lines keep their own lines."""
    lines = [line.strip() for line in paragraph.splitlines() if line.strip()]
    if not any(line.startswith(_BLOCK_MARKERS) for line in lines):
        return textwrap.fill(" ".join(paragraph.split()), width=width)
    wrapped = []
    for line in lines:
        indent = "> " if line.startswith(">") else "  "
        wrapped.append(textwrap.fill(line, width=width, subsequent_indent=indent))
    return "\n".join(wrapped)


class PlainPlayer:
    """Plays the session's game over a pair of text streams; a save that cannot be
    written is said once on `warnings`, and play goes on."""

    def __init__(
        self, session: Session, stdin: TextIO, stdout: TextIO, warnings: TextIO = sys.stderr
    ) -> None:
        self.session = session
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

    def show(self, passage: Passage) -> None:
        """Print a passage: its title, its text, then its choices or its ending."""
        self.say()
        if passage.title:
            self.say(f"## {passage.title}")
            self.say()
        for paragraph in passage.text.split("\n\n"):
            self.say(wrap_paragraph(paragraph))
            self.say()
        if passage.ending is not None:
            self.say(f"*** The end: {passage.ending} ***")
            return
        for view in passage.choices:
            if view.available:
                self.say(f"  {view.number}. {view.text}")
            else:
                self.say(f"  {view.number}. (locked: {view.reason}) {view.text}")

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
                self.say(sentence(str(exc)))
            else:
                self.moved()
            return not self.session.require().ended or self._play_on_after_ending()
        entry = self.commands.get(word)
        if entry is None:
            self.say(f"'{words[0]}' is not a choice or a command; type 'help' for the commands.")
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
