"""The session under live reload: the game in progress moves to the edited story, fitted
as a save would be, and the autosave follows."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

from cosmodrome.session import Reloaded, Session
from cosmodrome.story.loader import load_story
from tests.unit.session.session_helpers import SAMPLE, FakeClock, make_store


def edited(tmp_path: Path, replacements: list[tuple[str, str, str]]) -> Path:
    """A copy of the sample story with (file, old, new) replacements, each of which applies."""
    story = tmp_path / "story"
    shutil.copytree(SAMPLE, story)
    for relative, old, new in replacements:
        path = story / relative
        text = path.read_text(encoding="utf-8")
        assert old in text
        path.write_text(text.replace(old, new), encoding="utf-8")
    return story


def test_without_a_game_only_the_story_changes(tmp_path: Path) -> None:
    session = Session(load_story(SAMPLE), make_store(tmp_path / "saves"), FakeClock())
    story = load_story(edited(tmp_path, [("nodes/gate.yaml", "Rain on", "Snow on")]))
    assert session.change_story(story) == ()
    assert session.story is story and session.game.story is story
    assert not session.playing
    session.new_game()  # a new game starts in the new story
    assert session.passage().text.startswith("Snow on")


def test_the_game_goes_on_in_the_new_story_and_is_autosaved(tmp_path: Path) -> None:
    store = make_store(tmp_path / "saves")
    session = Session(load_story(SAMPLE), store, FakeClock())
    session.new_game()
    session.take("take-pass")
    session.take("checkpoint.1")
    story = load_story(
        edited(tmp_path, [("story.yaml", '  alias: ""\n', '  alias: ""\n  mood: 3\n')])
    )
    assert session.change_story(story) == ("1 new variable took its default: 'mood'.",)
    state = session.require()
    assert (state.node, state.steps, state.variables["mood"]) == ("checkpoint", 2, 3)
    assert session.game.take(state, "show-pass").node == "apron"  # the pass is still held
    assert store.load(session.autosave_name or "", story).state.variables["mood"] == 3


def test_a_game_with_no_place_left_starts_again_and_says_why(tmp_path: Path) -> None:
    session = Session(load_story(SAMPLE), make_store(tmp_path / "saves"), FakeClock())
    session.new_game()
    story = load_story(
        edited(
            tmp_path,
            [
                ("story.yaml", "start: prologue", "start: overture"),
                ("nodes/gate.yaml", "  prologue:\n", "  overture:\n"),
                ("nodes/gate.yaml", "goto: prologue", "goto: overture"),
            ],
        )
    )
    [note] = session.change_story(story)
    assert note.startswith("The game could not go on (incompatible: node 'prologue'")
    assert note.endswith("started again.")
    assert session.require().node == "overture"
    assert session.require().steps == 0


def test_a_broken_edit_is_news_once_and_a_fix_clears_it(tmp_path: Path) -> None:
    from cosmodrome.story.watch import StoryWatcher

    story_dir = edited(tmp_path, [])
    session = Session(load_story(story_dir), make_store(tmp_path / "saves"), FakeClock())
    session.new_game()
    watcher = StoryWatcher(story_dir, session.story)
    gate = story_dir / "nodes" / "gate.yaml"

    def edit(old: str, new: str) -> Reloaded:
        text = gate.read_text(encoding="utf-8")
        before = gate.stat()
        gate.write_text(text.replace(old, new, 1), encoding="utf-8")
        os.utime(gate, ns=(before.st_atime_ns, before.st_mtime_ns + 1_000_000_000))
        result = watcher.poll()
        assert result is not None
        return session.reload(result)

    broken = edit("goto: road-end", "goto: road-nowhere")
    assert (broken.news, broken.changed) == (True, False)
    assert broken.summary.startswith("The story has 1 error")
    assert session.story_problems == broken.problems != ()
    again = edit("Rain on", "Snow on")  # the same error is left: nothing new to say
    assert (again.news, again.problems) == (False, broken.problems)
    fixed = edit("goto: road-nowhere", "goto: road-end")
    assert (fixed.news, fixed.changed, fixed.problems) == (True, True, ())
    assert session.story_problems == ()
    assert session.passage().text.startswith("Snow on")
