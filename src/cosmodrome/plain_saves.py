"""Saving in the line-mode player: `save NAME`, `load NAME`, `saves`, and the autosave
written after every move. A save that fails says so in one line; play goes on."""

from __future__ import annotations

import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import TextIO

from cosmodrome.engine.game import Game
from cosmodrome.engine.state import GameState
from cosmodrome.plain import PlainPlayer
from cosmodrome.saves.errors import SaveError
from cosmodrome.saves.listing import slot_line
from cosmodrome.saves.slots import AUTOSAVE, check_slot_name
from cosmodrome.saves.store import SaveStore


def _sentence(message: str) -> str:
    message = message[:1].upper() + message[1:]
    return message if message.endswith((".", "!", "?")) else message + "."


class PlainSaves:
    """Adds the save commands and the autosave to a `PlainPlayer`."""

    def __init__(
        self,
        player: PlainPlayer,
        store: SaveStore,
        play_seconds: float = 0.0,
        warnings: TextIO = sys.stderr,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.player = player
        self.store = store
        self.warnings = warnings
        self.clock = clock
        self._seconds_before = play_seconds
        self._since = clock()
        self.autosave_problem: str | None = None
        commands = dict(player.commands)
        tail = {name: commands.pop(name) for name in ("help", "quit") if name in commands}
        commands["save"] = (self.cmd_save, "save NAME: save the game under a name")
        commands["load"] = (self.cmd_load, "load NAME: go back to a saved game")
        commands["saves"] = (self.cmd_saves, "saves: list the saved games")
        player.commands = commands | tail
        player.on_move.append(self.autosave)

    @property
    def play_seconds(self) -> float:
        """Time spent in this game, across every session that played it."""
        return self._seconds_before + max(0.0, self.clock() - self._since)

    def autosave(self, state: GameState) -> None:
        """Write the autosave (and remember an ending); warn once on stderr if it fails."""
        story = self.player.game.story
        try:
            if state.ended:
                self.store.record_ending(story.id, state.node)
            self.store.save(AUTOSAVE, story, state, self.play_seconds)
        except SaveError as exc:
            if self.autosave_problem is None:
                print(f"cosmodrome: not saving: {exc} (play goes on)", file=self.warnings)
            self.autosave_problem = str(exc)
            return
        self.autosave_problem = None

    def cmd_save(self, arg: str) -> bool:
        if not arg:
            self.player.say("Save under what name? Type 'save' and a name, e.g. 'save gate'.")
            return True
        try:
            info = self.store.save(
                arg, self.player.game.story, self.player.state, self.play_seconds
            )
        except SaveError as exc:
            self.player.say(_sentence(str(exc)))
            return True
        self.player.say(f"Saved as '{info.name}'.")
        return True

    def cmd_load(self, arg: str) -> bool:
        if not arg:
            self.player.say("Load which save? Type 'saves' to list them.")
            return True
        try:
            loaded = self.store.load(arg, self.player.game.story)
        except SaveError as exc:
            self.player.say(_sentence(str(exc)))
            return True
        self._seconds_before, self._since = loaded.play_seconds, self.clock()
        self.player.say(" ".join([f"Loaded '{check_slot_name(arg)}'.", *loaded.notes]))
        self.player.move(loaded.state)
        return True

    def cmd_saves(self, _arg: str) -> bool:
        try:
            infos = self.store.slots()
        except SaveError as exc:
            self.player.say(_sentence(str(exc)))
            return True
        if not infos:
            self.player.say("There are no saved games yet.")
        for info in infos:
            self.player.say(f"  {slot_line(info, self.player.game.story)}")
        return True


def play_plain(
    game: Game,
    saves: str | None,
    load: str | None,
    resume: bool,
    *,
    stdin: TextIO,
    stdout: TextIO,
    stderr: TextIO,
    watch: Path | None = None,
) -> int:
    """Play in line mode with saves in `saves` (None: the default folder), starting from
    slot `load`, from the autosave when `resume` (a new game when there is none), or
    from the beginning; with `watch`, reloading the story from that folder after an
    edit. Returns the exit code (1 when the save cannot be loaded)."""
    from cosmodrome.exitcodes import Exit
    from cosmodrome.locations import saves_dir

    store = SaveStore(saves_dir(saves))
    state, seconds = game.start(), 0.0
    name = load if load is not None else AUTOSAVE if resume else None
    if name == AUTOSAVE and load is None and not store.exists(AUTOSAVE):
        print("cosmodrome: no autosave to continue; starting a new game", file=stderr)
        name = None
    if name is not None:
        try:
            loaded = store.load(name, game.story)
        except SaveError as exc:
            print(f"cosmodrome: {exc}", file=stderr)
            return Exit.FAILURE
        state, seconds = loaded.state, loaded.play_seconds
        if loaded.notes:
            stdout.write(loaded.summary + "\n")
    player = PlainPlayer(game, state, stdin, stdout)
    PlainSaves(player, store, seconds, stderr)
    if watch is not None:
        from cosmodrome.plain_watch import PlainWatch

        PlainWatch(player, watch)
    return player.run()
