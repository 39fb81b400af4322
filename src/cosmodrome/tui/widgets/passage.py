"""One passage of the transcript: title, Markdown text, and the choice taken there."""

from __future__ import annotations

import asyncio
import re

from textual import events, work
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.content import Content
from textual.message import Message
from textual.reactive import reactive
from textual.widgets import Markdown, Static

TYPE_DELAY = 0.035  # seconds per word: a brisk typewriter
_WORD = re.compile(r"\S+\s*|\s+")


def reveal_points(text: str) -> list[int]:
    """The offsets in `text` where the typewriter pauses: after each word."""
    points: list[int] = []
    for match in _WORD.finditer(text):
        points.append(match.end())
    return points or [len(text)]


class PassageView(Vertical):
    """A passage as the player read it. Story text is Markdown, never Rich markup."""

    revealing: reactive[bool] = reactive(False)

    class Revealed(Message):
        """The whole passage is now on screen."""

    class Grew(Message):
        """More of the passage has been typed out."""

    def __init__(
        self, title: str | None, text: str, ending: str | None, *, typewriter: bool = False
    ) -> None:
        """`typewriter` types the text out word by word once the passage is on screen."""
        super().__init__(classes="passage")
        self.title = title
        self.text = text
        self.ending = ending
        self.typewriter = typewriter
        self._skip = asyncio.Event()  # set by any key: show the rest at once
        self.rendered = False  # whether the Markdown has been laid out (it parses off-thread)
        self.set_reactive(PassageView.revealing, typewriter)

    def compose(self) -> ComposeResult:
        if self.title:
            yield Static(Content(self.title), classes="passage-title")
        shown = "" if self.typewriter else self.text
        yield Markdown(shown, classes="passage-text", open_links=False)
        if self.ending is not None:
            yield Static(Content(f"The end: {self.ending}"), classes="passage-ending")
        yield Static("", classes="passage-chosen")

    def set_chosen(self, text: str | None) -> None:
        """Show (or clear) the choice the player took after reading this passage."""
        chosen = self.query_one(".passage-chosen", Static)
        chosen.update(Content(f"› {text}") if text else "")
        self.set_class(text is not None, "-past")

    def on_mount(self) -> None:
        if self.typewriter:
            self._type()

    @work(exclusive=True, group="reveal")
    async def _type(self) -> None:
        """Reveal the text word by word; `finish` (or any key on the play screen) completes it."""
        markdown = self.query_one(Markdown)
        shown = 0
        for point in reveal_points(self.text):
            await markdown.append(self.text[shown:point])
            shown = point
            self.post_message(self.Grew())
            try:  # wait one beat, or less when the player asks for everything
                await asyncio.wait_for(self._skip.wait(), TYPE_DELAY)
            except TimeoutError:
                continue
            break
        if shown < len(self.text) or self._skip.is_set():
            await markdown.update(self.text)
        self.revealing = False
        self.rendered = True
        self.post_message(self.Revealed())

    def finish(self) -> None:
        """Show the whole text at once."""
        if self.revealing:
            self._skip.set()

    def on_markdown_table_of_contents_updated(self, event: Markdown.TableOfContentsUpdated) -> None:
        # posted by the Markdown widget once its blocks are mounted; let it bubble on
        if not self.revealing:
            self.rendered = True

    def on_click(self, event: events.Click) -> None:
        if self.revealing:
            event.stop()
            self.finish()
