"""Pilot tests of the other screens: ending, archive, map, timeline, help, command palette."""

from __future__ import annotations

from pathlib import Path

from textual.command import CommandPalette
from textual.widgets import OptionList, Static

from cosmodrome.tui.palette import palette_commands
from cosmodrome.tui.screens.archive import ArchiveScreen
from cosmodrome.tui.screens.ending import EndingScreen
from cosmodrome.tui.screens.help import HelpScreen, help_sections
from cosmodrome.tui.screens.map import MapScreen
from cosmodrome.tui.screens.play import PlayScreen
from cosmodrome.tui.screens.timeline import TimelineScreen
from cosmodrome.tui.screens.title import TitleScreen
from cosmodrome.tui.widgets.choices import CHOICE_KEYS
from cosmodrome.tui.widgets.map import MapView
from cosmodrome.tui.widgets.timeline import TimelineView
from tests.tui.harness import JOURNEY, app_of, make_app, settle, wait_for


def texts(screen: object, selector: str) -> list[str]:
    from textual.screen import Screen

    assert isinstance(screen, Screen)
    return [str(widget.content) for widget in screen.query(selector).results(Static)]


async def test_ending_screen_summarises_the_run(tmp_path: Path) -> None:
    async with make_app(tmp_path).run_test(size=(80, 24)) as pilot:
        await pilot.press("n")
        await settle(pilot)
        await pilot.press("1", "1", "1")  # pass, gate, show the pass: the apron
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        screen = pilot.app.screen
        assert isinstance(screen, EndingScreen)
        assert texts(screen, "#ending-title") == ["On the apron"]
        numbers = texts(screen, "#ending-numbers")[0]
        assert "You made 3 choices" in numbers
        assert "Facts found: 1 of 2." in numbers
        assert "Endings found across all your runs: 1 of 2." in numbers
        path = screen.query_one("#ending-path", Static)
        lines = [strip.text.rstrip() for strip in path.render_lines(path.size.region)]
        assert [line for line in lines if line] == [
            "1. Pick up the press pass",
            "2. Drive to the gate",
            "3. Show the press pass",
        ]
        menu = screen.query_one("#ending-menu", OptionList)
        assert [o.id for o in menu.options] == ["new", "load", "quit"]


async def test_ending_screen_new_game_starts_again(tmp_path: Path) -> None:
    async with make_app(tmp_path).run_test(size=(80, 24)) as pilot:
        await pilot.press("n")
        await settle(pilot)
        await pilot.press("2", "3", "enter")  # gate, turn back, see the ending
        await settle(pilot)
        assert isinstance(pilot.app.screen, EndingScreen)
        await pilot.press("enter")  # New game
        await settle(pilot)
        assert isinstance(pilot.app.screen, PlayScreen)
        assert app_of(pilot).session.require().steps == 0


async def test_ending_screen_undo_goes_back_into_the_story(tmp_path: Path) -> None:
    async with make_app(tmp_path).run_test(size=(80, 24)) as pilot:
        await pilot.press("n")
        await settle(pilot)
        await pilot.press("2", "3", "enter")
        await settle(pilot)
        await pilot.press("u")
        await settle(pilot)
        assert isinstance(pilot.app.screen, PlayScreen)
        assert app_of(pilot).session.require().node == "checkpoint"


async def test_archive_groups_found_facts_by_year_and_counts_the_rest(tmp_path: Path) -> None:
    async with make_app(tmp_path, JOURNEY).run_test(size=(80, 24)) as pilot:
        await pilot.press("n")
        await settle(pilot)
        await pilot.press("a")
        await settle(pilot)
        screen = pilot.app.screen
        assert isinstance(screen, ArchiveScreen)
        assert texts(screen, ".archive-year") == ["1955", "1957"]
        assert texts(screen, ".archive-fact-title") == ["A test range in the steppe", "Sputnik"]
        assert texts(screen, "#archive-remaining") == ["4 facts still undiscovered."]
        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(pilot.app.screen, PlayScreen)


