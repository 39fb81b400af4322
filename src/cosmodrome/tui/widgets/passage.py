"""One passage of the transcript as styled text (title, story text, ending, and the choice
taken there), the widget that shows it, and the points where the typewriter pauses."""

from __future__ import annotations

import re
from dataclasses import dataclass

from textual.content import Content
from textual.widgets import Static

from cosmodrome.safetext import printable
from cosmodrome.tui.markdown_text import markdown_content

TYPE_DELAY = 0.035  # seconds per word: a brisk typewriter
_WORD = re.compile(r"\S+\s*|\s+")


def reveal_points(text: str, start: int = 0) -> list[int]:
    """The offsets in `text` where the typewriter pauses: after each word from `start` on."""
    points = [match.end() for match in _WORD.finditer(text, start)]
    return points or [len(text)]


@dataclass(frozen=True, slots=True)
class ShownPassage:
    """A passage as the player read it. Story text is Markdown, never Rich markup."""

    title: str | None
    text: str
    ending: str | None
    chosen: str | None = None  # the choice taken after it (None: not yet)

    @property
    def read(self) -> bool:
        """Whether the player has moved on from it (it is then drawn dimmed)."""
        return self.chosen is not None

    def body(self) -> Content:
        """Title, text and ending; read passages are dimmed."""
        parts: list[Content] = []
        if self.title:
            parts.append(
                Content(printable(self.title)).stylize("bold" if self.read else "bold $accent")
            )
        parts.append(markdown_content(self.text))
        if self.ending is not None:
            parts.append(
                Content(printable(f"The end: {self.ending}")).stylize("bold italic $accent")
            )
        body = Content("\n\n").join(parts)
        return body.stylize_before("$foreground-muted") if self.read else body

    def body_start(self) -> int:
        """Where the story text starts in `body()`: the title is shown at once."""
        return len(printable(self.title)) + 2 if self.title else 0

    def content(self, shown: int | None = None) -> Content:
        """The body (its first `shown` characters while it is typed out), then the choice
        taken there on a line of its own."""
        body = self.body()
        if shown is not None:
            body = body[:shown]
        chosen = self.chosen_line()
        return body if chosen is None else Content("\n\n").join([body, chosen])

    def chosen_line(self) -> Content | None:
        """The line below the passage that says what the player chose there."""
        if self.chosen is None:
            return None
        return Content(printable(f"› {self.chosen}")).stylize("italic $text-primary")


class PassageText(Static):
    """One passage of the transcript, drawn as `ShownPassage.content` (wrapped by Textual)."""

    def __init__(self, passage: ShownPassage, *, shown: int | None = None) -> None:
        super().__init__(passage.content(shown), classes="passage", markup=False)
        self.passage = passage
        self.shown = shown

    def show(self, passage: ShownPassage, shown: int | None = None) -> None:
        """Draw `passage` (its first `shown` characters while it is typed out)."""
        if passage != self.passage or shown != self.shown:
            self.passage, self.shown = passage, shown
            self.update(passage.content(shown))
