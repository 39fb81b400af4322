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
