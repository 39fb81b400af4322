"""The errors of a broken edit, shown while the last good story plays on (`play --watch`)."""

from __future__ import annotations

from collections.abc import Sequence

from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.content import Content
from textual.widgets import Static

from cosmodrome.safetext import printable

HEADING = "The story does not load; still playing the last version that did. Fix:"


class StoryProblems(VerticalScroll, can_focus=False):
    """One `path:line:col: error: message` line per problem; hidden when there are none."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.lines: tuple[str, ...] = ()

    def compose(self) -> ComposeResult:
        yield Static(Content(HEADING), classes="problems-heading")
        yield Static(Content(""), classes="problems-lines")

    def show(self, lines: Sequence[str]) -> None:
        """Show `lines` (file paths and messages are never read as markup); none hides it."""
        self.lines = tuple(printable(line) for line in lines)  # messages may quote the story
        self.query_one(".problems-lines", Static).update(Content("\n".join(self.lines)))
        self.display = bool(self.lines)
