"""The timeline screen: the story's eras in order and where the player is."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.content import Content
from textual.widgets import Footer, Static

from cosmodrome.engine.progress import era_marks
from cosmodrome.tui.screens.info import InfoScreen
from cosmodrome.tui.widgets.timeline import CURRENT, UNVISITED, VISITED, TimelineView


class TimelineScreen(InfoScreen):
    """One stop per era: ◉ you are here, ● visited, ○ not yet."""

    def compose(self) -> ComposeResult:
        marks = era_marks(self.session.story, self.session.require())
        visited = sum(1 for m in marks if m.visited)
        yield Static("Timeline", classes="screen-title")
        with VerticalScroll(id="timeline"):
            yield TimelineView(marks, id="timeline-view")
        legend = f"{CURRENT} you are here   {VISITED} visited   {UNVISITED} not yet"
        if marks:
            legend += f"   ·   {visited} of {len(marks)} eras visited"
        yield Static(Content(legend), classes="legend")
        yield Footer()