async def test_map_marks_the_current_and_visited_places(tmp_path: Path) -> None:
    async with make_app(tmp_path, JOURNEY).run_test(size=(80, 24)) as pilot:
        await pilot.press("n")
        await settle(pilot)
        await pilot.press("2", "1", "1")  # train, Svobodny, the construction site
        await settle(pilot)
        await pilot.press("m")
        await settle(pilot)
        screen = pilot.app.screen
        assert isinstance(screen, MapScreen)
        marks = {m.place.id: (m.visited, m.current) for m in screen.query_one(MapView).marks}
        assert marks == {
            "baikonur": (True, False),
            "vostochny": (True, True),
            "svobodny": (True, False),
            "vladivostok": (False, False),
            "train": (True, False),
        }
        legend = texts(screen, "#map-legend Static")
        assert legend == [
            "Places",
            "● Baikonur",
            "Kazakhstan · 4,636 km",
            "◉ Vostochny cosmodrome",
            "Amur region · you are here",
            "● Svobodny-18",
            "Amur region · 24 km",
            "○ Vladivostok",
            "Primorsky Krai · 1,010 km",
            "Not on the map",
            "● The Trans-Siberian",
        ]


async def test_timeline_keys_switch_between_the_info_screens(tmp_path: Path) -> None:
    async with make_app(tmp_path, JOURNEY).run_test(size=(80, 24)) as pilot:
        await pilot.press("n")
        await settle(pilot)
        await pilot.press("2", "2")  # the train, then Vladivostok in 2012
        await settle(pilot)
        await pilot.press("t")
        await settle(pilot)
        screen = pilot.app.screen
        assert isinstance(screen, TimelineScreen)
        marks = [(m.era.id, m.visited, m.current) for m in screen.query_one(TimelineView).marks]
        assert marks == [
            ("1955", True, False),
            ("1996", False, False),
            ("2012", True, True),
            ("2016", False, False),
            ("2023", False, False),
        ]
        await pilot.press("m")
        await settle(pilot)
        assert isinstance(pilot.app.screen, MapScreen)
        await pilot.press("a")
        await settle(pilot)
        assert isinstance(pilot.app.screen, ArchiveScreen)
        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(pilot.app.screen, PlayScreen)


async def test_help_lists_every_binding_of_every_screen(tmp_path: Path) -> None:
    async with make_app(tmp_path).run_test(size=(80, 24)) as pilot:
        await pilot.press("question_mark")
        await settle(pilot)
        screen = pilot.app.screen
        assert isinstance(screen, HelpScreen)
        shown = "\n".join(texts(screen, ".help-keys"))
        from cosmodrome.tui.screens.play import PlayScreen as Play

        for binding in Play.BINDINGS:
            description = getattr(binding, "description", "")
            if description:
                assert description in shown
        for needed in ("Undo", "Quicksave", "Quickload", "Export transcript", "Command palette"):
            assert needed in shown
        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(pilot.app.screen, TitleScreen)


def test_help_sections_show_keys_for_bindings_with_several_keys(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    rows = dict(row for _, section in help_sections(app) for row in section)
    assert rows["u / ^z"] == "Undo"
    assert rows["1-9, 0"].startswith("Choose")
    assert rows[f"{CHOICE_KEYS[10]} … {CHOICE_KEYS[-1]}"].startswith("Choose the 11th")
    assert rows["f5"] == "Quicksave"


async def test_command_palette_offers_every_action_while_playing(tmp_path: Path) -> None:
    async with make_app(tmp_path).run_test(size=(80, 24)) as pilot:
        app = app_of(pilot)
        before = {c.name for c in palette_commands(app)}
        assert "Undo" not in before  # no game yet
        await pilot.press("n")
        await settle(pilot)
        names = {c.name for c in palette_commands(app)}
        for needed in (
            "New game", "Save game", "Load game", "Undo", "Archive", "Map", "Timeline",
            "Settings", "Quit", "Help", "Export transcript", "Quicksave", "Quickload",
        ):  # fmt: skip
            assert needed in names
        for command in palette_commands(app):
            assert hasattr(app, f"action_{command.action}")


async def test_command_palette_runs_the_chosen_action(tmp_path: Path) -> None:
    async with make_app(tmp_path).run_test(size=(80, 24)) as pilot:
        await pilot.press("n")
        await settle(pilot)
        await pilot.press("2")
        await settle(pilot)
        await pilot.press("ctrl+p")
        await settle(pilot)
        palette = pilot.app.screen
        assert isinstance(palette, CommandPalette)
        await pilot.press(*"undo")
        found = palette.query_one(OptionList)  # the palette searches in a worker

        def undo_first() -> bool:
            return found.option_count > 0 and "Undo" in str(found.get_option_at_index(0).prompt)

        await wait_for(pilot, undo_first)
        await pilot.press("enter")
        session = app_of(pilot).session
        await wait_for(pilot, lambda: session.require().node == "prologue")
