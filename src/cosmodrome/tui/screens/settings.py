"""The settings dialog: theme, how text appears, whether quitting asks first."""

from __future__ import annotations

from dataclasses import replace
from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.content import Content
from textual.widgets import Checkbox, Label, RadioButton, RadioSet, Select, Static

from cosmodrome.settings import with_reveal
from cosmodrome.tui.screens.base import GameModal

REVEALS = {"reveal-instant": "instant", "reveal-typewriter": "typewriter"}


class SettingsScreen(GameModal):
    """Every change applies at once and is written to the settings file (see `cosmodrome paths`)."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "app.pop_screen", "Close", id="settings.close")
    ]

    def compose(self) -> ComposeResult:
        app = self.game_app
        settings = app.settings
        with Vertical(classes="dialog", id="settings"):
            yield Static("Settings", classes="dialog-title")
            yield Label("Theme", classes="setting-label")
            yield Select(
                [(name, name) for name in app.appearance.theme_choices()],
                value=app.theme,
                allow_blank=False,
                id="theme",
            )
            yield Label("Text appears", classes="setting-label")
            with RadioSet(id="reveal"):
                yield RadioButton(
                    "Instantly", id="reveal-instant", value=settings.text_reveal == "instant"
                )
                yield RadioButton(
                    "Like a typewriter",
                    id="reveal-typewriter",
                    value=settings.text_reveal == "typewriter",
                )
            yield Checkbox("Ask before quitting", settings.confirm_quit, id="confirm-quit")
            file = app.appearance.settings_file
            where = str(file) if file else "not saved"
            yield Static(Content(f"Settings file: {where}"), classes="dialog-hint")
            yield Static("Escape closes", classes="dialog-hint")

    def on_select_changed(self, event: Select.Changed) -> None:
        event.stop()
        if isinstance(event.value, str):
            self.game_app.appearance.apply(replace(self.game_app.settings, theme=event.value))

    def on_radio_set_changed(self, event: RadioSet.Changed) -> None:
        event.stop()
        reveal = REVEALS.get(event.pressed.id or "", "instant")
        self.game_app.appearance.apply(with_reveal(self.game_app.settings, reveal))

    def on_checkbox_changed(self, event: Checkbox.Changed) -> None:
        event.stop()
        self.game_app.appearance.apply(replace(self.game_app.settings, confirm_quit=event.value))
