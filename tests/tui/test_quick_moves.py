"""What keeps a move quick without losing anything: the autosave written after the frame
(but always before the game stops), passages drawn flat, and a start that leaves the save
store and the story watcher for later."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from cosmodrome.tui.markdown_text import markdown_content
from cosmodrome.tui.screens.play import PlayScreen
from cosmodrome.tui.widgets.passage import PassageText
from cosmodrome.tui.widgets.transcript import Transcript
from tests.tui.harness import make_app, settle
from tests.unit.session.session_helpers import make_store

REPO = Path(__file__).resolve().parents[2]


def test_the_owed_autosave_is_written_however_the_app_stops(tmp_path: Path) -> None:
    import asyncio

    async def play() -> None:
        app = make_app(tmp_path)
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.press("n")
            await settle(pilot)
            app.take_number(2)  # and stop before the frame after it is drawn
            app.exit()
        story = app.session.story
        assert make_store(tmp_path).load("auto-1", story).state.node == "checkpoint"

    asyncio.run(play())


async def test_read_passages_are_flat_text_and_a_bracket_is_not_markup(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("n")
        await settle(pilot)
        await pilot.press("2")
        await settle(pilot)
        screen = pilot.app.screen
        assert isinstance(screen, PlayScreen)
        transcript = screen.query_one(Transcript)
        assert [p.read for p in transcript.passages] == [True, False]
        assert len(transcript.query(PassageText)) == 2  # a Static per passage
        assert not screen.query("Markdown")


def test_markdown_becomes_styled_text_without_markup() -> None:
    content = markdown_content(
        "# Head\n\nA *famous* [red]x[/red] **bold** ~~gone~~\n\n> said\n\n- one\n- two"
    )
    assert content.plain == "Head\n\nA famous [red]x[/red] bold gone\n\n▌ said\n\n• one\n• two"
    styles = {(content.plain[s.start : s.end], str(s.style)) for s in content.spans}
    assert ("Head", "bold") in styles
    assert ("famous", "italic") in styles
    assert ("bold", "bold") in styles
    assert ("gone", "strike") in styles


def test_the_app_imports_neither_the_engine_nor_the_watcher() -> None:
    # what the title screen needs (the save store, for Continue) is imported before it
    # is drawn; the engine when a game starts, the watcher under --watch
    code = (
        "import sys, cosmodrome.tui.app, cosmodrome.tui.launch; "
        "print(' '.join(m for m in sys.modules if m.startswith('cosmodrome')))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=REPO, capture_output=True, text=True, check=True
    )
    loaded = result.stdout.split()
    assert "cosmodrome.tui.app" in loaded
    assert not [m for m in loaded if m.startswith("cosmodrome.engine")]
    assert "cosmodrome.story.watch" not in loaded
