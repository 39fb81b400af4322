"""Closing the terminal at any moment ends the game (issue 13, class 8): the tmux server
is killed at seeded moments of start-up and of play, and every time the game's process
must end by itself, its autosave written, with no process left behind."""

from __future__ import annotations

import random
import time
from pathlib import Path

import pytest

from tests.conftest import FIXTURES
from tests.functional.cli_runner import cosmodrome_command
from tests.functional.tmux import Terminal

CLOSES = 30
# the game ends by itself well within this; a stalled stop is ended after 3 s
WITHIN_SECONDS = 12.0


def game(tmp_path: Path, run: int) -> Terminal:
    return Terminal(
        [*cosmodrome_command(), "play", "--story", str(FIXTURES / "sample")],
        width=80,
        height=24,
        env={"COSMODROME_SAVES": str(tmp_path / f"saves-{run}")},
        cwd=tmp_path,
    )


@pytest.mark.tmux
def test_closing_the_terminal_at_any_moment_ends_the_game(tmp_path: Path) -> None:
    rng = random.Random(13)
    survived: list[str] = []
    for run in range(CLOSES):
        terminal = game(tmp_path, run)
        if run % 3 == 2:  # in play: a new game and a move first
            terminal.wait_for("New game")
            terminal.send("n")
            terminal.wait_for("2. Drive to the gate")
            terminal.send("2")
            moment = f"in play, {run}"
        else:  # during start-up, at a seeded moment of its first second and a half
            delay = rng.uniform(0.0, 1.5)
            time.sleep(delay)  # the moment itself is what is tested, not a wait for a state
            moment = f"{delay:.2f} s into start-up"
        if not terminal.hang_up(WITHIN_SECONDS):
            survived.append(moment)
    assert survived == [], f"the game outlived its terminal: {survived}"
