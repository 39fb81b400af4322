"""Starting the line-mode player from the command line."""

from __future__ import annotations

from pathlib import Path
from typing import TextIO

from cosmodrome.story.model import Story


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
    starting from slot `load`, from the autosave when `resume` (a new game when there is
    none), or from the beginning; with `watch`, reloading the story from that folder
    after an edit. Returns the exit code (1 when the save cannot be loaded)."""
    from cosmodrome.exitcodes import Exit
    from cosmodrome.locations import saves_dir
    from cosmodrome.plain.player import PlainPlayer
    from cosmodrome.saves.errors import SaveError
    from cosmodrome.saves.store import SaveStore
    from cosmodrome.session import Session, saved_opening

    session = Session(story, SaveStore(saves_dir(saves)))
    try:
        opening = saved_opening(
            session.store, story, load, resume, lambda w: print(f"cosmodrome: {w}", file=stderr)
        )
    except SaveError as exc:
        print(f"cosmodrome: {exc}", file=stderr)
        return Exit.FAILURE
    if opening is None:
        session.new_game(autosave=False)  # the autosave is kept until the first move
    else:
        session.adopt(*opening)
    player = PlainPlayer(session, stdin, stdout, stderr)
    if opening is not None and opening[1].notes:
        player.say(opening[1].summary)
    if watch is not None:
        from cosmodrome.plain.watch import PlainWatch

        PlainWatch(player, watch)
    return player.run()
