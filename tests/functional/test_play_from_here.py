"""Test from here: `play --at NODE --set VAR=VALUE`, the `vars` command, and endings
under `--watch`, through the real command."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tests.conftest import FIXTURES
from tests.functional.cli_runner import cosmodrome_command, run_cosmodrome
from tests.functional.tmux import Terminal

SAMPLE = str(FIXTURES / "sample")


def _play(tmp_path: Path, *args: str, stdin: str) -> tuple[int, str, str]:
    done = run_cosmodrome(
        ["play", "--plain", "--story", SAMPLE, "--saves", str(tmp_path / "saves"), *args],
        stdin=stdin,
        cwd=tmp_path,
    )
    return done.returncode, done.stdout, done.stderr


def test_play_at_a_node_with_values_starts_there(tmp_path: Path) -> None:
    code, out, err = _play(
        tmp_path,
        "--at",
        "checkpoint",
        "--set",
        "has_pass=true",
        "--set",
        "credibility=2",
        stdin="1\n",
    )
    assert code == 0, err
    assert "## Arrival" not in out  # the prologue is skipped
    assert "## The checkpoint" in out
    assert "  1. Show the press pass" in out  # unlocked by the values set
    assert "— The end: On the apron" in out


def test_play_at_follows_a_renamed_node(tmp_path: Path) -> None:
    code, out, _ = _play(tmp_path, "--at", "gate", stdin="quit\n")
    assert code == 0
    assert "## The checkpoint" in out  # `was: [gate]`


def test_vars_shows_the_node_and_every_variable(tmp_path: Path) -> None:
    code, out, _ = _play(
        tmp_path, "--at", "checkpoint", "--set", "alias=Sasha", stdin="vars\nquit\n"
    )
    assert code == 0
    lines = out.splitlines()
    at = next(i for i, line in enumerate(lines) if "At node 'checkpoint'" in line)
    assert lines[at].endswith("At node 'checkpoint' after 0 choices:")
    assert lines[at + 1 : at + 5] == [
        "  credibility    = 0",
        "  has_pass       = false",
        '  alias          = "Sasha"',
        "  visits_to_gate = 1  (starts at 0)",  # the checkpoint's on_enter ran
    ]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--at", "checkpont"], "the story has no node 'checkpont' (did you mean 'checkpoint'?)"),
        (["--set", "credibilty=2"], "no variable 'credibilty' (did you mean 'credibility'?)"),
        (["--set", "has_pass=maybe"], "'has_pass' is true or false, not 'maybe'"),
        (["--set", "credibility=lots"], "'credibility' is a whole number, not 'lots'"),
        (["--set", "credibility"], "'credibility' is not VAR=VALUE"),
        (["--at", "apron", "--continue"], "--at and --set start a new game, not a saved one"),
    ],
)
def test_a_bad_start_point_is_a_usage_error(tmp_path: Path, args: list[str], message: str) -> None:
    code, out, err = _play(tmp_path, *args, stdin="quit\n")
    assert code == 2
    assert message in err and "Traceback" not in err
    assert out == ""


def test_under_watch_an_ending_offers_undo_and_restart(tmp_path: Path) -> None:
    story = tmp_path / "story"
    shutil.copytree(FIXTURES / "sample", story)
    done = run_cosmodrome(
        ["play", "--plain", "--watch", "--story", str(story), "--saves", str(tmp_path / "s")],
        stdin="2\n3\nundo\nrestart\nquit\n",  # drive to the gate, turn back; undo; restart
        cwd=tmp_path,
    )
    assert done.returncode == 0, done.stderr
    out = done.stdout
    end = out.index("— The end: The road home")
    after = out[end:]
    assert "Type 'undo' to step back, or 'restart' to play again from the start." in after
    assert "## The checkpoint" in after  # undo went back a step
    assert "## Arrival" in after  # restart began again
    assert after.rstrip().endswith("Goodbye.")


def test_without_watch_an_ending_still_ends_the_session(tmp_path: Path) -> None:
    code, out, _ = _play(tmp_path, stdin="2\n3\nundo\n")
    assert code == 0
    assert out.rstrip().endswith("— The end: The road home")


@pytest.mark.tmux
def test_the_terminal_game_starts_at_the_node_without_the_title(tmp_path: Path) -> None:
    term = Terminal(
        [*cosmodrome_command(), "play", "--story", SAMPLE, "--at", "checkpoint"],
        width=80,
        height=24,
        env={"COSMODROME_SAVES": str(tmp_path / "saves"), "TERM": "xterm-256color"},
        cwd=tmp_path,
    )
    try:
        screen = term.wait_for("A guard studies your papers")
        assert "New game" not in screen
        term.send("C-q")
        term.wait_for(lambda s: "Quit" in s or "[exited" in s)
    finally:
        term.close()
