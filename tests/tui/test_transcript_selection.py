"""The transcript's text can be selected with the mouse, as any text on screen."""

from __future__ import annotations

from pathlib import Path

from cosmodrome.tui.screens.play import PlayScreen
from cosmodrome.tui.widgets.transcript import Transcript
from tests.tui.harness import make_app, settle


async def test_dragging_over_a_passage_selects_its_text_without_the_margins(
    tmp_path: Path,
) -> None:
    async with make_app(tmp_path).run_test(size=(120, 30)) as pilot:
        await pilot.press("n")
        await settle(pilot)
        screen = pilot.app.screen
        assert isinstance(screen, PlayScreen)
        transcript = screen.query_one(Transcript)
        lines = transcript.text_lines()
        title = next(i for i, line in enumerate(lines) if line.strip() == "Arrival")
        last = max(i for i, line in enumerate(lines) if line.strip())
        top = int(transcript.scroll_y)
        await pilot.mouse_down(transcript, offset=(0, title - top))
        await pilot.hover(transcript, offset=(transcript.size.width - 1, last - top))
        await pilot.mouse_up(transcript, offset=(transcript.size.width - 1, last - top))
        await pilot.pause()
        selected = screen.get_selected_text()
        assert selected is not None
        assert selected.startswith("Arrival\n")  # no indent: the centred margin is not text
        assert "Literal {braces}." in selected
