"""A message the player reads and dismisses (OK, Enter or Escape)."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Button, Static

from cosmodrome.safetext import printable


class MessageDialog(ModalScreen[None]):
    """Shows `message` until the player dismisses it."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,enter", "close", "OK", id="message.ok"),
    ]

    def __init__(self, message: str) -> None:
        super().__init__(classes="dialog-screen")
        self.message = message

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static(Content(printable(self.message)), classes="dialog-question")
            with Horizontal(classes="dialog-buttons"):
                yield Button(Content("OK"), id="ok", variant="primary")

    def on_mount(self) -> None:
        self.query_one("#ok", Button).focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.dismiss(None)

    def action_close(self) -> None:
        self.dismiss(None)
