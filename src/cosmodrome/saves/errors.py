"""The save store's one exception: every refusal, as one line for the player."""

from __future__ import annotations


class SaveError(Exception):
    """A save that cannot be written, found or read; `str()` is one line for the player."""

    def __init__(self, message: str) -> None:
        super().__init__(" ".join(message.split()))
