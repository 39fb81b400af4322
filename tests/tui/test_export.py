"""Exporting the transcript: delivered by Textual into the downloads folder, never over an
earlier export, and the full path said in a message the player dismisses."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import Static

from cosmodrome.tui.dialogs.message import MessageDialog
from cosmodrome.tui.export import free_name
from cosmodrome.tui.screens.play import PlayScreen
from tests.tui.harness import app_of, make_app, settle, wait_for


def message_of(dialog: MessageDialog) -> str:
    return str(dialog.query_one(".dialog-question", Static).content)


async def test_the_transcript_goes_to_the_downloads_folder_and_its_path_is_shown(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    downloads = tmp_path / "Downloads"  # not there yet: made on the first export
    monkeypatch.setattr("cosmodrome.tui.export.user_downloads_path", lambda: downloads)
    app = make_app(tmp_path / "saves")
    app.export_dir = None  # as the real command: the player's downloads folder
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("n")
        await settle(pilot)
        await pilot.press("1", "1", "e")
        await wait_for(pilot, lambda: isinstance(pilot.app.screen, MessageDialog))
        written = downloads / f"{app_of(pilot).story.id}-transcript.md"
        dialog = pilot.app.screen
        assert isinstance(dialog, MessageDialog)
        assert str(written.resolve()) in message_of(dialog)
        text = written.read_text(encoding="utf-8")
        assert text.startswith("# The Checkpoint\n")
        assert "> **You chose:** Pick up the press pass" in text
        assert text.index("Pick up the press pass") < text.index("Drive to the gate")
        await pilot.press("enter")  # the player dismisses it
        await settle(pilot)
        assert isinstance(pilot.app.screen, PlayScreen)


async def test_a_second_export_never_replaces_the_first(tmp_path: Path) -> None:
    app = make_app(tmp_path)  # the tests' export folder: tmp_path
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("n")
        await settle(pilot)
        for _ in range(2):
            await pilot.press("e")
            await wait_for(pilot, lambda: isinstance(pilot.app.screen, MessageDialog))
            await pilot.press("escape")
            await settle(pilot)
        story = app.story.id
        assert (tmp_path / f"{story}-transcript.md").is_file()
        assert (tmp_path / f"{story}-transcript-2.md").is_file()


async def test_an_export_that_cannot_be_written_says_why(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("", encoding="utf-8")
    app = make_app(tmp_path / "saves")
    app.export_dir = blocker / "inside"  # a folder inside a file cannot be made
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("n")
        await settle(pilot)
        await pilot.press("e")
        await wait_for(pilot, lambda: isinstance(pilot.app.screen, MessageDialog))
        dialog = pilot.app.screen
        assert isinstance(dialog, MessageDialog)
        assert message_of(dialog).startswith("The transcript could not be saved: ")


def test_free_names_count_up_past_files_already_there(tmp_path: Path) -> None:
    assert free_name(tmp_path, "run.md") == "run.md"
    (tmp_path / "run.md").touch()
    (tmp_path / "run-2.md").touch()
    assert free_name(tmp_path, "run.md") == "run-3.md"
