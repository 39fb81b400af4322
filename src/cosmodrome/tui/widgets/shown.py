"""Which passages the transcript shows for a state: the tail of its history, each with
the choice taken after it; passages already shown keep their widgets."""

from __future__ import annotations

from dataclasses import dataclass

from cosmodrome.engine.game import Game
from cosmodrome.engine.state import GameState
from cosmodrome.tui.widgets.passage import PassageText, ShownPassage

MAX_PASSAGES = (
    15  # older passages leave the screen (the export keeps them): a move lays out at most this many
)


@dataclass(eq=False)
class Entry:
    """A passage on screen, the moment of the run it belongs to, and its widget (None
    until it is mounted)."""

    state: GameState
    passage: ShownPassage
    widget: PassageText | None = None


def mirror(entries: list[Entry], game: Game, state: GameState) -> tuple[list[Entry], bool]:
    """The entries for the history of `state`: those of `entries` still part of it (their
    passage updated with the choice taken after it), then new ones; and whether the
    newest is new."""
    history = state.history()
    start, keep = _overlap(entries, history)
    if keep == 0:
        start = max(0, len(history) - MAX_PASSAGES)
    result = entries[:keep]
    for moment in history[start + keep :]:
        view = game.passage(moment)
        result.append(Entry(moment, ShownPassage(view.title, view.text, view.ending)))
    fresh = len(result) > keep
    result = result[-MAX_PASSAGES:]
    for index, entry in enumerate(result):
        chosen = _chosen(result[index + 1].state) if index + 1 < len(result) else None
        if chosen != entry.passage.chosen:
            old = entry.passage
            entry.passage = ShownPassage(old.title, old.text, old.ending, chosen)
    return result, fresh


def _overlap(entries: list[Entry], history: list[GameState]) -> tuple[int, int]:
    """Where the first entry sits in `history`, and how many entries from there on are
    still part of it (0 when none are)."""
    if not entries:
        return 0, 0
    first = entries[0].state
    start = next((i for i, moment in enumerate(history) if moment is first), None)
    if start is None:
        return 0, 0
    keep = 0
    while (
        keep < len(entries)
        and start + keep < len(history)
        and history[start + keep] is entries[keep].state
    ):
        keep += 1
    return start, keep


def _chosen(after: GameState) -> str | None:
    """The text of the choice that led to `after`."""
    return after.last.text if after.last is not None else None
