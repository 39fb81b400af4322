"""The player's settings in the Textual game: applied at once (the theme), kept next to
the saves, and any problem with them said once the app runs. A helper the app owns."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from cosmodrome.settings import HIGH_CONTRAST_THEME, Settings, save_settings
from cosmodrome.tui.themes import HIGH_CONTRAST

if TYPE_CHECKING:
    from cosmodrome.tui.app import CosmodromeApp


class Appearance:
    """The settings in use (`settings`), their file, and what was wrong with them."""

    def __init__(
        self,
        app: CosmodromeApp,
        settings: Settings,
        settings_file: Path | None,
        problems: tuple[str, ...] = (),
    ) -> None:
        """Registers the game's themes and applies the settings' theme: before the first
        screen is styled, so no screen is drawn in the wrong colours."""
        self.app = app
        self.settings = settings
        self.settings_file = settings_file
        self.problems = problems  # for the player, once the app runs
        app.register_theme(HIGH_CONTRAST)
        self._apply_theme(settings.theme)

    def _apply_theme(self, name: str) -> None:
        if name not in self.app.available_themes:
            self.problems = (*self.problems, f"Unknown theme '{name}'; using the default.")
            name = Settings().theme
        self.app.theme = name

    def apply(self, settings: Settings) -> None:
        """Use `settings` now and keep them next to the saves."""
        if settings.theme != self.settings.theme:
            self._apply_theme(settings.theme)
            settings = replace(settings, theme=self.app.theme)
        before, self.settings = self.settings, settings
        if self.settings_file is None:
            return
        try:
            save_settings(self.settings_file, settings, before=before)
        except OSError as exc:
            self.app.say(f"Settings are not saved: {exc.strerror or exc}", "warning")

    def theme_choices(self) -> list[str]:
        """Every theme the player can pick, the high-contrast one first."""
        names = sorted(n for n in self.app.available_themes if n != HIGH_CONTRAST_THEME)
        return [HIGH_CONTRAST_THEME, *names]
