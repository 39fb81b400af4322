"""Folders the player cannot search and names the system cannot hold (issue 13, class 6):
one line and an exit code from the command line, a notice in the game while play goes
on. Permission cases run the real command as an unprivileged user, also under root."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.functional.cli_runner import cosmodrome_command, run_cosmodrome
from tests.functional.tmux import Terminal, title_settled
from tests.functional.unprivileged import as_unprivileged, hand_over, home, run_unprivileged

__all__ = ["home"]  # the fixture, used below

LONG = "x" * 300  # one path component past the 255 bytes a file name may have


def locked(home: Path, *names: str) -> dict[str, str]:
    """Folders in `home` the user owns but cannot search (chmod 0), as the environment."""
    for name in names:
        (home / name).mkdir()
        hand_over(home / name)
        (home / name).chmod(0)
    return {"COSMODROME_CONFIG": str(home / "config"), "COSMODROME_CACHE": str(home / "cache")}


def one_clean_line(stderr: str) -> str:
    assert "Traceback" not in stderr
    [line] = stderr.strip().splitlines()
    return line


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (["saves", "--saves", "saves"], "cannot list the saves in saves: Permission denied"),
        (["saves", "--saves", "saves", "delete", "a"], "cannot delete 'a': Permission denied"),
        (
            ["play", "--plain", "--saves", "saves", "--load", "a"],
            "cannot load 'a': it cannot be read: Permission denied; so is its backup",
        ),
        (["play", "--plain", "--saves", "saves", "--continue"], "Permission denied"),
        (["paths"], None),
    ],
)
def test_an_unsearchable_saves_folder_is_one_line_and_an_exit_code(
    home: Path, args: list[str], expected: str | None
) -> None:
    env = locked(home, "saves", "config")
    result = run_unprivileged(args, cwd=home, env=env)
    if expected is None:
        assert (result.returncode, result.stderr) == (0, "")
        return
    assert result.returncode == 1
    assert expected in one_clean_line(result.stderr)


def test_line_mode_plays_on_with_a_notice_when_it_cannot_save(home: Path) -> None:
    env = locked(home, "saves", "config")
    args = ["play", "--plain", "--saves", "saves"]
    result = run_unprivileged(args, cwd=home, env=env, stdin="1\n1\n")
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    assert "not saving: cannot start an autosave in saves: Permission denied" in result.stderr


@pytest.mark.tmux
def test_the_game_plays_on_with_notices_when_it_can_neither_save_nor_read_settings(
    home: Path,
) -> None:
    env = locked(home, "saves", "config")
    command = as_unprivileged([*cosmodrome_command(), "play", "--saves", "saves"])
    terminal = Terminal(
        command, width=80, height=24, env={**env, "HOME": str(home), "TERM": "xterm"}, cwd=home
    )
    try:
        terminal.wait_for(title_settled)
        terminal.wait_for("Permission")  # the settings file: a notice, not an exit
        terminal.send("n")
        terminal.wait_for("1-9 Choose")
        terminal.send("1")
        terminal.wait_for(lambda s: "Saving is off" in s and "Permission" in s)
        terminal.send("1")
        terminal.wait_for("1. Put the phone away")  # play goes on: Mara answers the promise
        assert "exited" not in terminal.screen()
    finally:
        terminal.close()


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (["saves", "--saves", LONG], "File name too long"),
        (["check", LONG], "File name too long"),
        (["play", "--plain", "--story", LONG], "File name too long"),
        (["play", "--plain", "--saves", "saves", "--load", LONG], "a save name is 1 to 40"),
        (["saves", "--saves", "saves", "delete", LONG], "a save name is 1 to 40"),
    ],
)
def test_a_name_over_255_bytes_is_one_line_and_an_exit_code(
    tmp_path: Path, args: list[str], expected: str
) -> None:
    result = run_cosmodrome(args, cwd=tmp_path, env={"COSMODROME_CONFIG": str(tmp_path / "c")})
    assert result.returncode in (1, 2)
    assert expected in one_clean_line(result.stderr)


def test_a_saves_folder_over_255_bytes_lets_line_mode_play_on(tmp_path: Path) -> None:
    env = {"COSMODROME_CONFIG": str(tmp_path / LONG)}
    result = run_cosmodrome(
        ["play", "--plain", "--saves", str(tmp_path / LONG)], cwd=tmp_path, env=env, stdin="1\n"
    )
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    assert "not saving: cannot create the saves folder" in result.stderr
    assert "File name too long" in result.stderr
