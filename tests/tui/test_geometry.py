"""The map's arithmetic: projection, clashes, labels, scale, distances, the drawing."""

from __future__ import annotations

import itertools

import pytest

from cosmodrome.tui.cartography import draw_map, runs, scale_text
from cosmodrome.tui.geometry import (
    MapPoint,
    distance_km,
    fit_projection,
    graticule,
    layout_map,
    place_labels,
    scale_bar,
)

VOSTOCHNY = MapPoint("vostochny", 51.88, 128.33, "Vostochny cosmodrome")
SVOBODNY = MapPoint("svobodny", 51.71, 128.12, "Svobodny-18")
VLADIVOSTOK = MapPoint("vladivostok", 43.12, 131.89, "Vladivostok")
BAIKONUR = MapPoint("baikonur", 45.96, 63.31, "Baikonur")
ALL = [VOSTOCHNY, SVOBODNY, VLADIVOSTOK, BAIKONUR]


@pytest.mark.parametrize(("width", "height"), [(48, 18), (60, 16), (100, 34), (20, 6)])
def test_every_place_lands_inside_the_grid(width: int, height: int) -> None:
    projection = fit_projection([(p.lat, p.lon) for p in ALL], width, height)
    for point in ALL:
        col, row = projection.cell(point.lat, point.lon)
        assert 0 <= col < width
        assert 0 <= row < height


def test_projection_keeps_west_east_and_north_south() -> None:
    projection = fit_projection([(p.lat, p.lon) for p in ALL], 60, 20)
    baikonur = projection.cell(BAIKONUR.lat, BAIKONUR.lon)
    vostochny = projection.cell(VOSTOCHNY.lat, VOSTOCHNY.lon)
    vladivostok = projection.cell(VLADIVOSTOK.lat, VLADIVOSTOK.lon)
    assert baikonur[0] < vostochny[0]  # Baikonur is far to the west
    assert vostochny[0] - baikonur[0] > 30
    assert vladivostok[1] > vostochny[1]  # Vladivostok is south: lower on the screen


def test_the_widest_span_fills_the_width() -> None:
    projection = fit_projection([(p.lat, p.lon) for p in ALL], 60, 40, margin=1)
    west = projection.cell(BAIKONUR.lat, BAIKONUR.lon)[0]
    east = projection.cell(VLADIVOSTOK.lat, VLADIVOSTOK.lon)[0]
    assert (west, east) == (1, 58)


def test_a_single_place_sits_in_the_middle() -> None:
    projection = fit_projection([(VOSTOCHNY.lat, VOSTOCHNY.lon)], 41, 21)
    assert projection.cell(VOSTOCHNY.lat, VOSTOCHNY.lon) == (20, 10)


def test_places_on_the_same_cell_are_pulled_apart() -> None:
    layout = layout_map(ALL, 60, 16)
    vostochny = layout.markers["vostochny"]
    svobodny = layout.markers["svobodny"]
    assert vostochny != svobodny
    # never side by side either, so both markers stay readable
    assert not (vostochny[1] == svobodny[1] and abs(vostochny[0] - svobodny[0]) < 2)
    # the first point keeps its true cell
    projection = fit_projection([(p.lat, p.lon) for p in ALL], 60, 16)
    assert vostochny == projection.cell(VOSTOCHNY.lat, VOSTOCHNY.lon)


def test_labels_never_overlap_each_other_or_markers() -> None:
    layout = layout_map(ALL, 60, 16)
    taken: set[tuple[int, int]] = set(layout.markers.values())
    for (col, row), text in layout.labels.values():
        cells = {(c, row) for c in range(col, col + len(text))}
        assert not cells & taken
        assert col >= 0 and col + len(text) <= 60
        taken |= cells


def test_a_label_that_fits_nowhere_is_shortened_or_left_out() -> None:
    markers = {"a": (5, 0), "b": (5, 1), "c": (5, 2)}
    texts = {"a": "A very long name indeed", "b": "B", "c": "C"}
    placed = place_labels(markers, texts, 16, 3)
    assert placed["a"] == ((7, 0), "A very…")  # cut to fit on the right
    assert placed["b"] == ((7, 1), "B")
    narrow = place_labels(markers, texts, 12, 3)
    assert "a" not in narrow  # fits nowhere, even shortened: the legend still lists it
    assert narrow["b"] == ((7, 1), "B")


def test_scale_bar_picks_a_round_distance_that_fits() -> None:
    assert scale_bar(100.0, 20) == (20, 2000)
    assert scale_bar(100.0, 12) == (10, 1000)
    assert scale_bar(5000.0, 20) is None  # even 10,000 km is under four columns


def test_distances_are_great_circle_kilometres() -> None:
    assert distance_km(51.88, 128.33, 43.12, 131.89) == pytest.approx(1010, abs=5)
    assert distance_km(51.88, 128.33, 45.96, 63.31) == pytest.approx(4636, abs=10)
    assert distance_km(10.0, 20.0, 10.0, 20.0) == 0.0


def test_grid_lines_are_round_degrees_inside_the_grid() -> None:
    projection = fit_projection([(p.lat, p.lon) for p in ALL], 60, 16)
    meridians, parallels = graticule(projection, 60, 16)
    assert meridians
    assert parallels
    assert all(0 <= col < 60 and lon % 5 == 0 for col, lon in meridians)
    assert all(0 <= row < 16 and lat % 5 == 0 for row, lat in parallels)
    columns = [col for col, _ in meridians]
    assert all(b - a >= 10 for a, b in itertools.pairwise(columns))


def test_the_drawing_shows_markers_labels_degrees_and_the_scale() -> None:
    markers = {"vostochny": ("◉", "current"), "baikonur": ("●", "visited")}
    drawing = draw_map(ALL, markers, 60, 18)
    assert len(drawing) == 18
    assert all(len(row) == 60 for row in drawing)
    text = "\n".join("".join(char for char, _ in row) for row in drawing)
    assert text.count("◉") == 1
    assert "Vostochny cosmodrome" in text
    assert "Baikonur" in text
    assert "°E" in drawing_row(drawing, 0)
    assert drawing_row(drawing, 17).startswith("├")
    assert "km" in drawing_row(drawing, 17)
    tags = {tag for row in drawing for _, tag in row}
    assert {"current", "visited", "label", "grid"} <= tags


def drawing_row(drawing: list[list[tuple[str, str]]], row: int) -> str:
    return "".join(char for char, _ in drawing[row])


def test_degree_labels_give_way_to_places() -> None:
    drawing = draw_map(ALL, {}, 48, 18)
    for row in drawing[1:-1]:
        line = "".join(char for char, _ in row)
        if "°N" in line:
            start = line.index("°N") - 2
            assert all(tag == "grid" for _, tag in row[start : start + 4])


def test_runs_join_neighbours_with_the_same_tag() -> None:
    row = [("a", ""), ("b", ""), ("●", "current"), (" ", ""), ("x", "label"), ("y", "label")]
    assert runs(row) == [("ab", ""), ("●", "current"), (" ", ""), ("xy", "label")]


def test_scale_text_is_empty_without_a_scale() -> None:
    assert scale_text(layout_map([VOSTOCHNY], 40, 10)) == ""
    assert scale_text(layout_map(ALL, 60, 16)).endswith(" km")
