"""One player's session: the game in progress, its play clock and the save store.

Both players (the Textual app and the line-mode player) are shells over this object;
it holds the rules of saving and imports no UI, so every flow is tested without one.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from cosmodrome.saves.slots import check_slot_name, is_autosave
from cosmodrome.session.clock import PlayClock
from cosmodrome.story.model import Story

if TYPE_CHECKING:  # the engine and the save store are imported when first used: after the
    # title is drawn
    from cosmodrome.engine.game import Game
    from cosmodrome.engine.passages import Passage
    from cosmodrome.engine.state import GameState
    from cosmodrome.saves.store import LoadedGame, SaveStore, SlotInfo
    from cosmodrome.story.watch import Reload


@dataclass(frozen=True, slots=True)
class Loaded:
    """A game restored from a slot, with anything the player should be told about it."""

    slot: str
    notes: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Reloaded:
    """What an edit of the story did to the session, for a player to tell."""

    summary: str  # how the reload went, and how the game was fitted, in one line
    problems: tuple[str, ...]  # the broken edit's errors (path:line:col); () when it loaded
    changed: bool  # the game now plays in the new story
    news: bool  # something not yet told: a new story, or errors other than the last
    adapted: bool = False  # the game in progress had to be fitted (a warning, not news)


def _save_errors() -> tuple[type[Exception], ...]:
    """The errors of a store that cannot read or write: `SaveError` and `OSError`."""
    from cosmodrome.saves.errors import SaveError

    return (SaveError, OSError)


class Session:
    """The current game (if any) over one story and one save store.

    Every game has its own autosave (`autosave_name`, `auto-<number>`, held by this
    process for as long as the game is played), and every move writes it, so quitting
    at any instant loses nothing and no game ever overwrites another's. A new game, or
    a game loaded from a named slot, gets a new autosave, except that the autosave of
    a game that moved nowhere since it began (or was loaded) is reused: it holds
    nothing that is not in the story's start or in that slot.
    When the store cannot write, play goes on and `saving_problem` says why.
    With `defer` set, a move's autosave is handed to it to run a moment later (after
    the frame is drawn); `flush` writes any autosave still owed, and so does `autosave`.
    """

    def __init__(
        self,
        story: Story,
        store: SaveStore | Callable[[], SaveStore],
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        """`store` may be a function giving the store, called when it is first needed;
        `clock` is the monotonic clock that play time is measured on."""
        self.story = story
        self._game: Game | None = None  # made when first needed
        self._store = None if callable(store) else store
        self._open_store = store if callable(store) else None
        self.clock = PlayClock(clock)
        self.state: GameState | None = None
        self.saving_problem: str | None = None
        self.story_problems: tuple[str, ...] = ()  # a broken edit's errors, while it lasts
        self._problem_told = False  # whether the player has been told saving is off
        self._owed = False  # a move whose autosave is deferred and not yet written
        self._unsaved = False  # a game started unasked: the autosave waits for its first move
        self.autosave_name: str | None = None  # the game's own autosave, once it has one
        self._spare = False  # the autosave holds nothing beyond the start or a loaded slot
        self.defer: Callable[[Callable[[], object]], None] | None = None

    @property
    def game(self) -> Game:
        """The rules of the story (made, and the engine imported, when first needed)."""
        if self._game is None:
            from cosmodrome.engine.game import Game

            self._game = Game(self.story)
        return self._game

    @property
    def store(self) -> SaveStore:
        """The save store (opened now if it was given as a function)."""
        if self._store is None:
            assert self._open_store is not None
            self._store = self._open_store()
        return self._store

    @property
    def play_seconds(self) -> float:
        """Time spent in this game, across every session that played it."""
        return self.clock.seconds

    # -- moves ----------------------------------------------------------------

    @property
    def playing(self) -> bool:
        return self.state is not None

    def require(self) -> GameState:
        """The current state; raises `RuntimeError` when no game is in progress."""
        if self.state is None:
            raise RuntimeError("no game in progress")
        return self.state

    def passage(self) -> Passage:
        """What the current state shows: its text and numbered choices."""
        return self.game.passage(self.require())

    def new_game(self, *, autosave: bool = True) -> GameState:
        """Start the story from the beginning in a new autosave (the game before keeps
        its own); with `autosave` False nothing is written until the first move (a game
        the player did not ask for, as the line-mode player's start)."""
        self._leave_autosave(reuse=True)
        self.state = self.game.start()
        self.clock.restart()
        self._unsaved = not autosave
        if autosave:
            self._moved()
        self._spare = True
        return self.state

    def take(self, key: str) -> GameState:
        """Take the choice with stable `key`; raises `GameError` when the rules refuse."""
        return self._arrive(self.game.take(self.require(), key))

    def take_number(self, number: int) -> GameState:
        """Take the `number`-th shown choice (1-based); raises `GameError` when refused."""
        return self._arrive(self.game.take_number(self.require(), number))

    def _arrive(self, state: GameState) -> GameState:
        self.state = state
        self._spare = False
        if state.ended:
            self._record_ending(state.node)
        self._moved()
        return state

    def undo(self, steps: int = 1) -> bool:
        """Step back `steps` choices (to the beginning at most); False when already there."""
        state = self.require()
        if state.previous is None:
            return False
        self.state = self.game.undo(state, max(1, steps))
        self._spare = False
        self._moved()
        return True

    # -- a story edited under the game (`play --watch`) ------------------------

    def change_story(self, story: Story) -> tuple[str, ...]:
        """Play on in `story`, an edited version of the current one: the game in progress
        is fitted to it as a save would be (renamed nodes followed, variables added or
        dropped...). Returns one sentence per adaptation; when no place of the game is
        left in the story, a new game starts and the sentence says so."""
        from cosmodrome.saves.compat import play_on

        self.story = story
        self._game = None
        if self.state is None:
            return ()
        adapted = play_on(story, self.state.history())
        self.state = adapted.state
        self._spare = False
        self.autosave()
        return adapted.notes

    def reload(self, result: Reload) -> Reloaded:
        """Take in a reload of the story: play on in the new story, or, when the edit
        broke it, keep the last good one and remember the errors until a fix."""
        if result.story is None:
            news = result.problems != self.story_problems
            self.story_problems = result.problems
            return Reloaded(result.summary(), result.problems, changed=False, news=news)
        self.story_problems = ()
        if result.story is self.story:
            return Reloaded(result.summary(), (), changed=False, news=False)
        notes = self.change_story(result.story)
        summary = " ".join((result.summary(), *notes))
        return Reloaded(summary, (), changed=True, news=True, adapted=bool(notes))

    # -- the save store --------------------------------------------------------

    def _moved(self) -> None:
        """Autosave the move: now, or through `defer` (one pending write at a time)."""
        self._unsaved = False
        if self.defer is None:
            self.autosave()
            return
        if not self._owed:
            self._owed = True
            self.defer(self.flush)

    def flush(self) -> str | None:
        """Write the autosave still owed by a deferred move, if any; as `autosave`."""
        return self.autosave() if self._owed else None

    def close(self) -> str | None:
        """The last write before the player leaves: the autosave, with the play time of
        the last stretch (nothing for a game started unasked and never moved), then its
        lock let go, so another process may continue the game; as `autosave`."""
        problem = self.flush() if self._unsaved else self.autosave()
        self.release()
        return problem

    def release(self) -> None:
        """Let go of the game's autosave, so another process may continue it (a later
        autosave holds it again)."""
        if self._store is not None and self.autosave_name is not None:
            self._store.autosaves.release(self.autosave_name)

    def _autosave_slot(self) -> str:
        """The game's own autosave, held for it (a new one when it has none yet);
        raises `SaveError` when it cannot be held."""
        autosaves = self.store.autosaves
        if self.autosave_name is None:
            self.autosave_name = autosaves.new()
        elif not autosaves.hold(self.autosave_name):
            from cosmodrome.saves.autosaves import in_use_message
            from cosmodrome.saves.errors import SaveError

            raise SaveError(in_use_message(self.autosave_name))
        return self.autosave_name

    def _leave_autosave(self, *, reuse: bool) -> None:
        """Before the session plays another game: write what the game owes its autosave,
        then keep that autosave for the next game when it is spare and `reuse` is set,
        else let it go (a spare one at the story's start is removed: it holds nothing)."""
        self.flush()
        name = self.autosave_name
        if name is None or (reuse and self._spare):
            return
        self.autosave_name = None
        self.store.autosaves.release(name)
        if self._spare and self.state is not None and self.state.steps == 0:
            try:
                self.store.delete(name)
            except _save_errors():
                pass  # not written yet, or taken by another game meanwhile: keep it
        self._spare = False

    def autosave(self) -> str | None:
        """Write the game's autosave; returns the problem when saving has just started
        failing."""
        self._owed = False
        if self.state is None:
            return None
        self._unsaved = False
        try:
            name = self._autosave_slot()
            self.store.save(name, self.story, self.state, self.play_seconds)
        except _save_errors() as exc:
            first = self.saving_problem is None
            self.saving_problem = str(exc) or exc.__class__.__name__
            return self.saving_problem if first else None
        self.saving_problem = None
        self._problem_told = False
        return None

    def take_saving_problem(self) -> str | None:
        """Why saving is off, the first time it is asked after saving stopped; else None."""
        if self.saving_problem is None or self._problem_told:
            return None
        self._problem_told = True
        return self.saving_problem

    def _record_ending(self, node_id: str) -> None:
        from cosmodrome.saves.autosaves import KEEP_FINISHED
        from cosmodrome.saves.listing import ending_reached

        try:
            self.store.record_ending(self.story.id, node_id)
            # the only autosaves ever removed unasked: finished games' beyond the newest
            # few, this one (not yet written as finished) counted among them
            self.store.autosaves.prune_finished(
                lambda slot: ending_reached(slot, self.story) is not None, KEEP_FINISHED - 1
            )
        except _save_errors() as exc:
            self.saving_problem = self.saving_problem or str(exc)

    def endings_found(self) -> frozenset[str]:
        """The ending nodes reached in any run of this story (this one included)."""
        try:
            found = self.store.endings_found(self.story.id)
        except _save_errors():
            found = frozenset()
        if self.state is not None and self.state.ended:
            found = found | {self.state.node}
        return frozenset(n for n in found if n in self.story.nodes)

    def save(self, name: str) -> SlotInfo:
        """Save the game to slot `name`; raises `SaveError` (an autosave's name included:
        autosaves are written by the games alone)."""
        state = self.require()
        if is_autosave(check_slot_name(name)):
            from cosmodrome.saves.errors import SaveError

            raise SaveError(f"'{check_slot_name(name)}' is an autosave's name; choose another")
        return self.store.save(name, self.story, state, self.play_seconds)

    def load(self, name: str) -> Loaded:
        """Replace the game with the one in slot `name` (see `adopt`); raises `SaveError`,
        also for an autosave that a game in another process is playing."""
        name = check_slot_name(name)
        self._check_free(name)
        return self.adopt(name, self.store.load(name, self.story))

    def _check_free(self, name: str) -> None:
        if is_autosave(name) and self.store.autosaves.busy(name):
            from cosmodrome.saves.autosaves import in_use_message
            from cosmodrome.saves.errors import SaveError

            raise SaveError(in_use_message(name))

    def adopt(self, name: str, loaded: LoadedGame) -> Loaded:
        """Play on from `loaded`, the game read from slot `name`: an autosave goes on
        being that game's autosave (held from now on); any other slot's game gets its own
        new autosave, written now so Continue resumes it. The game before keeps its
        autosave. Raises `SaveError` when another process plays the autosave `name`."""
        name = check_slot_name(name)
        if is_autosave(name):
            if name != self.autosave_name:
                self._check_free(name)
                if not self.store.autosaves.hold(name):
                    self._check_free(name)
                self._leave_autosave(reuse=False)
                self.autosave_name = name
        else:
            self._leave_autosave(reuse=True)
        self.state = loaded.state
        self.clock.restart(loaded.play_seconds)
        self._unsaved = False
        self._spare = False
        if not is_autosave(name):
            self.autosave()
            self._spare = True
        return Loaded(name, tuple(loaded.notes))

    def continue_slot(self) -> SlotInfo | None:
        """The autosave Continue resumes: this story's newest that no other process is
        playing (the game in progress's own included); None when there is none."""
        try:
            found = self.store.autosaves.resumable(self.story.id)
        except _save_errors():
            return None
        return found[0] if found else None

    def may_continue(self) -> bool:
        """Whether a game is in progress or an autosave may be there to continue (a quick
        look at the file names: `continue_slot` reads them)."""
        if self.state is not None:
            return True
        try:
            return self.store.autosaves.any_free()
        except _save_errors():
            return False

    def resume(self) -> Loaded | None:
        """Play on from the newest autosave that Continue may resume, or the next when
        it cannot be loaded or another process took it meanwhile; None when there is
        none. Raises `SaveError` (the first one's reason) when none of them loads."""
        from cosmodrome.saves.errors import SaveError

        try:
            found = self.store.autosaves.resumable(self.story.id)
        except _save_errors():
            return None
        first: SaveError | None = None
        for slot in found:
            if slot.name == self.autosave_name and self.state is not None:
                return Loaded(slot.name, ())  # the game in progress is that autosave's
            try:
                return self.load(slot.name)
            except SaveError as exc:
                first = first or exc
        if first is not None:
            raise first
        return None

    def slots(self) -> list[SlotInfo]:
        """Every slot in the store; an unreadable directory gives none."""
        try:
            return self.store.slots()
        except _save_errors():
            return []
