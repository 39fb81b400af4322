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

from cosmodrome.tui.markdown_text import markdown_content

TYPE_DELAY = 0.035  # seconds per word: a brisk typewriter
_WORD = re.compile(r"\S+\s*|\s+")


def reveal_points(text: str) -> list[int]:
    """The offsets in `text` where the typewriter pauses: after each word."""
    points: list[int] = []
    for match in _WORD.finditer(text):
        points.append(match.end())
    return points or [len(text)]


class PassageView(Vertical):
    """A passage as the player read it. Story text is Markdown, never Rich markup.

    A passage is one `Static` of styled text, so a long transcript stays cheap to lay
    out; only one being typed out is a `Markdown` widget, redrawn flat once read."""

    revealing: reactive[bool] = reactive(False)

    class Revealed(Message):
        """The whole passage is now on screen."""

    class Grew(Message):
        """More of the passage has been typed out."""

    def __init__(
        self,
        title: str | None,
        text: str,
        ending: str | None,
        *,
        typewriter: bool = False,
        chosen: str | None = None,
    ) -> None:
        """`typewriter` types the text out word by word once the passage is on screen
        (in a `Markdown` widget; else the passage is one block of styled text);
        `chosen` is the choice taken after it, shown below."""
        super().__init__(classes="passage")
        self.title = title
        self.text = text
        self.ending = ending
        self.typewriter = typewriter
        self.flat = not typewriter  # drawn as one `Static`, not a `Markdown` tree
        self._chosen = chosen
        self._skip = asyncio.Event()  # set by any key: show the rest at once
        self.rendered = self.flat  # whether the text is laid out (Markdown parses later)
        self.set_reactive(PassageView.revealing, typewriter)
        self.set_class(chosen is not None, "-past")  # a marker: no style hangs on it

    def _flat_content(self) -> Content:
        # read passages are dimmed by a style of their text, not by a CSS class: a class
        # change restyles the screen a frame later
        read = self._chosen is not None
        parts: list[Content] = []
        if self.title:
            parts.append(Content(self.title).stylize("bold" if read else "bold $accent"))
        parts.append(markdown_content(self.text))
        if self.ending is not None:
            parts.append(Content(f"The end: {self.ending}").stylize("bold italic $accent"))
        body = Content("\n\n").join(parts)
        return body.stylize_before("$foreground-muted") if read else body

    def compose(self) -> ComposeResult:
        chosen = Static(self._chosen_content(), classes="passage-chosen")
        chosen.display = self._chosen is not None
        if self.flat:
            yield Static(self._flat_content(), classes="passage-body")
            yield chosen
            return
        if self.title:
            yield Static(Content(self.title), classes="passage-title")
        yield Markdown("", classes="passage-text", open_links=False)
        if self.ending is not None:
            yield Static(Content(f"The end: {self.ending}"), classes="passage-ending")
        yield chosen

    def _chosen_content(self) -> Content:
        return Content(f"› {self._chosen}") if self._chosen else Content()

    @property
    def chosen(self) -> str | None:
        """The choice taken after this passage, shown below it (None: not yet)."""
        return self._chosen

    def show_passage(
        self, title: str | None, text: str, ending: str | None, chosen: str | None
    ) -> None:
        """Draw another passage in this (flat) view: cheaper than mounting a new one."""
        self.title, self.text, self.ending, self._chosen = title, text, ending, chosen
        self.display = True
        self._redraw()

    def set_chosen(self, text: str | None) -> None:
        """Show (or clear) the choice taken after this passage (a flat one only)."""
        if text == self._chosen:
            return
        self._chosen = text
        self._redraw()

    def _redraw(self) -> None:
        self.set_class(self._chosen is not None, "-past")
        chosen = self.query_one(".passage-chosen", Static)
        chosen.update(self._chosen_content())
        chosen.display = self._chosen is not None
        self.query_one(".passage-body", Static).update(self._flat_content())

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
