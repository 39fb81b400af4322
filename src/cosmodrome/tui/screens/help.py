"""The help screen: every key binding of the game, read from the bindings themselves."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace
from typing import Any, ClassVar

from textual.app import App, ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.content import Content
from textual.widgets import Static

from cosmodrome.tui.screens.base import GameModal


def binding_rows(app: App[Any], bindings: Iterable[BindingType]) -> list[tuple[str, str]]:
    """(keys, what they do) for every binding that has a description, keys joined by ' / '."""
    rows: list[tuple[str, str]] = []
    for binding in bindings:
        if not isinstance(binding, Binding) or not binding.description:
            continue
        keys = [k.strip() for k in binding.key.split(",")]
        if binding.key_display and len(keys) == 1:
            shown = binding.key_display
        else:
            shown = " / ".join(
                app.get_key_display(replace(binding, key=k, key_display=None)) for k in keys
            )
        rows.append((shown, binding.description))
    return rows


def help_sections(app: App[Any]) -> list[tuple[str, list[tuple[str, str]]]]:
    """The bindings of every screen, grouped by where they work."""
    from cosmodrome.tui.dialogs.confirm import ConfirmDialog
    from cosmodrome.tui.screens.ending import EndingScreen
    from cosmodrome.tui.screens.info import InfoScreen
    from cosmodrome.tui.screens.play import AUTHORING_BINDINGS, PlayScreen
    from cosmodrome.tui.screens.saves import SavesScreen
    from cosmodrome.tui.screens.title import TitleScreen
    from cosmodrome.tui.widgets.choices import CHOICE_KEYS

    palette = Binding(app.COMMAND_PALETTE_BINDING, "command_palette", "Command palette")
    anywhere = binding_rows(app, [*type(app).BINDINGS, palette])
    keys = [
        b
        for b in PlayScreen.BINDINGS
        if b not in AUTHORING_BINDINGS
        and not (isinstance(b, Binding) and b.action.startswith("choose("))
    ]
    playing = [
        ("1-9, 0", "Choose by number (0: the 10th)"),
        (f"{CHOICE_KEYS[10]} … {CHOICE_KEYS[-1]}", "Choose the 11th on, by the letter shown"),
        *binding_rows(app, keys),
        ("↑ / ↓, enter", "Move through the choices and take one"),
        ("click", "Take a choice; click a passage to finish typing it"),
    ]
    return [
        ("Anywhere", anywhere),
        ("Title screen", binding_rows(app, TitleScreen.BINDINGS)),
        ("Playing", playing),
        ("Archive, map and timeline", binding_rows(app, InfoScreen.BINDINGS)),
        ("Saving and loading", binding_rows(app, SavesScreen.BINDINGS)),
        ("The end", binding_rows(app, EndingScreen.BINDINGS)),
        ("Questions", binding_rows(app, ConfirmDialog.BINDINGS)),
        ("Writing the story (cosmodrome play --watch)", binding_rows(app, AUTHORING_BINDINGS)),
    ]


class HelpScreen(GameModal):
    """Every key, grouped by screen; Escape closes."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,q,f1,question_mark", "app.pop_screen", "Close", id="help.close")
    ]

    def compose(self) -> ComposeResult:
        with VerticalScroll(classes="dialog", id="help"):
            yield Static("Keys", classes="dialog-title")
            sections = [(title, rows) for title, rows in help_sections(self.app) if rows]
            width = max(len(keys) for _, rows in sections for keys, _ in rows)
            for title, rows in sections:
                yield Static(Content(title), classes="help-section")
                lines = [f"  {keys:<{width}}   {what}" for keys, what in rows]
                yield Static(Content("\n".join(lines)), classes="help-keys")
            yield Static("Escape closes this screen; arrows scroll it.", classes="dialog-hint")

    def on_mount(self) -> None:
        self.query_one("#help").focus()
