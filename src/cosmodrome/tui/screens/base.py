"""What every game screen shares: a typed handle on the app and its session."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, cast

from textual.screen import ModalScreen, Screen

from cosmodrome.tui.session import Session

if TYPE_CHECKING:
    from cosmodrome.tui.app import CosmodromeApp


class GameScreen(Screen[None]):
    """A full screen of the game."""

    @property
    def game_app(self) -> CosmodromeApp:
        return cast("CosmodromeApp", self.app)

    @property
    def session(self) -> Session:
        return self.game_app.session


class GameModal(ModalScreen[Any]):
    """A screen drawn over another, which stays visible around it."""

    @property
    def game_app(self) -> CosmodromeApp:
        return cast("CosmodromeApp", self.app)

    @property
    def session(self) -> Session:
        return self.game_app.session
