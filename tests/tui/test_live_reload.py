"""Pilot tests of `play --watch`: an edit reloads the story under the game in progress,
a broken edit shows its errors while the last good story plays on, a fix clears them.

The tests drive each look at the files themselves (`story_reload.check`) and move each
edited file's modification time on explicitly, so no test waits on a clock.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from textual.pilot import Pilot
from textual.widgets import Static

from cosmodrome.tui.screens.play import PlayScreen
from cosmodrome.tui.widgets.problems import StoryProblems
from cosmodrome.tui.widgets.transcript import Transcript
from tests.tui.harness import SAMPLE, app_of, make_app, settle, told, wait_for

SIZE = (100, 30)


@pytest.fixture
def story(tmp_path: Path) -> Path:
    target = tmp_path / "story"
    shutil.copytree(SAMPLE, target)
    return target


def edit(path: Path, old: str, new: str, *, count: int = -1) -> None:
    """Replace `old` (which must be there) and move the file's mtime on by a second, as a
    save a moment later would, whatever the file system's clock granularity."""
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} is not in {path.name}"
    before = path.stat()
    path.write_text(text.replace(old, new, count), encoding="utf-8")
    os.utime(path, ns=(before.st_atime_ns, before.st_mtime_ns + 1_000_000_000))


async def reload(pilot: Pilot[None]) -> None:
    """Look at the story's files now, and wait until the reload is shown."""
    app = app_of(pilot)
    assert app.story_reload.check(), "the edit was noticed"
    await wait_for(pilot, lambda: not app.story_reload.reloading)
    await settle(pilot)


def play_screen(pilot: Pilot[None]) -> PlayScreen:
    screen = pilot.app.screen
    assert isinstance(screen, PlayScreen)
    return screen


def newest_text(pilot: Pilot[None]) -> str:
    current = play_screen(pilot).query_one(Transcript).current
    assert current is not None
    return current.text


def notes(pilot: Pilot[None]) -> list[str]:
    return told(pilot.app)


def shown_problems(pilot: Pilot[None]) -> str | None:
    """The problems panel's text, or None when it is hidden."""
    panel = play_screen(pilot).query_one(StoryProblems)
    if not panel.display:
        return None
    return str(panel.query_one(".problems-lines", Static).content)


async def start_at_the_gate_with_the_pass(pilot: Pilot[None]) -> None:
    for key in ("n", "1", "1"):  # new game, pick up the pass, drive to the gate
        await pilot.press(key)
        await settle(pilot)
    assert app_of(pilot).session.require().node == "checkpoint"


async def test_an_edit_shows_the_new_text_and_keeps_the_state(tmp_path: Path, story: Path) -> None:
    app = make_app(tmp_path / "saves", story, watch=True)
    async with app.run_test(size=SIZE) as pilot:
        await start_at_the_gate_with_the_pass(pilot)
        before = app.session.require()
        assert "A guard studies your papers." in newest_text(pilot)
        edit(story / "nodes" / "gate.yaml", "A guard studies", "A sergeant studies")
        await reload(pilot)
        after = app.session.require()
        assert "A sergeant studies your papers." in newest_text(pilot)
        assert "A guard" not in newest_text(pilot)
        assert (after.node, after.steps) == (before.node, before.steps) == ("checkpoint", 2)
        assert dict(after.variables) == dict(before.variables)
        assert after.variables["has_pass"] is True
        assert dict(after.visits) == dict(before.visits)
        assert after.taken_once == before.taken_once == {"prologue/take-pass"}
        assert [s.node for s in after.history()] == ["prologue", "prologue", "checkpoint"]
        assert "Story reloaded." in notes(pilot)
        assert app.story is app.session.story
        # play goes on in the new story
        await pilot.press("4")  # wait a while: the checkpoint again
        await settle(pilot)
        assert app.session.require().steps == 3
        assert "A sergeant studies" in newest_text(pilot)


async def test_a_broken_edit_shows_its_errors_and_the_last_good_story_plays_on(
    tmp_path: Path, story: Path
) -> None:
    gate = story / "nodes" / "gate.yaml"
    app = make_app(tmp_path / "saves", story, watch=True)
    async with app.run_test(size=SIZE) as pilot:
        await start_at_the_gate_with_the_pass(pilot)
        assert shown_problems(pilot) is None
        edit(gate, "goto: checkpoint", "goto: checkpont", count=1)
        [line] = [
            n
            for n, text in enumerate(gate.read_text("utf-8").splitlines(), 1)
            if "checkpont" in text
        ]
        column = gate.read_text("utf-8").splitlines()[line - 1].index("checkpont") + 1
        expected = (
            f"{gate}:{line}:{column}: error: choice goes to unknown node 'checkpont'"
            " (did you mean 'checkpoint'?) [reference]"
        )
        await reload(pilot)
        shown = shown_problems(pilot)
        assert shown is not None
        assert shown.splitlines() == [expected]
        assert app.session.story_problems == (expected,)
        assert any("The story has 1 error" in n for n in notes(pilot))
        # the last good story plays on: every choice works, the state moves
        await pilot.press("4")
        await settle(pilot)
        assert app.session.require().steps == 3
        assert app.session.require().node == "checkpoint"
        assert shown_problems(pilot) is not None  # the panel stays until the story is fixed
        edit(gate, "goto: checkpont", "goto: checkpoint")
        await reload(pilot)
        assert shown_problems(pilot) is None
        assert not app.session.story_problems
        assert app.session.require().steps == 3
        assert "Story reloaded." in notes(pilot)


