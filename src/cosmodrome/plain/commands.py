"""The words the line-mode player understands besides a choice's number: `undo [N]`,
`facts`, `look`, `status`, `vars`, `save NAME`, `load NAME`, `saves`, `restart`, `help`,
`quit`. Saving and loading go through the `Session`; a save that fails says so in one
line, and play goes on."""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping
from typing import NamedTuple, Protocol

from cosmodrome.engine.passages import Passage
from cosmodrome.plain.numbers import count_of
from cosmodrome.saves.errors import SaveError
from cosmodrome.saves.listing import slot_line
from cosmodrome.session import Session
from cosmodrome.story.template import format_value
from cosmodrome.wording import plural, sentence


class Console(Protocol):
    """What a command needs of the line-mode player (`plain.player.PlainPlayer` is one);
    a protocol, so the player can import its commands without a cycle."""

    @property
    def session(self) -> Session: ...

    @property
    def commands(self) -> Mapping[str, Command]: ...

    def say(self, text: str = "") -> None: ...

    def wrapped(self, text: str, first: str = "", rest: str | None = None) -> None: ...

    def show(self, passage: Passage) -> None: ...

    def show_status(self) -> bool: ...

    def moved(self) -> None: ...


class Command(NamedTuple):
    """A command: what it does (False: stop playing) and its line in `help`."""

    run: Callable[[Console, str], bool]
    help: str


def undo(player: Console, arg: str) -> bool:
    steps = count_of(arg) if arg else 1
    if arg and not arg.isdecimal():
        player.say("Undo how many choices? Type 'undo', or 'undo' and a number, e.g. 'undo 3'.")
        return True
    if not player.session.undo(player.session.require().steps if steps is None else steps):
        player.say("Nothing to undo: this is the beginning.")
        return True
    player.moved()
    return True


def facts(player: Console, _arg: str) -> bool:
    story = player.session.story
    found = sorted(
        (story.facts[f] for f in player.session.require().facts if f in story.facts),
        key=lambda f: (f.year, f.title),
    )
    if not found:
        player.say("You have found out nothing yet.")
    for fact in found:
        player.wrapped(f"{fact.title}: {fact.text}", f"  {fact.year}  ")
    player.say(f"({len(found)} of {len(story.facts)} facts found)")
    return True


def look(player: Console, _arg: str) -> bool:
    player.show(player.session.passage())
    return True


def status(player: Console, _arg: str) -> bool:
    if not player.show_status():
        player.say("This story shows no status: no place, era or scores.")
    return True


def save(player: Console, arg: str) -> bool:
    if not arg:
        player.say("Save under what name? Type 'save' and a name, e.g. 'save gate'.")
        return True
    try:
        info = player.session.save(arg)
    except SaveError as exc:
        player.say(sentence(str(exc)))
        return True
    player.say(f"Saved as '{info.name}'.")
    return True


def load(player: Console, arg: str) -> bool:
    if not arg:
        player.say("Load which save? Type 'saves' to list them.")
        return True
    try:
        loaded = player.session.load(arg)
    except SaveError as exc:
        player.say(sentence(str(exc)))
        return True
    player.say(" ".join([f"Loaded '{loaded.slot}'.", *loaded.notes]))
    player.moved()
    return True


def saves(player: Console, _arg: str) -> bool:
    try:
        infos = player.session.store.slots()
    except SaveError as exc:
        player.say(sentence(str(exc)))
        return True
    if not infos:
        player.say("There are no saved games yet.")
    autosaves = player.session.store.autosaves
    for info in infos:
        line = slot_line(info, player.session.story)
        if info.name == player.session.autosave_name:
            line += " (this game's autosave)"
        elif autosaves.busy(info.name):
            line += " (being played in another window)"
        player.wrapped(line, "  ", "      ")
    return True


def vars_(player: Console, _arg: str) -> bool:
    """For authors: where the game is and every variable's value."""
    state = player.session.require()
    story = player.session.story
    player.say(f"At node '{state.node}' after {plural(state.steps, 'choice')}:")
    width = max((len(name) for name in story.variables), default=0)
    for name, variable in story.variables.items():
        value = state.variables.get(name, variable.default)
        shown = json.dumps(value) if isinstance(value, str) else format_value(value)
        note = (
            "" if value == variable.default else f"  (starts at {format_value(variable.default)})"
        )
        player.say(f"  {name:<{width}} = {shown}{note}")
    return True


def restart(player: Console, _arg: str) -> bool:
    player.session.new_game()
    player.moved()
    return True


def help_(player: Console, _arg: str) -> bool:
    player.say("Type a choice's number, or one of:")
    for command in player.commands.values():
        player.wrapped(command.help, "  ", "      ")
    return True


def quit_(player: Console, _arg: str) -> bool:
    player.say("Goodbye.")
    return False


COMMANDS: dict[str, Command] = {
    "undo": Command(undo, "undo [N]: take back the last choice (or N choices)"),
    "facts": Command(facts, "facts: list what you have found out"),
    "look": Command(look, "look: show the passage again"),
    "status": Command(status, "status: where you are, and what your choices are judged on"),
    "save": Command(save, "save NAME: save the game under a name"),
    "load": Command(load, "load NAME: go back to a saved game"),
    "saves": Command(saves, "saves: list the saved games"),
    "vars": Command(vars_, "vars: for authors, the node and every variable's value"),
    "restart": Command(restart, "restart: start the story again"),
    "help": Command(help_, "help: list the commands"),
    "quit": Command(quit_, "quit: stop playing"),
}
