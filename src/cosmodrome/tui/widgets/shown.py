"""Which passages the transcript shows for a state: the tail of its history, each with
the choice taken after it; passages already shown are kept with their laid-out lines."""

from __future__ import annotations

from dataclasses import dataclass, field

from textual.strip import Strip

from cosmodrome.engine.game import Game
from cosmodrome.engine.state import GameState
from cosmodrome.tui.widgets.passage import ShownPassage

MAX_PASSAGES = 30  # older passages leave the screen (the exported transcript keeps them)
ROWS_APART = 1 << 20  # the rows each passage owns for text selection (far more than it has)


@dataclass(eq=False)
class Entry:
    """A passage on screen, the moment of the run it belongs to, and its lines."""

    state: GameState
    passage: ShownPassage
    row0: int = 0  # its first row for the mouse's text selection: fixed, however it moves
    shown: int | None = None  # characters of the body typed out so far (None: all)
    lines: list[Strip] = field(default_factory=list)  # laid out at the transcript's width
    height: int = 0  # how many lines it takes at that width (0: not laid out)
    chosen_rows: int = 0  # how many of them say the choice taken (-1: not worked out)

    def forget(self) -> None:
        """Its text or the width changed: lay it out again."""
        self.lines = []
        self.height = 0
        self.chosen_rows = -1

    def choice_changed(self) -> None:
        """The choice taken after it changed (the player moved on, or undid): its lines
        are drawn again when next in view, and only the choice's rows are counted now
        (dimming the passage does not move a word)."""
        self.lines = []
        if self.height:
            self.height -= self.chosen_rows
            self.chosen_rows = -1

    def park(self) -> None:
        """Far out of view: let its lines go (they are made again if it comes into view)."""
        self.lines = []


def mirror(entries: list[Entry], game: Game, state: GameState) -> tuple[list[Entry], bool]:
    """The entries for the history of `state`: those of `entries` still part of it, then
    new ones; and whether the newest is new. An entry whose chosen line changes loses
    its lines (to be laid out again)."""
    history = state.history()
    start, keep = _overlap(entries, history)
    if keep == 0:
        start = max(0, len(history) - MAX_PASSAGES)
    result = entries[:keep]
    row = entries[-1].row0 + ROWS_APART if entries else 0
    for moment in history[start + keep :]:
        view = game.passage(moment)
        result.append(Entry(moment, ShownPassage(view.title, view.text, view.ending), row))
        row += ROWS_APART
    fresh = len(result) > keep
    result = result[-MAX_PASSAGES:]
    for index, entry in enumerate(result):
        chosen = _chosen(result[index + 1].state) if index + 1 < len(result) else None
        if chosen != entry.passage.chosen:
            old = entry.passage
            entry.passage = ShownPassage(old.title, old.text, old.ending, chosen)
            entry.choice_changed()
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
