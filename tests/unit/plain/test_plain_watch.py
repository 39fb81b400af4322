"""`play --plain --watch`: the line-mode player picks up edits before each line it reads.

The player's input is a script: a line may first edit a story file, as an author
would between two lines typed to the game.
"""

from __future__ import annotations

import io
import os
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import TextIO, cast

import pytest

from cosmodrome.plain.launch import play_plain
from cosmodrome.story.loader import load_story
from tests.conftest import FIXTURES

Step = str | tuple[Callable[[], None], str]


class Script:
    """Standard input that runs each step's edit just before the step's line is read
    (the player only ever calls `readline`)."""

    def __init__(self, steps: list[Step]) -> None:
        self.steps = list(steps)

    def readline(self) -> str:
        if not self.steps:
            return ""
        step = self.steps.pop(0)
        if isinstance(step, tuple):
            act, step = step
            act()
        return step + "\n"


@pytest.fixture
def story(tmp_path: Path) -> Path:
    target = tmp_path / "story"
    shutil.copytree(FIXTURES / "sample", target)
    return target


def edit(path: Path, old: str, new: str) -> Callable[[], None]:
    """An edit of `path`, saved a second later than the last (whatever the clock's grain)."""

    def act() -> None:
        text = path.read_text(encoding="utf-8")
        assert old in text, f"{old!r} is not in {path.name}"
        before = path.stat()
        path.write_text(text.replace(old, new, 1), encoding="utf-8")
        os.utime(path, ns=(before.st_atime_ns, before.st_mtime_ns + 1_000_000_000))

    return act


def play(story: Path, saves: Path, steps: list[Step]) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = play_plain(
        load_story(story),
        str(saves),
        None,
        False,
        stdin=cast(TextIO, Script(steps)),
        stdout=out,
        stderr=err,
        watch=story,
    )
    return code, out.getvalue(), err.getvalue()


def test_an_edit_is_played_at_once_and_keeps_the_players_place(story: Path, tmp_path: Path) -> None:
    gate = story / "nodes" / "gate.yaml"
    steps: list[Step] = [
        "1",  # take the pass: credibility 1, still at the prologue
        (edit(gate, "Rain on the windscreen.", "Snow on the windscreen."), "look"),
        "quit",
    ]
    code, out, err = play(story, tmp_path / "saves", steps)
    assert code == 0, err
    assert out.startswith(f"Watching {story} for edits")
    after = out.split("Story reloaded.", 1)[1]
    assert "Snow on the windscreen. Credibility: 1." in after  # the variables were kept
    assert "Rain on the windscreen" not in after
    assert "1. Drive to the gate" in after  # the `once` choice stays taken


def test_a_broken_edit_prints_its_errors_once_and_play_goes_on(story: Path, tmp_path: Path) -> None:
    gate = story / "nodes" / "gate.yaml"
    steps: list[Step] = [
        (edit(gate, "goto: road-end", "goto: road-nowhere"), "look"),
        (edit(gate, "Rain on the windscreen.", "Rain on the glass."), "look"),  # same error
        "2",  # still playing the last version that loaded: to the checkpoint
        (edit(gate, "goto: road-nowhere", "goto: road-end"), "look"),
        "quit",
    ]
    code, out, err = play(story, tmp_path / "saves", steps)
    assert code == 0, err
    assert out.count("The story has 1 error; still playing the last version that loaded.") == 1
    problem = [line.strip() for line in out.splitlines() if "road-nowhere" in line]
    assert len(problem) == 1
    assert problem[0].startswith(f"{gate}:")
    assert ": error: " in problem[0]
    assert "## The checkpoint" in out.split("still playing", 1)[1]
    fixed = out.split("Story reloaded.", 1)[1]
    assert "A guard studies your papers." in fixed  # reloaded where the player stood


def test_a_game_whose_place_is_gone_starts_again_and_says_why(story: Path, tmp_path: Path) -> None:
    gate = story / "nodes" / "gate.yaml"
    more = story / "nodes" / "more.yaml"
    renamed = [
        edit(gate, "  prologue:", "  opening:"),
        edit(story / "story.yaml", "start: prologue", "start: opening"),
        edit(gate, "goto: prologue", "goto: opening"),
    ]

    def rename_everything() -> None:
        for act in renamed:
            act()

    steps: list[Step] = [(rename_everything, "look"), "quit"]
    code, out, err = play(story, tmp_path / "saves", steps)
    assert code == 0, err
    assert more.exists()
    reloaded = out.split("Story reloaded.", 1)[1]
    assert "started again" in reloaded.splitlines()[0]
    assert "## Arrival" in reloaded


def test_without_an_edit_nothing_is_reloaded(story: Path, tmp_path: Path) -> None:
    code, out, err = play(story, tmp_path / "saves", ["look", "2", "quit"])
    assert code == 0, err
    assert "Story reloaded." not in out
    assert "## The checkpoint," in out
