"""Asks for a name (a save slot, a file) in a modal dialog; the result is the name or None."""

from __future__ import annotations

from collections.abc import Callable
from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Input, Static

from cosmodrome.safetext import printable

Check = Callable[[str], str | None]  # a typed name -> why it is refused, or None


class NamePrompt(ModalScreen[str | None]):
    """A question, a text field and a line for problems. Enter submits, Escape cancels.

    `check` refuses a name with a reason shown under the field, so a bad name
    never closes the dialog.
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Cancel", id="prompt.cancel")
    ]

    def __init__(
        self, question: str, value: str = "", check: Check | None = None, placeholder: str = ""
    ) -> None:
        super().__init__(classes="dialog-screen")
        self.question = question
        self.value = value
        self.check = check
        self.placeholder = placeholder

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static(Content(printable(self.question)), classes="dialog-question")
            yield Input(self.value, placeholder=self.placeholder, id="name")
            yield Static("", id="problem", classes="dialog-problem")
            yield Static("Enter to confirm · Escape to cancel", classes="dialog-hint")

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        name = event.value.strip()
        problem = "Type a name first." if not name else self.check(name) if self.check else None
        if problem:
            shown = self.query_one("#problem", Static)
            shown.update(Content(problem))
            shown.display = True
            return
        self.dismiss(name)

    def on_input_changed(self, event: Input.Changed) -> None:
        self.query_one("#problem", Static).display = False

    def action_cancel(self) -> None:
        self.dismiss(None)
