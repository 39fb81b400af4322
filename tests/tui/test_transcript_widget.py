"""The transcript widget: mouse selection, its scroll rail, and a move drawn in one frame."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from textual.screen import Screen

from cosmodrome.tui.screens.play import PlayScreen
from cosmodrome.tui.widgets.passage import passage_lines
from cosmodrome.tui.widgets.rail import RailGrip, thumb
from cosmodrome.tui.widgets.transcript import Transcript
from tests.tui.harness import JOURNEY, app_of, make_app, settle

SHIPPED = Path(__file__).resolve().parents[2] / "story"


def test_the_rail_shows_where_the_view_is_and_nothing_when_all_fits() -> None:
    assert thumb(10, 10, 0) is None
    assert thumb(10, 40, 0) == range(0, 2)  # a quarter of the text in view: a short thumb
    assert thumb(10, 40, 30) == range(8, 10)  # at the end
    assert thumb(10, 40, 15) == range(4, 6)
    assert thumb(10, 1000, 990) == range(9, 10)  # never thinner than a cell


def test_the_held_thumb_follows_the_mouse_and_stays_on_the_track() -> None:
    height, total = 10, 40
    max_scroll = total - height
    for scroll in range(max_scroll + 1):
        rows = thumb(height, total, scroll)
        assert rows is not None
        for held in rows:  # taken anywhere on the thumb, it is where it was
            grip = RailGrip.at(held, rows)
            assert (
                thumb(height, total, grip.scroll_for(held, height, len(rows), max_scroll)) == rows
            )
    rows = thumb(height, total, 0)
    assert rows is not None
    grip = RailGrip.at(rows.start, rows)
    assert grip.scroll_for(-5, height, len(rows), max_scroll) == 0  # dragged above the rail
    assert grip.scroll_for(50, height, len(rows), max_scroll) == max_scroll  # and below it
    # pressed on the track, the thumb's middle jumps to the press
    jumped = RailGrip.at(6, rows)
    assert thumb(height, total, jumped.scroll_for(6, height, len(rows), max_scroll)) == range(5, 7)


async def test_the_thumb_can_be_dragged_and_selects_no_text(tmp_path: Path) -> None:
    async with make_app(tmp_path, JOURNEY).run_test(size=(80, 24)) as pilot:
        transcript = await longer_than_the_view(pilot)
        rows = transcript.rail_thumb()
        assert rows is not None and transcript.scroll_y == transcript.max_scroll_y
        rail = transcript.scrollable_content_region.width - 1
        await pilot.mouse_down(transcript, offset=(rail, rows.start))
        await pilot.hover(transcript, offset=(rail - 20, 0))  # the mouse may stray off the rail
        await pilot.pause()
        assert transcript.scroll_y == 0
        assert not transcript.following
        await pilot.hover(transcript, offset=(rail, rows.start))
        await pilot.pause()
        assert transcript.scroll_y == transcript.max_scroll_y
        # let go elsewhere than it was taken (the same place would clear any selection)
        await pilot.mouse_up(transcript, offset=(rail - 20, rows.start - 1))
        await pilot.pause()
        assert pilot.app.screen.get_selected_text() is None
        dropped = transcript.scroll_y
        assert 0 < dropped < transcript.max_scroll_y
        await pilot.hover(transcript, offset=(rail, 0))  # no longer held: hovering moves nothing
        await pilot.pause()
        assert transcript.scroll_y == dropped


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


async def test_a_selection_can_run_across_passages(tmp_path: Path) -> None:
    async with make_app(tmp_path).run_test(size=(120, 30)) as pilot:
        await pilot.press("n")
        await settle(pilot)
        await pilot.press("2")
        await settle(pilot)
        transcript = transcript_of(pilot)
        transcript.scroll_home(animate=False, immediate=True)
        await pilot.pause()
        lines = [line.strip() for line in transcript.text_lines()]
        start, end = lines.index("Arrival"), lines.index("The checkpoint,")
        await pilot.mouse_down(transcript, offset=(0, start))
        await pilot.hover(transcript, offset=(60, end))
        await pilot.mouse_up(transcript, offset=(60, end))
        await pilot.pause()
        selected = pilot.app.screen.get_selected_text()
        assert selected is not None
        assert selected.splitlines()[0] == "Arrival"
        assert "› Drive to the gate" in selected.splitlines()
        assert selected.splitlines()[-1] == "The checkpoint,"


def transcript_of(pilot: Any) -> Transcript:
    screen = pilot.app.screen
    assert isinstance(screen, PlayScreen)
    return screen.query_one(Transcript)


async def longer_than_the_view(pilot: Any) -> Transcript:
    """A new game of the journey, played until its transcript is taller than the view."""
    await pilot.press("n")
    await settle(pilot)
    await pilot.press("1", "1", "2", "2")
    await settle(pilot)
    return transcript_of(pilot)


async def test_a_click_on_the_rail_scrolls_there_and_stops_following(tmp_path: Path) -> None:
    async with make_app(tmp_path, JOURNEY).run_test(size=(80, 24)) as pilot:
        transcript = await longer_than_the_view(pilot)
        assert transcript.scroll_y > 0
        rail = transcript.scrollable_content_region.width - 1
        await pilot.click(transcript, offset=(rail, 0))
        await pilot.pause()
        assert transcript.scroll_y == 0
        await pilot.press("1")  # a move brings the newest passage back into view
        await settle(pilot)
        assert transcript.scroll_y > 0


async def test_a_move_is_laid_out_once(tmp_path: Path) -> None:
    # a second layout pass per move (a scrollbar resized) is what made moves slow: it
    # costs a second frame, and each frame waits for the next tick of the screen's timer
    app = make_app(tmp_path, JOURNEY)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("n")
        await settle(pilot)
        await pilot.press("1", "1")  # past the first moves, where the rail first appears
        await settle(pilot)
        screen = pilot.app.screen
        layouts: list[int] = []

        def count(_: Screen[Any]) -> None:
            layouts[-1] += 1

        screen.screen_layout_refresh_signal.subscribe(screen, count)
        for key in ["2", "1", "u"]:  # to the harbour, to the site, and back
            layouts.append(0)
            await pilot.press(key)
            await settle(pilot)
        assert app_of(pilot).session.require().node == "vladivostok"
        # moving on: one pass each; undo may take two when the rail goes away
        assert layouts[:2] == [1, 1] and layouts[2] <= 2, layouts


async def test_passages_far_above_keep_only_their_height_until_scrolled_back(
    tmp_path: Path,
) -> None:
    async with make_app(tmp_path, JOURNEY).run_test(size=(80, 24)) as pilot:
        await pilot.press("n")
        await settle(pilot)
        first = transcript_of(pilot).passages[0].title
        await pilot.press("1", "1", "2", "1", "2", "1")  # to the summit: seven passages
        await settle(pilot)
        transcript = transcript_of(pilot)
        parked = [entry for entry in transcript.entries if entry.height and not entry.lines]
        assert parked  # the first passages are far above the view: no lines held
        assert any(first == line.strip() for line in transcript.text_lines())  # text kept
        transcript.scroll_home(animate=False, immediate=True)
        await pilot.pause()
        shown = [transcript.render_line(y).text.strip() for y in range(transcript.size.height)]
        assert first in shown


async def test_the_passage_left_behind_is_drawn_again_only_when_in_view(tmp_path: Path) -> None:
    # moving on dims the passage just left and adds the choice taken under it; its lines
    # are made again only when drawn, and its height is known without them
    app = make_app(tmp_path, SHIPPED)  # its passages are longer than a screen's half
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("n")
        await settle(pilot)
        out_of_view = 0
        for key in ("2", "1", "1", "1"):
            await pilot.press(key)
            await settle(pilot)
            transcript = transcript_of(pilot)
            for entry in transcript.entries:
                drawn = passage_lines(transcript, entry.passage, entry.shown, transcript.text_width)
                assert entry.height == len(drawn), entry.passage.title
            left = transcript.entries[-2]
            if transcript.scroll_y == transcript.newest_line:  # the newest at the top
                out_of_view += 1
                assert left.lines == []
        assert out_of_view, "no move put the newest passage at the top of the view"
        await pilot.press("pageup")
        await settle(pilot)
        transcript = transcript_of(pilot)
        assert transcript.entries[-2].lines  # scrolled into view: drawn
        assert any(line.startswith("› ") for line in map(str.strip, transcript.text_lines()))
