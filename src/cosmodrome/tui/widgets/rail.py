"""The transcript's scroll position, drawn as a column of its own lines.

Textual's scrollbar is a widget of its own, resized with the transcript on every
move, and each resize costs one more frame; this rail is drawn with the lines.
"""

from __future__ import annotations

from dataclasses import dataclass

from rich.segment import Segment
from rich.style import Style
from textual.strip import Strip

GAP = 2  # cells between the text and the rail
RAIL = GAP + 1  # the columns the rail takes at the right of the transcript


def thumb(height: int, total: int, top: int) -> range | None:
    """The rows of the thumb in a view `height` rows high over `total` rows scrolled to
    `top`; None when everything fits and no rail is drawn."""
    if height <= 0 or total <= height:
        return None
    size = max(1, round(height * height / total))
    start = round(min(max(top, 0), total - height) / (total - height) * (height - size))
    return range(start, start + size)


@dataclass(frozen=True, slots=True)
class RailCells:
    """The gap and the rail's cell, as drawn on a row: with no rail, on the track, on the
    thumb."""

    empty: Strip
    track: Strip
    bar: Strip

    @classmethod
    def styled(cls, base: Style, track: Style, bar: Style) -> RailCells:
        gap = Segment(" " * GAP, base)
        return cls(
            Strip([gap, Segment(" ", base)], RAIL),
            Strip([gap, Segment(" ", track)], RAIL),
            Strip([gap, Segment(" ", bar)], RAIL),
        )

    def on(self, row: int, rows: range | None) -> Strip:
        """The cells on `row` of the view, where the thumb covers `rows`."""
        if rows is None:
            return self.empty
        return self.bar if row in rows else self.track


@dataclass(frozen=True, slots=True)
class RailGrip:
    """The thumb held by the mouse: `grab` rows below its top, where it was taken."""

    grab: int

    @classmethod
    def at(cls, row: int, rows: range) -> RailGrip:
        """Taken on `row` of the view, the thumb covering `rows`: held where it was pressed,
        or, pressed on the track, by its middle (it jumps there)."""
        return cls(row - rows.start if row in rows else len(rows) // 2)

    def scroll_for(self, row: int, height: int, size: int, max_scroll: int) -> int:
        """The scroll that puts the held point of a thumb `size` rows long on `row` of a
        view `height` rows high (the inverse of `thumb`)."""
        track = height - size
        if track <= 0:
            return 0
        top = min(max(row - self.grab, 0), track)
        return round(top / track * max_scroll)
