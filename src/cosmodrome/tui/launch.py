"""Starting the Textual game from the command line."""

from __future__ import annotations

import sys
from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from cosmodrome.story.model import Story

if TYPE_CHECKING:
    from cosmodrome.saves.store import LoadedGame, SaveStore


def _open_store(directory: Path) -> SaveStore:
    from cosmodrome.saves.store import SaveStore

    return SaveStore(directory)


def play_tui(
    story: Story,
    saves: str | None,
    load: str | None,
    resume: bool,
    *,
    watch: Path | None = None,
    stderr: TextIO = sys.stderr,
    new_game: bool = False,
) -> int:
    """Play `story` in the terminal UI with saves in `saves` (None: the default folder),
    opening slot `load`, or the newest autosave when `resume` (a new game when there is none),
    or the title screen (a new game with `new_game`); with `watch`, reloading the story
    from that folder on every edit. Returns the exit code: 1 when the save cannot be loaded."""
    from cosmodrome.exitcodes import Exit
    from cosmodrome.locations import saves_dir
    from cosmodrome.settings import load_settings, settings_path

    directory = saves_dir(saves)
    opening: tuple[str, LoadedGame] | None = None
    store: SaveStore | Callable[[], SaveStore]
    if load is None and not resume:
        store = partial(_open_store, directory)  # imported after the title is drawn
    else:
        from cosmodrome.saves.errors import SaveError
        from cosmodrome.saves.store import SaveStore
        from cosmodrome.session import saved_opening

        store = SaveStore(directory)
        try:
            opening = saved_opening(
                store, story, load, resume, lambda w: print(f"cosmodrome: {w}", file=stderr)
            )
        except SaveError as exc:
            print(f"cosmodrome: {exc}", file=stderr)
            return Exit.FAILURE
    settings, problems = load_settings(settings_path(directory))

    from cosmodrome.tui.app import CosmodromeApp

    app = CosmodromeApp(
        story,
        store,
        settings=settings,
        settings_file=settings_path(directory),
        settings_problems=tuple(problems),
        start="new" if opening is None and (resume or new_game) else "title",
        resume=opening,
        watch=watch,
    )
    app.end_stalled_exit = True
    try:
        app.run()
    finally:
        app.session.flush()  # a move whose autosave was still owed when the app stopped
    return app.return_code or Exit.OK
