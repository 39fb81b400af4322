"""What every game screen shares: a typed handle on the app and its session."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, cast

from textual.screen import ModalScreen, Screen

from cosmodrome.session import Session

if TYPE_CHECKING:
    from cosmodrome.tui.app import CosmodromeApp


class _InGame:
    """What every screen of the game reaches: the app and its session."""

    app: Any  # provided by Textual's Screen

    @property
    def game_app(self) -> CosmodromeApp:
        return cast("CosmodromeApp", self.app)

    @property
    def session(self) -> Session:
        return self.game_app.session


class GameScreen(_InGame, Screen[None]):
    """A full screen of the game."""


class GameModal(_InGame, ModalScreen[Any]):
    """A screen drawn over another, which stays visible around it."""
