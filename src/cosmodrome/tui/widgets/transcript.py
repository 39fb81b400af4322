"""The story column: every passage of the run, oldest at the top, then the choices, in one
scrolling column (as in Inky's web player). A new passage is shown from its top."""

from __future__ import annotations

from collections.abc import Iterator

from textual.containers import VerticalScroll
from textual.message import Message
from textual.reactive import reactive
from textual.timer import Timer
from textual.visual import Visual

from cosmodrome.engine.game import Game
from cosmodrome.engine.state import GameState
from cosmodrome.tui.widgets import passage as passages  # TYPE_DELAY read when typing starts
from cosmodrome.tui.widgets.choices import ChoiceList
from cosmodrome.tui.widgets.passage import PassageText, ShownPassage, reveal_points
from cosmodrome.tui.widgets.shown import Entry, mirror

CONTEXT_ROWS = 2  # a page down keeps the last lines read in view, so no line is skipped


class Transcript(VerticalScroll, can_focus=False):
    """Mirrors a state's history, then the choices: moving on appends a passage, undo
    removes it. The choice list is its last child, composed by the play screen."""

    revealing: reactive[bool] = reactive(False)

    class Revealed(Message):
        """The newest passage has been typed out in full."""

    def __init__(self, choices: ChoiceList, *, id: str | None = None) -> None:
        super().__init__(choices, id=id)
        self.choices = choices
        self._entries: list[Entry] = []
        self._points: Iterator[int] = iter(())  # where the typewriter pauses next, in order
        self._timer: Timer | None = None
        self._placing = False  # the view is yet to go to the newest passage's top

    # -- what is shown ---------------------------------------------------------------

    @property
    def passages(self) -> list[ShownPassage]:
        """The passages on screen, oldest first."""
        return [entry.passage for entry in self._entries]

    @property
    def current(self) -> ShownPassage | None:
        """The newest passage (None before the first)."""
        return self._entries[-1].passage if self._entries else None

    @property
    def newest(self) -> PassageText | None:
        """The widget of the newest passage (None before the first is mounted)."""
        return self._entries[-1].widget if self._entries else None

    @property
    def settled(self) -> bool:
        """Whether every passage is mounted, laid out and typed out in full."""
        return not self.revealing and all(
            entry.widget is not None and entry.widget.is_mounted for entry in self._entries
        )

    @property
    def more_below(self) -> bool:
        """Whether part of the column is below the view."""
        return self.scroll_y < self.max_scroll_y

    def text_lines(self) -> list[str]:
        """The passages' text as laid out, one string per line (without trailing spaces)."""
        lines: list[str] = []
        for entry in self._entries:
            widget = entry.widget
            width = widget.content_size.width if widget is not None else 0
            if widget is not None and width:
                strips = Visual.to_strips(widget, widget.visual, width, None, widget.visual_style)
                lines += [strip.text.rstrip() for strip in strips]
        return lines

    # -- following the game ------------------------------------------------------------

    def follow(self, game: Game, state: GameState, *, typewriter: bool) -> None:
        """Show the history of `state`: keep the passages already shown that are still part
        of it, drop the rest, add the new ones; the view goes to the top of the newest."""
        self._stop_typing()
        entries, fresh = mirror(self._entries, game, state)
        kept = {id(entry) for entry in entries}
        gone = [e.widget for e in self._entries if id(e) not in kept and e.widget is not None]
        self._entries = entries
        if gone:
            self.remove_children(gone)
        new: list[PassageText] = []
        for entry in entries:
            if entry.widget is None:
                entry.widget = PassageText(entry.passage)
                new.append(entry.widget)
            else:
                entry.widget.show(entry.passage)
        if entries and typewriter and fresh:
            self._start_typing(entries[-1])
        if new:
            self.mount_all(new, before=self.choices)
        self._placing = True
        self.call_after_refresh(self.show_newest)

    def show_newest(self) -> None:
        """Put the top of the newest passage at the top of the view (as near as the end
        of the column allows), unless that is done already."""
        widget = self.newest
        if self._placing and widget is not None and widget.is_mounted:
            self._placing = False
            self.scroll_to(y=widget.virtual_region.y, animate=False, immediate=True)

    def page(self, direction: int) -> None:
        """Scroll a page down (`direction` 1) or up (-1), keeping a little context; from
        the newest passage's top when a key comes before the view was placed there."""
        self.show_newest()
        rows = max(1, self.scrollable_content_region.height - CONTEXT_ROWS)
        self.scroll_to(y=self.scroll_y + direction * rows, animate=False, immediate=True)

    def finish_reveal(self) -> None:
        """Show the whole of a passage being typed out at once."""
        if self.revealing:
            self._finish_typing()

    # -- the typewriter --------------------------------------------------------------

    def _start_typing(self, entry: Entry) -> None:
        body = entry.passage.body().plain
        start = entry.passage.body_start()
        self._points = iter(reveal_points(body, start))
        assert entry.widget is not None
        entry.widget.show(entry.passage, start)
        self.revealing = True
        self._timer = self.set_interval(passages.TYPE_DELAY, self._type_word)

    def _type_word(self) -> None:
        point = next(self._points, None)
        entry = self._entries[-1] if self._entries else None
        if point is None or entry is None or entry.widget is None:
            self._finish_typing()
            return
        entry.widget.show(entry.passage, point)

    def _finish_typing(self) -> None:
        self._stop_typing()
        self.post_message(self.Revealed())

    def _stop_typing(self) -> None:
        if self._timer is not None:
            self._timer.stop()
            self._timer = None
        self._points = iter(())
        self.revealing = False
        for entry in self._entries:
            if entry.widget is not None:
                entry.widget.show(entry.passage)
