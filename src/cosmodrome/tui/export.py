"""Exporting the transcript as Markdown through `App.deliver_text`: a file in the player's
downloads folder in a terminal, a download in the browser under textual-serve; then a
message with where it went, which the player dismisses."""

from __future__ import annotations

import io
from pathlib import Path
from typing import TYPE_CHECKING

from platformdirs import user_downloads_path

from cosmodrome.run_markdown import transcript_markdown
from cosmodrome.tui.dialogs.message import MessageDialog

if TYPE_CHECKING:
    from textual import events

    from cosmodrome.tui.app import CosmodromeApp

DELIVERY = "transcript"  # the name Textual gives back when the file is delivered


def default_name(story_id: str) -> str:
    """The file name of a story's transcript."""
    return f"{story_id}-transcript.md"


def free_name(directory: Path, name: str) -> str:
    """`name`, or `stem-2.md`, `stem-3.md`, ... when a file of that name is in `directory`:
    an export never replaces an earlier one."""
    path = Path(name)
    number = 1
    while (directory / name).exists():
        number += 1
        name = f"{path.stem}-{number}{path.suffix}"
    return name


def export(app: CosmodromeApp) -> None:
    """Deliver the transcript of the run so far; `delivered` or `failed` is called after."""
    text = transcript_markdown(app.session.game, app.session.require())
    name = default_name(app.story.id)
    directory: Path | None = None
    if not app.is_web:  # the browser chooses where a download goes
        directory = app.export_dir or user_downloads_path()
        try:
            directory.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            failed(app, exc)
            return
        name = free_name(directory, name)
    app.deliver_text(
        io.StringIO(text),
        save_directory=directory,
        save_filename=name,
        mime_type="text/markdown",
        name=DELIVERY,
    )


def delivered(app: CosmodromeApp, event: events.DeliveryComplete) -> None:
    """Tell the player where the transcript is."""
    if event.name != DELIVERY:
        return
    if event.path is None:
        app.push_screen(MessageDialog("The transcript is downloading in your browser."))
    else:
        app.push_screen(MessageDialog(f"The transcript was saved to\n{event.path.resolve()}"))


def failed(app: CosmodromeApp, error: BaseException) -> None:
    """Tell the player the transcript could not be written, and why."""
    reason = error.strerror if isinstance(error, OSError) and error.strerror else str(error)
    app.push_screen(MessageDialog(f"The transcript could not be saved: {reason}"))