async def test_a_second_broken_edit_replaces_the_errors_shown(tmp_path: Path, story: Path) -> None:
    gate = story / "nodes" / "gate.yaml"
    app = make_app(tmp_path / "saves", story, watch=True)
    async with app.run_test(size=SIZE) as pilot:
        await start_at_the_gate_with_the_pass(pilot)
        edit(gate, "goto: checkpoint", "goto: checkpont", count=1)
        await reload(pilot)
        edit(gate, "goto: road-end", "goto: road-ends")
        await reload(pilot)
        shown = shown_problems(pilot)
        assert shown is not None
        assert [("checkpont" in s, "road-ends" in s) for s in shown.splitlines()] == [
            (True, False),
            (False, True),
        ]


async def test_a_renamed_node_keeps_the_player_there_and_says_so(
    tmp_path: Path, story: Path
) -> None:
    app = make_app(tmp_path / "saves", story, watch=True)
    async with app.run_test(size=SIZE) as pilot:
        await start_at_the_gate_with_the_pass(pilot)
        gate, more = story / "nodes" / "gate.yaml", story / "nodes" / "more.yaml"
        for old, new in [
            ("  checkpoint:\n", "  gatehouse:\n"),
            ("was: [gate]", "was: [gate, checkpoint]"),
            ("goto: checkpoint", "goto: gatehouse"),
            ('visited("checkpoint")', 'visited("gatehouse")'),
        ]:
            edit(gate, old, new)
        edit(more, "goto: checkpoint", "goto: gatehouse")
        await reload(pilot)
        state = app.session.require()
        assert state.node == "gatehouse"
        assert state.visits["gatehouse"] == 1
        assert any(
            n.startswith("Story reloaded.") and "Node 'checkpoint' is now 'gatehouse'." in n
            for n in notes(pilot)
        )
        await pilot.press("1")  # show the pass: it still works in the renamed node
        await settle(pilot)
        assert app.session.require().node == "apron"


async def test_the_autosave_holds_the_reloaded_game(tmp_path: Path, story: Path) -> None:
    app = make_app(tmp_path / "saves", story, watch=True)
    async with app.run_test(size=SIZE) as pilot:
        await start_at_the_gate_with_the_pass(pilot)
        edit(story / "story.yaml", '  alias: ""\n', '  alias: ""\n  mood: 3\n')
        await reload(pilot)
        assert app.session.require().variables["mood"] == 3
        assert any("1 new variable took its default: 'mood'." in n for n in notes(pilot))
    reloaded = app.story
    loaded = app.session.store.load("auto-1", reloaded)
    assert loaded.state.variables["mood"] == 3
    assert loaded.notes == ()  # saved under the reloaded story: nothing to adapt


async def test_a_broken_edit_seen_from_the_title_screen_shows_once_play_starts(
    tmp_path: Path, story: Path
) -> None:
    app = make_app(tmp_path / "saves", story, watch=True)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        edit(story / "nodes" / "more.yaml", "goto: checkpoint", "goto: nowhere")
        assert app.story_reload.check()
        await wait_for(pilot, lambda: not app.story_reload.reloading)
        await pilot.press("n")
        await settle(pilot)
        shown = shown_problems(pilot)
        assert shown is not None and "unknown node 'nowhere'" in shown


async def test_the_timer_notices_an_edit_by_itself(tmp_path: Path, story: Path) -> None:
    app = make_app(tmp_path / "saves", story, watch=True, watch_interval=0.02)
    async with app.run_test(size=SIZE) as pilot:
        await start_at_the_gate_with_the_pass(pilot)
        edit(story / "nodes" / "gate.yaml", "A guard studies", "A sergeant studies")
        await wait_for(pilot, lambda: "A sergeant" in newest_text(pilot))


async def test_without_watch_nothing_is_reloaded(tmp_path: Path, story: Path) -> None:
    app = make_app(tmp_path / "saves", story)
    async with app.run_test(size=SIZE) as pilot:
        await start_at_the_gate_with_the_pass(pilot)
        edit(story / "nodes" / "gate.yaml", "A guard studies", "A sergeant studies")
        assert not app.story_reload.check()
        await settle(pilot)
        assert "A guard studies" in newest_text(pilot)


async def test_the_title_screen_names_the_reloaded_story(story: Path) -> None:
    app = make_app(story.parent / "saves", story, watch=True)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        name = pilot.app.screen.query_one("#title-name", Static)
        author = pilot.app.screen.query_one("#title-author", Static)
        assert str(name.content) == "T H E   C H E C K P O I N T"
        assert author.display and str(author.content) == "by Cosmodrome tests"
        edit(story / "story.yaml", 'title: "The Checkpoint"', 'title: "The Gate"')
        edit(story / "story.yaml", "author:", "# author:")
        await reload(pilot)
        assert str(name.content) == "T H E   G A T E"
        assert app.title == "The Gate"
        assert not author.display
