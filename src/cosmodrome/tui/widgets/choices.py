"""The choices of the current passage: a list operated by number keys, arrows or mouse.

Drawn line by line, and its height is known as the screen is laid out: a move
redraws the list in the same frame as the passage, with no second layout pass.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import ClassVar

from textual import events
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.content import Content
from textual.geometry import Region, Size
from textual.message import Message
from textual.strip import Strip
from textual.visual import Visual
from textual.widget import Widget

from cosmodrome.engine.passages import ChoiceView
from cosmodrome.safetext import printable

ENDING_OPTION = "ending"
PADDING = 1  # cells left and right of each option's text


@dataclass(frozen=True, slots=True)
class ChoiceOption:
    """One line of the list: `id` is "choice:<stable key>" or the ending's option."""

    id: str
    prompt: Content
    disabled: bool = False


class ChoicesBox(VerticalScroll, can_focus=False):
    """Holds the list, and scrolls it when it is taller than its share of the screen."""

    def _size_updated(
        self, size: Size, virtual_size: Size, container_size: Size, layout: bool = True
    ) -> bool:
        # as the list's: sized in this layout, no second pass (scrollbars appearing or
        # going still ask for one)
        return super()._size_updated(size, virtual_size, container_size, layout=False)


class ChoiceList(Widget, can_focus=True):
    """Available choices can be selected; locked ones are shown disabled with their reason.

    Page up / page down are left to the play screen, which scrolls the transcript.
    """

    DEFAULT_CSS = """
    ChoiceList {
        height: auto;
        & > .choice-list--highlighted {
            color: $block-cursor-blurred-foreground;
            background: $block-cursor-blurred-background;
            text-style: $block-cursor-blurred-text-style;
        }
        &:focus > .choice-list--highlighted {
            color: $block-cursor-foreground;
            background: $block-cursor-background;
            text-style: $block-cursor-text-style;
        }
        & > .choice-list--disabled {
            color: $text-disabled;
        }
        & > .choice-list--hover {
            background: $block-hover-background;
        }
    }
    """

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "choice-list--number",
        "choice-list--highlighted",
        "choice-list--disabled",
        "choice-list--hover",
    }

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("down", "cursor_down", "Down", show=False),
        Binding("up", "cursor_up", "Up", show=False),
        Binding("home", "first", "First", show=False),
        Binding("end", "last", "Last", show=False),
        Binding("enter", "select", "Select", show=False),
    ]

    class Chosen(Message):
        """The player picked the choice with stable `key`."""

        def __init__(self, key: str) -> None:
            super().__init__()
            self.key = key

    class EndingSeen(Message):
        """The player asked to see how the story ended."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._options: list[ChoiceOption] = []
        self._highlighted: int | None = None
        self._hover: int | None = None
        self._width = 0  # the width `_rows` is laid out at
        self._rows: list[tuple[int, int]] = []  # per line: the option, and its line in it
        self._tops: list[int] = []  # per option: its first line
        self._strips: dict[tuple[int, str], list[Strip]] = {}  # per option and look

    # -- what is shown ------------------------------------------------------------

    @property
    def options(self) -> list[ChoiceOption]:
        return list(self._options)

    @property
    def highlighted(self) -> int | None:
        """The index of the highlighted option (None: none can be taken)."""
        return self._highlighted

    @highlighted.setter
    def highlighted(self, index: int | None) -> None:
        if index is not None and not 0 <= index < len(self._options):
            index = None
        if index != self._highlighted:
            self._highlighted = index
            self.refresh()
            self._scroll_to_highlight()

    def show_choices(self, choices: Sequence[ChoiceView]) -> None:
        """Replace the options with `choices`, highlighting the first available one."""
        options = []
        number = self.get_visual_style("choice-list--number", partial=True)
        for view in choices:
            if view.available:
                prompt = Content.assemble((f"{view.number}. ", number), printable(view.text))
            else:
                prompt = Content.assemble(
                    f"{view.number}. ", printable(f"{view.text}  — locked: {view.reason}")
                )
            options.append(ChoiceOption(f"choice:{view.key}", prompt, not view.available))
        self._set_options(options)

    def show_ending(self) -> None:
        """The story has ended: one option leads to the ending screen."""
        self._set_options([ChoiceOption(ENDING_OPTION, Content("See how your story ended  ⏎"))])

    def _set_options(self, options: list[ChoiceOption]) -> None:
        rows, width = len(self._rows), self._width
        self._options = options
        self._forget_layout()
        self._highlighted = next((i for i, o in enumerate(options) if not o.disabled), None)
        self._hover = None
        if width:
            self._lay_out(width)
        # a new layout of the screen only when the list's height changes
        self.refresh(layout=not width or len(self._rows) != rows)
        self._scroll_to_highlight()

    # -- layout and drawing ---------------------------------------------------------

    def _forget_layout(self) -> None:
        self._width = 0
        self._strips.clear()

    def _lay_out(self, width: int) -> None:
        """Work out which option each line belongs to, at `width`."""
        if width == self._width and self._rows:
            return
        self._forget_layout()
        self._width = width
        rows: list[tuple[int, int]] = []
        tops: list[int] = []
        for index in range(len(self._options)):
            tops.append(len(rows))
            rows += [(index, line) for line in range(len(self._option_lines(index, "", width)))]
        self._rows, self._tops = rows, tops

    def _option_lines(self, index: int, look: str, width: int) -> list[Strip]:
        """The lines of option `index` drawn in `look` (a component class, or "")."""
        key = (index, look)
        strips = self._strips.get(key)
        if strips is None:
            style = self.visual_style
            if look:
                style += self.get_visual_style(look)
            text = max(1, width - 2 * PADDING)
            lines = Visual.to_strips(self, self._options[index].prompt, text, None, style)
            pad = Strip.blank(PADDING, style.rich_style)
            strips = [
                Strip.join([pad, line]).extend_cell_length(width, style.rich_style)
                for line in lines
            ]
            self._strips[key] = strips
        return strips

    def get_content_width(self, container: Size, viewport: Size) -> int:
        return container.width

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        self._lay_out(width)
        return len(self._rows)

    def _size_updated(
        self, size: Size, virtual_size: Size, container_size: Size, layout: bool = True
    ) -> bool:
        # the list's height was worked out in this very layout: a new size needs no second
        # layout pass (Textual's default), which would cost every move a second frame
        return super()._size_updated(size, virtual_size, container_size, layout=False)

    def render_line(self, y: int) -> Strip:
        width = self.content_region.width
        self._lay_out(width)
        if not 0 <= y < len(self._rows):
            return Strip.blank(width, self.rich_style)
        index, line = self._rows[y]
        return self._option_lines(index, self._look(index), width)[line]

    def _look(self, index: int) -> str:
        if self._options[index].disabled:
            return "choice-list--disabled"
        if index == self._highlighted:
            return "choice-list--highlighted"
        if index == self._hover:
            return "choice-list--hover"
        return ""

    def notify_style_update(self) -> None:
        super().notify_style_update()
        self._strips.clear()  # focus, theme: the looks of the options changed

    def _scroll_to_highlight(self) -> None:
        """Keep the highlighted option in view when the list is taller than its box."""
        index = self._highlighted
        parent = self.parent
        if index is None or not isinstance(parent, Widget) or not self._rows:
            return
        if index >= len(self._tops):
            return
        top = self._tops[index]
        bottom = self._tops[index + 1] if index + 1 < len(self._tops) else len(self._rows)
        box = self.virtual_region
        region = Region(box.x, box.y + top, self._width, bottom - top)
        parent.scroll_to_region(region, animate=False, immediate=True)

    # -- the player's hands ---------------------------------------------------------

    def _option_at(self, event: events.MouseEvent) -> int | None:
        offset = event.get_content_offset(self)
        if offset is None or not 0 <= offset.y < len(self._rows):
            return None
        return self._rows[offset.y][0]

    def on_click(self, event: events.Click) -> None:
        index = self._option_at(event)
        if index is not None and not self._options[index].disabled:
            self.highlighted = index
            self.action_select()

    def on_mouse_move(self, event: events.MouseMove) -> None:
        index = self._option_at(event)
        if index != self._hover:
            self._hover = index
            self.refresh()

    def on_leave(self, event: events.Leave) -> None:
        if self._hover is not None:
            self._hover = None
            self.refresh()

    def _step(self, start: int, direction: int) -> None:
        """Highlight the next option that can be taken from `start` in `direction`."""
        index = start
        while 0 <= index < len(self._options):
            if not self._options[index].disabled:
                self.highlighted = index
                return
            index += direction

    def action_cursor_down(self) -> None:
        current = self._highlighted
        self._step(0 if current is None else current + 1, 1)

    def action_cursor_up(self) -> None:
        current = self._highlighted
        self._step(len(self._options) - 1 if current is None else current - 1, -1)

    def action_first(self) -> None:
        self._step(0, 1)

    def action_last(self) -> None:
        self._step(len(self._options) - 1, -1)

    def action_select(self) -> None:
        index = self._highlighted
        if index is None or self._options[index].disabled:
            return
        option_id = self._options[index].id
        if option_id == ENDING_OPTION:
            self.post_message(self.EndingSeen())
        elif option_id.startswith("choice:"):
            self.post_message(self.Chosen(option_id.removeprefix("choice:")))
