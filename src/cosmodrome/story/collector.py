"""Python's cyclic garbage collector, paused around bulk work that makes a great many
objects and no reference cycles (loading a story or a save, the exhaustive search):
each collection would walk them all to free nothing."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def collector_paused() -> Iterator[None]:
    """The collector off for the block, and back on after if it was on (blocks nest)."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()
