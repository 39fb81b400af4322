"""The map screen: a drawn map of the places, and a legend listing every place."""

from __future__ import annotations

from collections.abc import Sequence

from textual.app import ComposeResult
from textual.containers import Horizontal, VerticalScroll
from textual.content import Content
from textual.widgets import Footer, Static

from cosmodrome.engine.progress import PlaceMark, place_marks
from cosmodrome.safetext import printable
from cosmodrome.tui.geometry import distance_km
from cosmodrome.tui.screens.info import InfoScreen
from cosmodrome.tui.widgets.map import CURRENT, UNVISITED, VISITED, MapView, place_symbol

LegendEntry = tuple[str, str | None]  # (symbol and name, details)


def legend_entries(marks: Sequence[PlaceMark]) -> tuple[list[LegendEntry], list[LegendEntry]]:
    """The places on the map, each with its region and straight-line distance from where
    the player is; then the places the map cannot show (no latitude and longitude)."""
    here = next((m.place for m in marks if m.current), None)
    mapped: list[LegendEntry] = []
    unmapped: list[LegendEntry] = []
    for mark in marks:
        place = mark.place
        name = f"{place_symbol(mark)} {place.name}"
        details = [place.region] if place.region else []
        if place.lat is None or place.lon is None:
            unmapped.append((name, " · ".join(details) or None))
            continue
        if mark.current:
            details.append("you are here")
        elif here is not None and here.lat is not None and here.lon is not None:
            km = distance_km(here.lat, here.lon, place.lat, place.lon)
            details.append(f"{round(km):,} km")
        mapped.append((name, " · ".join(details) or None))
    return mapped, unmapped


def _legend(entries: list[LegendEntry]) -> ComposeResult:
    for name, details in entries:
        yield Static(Content(printable(name)), classes="legend-name")
        if details:
            yield Static(Content(printable(details)), classes="legend-details")


class MapScreen(InfoScreen):
    """◉ you are here, ● visited, ○ not yet; distances are as the crow flies."""

    def compose(self) -> ComposeResult:
        marks = place_marks(self.session.story, self.session.require())
        yield Static("Map", classes="screen-title")
        with Horizontal(id="map-body"):
            yield MapView(marks, id="map")
            with VerticalScroll(id="map-legend"):
                mapped, unmapped = legend_entries(marks)
                yield Static("Places", classes="legend-heading")
                yield from _legend(mapped)
                if unmapped:
                    yield Static("Not on the map", classes="legend-heading")
                    yield from _legend(unmapped)
        legend = f"{CURRENT} you are here   {VISITED} visited   {UNVISITED} not yet"
        yield Static(Content(f"{legend}   ·   distances as the crow flies"), classes="legend")
        yield Footer()
