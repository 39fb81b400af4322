"""The author's inspector (`play --watch`): the state's variables, visits and facts, the
node's text blocks and inline conditions with why each shows, and each choice of the
node with its condition and why it is shown, locked or hidden.

It only lays out an `Inspection`; the engine (`engine.explain`) decides the reasons.
"""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.content import Content
from textual.style import Style
from textual.widgets import Static

from cosmodrome.engine.explain import ChoiceExplanation, ChoiceStatus, Inspection
from cosmodrome.safetext import printable
from cosmodrome.story.expr import Value

Part = str | tuple[str, str | Style]


def literal(value: Value) -> str:
    """A value as the story's expressions write it: `true`, `3`, `"Sasha"`."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'


class Inspector(VerticalScroll, can_focus=False):
    """A side panel, hidden until the author opens it."""

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "inspector--heading",
        "inspector--muted",
        "inspector--shown",
        "inspector--locked",
        "inspector--hidden",
    }

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.text = ""  # everything shown, as plain text (for tests and screen readers)

    def compose(self) -> ComposeResult:
        yield Static(Content(""), id="inspector-body")

    def _style(self, name: str) -> Style:
        return self.get_visual_style(f"inspector--{name}", partial=True)

    def show(self, inspection: Inspection) -> None:
        """Lay out `inspection`."""
        heading, muted = self._style("heading"), self._style("muted")
        parts: list[Part] = [("Node ", heading), (inspection.node, heading)]
        width = max((len(name) for name, _, _ in inspection.variables), default=0)
        parts.append(("\n\nVariables", heading))
        for name, value, default in inspection.variables:
            parts.append(f"\n  {name:<{width}}  {literal(value)}")
            if value != default or type(value) is not type(default):
                parts.append((f"  (default {literal(default)})", muted))
        if not inspection.variables:
            parts.append(("\n  none declared", muted))
        parts.append(("\n\nVisits", heading))
        width = max((len(node) for node, _ in inspection.visits), default=0)
        parts += [f"\n  {node:<{width}}  {count}" for node, count in inspection.visits]
        parts.append(("\n\nFacts known", heading))
        parts += [f"\n  {fact}" for fact in inspection.facts]
        if not inspection.facts:
            parts.append(("\n  none yet", muted))
        if inspection.text:
            parts.append(("\n\nText here", heading))
            for text in inspection.text:
                style = self._style("shown" if text.shown else "hidden")
                parts += [f"\n  {text.what}", (f"\n     {text.why}", style)]
        parts.append(("\n\nChoices here", heading))
        for explained in inspection.choices:
            parts += self._choice(explained)
        if not inspection.choices:
            parts.append(("\n  none (an ending)", muted))
        safe = [printable(p) if isinstance(p, str) else (printable(p[0]), p[1]) for p in parts]
        content = Content.assemble(*safe)  # names and values come from the story and the save
        self.text = content.plain
        self.query_one("#inspector-body", Static).update(content)

    def _choice(self, explained: ChoiceExplanation) -> list[Part]:
        choice = explained.choice
        number = f"{explained.number}." if explained.number is not None else "–"
        status = self._style(explained.status.value)
        parts: list[Part] = [
            f"\n  {number:<3} ",
            (f"{explained.status.value.upper():<6}", status),
            f" {explained.key} → {choice.goto}",
        ]
        if choice.once:
            parts.append(("  once", self._style("muted")))
        if explained.condition is not None:
            parts.append(f"\n     if {explained.condition}")
        if explained.inputs:
            values = ", ".join(f"{name} = {literal(value)}" for name, value in explained.inputs)
            parts.append((f"\n     {values}", self._style("muted")))
        if explained.status is not ChoiceStatus.SHOWN or explained.condition is not None:
            parts.append((f"\n     {explained.why}", status))
        return parts
