"""What the archive, map and timeline screens share: a heading, keys to hop between them."""

from __future__ import annotations

from typing import ClassVar

from textual.binding import Binding, BindingType

from cosmodrome.tui.screens.base import GameScreen


class InfoScreen(GameScreen):
    """A screen consulted during play; Escape goes back to the story."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,q", "app.pop_screen", "Back", id="info.back"),
        Binding("a", "app.archive", "Archive", id="info.archive"),
        Binding("m", "app.map", "Map", id="info.map"),
        Binding("t", "app.timeline", "Timeline", id="info.timeline"),
    ]
