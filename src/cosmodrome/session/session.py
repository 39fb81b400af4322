"""One player's session: the game in progress, its play clock and the save store.

Both players (the Textual app and the line-mode player) are shells over this object;
it holds the rules of saving and imports no UI, so every flow is tested without one.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import TYPE_CHECKING

from cosmodrome.saves.slots import check_slot_name, is_autosave
from cosmodrome.session.clock import PlayClock
from cosmodrome.session.outcomes import Loaded, Reloaded, save_errors
from cosmodrome.session.own_autosave import OwnAutosave, check_free
from cosmodrome.story.model import Story

if TYPE_CHECKING:  # the engine and the save store are imported when first used: after the
    # title is drawn
    from cosmodrome.engine.game import Game
    from cosmodrome.engine.passages import Passage
    from cosmodrome.engine.state import GameState
    from cosmodrome.saves.store import LoadedGame, SaveStore, SlotInfo
    from cosmodrome.story.watch import Reload


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
        self.own = OwnAutosave(lambda: self.store)  # the game's own autosave
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
    def autosave_name(self) -> str | None:
        """The name of the game's own autosave (`auto-3`), once it has one."""
        return self.own.name

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
        self._leave_game(reuse=True)
        self.state = self.game.start()
        self.clock.restart()
        self._unsaved = not autosave
        if autosave:
            self._moved()
        self.own.spare = True
        return self.state

    def take(self, key: str) -> GameState:
        """Take the choice with stable `key`; raises `GameError` when the rules refuse."""
        return self._arrive(self.game.take(self.require(), key))

    def take_number(self, number: int) -> GameState:
        """Take the `number`-th shown choice (1-based); raises `GameError` when refused."""
        return self._arrive(self.game.take_number(self.require(), number))

    def _arrive(self, state: GameState) -> GameState:
        self.state = state
        self.own.spare = False
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
        self.own.spare = False
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
        self.own.spare = False
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
        if self._store is not None:
            self.own.release()

    def _leave_game(self, *, reuse: bool, to: str | None = None) -> None:
        """Before the session plays another game: write what the game still owes its
        autosave, then pass that autosave on or let it go (`OwnAutosave.leave`), or
        take the existing autosave `to`. Raises `SaveError` when `to` is taken."""
        self.flush()
        at_start = self.state is not None and self.state.steps == 0
        if to is None:
            self.own.leave(reuse=reuse, at_start=at_start)
        else:
            self.own.become(to, at_start=at_start)

    def autosave(self) -> str | None:
        """Write the game's autosave; returns the problem when saving has just started
        failing."""
        self._owed = False
        if self.state is None:
            return None
        self._unsaved = False
        try:
            self.store.save(self.own.slot(), self.story, self.state, self.play_seconds)
        except save_errors() as exc:
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
        except save_errors() as exc:
            self.saving_problem = self.saving_problem or str(exc)

    def endings_found(self) -> frozenset[str]:
        """The ending nodes reached in any run of this story (this one included)."""
        try:
            found = self.store.endings_found(self.story.id)
        except save_errors():
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
        check_free(self.store, name)
        self.flush()  # the game's own autosave, loaded again, is then as it was left
        return self.adopt(name, self.store.load(name, self.story))

    def adopt(self, name: str, loaded: LoadedGame) -> Loaded:
        """Play on from `loaded`, the game read from slot `name`: an autosave goes on
        being that game's autosave (held from now on); any other slot's game gets its own
        new autosave, written now so Continue resumes it. The game before keeps its
        autosave. Raises `SaveError` when another process plays the autosave `name`."""
        name = check_slot_name(name)
        own = is_autosave(name)
        self._leave_game(reuse=True, to=name if own else None)
        self.state = loaded.state
        self.clock.restart(loaded.play_seconds)
        self._unsaved = False
        self.own.spare = False
        if not own:
            self.autosave()
            self.own.spare = True
        return Loaded(name, tuple(loaded.notes))

    def continue_slot(self) -> SlotInfo | None:
        """The autosave Continue resumes: this story's newest that no other process is
        playing (the game in progress's own included); None when there is none."""
        try:
            found = self.store.autosaves.resumable(self.story.id)
        except save_errors():
            return None
        return found[0] if found else None

    def may_continue(self) -> bool:
        """Whether a game is in progress or an autosave may be there to continue (a quick
        look at the file names: `continue_slot` reads them)."""
        if self.state is not None:
            return True
        try:
            return self.store.autosaves.any_free()
        except save_errors():
            return False

    def resume(self) -> Loaded | None:
        """Play on from the newest autosave that Continue may resume, or the next when
        it cannot be loaded or another process took it meanwhile; None when there is
        none. Raises `SaveError` (the first one's reason) when none of them loads."""
        from cosmodrome.saves.errors import SaveError

        try:
            found = self.store.autosaves.resumable(self.story.id)
        except save_errors():
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
        except save_errors():
            return []
