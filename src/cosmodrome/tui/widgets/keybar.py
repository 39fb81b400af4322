"""The keys of the current screen, on the bottom line: what Textual's `Footer` shows
(a key and what it does, dimmed when it cannot be used now, clickable, with the
command palette's key on the right), drawn by one widget.

`Footer` makes a widget per key and builds them again whenever the keys change;
on the game's screens those widgets were about 2 MB of its memory. Here the keys
are worked out as the line is drawn, so a change of keys costs no extra frame.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from rich.segment import Segment
from rich.style import Style
from textual import events
from textual.binding import Binding
from textual.screen import Screen
from textual.strip import Strip
from textual.widget import Widget

PALETTE_RULE = "▏"  # between the keys and the command palette's key, as Footer draws it


@dataclass(frozen=True, slots=True)
class ShownKey:
    """One key on the bar: the key to simulate, its label's two parts, where it is drawn."""

    key: str
    display: str
    description: str
    enabled: bool
    tooltip: str
    start: int = 0
    lead: int = 1  # blank cells before the key (none for the palette's, after its rule)

    @property
    def width(self) -> int:
        # " key description " as Footer pads them: a cell either side of the key, one after
        label = len(self.display) + 1 + (len(self.description) + 1 if self.description else 0)
        return self.lead + label

    def at(self, start: int, lead: int = 1) -> ShownKey:
        return ShownKey(
            self.key, self.display, self.description, self.enabled, self.tooltip, start, lead
        )


def shown_keys(
    bindings: list[tuple[Binding, bool, str]], display: dict[str, str]
) -> list[ShownKey]:
    """The keys to show for `bindings` (each with whether it is enabled now and its
    tooltip), one per action as Footer does: the first key bound to it, in order."""
    seen: set[str] = set()
    keys: list[ShownKey] = []
    for binding, enabled, tooltip in bindings:
        if not binding.show or binding.action in seen:
            continue
        seen.add(binding.action)
        keys.append(
            ShownKey(
                binding.key,
                display[binding.key],
                binding.description,
                enabled,
                tooltip or binding.tooltip,
            )
        )
    return keys


class KeyBar(Widget, can_focus=False):
    """The screen's keys. A click on one presses it (a disabled one rings the bell)."""

    ALLOW_SELECT = False
    DEFAULT_CSS = """
    KeyBar {
        dock: bottom;
        height: 1;
        color: $footer-foreground;
        background: $footer-background;
        & > .keybar--key {
            color: $footer-key-foreground;
            background: $footer-key-background;
            text-style: bold;
        }
        & > .keybar--description {
            color: $footer-description-foreground;
            background: $footer-description-background;
        }
        & > .keybar--hover {
            color: $footer-key-foreground;
            background: $block-hover-background;
        }
        & > .keybar--palette {
            color: $foreground 20%;
        }
    }
    """

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "keybar--key",
        "keybar--description",
        "keybar--hover",
        "keybar--palette",
    }

    def __init__(self, *, show_command_palette: bool = True, id: str | None = None) -> None:
        super().__init__(id=id)
        self.show_command_palette = show_command_palette
        self._keys: list[ShownKey] | None = None  # None: to be worked out at the next draw
        self._palette: ShownKey | None = None
        self._hover: ShownKey | None = None

    def on_mount(self) -> None:
        self.screen.bindings_updated_signal.subscribe(self, self._bindings_changed)

    def on_unmount(self) -> None:
        self.screen.bindings_updated_signal.unsubscribe(self)

    def _bindings_changed(self, screen: Screen[object]) -> None:
        self._keys = None
        self.refresh()

    # -- what is shown ------------------------------------------------------------

    @property
    def keys(self) -> list[ShownKey]:
        """The keys on the bar now, the command palette's last (when it is shown)."""
        self._work_out()
        assert self._keys is not None
        return [*self._keys, *([self._palette] if self._palette else [])]

    def _work_out(self) -> None:
        if self._keys is not None:
            return
        active = self.screen.active_bindings
        listed = [(b.binding, b.enabled, b.tooltip) for b in active.values()]
        display = {b.binding.key: self.app.get_key_display(b.binding) for b in active.values()}
        palette_key = self.app.COMMAND_PALETTE_BINDING
        palette = active.get(palette_key)
        wanted = self.show_command_palette and self.app.ENABLE_COMMAND_PALETTE
        keys = shown_keys([item for item in listed if item[0].key != palette_key], display)
        start = 0
        placed: list[ShownKey] = []
        for key in keys:
            placed.append(key.at(start))
            start += key.width
        self._keys = placed
        self._palette = None
        if wanted and palette is not None:
            binding = palette.binding  # not `show`n among the keys: it has its own place
            shown = ShownKey(
                binding.key,
                display[binding.key],
                binding.description,
                palette.enabled,
                palette.tooltip or binding.tooltip or binding.description,
            )
            width = shown.width - 1  # drawn straight after its rule
            self._palette = shown.at(max(start + 1, self.size.width - width), lead=0)

    def _key_at(self, x: int) -> ShownKey | None:
        return next((k for k in self.keys if k.start <= x < k.start + k.width), None)

    # -- drawing ------------------------------------------------------------------

    def render_line(self, y: int) -> Strip:
        width = self.size.width
        base = self.rich_style
        if y != 0:
            return Strip.blank(width, base)
        key_style = base + self.get_component_rich_style("keybar--key")
        text_style = base + self.get_component_rich_style("keybar--description")
        hover = self.get_component_rich_style("keybar--hover")
        segments: list[Segment] = []
        x = 0
        for key in self.keys:
            if key is self._palette:
                gap = key.start - 1 - x
                segments.append(Segment(" " * gap, base))
                rule = base + self.get_component_rich_style("keybar--palette")
                segments.append(Segment(PALETTE_RULE, rule))
            mood = Style(dim=not key.enabled)
            mood = mood + hover if key == self._hover else mood
            segments.append(Segment(f"{' ' * key.lead}{key.display} ", key_style + mood))
            if key.description:
                segments.append(Segment(f"{key.description} ", text_style + mood))
            x = key.start + key.width
        return Strip(segments).adjust_cell_length(width, base)

    # -- the mouse ----------------------------------------------------------------

    def on_mouse_move(self, event: events.MouseMove) -> None:
        self._hover_over(self._key_at(event.x))

    def on_leave(self, event: events.Leave) -> None:
        self._hover_over(None)

    def _hover_over(self, key: ShownKey | None) -> None:
        if key != self._hover:
            self._hover = key
            self.tooltip = key.tooltip or None if key else None
            self.refresh()

    def on_mouse_down(self, event: events.MouseDown) -> None:
        key = self._key_at(event.x)
        if key is None:
            return
        if key.enabled:
            self.app.simulate_key(key.key)
        else:
            self.app.bell()

    def on_resize(self, event: events.Resize) -> None:
        self._keys = None  # the palette's key keeps to the right edge
