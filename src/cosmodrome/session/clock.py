"""The play clock: how long a game has been played, across every sitting."""

from __future__ import annotations

import time
from collections.abc import Callable


class PlayClock:
    """Counts play time from a starting amount (a loaded save's), on a monotonic clock."""

    def __init__(self, clock: Callable[[], float] = time.monotonic) -> None:
        self.clock = clock
        self._before = 0.0  # play time before `_since`
        self._since = clock()

    @property
    def seconds(self) -> float:
        """Time spent in this game, across every sitting that played it."""
        return self._before + max(0.0, self.clock() - self._since)

    def restart(self, seconds: float = 0.0) -> None:
        """Count on from `seconds` (0 for a new game; a loaded game's play time)."""
        self._before = seconds
        self._since = self.clock()
