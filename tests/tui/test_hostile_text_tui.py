"""The game screen shows a story's terminal controls as visible text, never sends them:
a passage holding `\\x1b]0;pwned\\x07` and `\\x9b2J` (tests/fixtures/hostile-text)."""

from __future__ import annotations

import re
from pathlib import Path

from cosmodrome.tui.screens.archive import ArchiveScreen
from cosmodrome.tui.screens.play import PlayScreen
from cosmodrome.tui.widgets.choices import ChoiceList
from cosmodrome.tui.widgets.status import StatusLine
from cosmodrome.tui.widgets.transcript import Transcript
from tests.tui.harness import FIXTURES, app_of, make_app, settle

HOSTILE = FIXTURES / "hostile-text"
# written out here, not imported from the code under test
CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def assert_no_control(lines: list[str]) -> None:
    found = [line for line in lines if CONTROL.search(line)]
    assert not found, f"terminal controls reached the screen: {found!r}"


async def test_passage_choices_status_and_title_show_no_control(tmp_path: Path) -> None:
    async with make_app(tmp_path, HOSTILE).run_test(size=(100, 30)) as pilot:
        await pilot.press("n")
        await settle(pilot)
        screen = pilot.app.screen
        assert isinstance(screen, PlayScreen)
        lines = screen.query_one(Transcript).text_lines()
        assert_no_control(lines)
        text = "\n".join(lines)
        assert "\\u001b]0;pwned\\u0007" in text  # shown, so an author can find it
        assert "\\u009b2J" in text
        choices = screen.query_one(ChoiceList).prompts
        assert_no_control(choices)
        assert any("Pick up\\u009b2J the press pass" in choice for choice in choices)
        assert_no_control(screen.query_one(StatusLine).text.splitlines())
        assert_no_control([pilot.app.title])
        assert_no_control(pilot.app.export_screenshot().splitlines())


async def test_archive_and_notifications_show_no_control(tmp_path: Path) -> None:
    async with make_app(tmp_path, HOSTILE).run_test(size=(100, 30)) as pilot:
        await pilot.press("n")
        await settle(pilot)
        await pilot.press("2")  # to the checkpoint: a fact with controls is found
        await settle(pilot)
        app_of(pilot).say("saved \x1b]0;pwned\x07")
        await pilot.pause()
        assert_no_control(pilot.app.export_screenshot().splitlines())
        pilot.app.push_screen(ArchiveScreen())
        await pilot.pause()
        assert_no_control(pilot.app.export_screenshot().splitlines())
