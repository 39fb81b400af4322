"""The message line under the story column: what the game says (saved, locked, ...) and
a cue when more of the story is below the view. It never covers the choices."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.content import Content
from textual.timer import Timer
from textual.widgets import Static

from cosmodrome.safetext import printable

MESSAGE_SECONDS = 8.0  # long enough to read a sentence twice
MORE_BELOW = "▼ more below: Space"


class NoteLine(Horizontal):
    """One line: the latest message at the left (for `MESSAGE_SECONDS`), the "more below"
    cue at the right."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._timer: Timer | None = None

    def compose(self) -> ComposeResult:
        yield Static(id="note-message", markup=False)
        yield Static(MORE_BELOW, id="note-more", markup=False)

    @property
    def message(self) -> str:
        """The message shown now ("" when none)."""
        return str(self.query_one("#note-message", Static).content)

    def say(self, message: str, severity: str = "information") -> None:
        """Show `message` (story text in it is never parsed as markup, nor sent raw)."""
        shown = self.query_one("#note-message", Static)
        shown.update(Content(printable(message)))
        shown.set_classes(f"-{severity}")
        if self._timer is not None:
            self._timer.stop()
        self._timer = self.set_timer(MESSAGE_SECONDS, self.clear)

    def clear(self) -> None:
        """Take the message away."""
        self.query_one("#note-message", Static).update("")
        self._timer = None

    def show_more(self, more: bool) -> None:
        """Show the cue when part of the story is below the view."""
        self.query_one("#note-more", Static).display = more
