"""Exporting the transcript: ask for a file name, confirm an overwrite, write it."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from cosmodrome.run_markdown import export_transcript
from cosmodrome.tui.dialogs.confirm import ConfirmDialog
from cosmodrome.tui.dialogs.name_prompt import NamePrompt

if TYPE_CHECKING:
    from cosmodrome.tui.app import CosmodromeApp


def default_name(story_id: str) -> str:
    return f"{story_id}-transcript.md"


def target_path(typed: str, directory: Path) -> Path:
    """The file a typed name means: relative names go in `directory`; `.md` is added."""
    path = Path(typed).expanduser()
    if not path.suffix:
        path = path.with_suffix(".md")
    return path if path.is_absolute() else directory / path


def path_problem(typed: str, directory: Path) -> str | None:
    """Why a typed file name cannot be written to, or None."""
    path = target_path(typed, directory)
    if path.is_dir():
        return f"{path} is a directory; type a file name."
    if not path.parent.is_dir():
        return f"There is no directory {path.parent}."
    return None


def ask_and_export(app: CosmodromeApp) -> None:
    """Ask the player for a file name, then write the transcript of the run so far there."""
    directory = app.export_dir

    def write(path: Path) -> None:
        try:
            written = export_transcript(app.session.game, app.session.require(), path)
        except OSError as exc:
            app.say(f"Cannot write the transcript: {exc.strerror or exc}", "error")
            return
        app.say(f"Transcript written to {written}")

    def named(typed: str | None) -> None:
        if typed is None:
            return
        path = target_path(typed, directory)
        if not path.exists():
            write(path)
            return

        def overwrite(yes: bool | None) -> None:
            if yes:
                write(path)

        app.push_screen(
            ConfirmDialog(f"{path} exists. Replace it?", yes="Replace", no="Cancel"), overwrite
        )

    app.push_screen(
        NamePrompt(
            f"Export the transcript (Markdown) to a file in {directory}:",
            value=default_name(app.story.id),
            check=lambda typed: path_problem(typed, directory),
        ),
        named,
    )
