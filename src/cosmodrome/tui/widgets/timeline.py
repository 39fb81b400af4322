"""The timeline: the story's eras in order, which were visited and where the player is."""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar

from textual.content import Content
from textual.widget import Widget

from cosmodrome.engine.progress import EraMark
from cosmodrome.safetext import printable
from cosmodrome.wording import era_name

CURRENT, VISITED, UNVISITED = "◉", "●", "○"


def era_symbol(mark: EraMark) -> str:
    """The marker of an era: ◉ you are here, ● visited, ○ not yet."""
    if mark.current:
        return CURRENT
    return VISITED if mark.visited else UNVISITED


class TimelineView(Widget):
    """A vertical rail with one stop per era, oldest at the top."""

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "timeline--current",
        "timeline--visited",
        "timeline--unvisited",
        "timeline--rail",
        "timeline--note",
    }

    def __init__(self, marks: Sequence[EraMark], *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.marks = list(marks)

    def set_marks(self, marks: Sequence[EraMark]) -> None:
        self.marks = list(marks)
        self.refresh(layout=True)

    def render(self) -> Content:
        if not self.marks:
            return Content("This story has no eras.")
        style = self.get_visual_style
        rail = style("timeline--rail", partial=True)
        note = style("timeline--note", partial=True)
        lines: list[Content] = []
        for index, mark in enumerate(self.marks):
            kind = "current" if mark.current else "visited" if mark.visited else "unvisited"
            look = style(f"timeline--{kind}", partial=True)
            tag = (
                "  ◂ you are here" if mark.current else "" if mark.visited else "  not visited yet"
            )
            lines.append(
                Content.assemble(
                    (f" {era_symbol(mark)} ", look),
                    (printable(era_name(mark.era)), look),
                    (tag, note),
                )
            )
            last = index == len(self.marks) - 1
            stem = "   " if last else " │ "
            if mark.places:
                names = printable(", ".join(place.name for place in mark.places))
                lines.append(Content.assemble((stem, rail), (f"  {names}", note)))
            if not last:
                lines.append(Content.assemble((stem, rail)))
        return Content("\n").join(lines)
