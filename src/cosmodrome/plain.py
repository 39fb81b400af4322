"""The line-mode player: for screen readers, pipes and scripts.

It prints the passage and numbered choices, then reads one line: a choice
number or a command. It never crashes on bad input; it exits at an ending,
at `quit` or at the end of its input.
"""

from __future__ import annotations

import textwrap
from collections.abc import Callable
from typing import TextIO

from cosmodrome.engine.game import Game, GameError
from cosmodrome.engine.passages import Passage
from cosmodrome.engine.state import GameState

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
    """Plays one game over a pair of text streams."""

    def __init__(self, game: Game, state: GameState, stdin: TextIO, stdout: TextIO) -> None:
        self.game = game
        self.state = state
        self.stdin = stdin
        self.stdout = stdout
        self.commands: dict[str, tuple[Callable[[str], bool], str]] = {
            "undo": (self.cmd_undo, "undo [N]: take back the last choice (or N choices)"),
            "facts": (self.cmd_facts, "facts: list what you have found out"),
            "look": (self.cmd_look, "look: show the passage again"),
            "help": (self.cmd_help, "help: list the commands"),
            "quit": (self.cmd_quit, "quit: stop playing"),
        }
        self.on_move: list[Callable[[GameState], None]] = []
        self.before_input: list[Callable[[], None]] = []  # called before each line is read

    # -- output ---------------------------------------------------------------

    def say(self, text: str = "") -> None:
        self.stdout.write(text + "\n")

    def show(self, passage: Passage) -> None:
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

    # -- commands -------------------------------------------------------------

    def move(self, state: GameState) -> None:
        self.state = state
        for listener in self.on_move:
            listener(state)
        self.show(self.game.passage(state))

    def cmd_undo(self, arg: str) -> bool:
        steps = int(arg) if arg.isdigit() else 1
        if self.state.previous is None:
            self.say("Nothing to undo: this is the beginning.")
            return True
        self.move(self.game.undo(self.state, steps))
        return True

    def cmd_facts(self, _arg: str) -> bool:
        story = self.game.story
        found = sorted(
            (story.facts[f] for f in self.state.facts if f in story.facts),
            key=lambda f: (f.year, f.title),
        )
        if not found:
            self.say("You have found out nothing yet.")
        for fact in found:
            self.say(f"  {fact.year}  {fact.title}: {fact.text}")
        self.say(f"({len(found)} of {len(story.facts)} facts found)")
        return True

    def cmd_look(self, _arg: str) -> bool:
        self.show(self.game.passage(self.state))
        return True

    def cmd_help(self, _arg: str) -> bool:
        self.say("Type a choice's number, or one of:")
        for _handler, text in self.commands.values():
            self.say(f"  {text}")
        return True

    def cmd_quit(self, _arg: str) -> bool:
        self.say("Goodbye.")
        return False

    def handle(self, line: str) -> bool:
        """Act on one line of input; False means stop."""
        words = line.strip().split(maxsplit=1)
        if not words:
            return True
        word, arg = words[0].lower(), (words[1] if len(words) > 1 else "")
        if word.isdigit():
            try:
                self.move(self.game.take_number(self.state, int(word)))
            except GameError as exc:
                message = str(exc)
                self.say(message[:1].upper() + message[1:] + ".")
            return not self.state.ended
        entry = self.commands.get(word)
        if entry is None:
            self.say(f"'{words[0]}' is not a choice or a command; type 'help' for the commands.")
            return True
        return entry[0](arg.strip())

    def run(self) -> int:
        """Play until an ending, `quit` or the end of input; returns the exit code."""
        self.show(self.game.passage(self.state))
        if self.state.ended:
            return 0
        while True:
            for listener in self.before_input:
                listener()
            self.stdout.write(PROMPT)
            self.stdout.flush()
            line = self.stdin.readline()
            if not line:
                self.say()
                return 0
            if not self.handle(line):
                return 0
