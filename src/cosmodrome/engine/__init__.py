"""Playing a story: game state, rules, undo. Imports nothing from the UI."""

from cosmodrome.engine.game import ChoiceView, Game, GameError, Passage
from cosmodrome.engine.state import GameState, Step

__all__ = ["ChoiceView", "Game", "GameError", "GameState", "Passage", "Step"]
