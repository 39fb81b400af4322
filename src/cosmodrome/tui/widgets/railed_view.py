"""A following view with its own scroll rail at the right of its lines (`rail.py` draws
it), which the mouse presses and drags to scroll."""

from __future__ import annotations

from rich.style import Style
from textual import events

from cosmodrome.tui.widgets.following import FollowingView
from cosmodrome.tui.widgets.rail import RAIL, RailCells, RailGrip, thumb


class RailedView(FollowingView):
    """Draws its lines in `text_width` columns and the rail in the `RAIL` columns after
    them. A press on the rail takes the thumb (on the track, the thumb jumps there) and
    dragging moves it; it never starts a text selection."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._rail: RailCells | None = None  # in the current theme
        self._grip: RailGrip | None = None  # the thumb, while the mouse holds it
        self._over_rail = False  # the mouse is over the rail

    @property
    def text_width(self) -> int:
        """The columns left of the rail."""
        return self.scrollable_content_region.width - RAIL

    def rail_thumb(self) -> range | None:
        """The rows of the view the thumb covers; None when everything fits."""
        height = self.scrollable_content_region.height
        return thumb(height, self.virtual_size.height, self.scroll_offset.y)

    def rail_cells(self) -> RailCells:
        """The rail's cells, styled as the scrollbar of the current theme."""
        if self._rail is None:
            styles = self.styles
            self._rail = RailCells.styled(
                self.rich_style,
                Style(bgcolor=styles.scrollbar_background.rich_color),
                Style(bgcolor=styles.scrollbar_color.rich_color),
            )
        return self._rail

    def notify_style_update(self) -> None:
        super().notify_style_update()
        self._rail = None

    def rail_busy(self) -> bool:
        """Whether a press now means something else than taking the thumb."""
        return False

    @property
    def allow_select(self) -> bool:
        return self._grip is None and not self._over_rail

    def _rail_row(self, event: events.MouseEvent) -> int | None:
        """The row of the view under the mouse, when it is over the rail."""
        offset = event.get_content_offset(self)
        return offset.y if offset is not None and offset.x >= self.text_width else None

    def on_mouse_move(self, event: events.MouseMove) -> None:
        if self._grip is not None:
            self._drag(event.get_content_offset_capture(self).y)
        else:
            self._over_rail = self._rail_row(event) is not None

    def on_mouse_down(self, event: events.MouseDown) -> None:
        row = self._rail_row(event)
        rows = self.rail_thumb()
        if row is None or rows is None or self.rail_busy():
            return
        event.stop()
        self.stop_following()  # the player takes the thumb: the view stays where they put it
        self._grip = RailGrip.at(row, rows)
        self.capture_mouse()
        self._drag(row)

    def on_mouse_up(self, event: events.MouseUp) -> None:
        if self._grip is not None:
            self._grip = None
            self.release_mouse()

    def _drag(self, row: int) -> None:
        rows = self.rail_thumb()
        if self._grip is None or rows is None:
            return
        height = self.scrollable_content_region.height
        top = self._grip.scroll_for(row, height, len(rows), self.max_scroll_y)
        self.scroll_to(y=top, animate=False)
