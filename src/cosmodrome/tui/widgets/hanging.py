"""A label and a text whose wrapped lines start under the text, not under the label: a
hanging indent, as a Textual `Visual` (Textual's wrapping has none of its own)."""

from __future__ import annotations

from textual.content import Content
from textual.css.styles import RulesMap
from textual.strip import Strip
from textual.style import Style
from textual.visual import RenderOptions, Visual


class Hanging(Visual):
    """`label` and a space, then `body` wrapped in the columns left; each further line of
    `body` (its wrapped lines and its own lines) starts under its first letter."""

    def __init__(self, label: Content, body: Content) -> None:
        self.label = label
        self.body = body
        self.indent = label.cell_length + 1

    def get_optimal_width(self, rules: RulesMap, container_width: int) -> int:
        return self.indent + self.body.get_optimal_width(rules, container_width - self.indent)

    def get_height(self, rules: RulesMap, width: int) -> int:
        return self.body.get_height(rules, max(1, width - self.indent))

    def render_strips(
        self, width: int, height: int | None, style: Style, options: RenderOptions
    ) -> list[Strip]:
        text_width = max(1, width - self.indent)
        lines = self.body.render_strips(text_width, None, style, options)
        label = self.label.render_strips(self.indent, 1, style, options)[0]
        label = label.extend_cell_length(self.indent, style.rich_style)
        margin = Strip.blank(self.indent, style.rich_style)
        strips = [
            Strip.join([label if row == 0 else margin, line]).extend_cell_length(
                width, style.rich_style
            )
            for row, line in enumerate(lines)
        ]
        return strips if height is None else strips[:height]
