"""Shown instead of the game while the terminal is too small to draw it properly."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Center, Middle
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Static


def too_small_text(width: int, height: int, min_width: int, min_height: int) -> str:
    """What the player reads: the size they have, the size needed, what to do."""
    return (
        f"The terminal is too small: {width}×{height}.\n"
        f"Cosmodrome needs at least {min_width}×{min_height}.\n\n"
        "Enlarge the window (or make the font smaller) to go on playing; "
        "your game is safe.\nctrl+q quits."
    )


class TooSmallScreen(ModalScreen[None]):
    """Covers everything; the app pops it when the terminal is large enough again. A
    cover that another screen was pushed over is `stale`: it goes as soon as it is on
    top again, since the app has pushed a fresh one on top of that screen."""

    def __init__(self, min_width: int, min_height: int) -> None:
        super().__init__(classes="too-small")
        self.min_width = min_width
        self.min_height = min_height
        self.stale = False

    def on_screen_resume(self) -> None:
        if self.stale:
            self.dismiss()

    def compose(self) -> ComposeResult:
        with Middle(), Center():
            yield Static(id="too-small-text")

    def on_mount(self) -> None:
        self.show_size(self.app.size.width, self.app.size.height)

    def show_size(self, width: int, height: int) -> None:
        text = too_small_text(width, height, self.min_width, self.min_height)
        self.query_one("#too-small-text", Static).update(Content(text))
