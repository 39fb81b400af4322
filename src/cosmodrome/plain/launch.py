"""Starting the line-mode player from the command line."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from cosmodrome.story.model import Story

if TYPE_CHECKING:
    from cosmodrome.session import Session

QUESTION = "Continue it? Type n for a new game. [Y/n] "


def is_terminal(stream: TextIO) -> bool:
    """Whether `stream` is a terminal (False for a pipe, a file, or a stream that cannot tell)."""
    try:
        return bool(stream.isatty())
    except (AttributeError, OSError, ValueError):
        return False


def line_width(stdout: TextIO) -> int:
    """The width to wrap to: the terminal's (less a column), at most 78; 78 for a pipe."""
    from cosmodrome.plain.text import WIDTH

    if not is_terminal(stdout):
        return WIDTH
    return max(20, min(WIDTH, shutil.get_terminal_size((WIDTH + 2, 24)).columns - 1))


def offer_to_continue(session: Session, stdin: TextIO, stdout: TextIO) -> str | None:
    """Ask whether to continue the newest autosave, when there is one: the slot's name
    for yes (Enter), None for no, or when input ends."""
    from cosmodrome.plain.text import fill
    from cosmodrome.safetext import printable
    from cosmodrome.wording import plural, slot_where

    slot = session.continue_slot()
    if slot is None:
        return None
    where = slot_where(slot, session.story)
    found = f"The newest game is {slot.name}: {where}, {plural(slot.choices, 'choice')}."
    for line in fill(found, width=line_width(stdout)):
        stdout.write(printable(line) + "\n")
    stdout.write(QUESTION)
    stdout.flush()
    try:
        answer = stdin.readline()
    except (OSError, ValueError):
        answer = ""
    if not answer:
        stdout.write("\n")
        return None
    return slot.name if answer.strip().lower() in ("", "y", "yes") else None


def play_plain(
    story: Story,
    saves: str | None,
    load: str | None,
    resume: bool,
    *,
    stdin: TextIO,
    stdout: TextIO,
    stderr: TextIO,
    watch: Path | None = None,
) -> int:
    """Play `story` in line mode with saves in `saves` (None: the default folder),
    starting from slot `load`, from the newest autosave when `resume` (a new game when
    there is none), or from the beginning; when neither is asked and standard input is
    a terminal, the newest autosave is offered first (piped input is never taken for
    an answer). With `watch`, the story is reloaded from that folder after an edit.
    Returns the exit code (1 when the save cannot be loaded)."""
    from cosmodrome.exitcodes import Exit
    from cosmodrome.locations import saves_dir
    from cosmodrome.plain.player import PlainPlayer
    from cosmodrome.saves.errors import SaveError
    from cosmodrome.saves.store import SaveStore
    from cosmodrome.session import Session, saved_opening

    session = Session(story, SaveStore(saves_dir(saves)))
    if load is None and not resume and is_terminal(stdin):
        load = offer_to_continue(session, stdin, stdout)
    try:
        opening = saved_opening(
            session.store, story, load, resume, lambda w: print(f"cosmodrome: {w}", file=stderr)
        )
    except SaveError as exc:
        print(f"cosmodrome: {exc}", file=stderr)
        return Exit.FAILURE
    if opening is None:
        session.new_game(autosave=False)  # nothing is written until the first move
    else:
        session.adopt(*opening)
    player = PlainPlayer(session, stdin, stdout, stderr, width=line_width(stdout))
    if opening is not None and opening[1].notes:
        player.say(opening[1].summary)
    if watch is not None:
        from cosmodrome.plain.watch import PlainWatch

        PlainWatch(player, watch)
    return player.run()
