"""A slot as listings show it, read from its file's header alone."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Literal


@dataclass(frozen=True, slots=True)
class SlotInfo:
    """A slot as a listing shows it; `status` is "corrupt" (with `problem`) when
    neither the slot's file nor its backup can be read."""

    name: str
    story_id: str | None
    story_title: str | None
    node_title: str | None
    era_label: str | None
    saved_at: datetime | None
    play_seconds: float
    choices: int
    status: Literal["ok", "corrupt"]
    problem: str | None
    node: str | None = None  # the id of the node the game is at, as saved
