"""The transcript: every passage of the run, oldest at the top, the newest in view.

One widget draws the whole transcript line by line (Textual's Line API): a move lays
out only the new passage's text and is drawn in the frame that follows the key, with
no widgets to mount and no second layout pass.
"""

from __future__ import annotations

import textwrap
from bisect import bisect_right
from collections.abc import Iterator
from typing import NamedTuple

from textual import events
from textual.geometry import Region, Size
from textual.message import Message
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.selection import Selection
from textual.strip import Strip
from textual.timer import Timer

from cosmodrome.engine.game import Game
from cosmodrome.engine.state import GameState
from cosmodrome.tui.widgets import passage as passages  # TYPE_DELAY read when typing starts
from cosmodrome.tui.widgets.passage import (
    ShownPassage,
    chosen_rows,
    passage_lines,
    reveal_points,
)
from cosmodrome.tui.widgets.rail import RailCells
from cosmodrome.tui.widgets.railed_view import RailedView
from cosmodrome.tui.widgets.shown import Entry, mirror


class _View(NamedTuple):
    """What every line of one draw shares: the scroll, the thumb's rows, the selection."""

    scroll_y: int
    thumb: range | None
    selection: Selection | None
    rail: RailCells


class Transcript(RailedView, can_focus=True):
    """Mirrors a state's history: moving on appends a passage, undo removes it."""

    DEFAULT_CSS = """
    Transcript {
        overflow-x: hidden;
    }
    """

    revealing: reactive[bool] = reactive(False, repaint=False)

    class Revealed(Message):
        """The newest passage has been typed out in full."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._entries: list[Entry] = []
        self._starts: list[int] = []  # the first line of each entry
        self._width = 0  # the width the entries are laid out at (0: not yet known)
        self._points: Iterator[int] = iter(())  # where the typewriter pauses next, in order
        self._timer: Timer | None = None
        self._view: _View | None = None  # while the screen is drawn (in `render_lines`)

    # -- what is shown ---------------------------------------------------------------

    @property
    def passages(self) -> list[ShownPassage]:
        """The passages on screen, oldest first."""
        return [entry.passage for entry in self._entries]

    @property
    def entries(self) -> tuple[Entry, ...]:
        """The passages on screen, oldest first, each with its height and the lines it
        holds now (none while it is far out of view)."""
        return tuple(self._entries)

    @property
    def current(self) -> ShownPassage | None:
        return self._entries[-1].passage if self._entries else None

    @property
    def settled(self) -> bool:
        """Whether every passage shown is laid out and typed out in full."""
        return not self.revealing and (self._width > 0 or not self._entries)

    @property
    def newest_line(self) -> int:
        """The transcript line where the newest passage starts."""
        return self._starts[-1] if self._starts else 0

    def text_lines(self) -> list[str]:
        """The transcript as laid out, one string per line (without trailing spaces)."""
        return [line.text.rstrip() for entry in self._entries for line in self._lines(entry)]

    def follow(self, game: Game, state: GameState, *, typewriter: bool) -> None:
        """Show the history of `state`: keep the passages already shown that are still part
        of it, drop the rest, and add the new ones; the newest scrolls into view in the
        frame that follows."""
        self._stop_typing()
        entries, fresh = mirror(self._entries, game, state)
        self._entries = entries
        if entries and typewriter and fresh:
            self._start_typing(entries[-1])
        self.following = True  # the newest passage's top in view
        self._lay_out()

    def finish_reveal(self) -> None:
        """Show the whole of a passage being typed out at once."""
        if self.revealing:
            self._finish_typing()

    # -- the typewriter --------------------------------------------------------------

    def _start_typing(self, entry: Entry) -> None:
        body = entry.passage.body().plain
        start = entry.passage.body_start()
        self._points = iter(reveal_points(body, start))
        entry.shown = start
        self.revealing = True
        self._timer = self.set_interval(passages.TYPE_DELAY, self._type_word)

    def _type_word(self) -> None:
        point = next(self._points, None)
        if point is None or not self._entries:
            self._finish_typing()
            return
        entry = self._entries[-1]
        entry.shown = point
        entry.forget()
        self._lay_out()

    def _finish_typing(self) -> None:
        self._stop_typing()  # every passage is shown whole again
        self._lay_out()
        self.post_message(self.Revealed())

    def _stop_typing(self) -> None:
        if self._timer is not None:
            self._timer.stop()
            self._timer = None
        self._points = iter(())
        self.revealing = False
        for entry in self._entries:
            if entry.shown is not None:
                entry.shown = None
                entry.forget()

    # -- layout and drawing ----------------------------------------------------------

    def _lay_out(self, *, repaint: bool = True) -> None:
        """Lay out the entries that need it, and bring the newest passage into view."""
        width = self.text_width
        if width <= 0:  # not laid out yet: `_size_updated` comes back here
            return
        if width != self._width:
            self._width = width
            for entry in self._entries:
                entry.forget()
        starts: list[int] = []
        total = 0
        for entry in self._entries:
            if not entry.height:
                self._lines(entry)
            elif entry.chosen_rows < 0:
                entry.chosen_rows = chosen_rows(self, entry.passage, width)
                entry.height += entry.chosen_rows
            starts.append(total)
            total += entry.height
        self._starts = starts
        size = Size(width, total)
        if size != self.virtual_size:
            self.set_reactive(ScrollView.virtual_size, size)
            if repaint:
                self._scroll_update(size)
        self._follow_newest(repaint=repaint)
        self._park_far_entries()
        if repaint:
            self.refresh()

    def _lines(self, entry: Entry) -> list[Strip]:
        """The lines of `entry`, laid out now if they are not at hand."""
        if not entry.lines:
            entry.lines = passage_lines(self, entry.passage, entry.shown, self._width)
            expected, entry.height = entry.height, len(entry.lines)
            if entry.chosen_rows < 0:
                entry.chosen_rows = chosen_rows(self, entry.passage, self._width)
            if expected and expected != entry.height:  # never expected: lay out anew
                self.call_later(self._lay_out)
        return entry.lines

    def _park_far_entries(self) -> None:
        """Keep the lines of the passages within a screen of the view, and only those: a long
        run holds its scrollback as heights, not as drawn lines."""
        height = max(1, self.scrollable_content_region.height)
        top, bottom = int(self.scroll_y) - height, int(self.scroll_y) + 2 * height
        for entry, start in zip(self._entries, self._starts, strict=True):
            if entry.lines and (start + entry.height < top or start > bottom):
                entry.park()

    def _follow_newest(self, *, repaint: bool = True) -> None:
        """Scroll so the newest passage's top is at the top (or as near as the end allows);
        `repaint=False` while the screen is being laid out, which repaints us anyway."""
        if not self.following or not self._starts:
            return
        top = min(self._starts[-1], self.max_scroll_y)
        if top != self.scroll_y:
            self.set_reactive(ScrollView.scroll_y, top)
            self.set_reactive(ScrollView.scroll_target_y, top)
            if repaint:
                self.refresh()

    def _size_updated(
        self, size: Size, virtual_size: Size, container_size: Size, layout: bool = True
    ) -> bool:
        # as ScrollView's, but the new lines and the scroll to the newest passage are set
        # before the scrollbar and the scroll offset are updated, so this frame draws them
        # and nothing asks for another one
        if size_changed := self._size != size:
            self._set_dirty()
        if not (
            size_changed
            or virtual_size != self.virtual_size
            or container_size != self.container_size
        ):
            return False
        self._size = size
        self._container_size = size - self.styles.gutter.totals
        if self.text_width != self._width:
            self._lay_out(repaint=False)
        else:
            self._follow_newest(repaint=False)
        self._scroll_update(self.virtual_size)
        return size_changed or self._container_size != container_size

    def notify_style_update(self) -> None:
        super().notify_style_update()
        for entry in self._entries:  # the theme changed: colours are in the lines
            entry.forget()
        if self._width:
            self._lay_out()

    def render_lines(self, crop: Region) -> list[Strip]:
        self._view = self._current_view()  # shared by every line of this draw
        try:
            return super().render_lines(crop)
        finally:
            self._view = None

    def _current_view(self) -> _View:
        rows = self.rail_thumb()
        return _View(self.scroll_offset.y, rows, self.text_selection, self.rail_cells())

    def render_line(self, y: int) -> Strip:
        view = self._view
        drawing = view is not None
        if view is None:
            view = self._current_view()
        rail = view.rail.on(y, view.thumb)
        found = self._line(view.scroll_y + y)
        if found is None:
            line = Strip.blank(self._width, self.rich_style)
        else:
            line, row = found
            if not drawing:
                # asked outside a draw, by the screen finding where the mouse is in the
                # text: only then does each piece of the line carry its place (a style of
                # its own per piece, which would fill Rich's style caches if drawn)
                line = line.apply_offsets(0, row)
            selection = view.selection
            if selection is not None and (span := selection.get_span(row)) is not None:
                line = self._selected(line, span)
        return Strip([*line, *rail], line.cell_length + rail.cell_length)

    def _selected(self, line: Strip, span: tuple[int, int]) -> Strip:
        """`line` with the cells the player is selecting with the mouse highlighted."""
        length = line.cell_length
        start, end = min(span[0], length), length if span[1] == -1 else min(span[1], length)
        highlight = self.screen.get_component_rich_style("screen--selection")
        chosen = line.crop(start, end).apply_style(highlight)
        return Strip.join([line.crop(0, start), chosen, line.crop(end, length)])

    def _line(self, index: int) -> tuple[Strip, int] | None:
        """Line `index` of the transcript and its row for text selection, if there is one."""
        at = bisect_right(self._starts, index) - 1
        if at < 0:
            return None
        entry = self._entries[at]
        lines = self._lines(entry)
        offset = index - self._starts[at]
        return (lines[offset], entry.row0 + offset) if offset < len(lines) else None

    def get_selection(self, selection: Selection) -> tuple[str, str] | None:
        """The text the player selected, without the margins of the lines."""
        chosen: list[str] = []
        for entry in self._entries:
            for row, line in enumerate(self._lines(entry), entry.row0):
                span = selection.get_span(row)
                if span is not None:
                    start, end = span
                    chosen.append(line.text[start : None if end == -1 else end].rstrip())
        return textwrap.dedent("\n".join(chosen)), "\n"

    def selection_updated(self, selection: Selection | None) -> None:
        self.refresh()

    # -- the player's hands ------------------------------------------------------------

    def on_click(self, event: events.Click) -> None:
        if self.revealing:
            event.stop()
            self.finish_reveal()

    def rail_busy(self) -> bool:
        return self.revealing  # a press finishes the typewriter instead
