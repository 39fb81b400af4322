"""Pilot tests of playing: new game, choices by key, arrow and click, locks, undo, autosave."""

from __future__ import annotations

from pathlib import Path

from rich.text import Text
from textual.content import Content
from textual.widgets import Footer, OptionList

from cosmodrome.engine.game import Game
from cosmodrome.saves.slots import AUTOSAVE
from cosmodrome.tui.screens.play import PlayScreen
from cosmodrome.tui.screens.title import TitleScreen
from cosmodrome.tui.widgets.choices import ChoiceList
from cosmodrome.tui.widgets.status import StatusLine, status_lines
from cosmodrome.tui.widgets.transcript import Transcript
from tests.tui.harness import JOURNEY, app_of, make_app, settle, told
from tests.unit.session.session_helpers import make_store


def choice_texts(app_screen: PlayScreen) -> list[str]:
    return app_screen.query_one(ChoiceList).prompts


def passage_titles(screen: PlayScreen) -> list[str | None]:
    return [passage.title for passage in screen.query_one(Transcript).passages]


async def test_title_without_autosave_offers_no_continue(tmp_path: Path) -> None:
    async with make_app(tmp_path).run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert isinstance(pilot.app.screen, TitleScreen)
        menu = pilot.app.screen.query_one("#title-menu", OptionList)
        ids = [option.id for option in menu.options]
        assert ids == ["new", "load", "settings", "help", "quit"]


async def test_the_first_frame_of_the_title_offers_continue_in_the_menu_and_the_key_bar(
    tmp_path: Path,
) -> None:
    story = make_app(tmp_path).story
    store = make_store(tmp_path)
    game = Game(story)
    state = game.take(game.start(), game.passage(game.start()).available[0].key)
    store.save(AUTOSAVE, story, state, 60.0)
    async with make_app(tmp_path).run_test(size=(80, 24)) as pilot:
        screen = pilot.app.screen
        assert isinstance(screen, TitleScreen)
        menu = screen.query_one("#title-menu", OptionList)
        assert [option.id for option in menu.options][:2] == ["new", "continue"]
        await pilot.pause()
        footer = screen.query_one(Footer)
        drawn = [key.render() for key in footer.query("*")]
        words = " ".join(str(text) for text in drawn if isinstance(text, (Content, Text)))
        assert "Continue" in words.split()


async def test_new_game_shows_the_first_passage_status_and_choices(tmp_path: Path) -> None:
    async with make_app(tmp_path).run_test(size=(80, 24)) as pilot:
        await pilot.press("n")
        await settle(pilot)
        screen = pilot.app.screen
        assert isinstance(screen, PlayScreen)
        assert passage_titles(screen) == ["Arrival"]
        transcript = screen.query_one(Transcript)
        assert transcript.current is not None
        assert "Credibility: 0. Literal {braces}." in transcript.current.text
        assert any("Literal {braces}." in line for line in transcript.text_lines())
        status = screen.query_one(StatusLine).text
        assert "2023 · Summit" in status
        assert "The forest road" in status
        assert "Credibility: 0" in status
        assert choice_texts(screen) == ["1. Pick up the press pass", "2. Drive to the gate"]


async def test_number_key_takes_that_choice_and_keeps_the_passage_above(tmp_path: Path) -> None:
    async with make_app(tmp_path).run_test(size=(80, 24)) as pilot:
        await pilot.press("n")
        await settle(pilot)
        await pilot.press("2")
        await settle(pilot)
        screen = pilot.app.screen
        assert isinstance(screen, PlayScreen)
        assert passage_titles(screen) == ["Arrival", "The checkpoint, "]
        transcript = screen.query_one(Transcript)
        first, second = transcript.passages
        assert first.read
        assert first.chosen == "Drive to the gate"
        assert "› Drive to the gate" in [line.strip() for line in transcript.text_lines()]
        assert not second.read and second.chosen is None
        assert app_of(pilot).session.require().node == "checkpoint"


async def test_arrows_and_enter_take_the_highlighted_choice(tmp_path: Path) -> None:
    async with make_app(tmp_path).run_test(size=(80, 24)) as pilot:
        await pilot.press("n")
        await settle(pilot)
        await pilot.press("down", "enter")
        await settle(pilot)
        assert app_of(pilot).session.require().node == "checkpoint"


async def test_clicking_a_choice_takes_it(tmp_path: Path) -> None:
    async with make_app(tmp_path).run_test(size=(80, 24)) as pilot:
        await pilot.press("n")
        await settle(pilot)
        choices = pilot.app.screen.query_one(ChoiceList)
        await pilot.click(choices, offset=(5, 2))  # under the rule, one line per option: the second
        await settle(pilot)
        assert app_of(pilot).session.require().node == "checkpoint"


async def test_locked_choice_is_shown_disabled_with_its_reason(tmp_path: Path) -> None:
    async with make_app(tmp_path).run_test(size=(80, 24)) as pilot:
        await pilot.press("n")
        await settle(pilot)
        await pilot.press("2")
        await settle(pilot)
        screen = pilot.app.screen
        assert isinstance(screen, PlayScreen)
        options = screen.query_one(ChoiceList).options
        assert options[0].disabled
        assert choice_texts(screen)[0] == "1. Show the press pass — locked: You have no pass."
        assert not any(option.disabled for option in options[1:])
        assert screen.query_one(ChoiceList).highlighted == 1  # the first choice one can take


