"""Map geometry: projecting places onto a grid of terminal cells and placing labels.

Pure functions with no Textual import, so the arithmetic is tested on its own.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

CELL_ASPECT = 2.0  # a terminal cell is about twice as tall as it is wide
KM_PER_DEGREE = 111.32  # along the equator, or along a meridian
EARTH_RADIUS_KM = 6371.0
SCALE_STEPS_KM = (10, 20, 50, 100, 200, 250, 500, 1000, 2000, 2500, 5000, 10000)

Cell = tuple[int, int]  # (column, row), both 0-based


@dataclass(frozen=True, slots=True)
class MapPoint:
    """A place to draw: its key, position in degrees and label. Earlier points win clashes."""

    key: str
    lat: float
    lon: float
    label: str


@dataclass(frozen=True, slots=True)
class Projection:
    """An equirectangular projection onto cells, squashed for tall terminal cells."""

    lon0: float
    lat0: float
    x_scale: float  # columns per degree of longitude at the equator
    mid_lat: float
    col0: float
    row0: float

    def cell(self, lat: float, lon: float) -> Cell:
        """The cell nearest to the point at `lat`, `lon`."""
        x = (lon - self.lon0) * math.cos(math.radians(self.mid_lat)) * self.x_scale
        y = (self.lat0 - lat) * self.x_scale / CELL_ASPECT
        return round(self.col0 + x), round(self.row0 + y)

    @property
    def km_per_column(self) -> float:
        return KM_PER_DEGREE / self.x_scale


@dataclass(frozen=True, slots=True)
class MapLayout:
    """Where every marker and label goes on a `width` x `height` grid."""

    width: int
    height: int
    markers: dict[str, Cell]
    labels: dict[str, tuple[Cell, str]]  # key -> (first cell, text, maybe shortened)
    scale: tuple[int, int] | None  # (columns, kilometres) for a scale bar
    meridians: tuple[tuple[int, int], ...] = ()  # (column, degrees east) of grid lines
    parallels: tuple[tuple[int, int], ...] = ()  # (row, degrees north) of grid lines


def fit_projection(
    points: Sequence[tuple[float, float]], width: int, height: int, margin: int = 1
) -> Projection:
    """A projection that fits every (lat, lon) of `points` inside the grid, centred."""
    mid_lat = (min(p[0] for p in points) + max(p[0] for p in points)) / 2 if points else 0.0
    squash = math.cos(math.radians(mid_lat))
    xs = [p[1] * squash for p in points] or [0.0]
    lats = [p[0] for p in points] or [0.0]
    span_x = max(xs) - min(xs)
    span_y = max(lats) - min(lats)
    inner_w = max(width - 1 - 2 * margin, 1)
    inner_h = max(height - 1 - 2 * margin, 1)
    candidates = []
    if span_x > 0:
        candidates.append(inner_w / span_x)
    if span_y > 0:
        candidates.append(CELL_ASPECT * inner_h / span_y)
    # a single place (or places on one spot): show about ten degrees around it
    scale = min(candidates) if candidates else inner_w / 10.0
    used_w = span_x * scale
    used_h = span_y * scale / CELL_ASPECT
    return Projection(
        lon0=min(xs) / squash if squash else 0.0,
        lat0=max(lats),
        x_scale=scale,
        mid_lat=mid_lat,
        col0=margin + (inner_w - used_w) / 2,
        row0=margin + (inner_h - used_h) / 2,
    )


def _free_cell(wanted: Cell, taken: set[Cell], width: int, height: int) -> Cell:
    """`wanted`, or the nearest cell that neither holds nor touches a taken marker."""

    def clear(cell: Cell) -> bool:
        col, row = cell
        return (
            0 <= col < width
            and 0 <= row < height
            and not {(col - 1, row), (col, row), (col + 1, row)} & taken
        )

    if clear(wanted):
        return wanted
    col, row = wanted
    radius = max(width, height)
    offsets = sorted(
        ((dc, dr) for dc in range(-radius, radius + 1) for dr in range(-radius, radius + 1)),
        key=lambda d: (d[0] ** 2 + (CELL_ASPECT * d[1]) ** 2, d[1], d[0]),
    )
    for dc, dr in offsets:
        if clear((col + dc, row + dr)):
            return col + dc, row + dr
    return wanted  # a grid too small to separate them: overlap rather than vanish


def _label_spots(cell: Cell, length: int) -> list[Cell]:
    """Where a label of `length` cells may start, best first: right, left, above, below."""
    col, row = cell
    return [
        (col + 2, row),
        (col - 1 - length, row),
        (col - length // 2, row - 1),
        (col - length // 2, row + 1),
        (col, row - 1),
        (col, row + 1),
        (col - length + 1, row - 1),
        (col - length + 1, row + 1),
    ]


def _shorten(text: str, length: int) -> str:
    return text if len(text) <= length else text[: length - 1].rstrip() + "…"


def place_labels(
    markers: dict[str, Cell], texts: dict[str, str], width: int, height: int
) -> dict[str, tuple[Cell, str]]:
    """A label beside each marker where one fits without touching another; earlier keys
    (in `markers` order) choose first. Labels that fit nowhere are left out."""
    taken: set[Cell] = set(markers.values())
    placed: dict[str, tuple[Cell, str]] = {}
    for key, cell in markers.items():
        full = texts.get(key, "")
        for text in dict.fromkeys((full, _shorten(full, 14), _shorten(full, 8))):
            spot = _first_free_spot(cell, text, taken, width, height)
            if spot is not None:
                placed[key] = (spot, text)
                col, row = spot
                # one blank column either side keeps neighbouring labels apart
                taken.update((c, row) for c in range(col - 1, col + len(text) + 1))
                break
    return placed


def _first_free_spot(
    cell: Cell, text: str, taken: set[Cell], width: int, height: int
) -> Cell | None:
    if not text:
        return None
    for col, row in _label_spots(cell, len(text)):
        if col < 0 or col + len(text) > width or not 0 <= row < height:
            continue
        if any((c, row) in taken for c in range(col, col + len(text))):
            continue
        return col, row
    return None


def scale_bar(km_per_column: float, max_columns: int) -> tuple[int, int] | None:
    """A round distance and its length in columns, at most `max_columns` long."""
    best: tuple[int, int] | None = None
    for km in SCALE_STEPS_KM:
        columns = round(km / km_per_column)
        if 4 <= columns <= max_columns:
            best = (columns, km)
    return best


GRID_STEPS_DEG = (1, 2, 5, 10, 15, 20, 30)


def graticule(
    projection: Projection, width: int, height: int, min_gap: int = 10
) -> tuple[tuple[tuple[int, int], ...], tuple[tuple[int, int], ...]]:
    """Grid lines at round degrees: (column, lon) meridians and (row, lat) parallels,
    at least `min_gap` columns (half as many rows) apart, inside the grid."""
    squash = math.cos(math.radians(projection.mid_lat))
    col_step = next((s for s in GRID_STEPS_DEG if s * squash * projection.x_scale >= min_gap), None)
    row_step = next(
        (s for s in GRID_STEPS_DEG if s * projection.x_scale / CELL_ASPECT >= min_gap / 2), None
    )
    meridians: list[tuple[int, int]] = []
    parallels: list[tuple[int, int]] = []
    if col_step is not None:
        lon = math.ceil((projection.lon0 - 360) / col_step) * col_step
        while lon <= projection.lon0 + 360:
            col, _ = projection.cell(projection.lat0, lon)
            if 0 <= col < width and -180 <= lon <= 180:
                meridians.append((col, lon))
            lon += col_step
    if row_step is not None:
        for lat in range(-90, 91, row_step):
            _, row = projection.cell(lat, projection.lon0)
            if 0 <= row < height:
                parallels.append((row, lat))
    return tuple(meridians), tuple(parallels)


def layout_map(points: Sequence[MapPoint], width: int, height: int) -> MapLayout:
    """Markers for `points` (earlier ones keep their true cell on a clash) and labels."""
    projection = fit_projection([(p.lat, p.lon) for p in points], width, height)
    markers: dict[str, Cell] = {}
    for point in points:
        wanted = projection.cell(point.lat, point.lon)
        markers[point.key] = _free_cell(wanted, set(markers.values()), width, height)
    labels = place_labels(markers, {p.key: p.label for p in points}, width, height)
    scale = scale_bar(projection.km_per_column, max(width // 3, 4)) if len(points) > 1 else None
    meridians, parallels = graticule(projection, width, height)
    return MapLayout(width, height, markers, labels, scale, meridians, parallels)


def distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """The great-circle distance between two points, in kilometres."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp = p2 - p1
    dl = math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(min(1.0, math.sqrt(a)))
