"""Drawing the map as a grid of characters, each tagged with what it shows.

Pure functions with no Textual import: the widget only turns tags into styles.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from cosmodrome.tui.geometry import MapLayout, MapPoint, layout_map

GRID_DOT = "·"
Cell = tuple[str, str]  # (character, tag): tags are "", "grid", "label" or a marker's tag
Drawing = list[list[Cell]]


def _write(row: list[Cell], col: int, text: str, tag: str) -> None:
    for offset, char in enumerate(text):
        if 0 <= col + offset < len(row):
            row[col + offset] = (char, tag)


def _fits(row: list[Cell], col: int, text: str) -> bool:
    """Whether `text` at `col` stays inside `row` and covers only blanks and grid dots."""
    if col < 0 or col + len(text) > len(row):
        return False
    return all(tag in ("", "grid") for _, tag in row[col : col + len(text)])


def degrees(value: int, positive: str, negative: str) -> str:
    """'45°N', '63°E', '12°S'."""
    return f"{abs(value)}°{positive if value >= 0 else negative}"


def scale_text(layout: MapLayout) -> str:
    """'├──────┤ 1,000 km', as long as the distance is on the map; '' without a scale."""
    if layout.scale is None:
        return ""
    columns, km = layout.scale
    return f"├{'─' * max(columns - 2, 1)}┤ {km:,} km"


def runs(row: Sequence[Cell]) -> list[tuple[str, str]]:
    """A row of cells as runs of (text, tag): neighbours with the same tag joined."""
    joined: list[tuple[str, str]] = []
    for char, tag in row:
        if joined and joined[-1][1] == tag:
            joined[-1] = (joined[-1][0] + char, tag)
        else:
            joined.append((char, tag))
    return joined


def draw_map(
    points: Sequence[MapPoint], markers: Mapping[str, tuple[str, str]], width: int, height: int
) -> Drawing:
    """A `width` x `height` drawing: longitudes on the top row, the scale on the bottom row,
    and between them a faint degree grid, each point's marker (symbol, tag from `markers`)
    and its label. Degree labels give way to places."""
    blank: Cell = (" ", "")
    layout = layout_map(points, width, max(height - 2, 1))
    body = [[blank] * width for _ in range(layout.height)]
    for row, _lat in layout.parallels:
        for col in range(0, width, 2):
            body[row][col] = (GRID_DOT, "grid")
    for col, _lon in layout.meridians:
        for line in body:
            line[col] = (GRID_DOT, "grid")
    for (col, row), text in layout.labels.values():
        _write(body[row], col, text, "label")
    for key, (col, row) in layout.markers.items():
        body[row][col] = markers.get(key, ("●", "visited"))
    for row, lat in layout.parallels:
        text = degrees(lat, "N", "S")
        if _fits(body[row], 0, text):
            _write(body[row], 0, text, "grid")
    top = [blank] * width
    for col, lon in layout.meridians:
        text = degrees(lon, "E", "W")
        start = max(0, min(col - len(text) // 2, width - len(text)))
        if _fits(top, max(start - 1, 0), text + " "):
            _write(top, start, text, "grid")
    bottom = [blank] * width
    _write(bottom, 0, scale_text(layout), "grid")
    return [top, *body, bottom][:height]
