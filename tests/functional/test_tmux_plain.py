"""The line-mode player in a real terminal: tmux types, capture-pane reads."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.conftest import FIXTURES
from tests.functional.cli_runner import cosmodrome_command
from tests.functional.tmux import Terminal


@pytest.fixture
def terminal(tmp_path: Path) -> Iterator[Terminal]:
    term = Terminal(
        [*cosmodrome_command(), "play", "--plain", "--story", str(FIXTURES / "sample")],
        width=80,
        height=24,
        env={"COSMODROME_SAVES": str(tmp_path / "saves")},
        cwd=tmp_path,
    )
    yield term
    term.close()


@pytest.mark.tmux
def test_plain_player_in_a_real_terminal(terminal: Terminal) -> None:
    terminal.wait_for("2. Drive to the gate")
    terminal.send("2", "Enter")
    terminal.wait_for("## The checkpoint")
    terminal.send("3", "Enter")
    screen = terminal.wait_for("[exited 0]")
    assert "— The end: The road home" in screen


@pytest.mark.tmux
def test_a_dumb_terminal_plays_in_line_mode_with_a_note(tmp_path: Path) -> None:
    # issue 13, class 8: TERM=dumb cannot draw the game; it is played line by line
    term = Terminal(
        [*cosmodrome_command(), "play", "--story", str(FIXTURES / "sample")],
        width=80,
        height=24,
        env={"COSMODROME_SAVES": str(tmp_path / "saves"), "TERM": "dumb"},
        cwd=tmp_path,
    )
    try:
        screen = term.wait_for("2. Drive to the gate")
        assert "TERM=dumb cannot draw the game; playing in line mode (--plain)" in screen
        assert "## Arrival" in screen
        term.send("quit", "Enter")
        assert "Goodbye." in term.wait_for("[exited 0]")
    finally:
        term.close()


@pytest.mark.tmux
def test_in_a_terminal_the_newest_autosave_is_offered_and_a_new_game_keeps_it(
    tmp_path: Path,
) -> None:
    saves = tmp_path / "saves"
    plain = [*cosmodrome_command(), "play", "--plain", "--story", str(FIXTURES / "sample")]
    env = {"COSMODROME_SAVES": str(saves)}
    first = Terminal(plain, width=80, height=24, env=env, cwd=tmp_path)
    try:
        first.wait_for("2. Drive to the gate")
        first.send("2", "Enter")  # the first game, at the checkpoint
        first.wait_for("## The checkpoint")
        first.send("quit", "Enter")
        first.wait_for("[exited 0]")
    finally:
        first.close()
    second = Terminal(plain, width=80, height=24, env=env, cwd=tmp_path)
    try:
        screen = second.wait_for("[Y/n]")
        assert "The newest game is auto-1: " in screen and ", 1 choice." in screen
        second.send("n", "Enter")  # a new game
        second.wait_for("1. Pick up the press pass")
        second.send("1", "Enter")  # it moves: its own autosave, auto-2
        second.wait_for("Credibility: 1.")
        second.send("quit", "Enter")
        second.wait_for("[exited 0]")
    finally:
        second.close()
    third = Terminal(plain, width=80, height=24, env=env, cwd=tmp_path)
    try:
        screen = third.wait_for("[Y/n]")
        assert "The newest game is auto-2: " in screen
        third.send("n", "Enter")  # no: a new game, at once left
        third.wait_for("1. Pick up the press pass")
        third.send("quit", "Enter")
        third.wait_for("[exited 0]")
    finally:
        third.close()
    back = Terminal([*plain, "--load", "auto-1"], width=80, height=24, env=env, cwd=tmp_path)
    try:
        screen = back.wait_for("4. Wait a while")  # the first game, where it was left
        assert "A guard studies your papers." in screen
        back.send("quit", "Enter")
        back.wait_for("[exited 0]")
    finally:
        back.close()
