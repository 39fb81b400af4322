"""Routes of the abstract search played again on the real rules, to confirm what it found."""

from __future__ import annotations

from collections.abc import Sequence

from cosmodrome.engine.game import Game, GameError
from cosmodrome.engine.state import GameState


def replay(game: Game, route: Sequence[tuple[str, str]]) -> GameState | None:
    """The state the choices (node id, choice key) lead to from the start, played by the
    real rules; None when one of them is not there or not available on the way."""
    state = game.start()
    for node_id, key in route:
        if state.node != node_id:
            return None
        try:
            state = game.take(state, key)
        except Exception:  # a locked choice, or an error the abstraction did not meet
            return None
    return state


def soft_locked(game: Game, state: GameState) -> bool:
    """Whether `state` is not an ending and offers no available choice."""
    try:
        return not state.ended and not any(v.available for v in game.choices(state))
    except Exception:
        return False


def fails(game: Game, state: GameState, key: str | None) -> bool:
    """Whether rendering `state` (key None) or taking its choice `key` raises an error."""
    try:
        if key is None:
            game.passage(state)
            game.choices(state)
        else:
            game.take(state, key)
    except GameError:
        return False  # refused by the rules, not an error of the story
    except Exception:
        return True
    return False
