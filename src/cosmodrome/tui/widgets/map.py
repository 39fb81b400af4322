"""The map: the story's places projected by latitude and longitude onto the terminal."""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar

from textual.content import Content
from textual.widget import Widget

from cosmodrome.engine.progress import PlaceMark
from cosmodrome.safetext import printable
from cosmodrome.tui.cartography import draw_map, runs
from cosmodrome.tui.geometry import MapPoint

CURRENT, VISITED, UNVISITED = "◉", "●", "○"


def place_symbol(mark: PlaceMark) -> str:
    """The marker of a place: ◉ you are here, ● visited, ○ not yet."""
    if mark.current:
        return CURRENT
    return VISITED if mark.visited else UNVISITED


def map_points(marks: Sequence[PlaceMark]) -> list[MapPoint]:
    """The places that have coordinates, the current one first, then visited, then the rest:
    earlier points keep their true position and their label when space is short."""
    located = [m for m in marks if m.place.lat is not None and m.place.lon is not None]
    ordered = sorted(located, key=lambda m: (not m.current, not m.visited))
    return [
        MapPoint(m.place.id, float(m.place.lat or 0.0), float(m.place.lon or 0.0), m.place.name)
        for m in ordered
    ]


class MapView(Widget):
    """Markers (◉ here, ● visited, ○ not yet) with labels, a faint degree grid and a scale."""

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "map--current",
        "map--visited",
        "map--unvisited",
        "map--label",
        "map--grid",
    }

    def __init__(self, marks: Sequence[PlaceMark], *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.marks = list(marks)

    def set_marks(self, marks: Sequence[PlaceMark]) -> None:
        self.marks = list(marks)
        self.refresh()

    def render(self) -> Content:
        width, height = self.content_size
        points = map_points(self.marks)
        if not points:
            return Content("No place in this story has a latitude and longitude.")
        if width < 8 or height < 5:
            return Content("")
        markers = {}
        for mark in self.marks:
            kind = "current" if mark.current else "visited" if mark.visited else "unvisited"
            markers[mark.place.id] = (place_symbol(mark), kind)
        tags = ("current", "visited", "unvisited", "label", "grid")
        styles = {tag: self.get_visual_style(f"map--{tag}", partial=True) for tag in tags}
        lines = [
            Content.assemble(
                *[(printable(text), styles[tag] if tag else "") for text, tag in runs(row)]
            )
            for row in draw_map(points, markers, width, height)
        ]
        return Content("\n").join(lines)
