"""The moves of the last save's history, kept as lines of JSON: a game's history is
immutable, so the next save encodes only the moves after the part the two share."""

from __future__ import annotations

from collections.abc import Iterator

from cosmodrome.engine.state import GameState
from cosmodrome.saves import codec
from cosmodrome.saves.history import (
    encode_move,
    entries_of,
    newest_within_limits,
    within_limits,
)


def _shared_length(old: list[GameState], new: list[GameState]) -> int:
    """How many states two histories share from the start. A state is its whole past,
    so the shared part is a prefix, found by halving."""
    low, high = 0, min(len(old), len(new))
    while low < high:
        middle = (low + high + 1) // 2
        if old[middle - 1] is new[middle - 1]:
            low = middle
        else:
            high = middle - 1
    return low


def _pairs_from(states: list[GameState], start: int) -> Iterator[tuple[GameState, GameState]]:
    """Each state of `states` from index `start` on (the first excepted), with the one
    before it."""
    for index in range(max(start, 1), len(states)):
        yield states[index - 1], states[index]


class HistoryCache:
    """The history of the last game saved, with its moves encoded (see `moves_of`)."""

    def __init__(self) -> None:
        self._chain: list[GameState] = []
        self._lines: list[bytes] = []
        self._total: list[int] = []  # the entries of its states so far, state by state

    def moves_of(self, state: GameState) -> tuple[list[GameState], list[bytes]]:
        """The states a save of `state` keeps, and the moves between them as lines of
        JSON: after each choice, saving encodes one move, however long the game.
        Raises `ValueError` for text that cannot be encoded (a lone surrogate)."""
        history = state.history()
        shared = _shared_length(self._chain, history)
        lines = self._lines[: max(shared - 1, 0)]
        lines += (codec.encode_line(encode_move(o, n)) for o, n in _pairs_from(history, shared))
        total = self._total[shared - 1] if shared else 0
        totals = self._total[:shared]
        for kept in history[shared:]:
            total += entries_of(kept)
            totals.append(total)
        self._chain, self._lines, self._total = history, lines, totals
        if within_limits(len(history), total):
            return history, lines
        states = newest_within_limits(history)
        return states, lines[len(lines) - (len(states) - 1) :]
