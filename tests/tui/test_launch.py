"""Starting the game from the command line: the UI in a terminal, line mode otherwise."""

from __future__ import annotations

import io
from pathlib import Path

from cosmodrome.story.loader import load_story
from cosmodrome.tui.launch import play_tui
from tests.functional.cli_runner import run_cosmodrome
from tests.tui.harness import SAMPLE


def test_loading_a_missing_save_fails_before_the_ui_starts(tmp_path: Path) -> None:
    errors = io.StringIO()
    code = play_tui(load_story(SAMPLE), str(tmp_path), "nope", False, stderr=errors)
    assert code == 1
    assert errors.getvalue() == "cosmodrome: there is no save named 'nope'\n"


def test_a_bad_save_name_fails_before_the_ui_starts(tmp_path: Path) -> None:
    errors = io.StringIO()
    code = play_tui(load_story(SAMPLE), str(tmp_path), "../x", False, stderr=errors)
    assert code == 1
    assert errors.getvalue().startswith("cosmodrome: a save name is")


def test_without_a_terminal_the_line_mode_player_runs(tmp_path: Path) -> None:
    result = run_cosmodrome(
        ["play", "--story", str(SAMPLE), "--saves", str(tmp_path)], stdin="2\nquit\n"
    )
    assert result.returncode == 0
    assert "not a terminal; playing in line mode (--plain)" in result.stderr
    assert "## The checkpoint" in result.stdout
