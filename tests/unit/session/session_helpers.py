"""What session tests share, without Textual: a clock that moves when told, a store
whose saves are all made at one moment, the sample story."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from cosmodrome.saves.store import SaveStore
from tests.conftest import FIXTURES

SAMPLE = FIXTURES / "sample"
SAVED_AT = datetime(2025, 5, 3, 14, 2, tzinfo=UTC)


class FakeClock:
    """A monotonic clock that moves only when told to."""

    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += seconds


def make_store(saves: Path) -> SaveStore:
    """A save store in `saves` whose saves are all made at `SAVED_AT`."""
    return SaveStore(saves, clock=lambda: SAVED_AT)
