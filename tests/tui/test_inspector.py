"""Pilot tests of the author's inspector (F12 under `play --watch`): the state, and why
each choice of the node is shown, locked or hidden."""

from __future__ import annotations

import shutil
from pathlib import Path

from textual.pilot import Pilot

from cosmodrome.story.watch import reload_story
from cosmodrome.tui.palette import palette_commands
from cosmodrome.tui.screens.help import help_sections
from cosmodrome.tui.screens.play import PlayScreen
from cosmodrome.tui.widgets.inspector import Inspector
from cosmodrome.tui.widgets.transcript import Transcript
from tests.conftest import FIXTURES
from tests.tui.harness import SAMPLE, app_of, make_app, settle, told

SIZE = (100, 30)


def inspector(pilot: Pilot[None]) -> Inspector:
    screen = pilot.app.screen
    assert isinstance(screen, PlayScreen)
    return screen.query_one(Inspector)


async def press(pilot: Pilot[None], *keys: str) -> None:
    for key in keys:
        await pilot.press(key)
        await settle(pilot)


async def test_f12_opens_the_inspector_on_the_state_and_closes_it(tmp_path: Path) -> None:
    async with make_app(tmp_path, watch=True).run_test(size=SIZE) as pilot:
        await press(pilot, "n", "2")  # to the gate without the pass
        assert not inspector(pilot).display
        await press(pilot, "f12")
        panel = inspector(pilot)
        assert panel.display
        lines = panel.text.splitlines()
        assert lines[0] == "Node checkpoint"
        assert "  credibility     0" in lines
        assert "  has_pass        false" in lines
        assert "  checkpoint  1" in lines
        assert "  summit-2023" in lines
        # the locked choice: its condition, what the condition reads, and the reason
        at = lines.index("  1.  LOCKED show-pass → apron")
        assert lines[at + 1 : at + 4] == [
            "     if has_pass and credibility >= 1",
            "     has_pass = false, credibility = 0",
            "     condition is false; locked: You have no pass.",
        ]
        await press(pilot, "f12")
        assert not inspector(pilot).display


async def test_the_inspector_follows_each_move_and_shows_why_a_choice_is_hidden(
    tmp_path: Path,
) -> None:
    async with make_app(tmp_path, watch=True).run_test(size=SIZE) as pilot:
        await press(pilot, "n", "f12", "2", "2", "1")  # gate, archive, back to the gate
        assert app_of(pilot).session.require().node == "checkpoint"
        lines = inspector(pilot).text.splitlines()
        assert "  first-launch-2016" in lines  # learnt in the archive
        assert "  checkpoint  2" in lines
        at = lines.index("  –   HIDDEN archive.1 → archive")
        assert lines[at + 1 : at + 4] == [
            '     if not known("first-launch-2016")',
            '     known("first-launch-2016") = true',
            "     condition is false (no locked: text, so hidden)",
        ]
        # the numbers are the ones the player presses: the hidden choice has none
        assert "  2.  SHOWN  road-end.1 → road-end" in lines


async def test_a_once_choice_taken_is_hidden_for_that_reason(tmp_path: Path) -> None:
    async with make_app(tmp_path, watch=True).run_test(size=SIZE) as pilot:
        await press(pilot, "n", "1", "f12")  # took the pass: back at the prologue
        lines = inspector(pilot).text.splitlines()
        at = lines.index("  –   HIDDEN take-pass → prologue  once")
        assert lines[at + 1] == "     once, and already taken"


async def test_the_inspector_shows_the_reloaded_story(tmp_path: Path) -> None:
    story = tmp_path / "story"
    shutil.copytree(SAMPLE, story)
    app = make_app(tmp_path / "saves", story, watch=True)
    async with app.run_test(size=SIZE) as pilot:
        await press(pilot, "n", "2", "f12")
        gate = story / "nodes" / "gate.yaml"
        gate.write_text(
            gate.read_text("utf-8").replace("credibility >= 1", "credibility >= 5"), "utf-8"
        )
        app.story_reload.apply(reload_story(story, app.story))
        await settle(pilot)
        assert "     if has_pass and credibility >= 5" in inspector(pilot).text.splitlines()


async def test_without_watch_there_is_no_inspector(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await press(pilot, "n", "f12")
        assert not pilot.app.screen.query(Inspector)  # the author's panel is not even built
        assert "Inspector" not in {c.name for c in palette_commands(app)}


async def test_the_inspector_is_in_the_palette_and_the_help_when_watching(
    tmp_path: Path,
) -> None:
    app = make_app(tmp_path, watch=True)
    async with app.run_test(size=SIZE) as pilot:
        await press(pilot, "n")
        assert any(m.endswith("for edits; F12 opens the inspector.") for m in told(app))
        assert "Inspector" in {c.name for c in palette_commands(app)}
        sections = dict(help_sections(app))
        [(keys, what)] = sections["Writing the story (cosmodrome play --watch)"]
        assert (keys.lower(), what) == ("f12", "Inspector")
        assert all(what != "Inspector" for _, what in sections["Playing"])
        await pilot.app.run_action("toggle_inspector")
        await settle(pilot)
        assert inspector(pilot).display


async def test_the_inspector_says_which_text_blocks_show_on_a_return(tmp_path: Path) -> None:
    story = tmp_path / "story"
    shutil.copytree(FIXTURES / "revisits", story)
    app = make_app(tmp_path / "saves", story, watch=True)
    async with app.run_test(size=SIZE) as pilot:
        await press(pilot, "n", "1", "f12")  # drank the tea: back at the hut
        lines = inspector(pilot).text.splitlines()
        at = lines.index("Text here")
        assert lines[at + 1 : at + 5] == [
            "  block 1, first",
            "     first only, and this is entry 2",
            "  block 2, again",
            "     again only, and this is entry 2",
        ]
        assert "  {if leads == 1}" in lines
        hut = story / "nodes" / "hut.yaml"
        hut.write_text(hut.read_text("utf-8").replace("Back again,", "Welcome back,"), "utf-8")
        app.story_reload.apply(reload_story(story, app.story))
        await settle(pilot)
        current = pilot.app.screen.query_one(Transcript).current
        assert current is not None
        assert "Welcome back, Arkady says." in current.text
        assert "Sit." not in current.text  # still a return after the reload