async def test_number_key_of_a_locked_choice_says_why_and_does_not_move(tmp_path: Path) -> None:
    async with make_app(tmp_path).run_test(size=(80, 24)) as pilot:
        await pilot.press("n")
        await settle(pilot)
        await pilot.press("2")
        await settle(pilot)
        await pilot.press("1")
        await settle(pilot)
        app = app_of(pilot)
        assert app.session.require().node == "checkpoint"
        messages = told(app)
        assert any("You have no pass." in m for m in messages)


async def test_undo_steps_back_one_choice_any_number_of_times(tmp_path: Path) -> None:
    async with make_app(tmp_path).run_test(size=(80, 24)) as pilot:
        await pilot.press("n")
        await settle(pilot)
        await pilot.press("1", "1")  # take the pass, drive to the gate
        await settle(pilot)
        app = app_of(pilot)
        assert app.session.require().steps == 2
        await pilot.press("u")
        await settle(pilot)
        assert app.session.require().steps == 1
        assert app.session.require().node == "prologue"
        await pilot.press("u")
        await settle(pilot)
        state = app.session.require()
        assert state.steps == 0
        screen = pilot.app.screen
        assert isinstance(screen, PlayScreen)
        assert passage_titles(screen) == ["Arrival"]
        await pilot.press("u")
        await settle(pilot)
        assert any("Nothing to undo" in m for m in told(app))


async def test_every_move_and_undo_writes_the_autosave(tmp_path: Path) -> None:
    async with make_app(tmp_path).run_test(size=(80, 24)) as pilot:
        await pilot.press("n")
        await settle(pilot)
        app = app_of(pilot)
        store = make_store(tmp_path)
        await pilot.press("2")
        await settle(pilot)
        assert store.load("auto-1", app.story).state.node == "checkpoint"
        await pilot.press("u")
        await settle(pilot)
        assert store.load("auto-1", app.story).state.node == "prologue"


async def test_story_text_with_brackets_is_never_read_as_markup(tmp_path: Path) -> None:
    async with make_app(tmp_path, JOURNEY).run_test(size=(80, 24)) as pilot:
        await pilot.press("n")
        await settle(pilot)
        await pilot.press("2")
        await settle(pilot)
        screen = pilot.app.screen
        assert isinstance(screen, PlayScreen)
        current = screen.query_one(Transcript).current
        assert current is not None and "[Tynda 08:40" in current.text
        assert "2. Ride on to Vladivostok [via Khabarovsk]" in choice_texts(screen)


async def test_escape_goes_to_the_title_and_continue_resumes(tmp_path: Path) -> None:
    async with make_app(tmp_path).run_test(size=(80, 24)) as pilot:
        await pilot.press("n")
        await settle(pilot)
        await pilot.press("2")
        await settle(pilot)
        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(pilot.app.screen, TitleScreen)
        menu = pilot.app.screen.query_one("#title-menu", OptionList)
        resume = menu.get_option("continue")
        assert "The checkpoint" in str(resume.prompt)
        assert "today 14:02" in str(resume.prompt)
        await pilot.press("c")
        await settle(pilot)
        assert isinstance(pilot.app.screen, PlayScreen)
        assert app_of(pilot).session.require().node == "checkpoint"


async def test_continue_names_the_ending_of_a_finished_game(tmp_path: Path) -> None:
    async with make_app(tmp_path).run_test(size=(80, 24)) as pilot:
        await pilot.press("n")
        await settle(pilot)
        while not app_of(pilot).session.require().ended:
            await pilot.press("1")
            await settle(pilot)
        assert app_of(pilot).session.require().node == "apron"
        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(pilot.app.screen, TitleScreen)
        resume = pilot.app.screen.query_one("#title-menu", OptionList).get_option("continue")
        assert "The end: On the apron · today 14:02" in str(resume.prompt)


def test_the_status_line_takes_a_second_line_only_when_it_must() -> None:
    where = ["2023 · Summit", "Vostochny cosmodrome"]
    variables = ["Credibility: 1", "Leads: 0"]
    one = "2023 · Summit  │  Vostochny cosmodrome  │  Credibility: 1   Leads: 0"
    assert status_lines(where, variables, 80) == [one]
    assert status_lines(where, variables, 60) == [
        "2023 · Summit  │  Vostochny cosmodrome",
        "Credibility: 1   Leads: 0",
    ]
    assert status_lines(where, [], 10) == ["2023…"]  # cut at a word, no dangling "·"
    assert status_lines([], variables, 20) == ["Credibility: 1", "Leads: 0"]  # never cut
    many = [f"Gauge {n}: {n}" for n in range(1, 9)]
    lines = status_lines(where, many, 40)
    assert lines[0] == "2023 · Summit  │  Vostochny cosmodrome"
    assert "   ".join(lines[1:]) == "   ".join(many)  # every gauge shown, each whole
    assert all(len(line) <= 40 for line in lines)
    assert status_lines(["Amur region"], [], 10) == ["Amur…"]  # never "Amur reg…"
