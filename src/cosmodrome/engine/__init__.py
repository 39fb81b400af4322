"""Playing a story: game state, rules, undo. Imports nothing from the UI.

The names below are loaded when first used: the save store reads game states
without needing the rules, and the title screen is drawn before either.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from cosmodrome.engine.game import ChoiceView, Game, GameError, Passage
    from cosmodrome.engine.state import GameState, Step

__all__ = ["ChoiceView", "Game", "GameError", "GameState", "Passage", "Step"]

_HOMES = {
    "ChoiceView": "cosmodrome.engine.game",
    "Game": "cosmodrome.engine.game",
    "GameError": "cosmodrome.engine.game",
    "Passage": "cosmodrome.engine.game",
    "GameState": "cosmodrome.engine.state",
    "Step": "cosmodrome.engine.state",
}


def __getattr__(name: str) -> Any:
    home = _HOMES.get(name)
    if home is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(importlib.import_module(home), name)
