"""`cosmodrome play --watch` as an author runs it: in a real terminal an edit shows at once
and a broken edit shows its errors; where it cannot work, it says so in one line."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from tests.conftest import FIXTURES
from tests.functional.cli_runner import cosmodrome_command, run_cosmodrome
from tests.functional.tmux import Terminal


def test_watch_with_plain_is_refused_in_one_line(tmp_path: Path) -> None:
    result = run_cosmodrome(
        [
            "play",
            "--watch",
            "--plain",
            "--story",
            str(FIXTURES / "sample"),
            "--saves",
            str(tmp_path),
        ]
    )
    assert result.returncode == 2
    assert result.stderr == "cosmodrome: --watch works in the terminal UI, not with --plain\n"
    assert result.stdout == ""


def test_watch_without_a_terminal_is_refused_in_one_line(tmp_path: Path) -> None:
    result = run_cosmodrome(
        ["play", "--watch", "--story", str(FIXTURES / "sample"), "--saves", str(tmp_path)],
        stdin="2\n",
    )
    assert result.returncode == 2
    assert result.stderr == "cosmodrome: --watch needs a terminal; this is not one\n"


def _save_later(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    before = path.stat()
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    os.utime(path, ns=(before.st_atime_ns, before.st_mtime_ns + 1_000_000_000))


@pytest.mark.tmux
def test_an_edit_in_a_real_terminal_reloads_and_a_broken_one_is_shown(tmp_path: Path) -> None:
    story = tmp_path / "story"
    shutil.copytree(FIXTURES / "sample", story)
    gate = story / "nodes" / "gate.yaml"
    command = [*cosmodrome_command(), "play", "--watch", "--story", str(story)]
    term = Terminal(
        command,
        width=100,
        height=30,
        env={"COSMODROME_SAVES": str(tmp_path / "saves"), "TERM": "xterm-256color"},
        cwd=tmp_path,
    )
    try:
        term.wait_for("New game")
        term.send("n")
        term.wait_for("Rain on the windscreen")
        term.send("2")
        term.wait_for("A guard studies your papers")
        _save_later(gate, "A guard studies", "A sergeant studies")
        # the new text and the notification may land in different frames: wait for both
        term.wait_for(lambda s: "A sergeant studies your papers" in s and "Story reloaded." in s)
        _save_later(gate, "goto: road-end", "goto: road-ends")
        term.wait_for(lambda s: "unknown node 'road-ends'" in s and "The story does not load" in s)
        term.send("F12")
        term.wait_for("Node checkpoint")
        _save_later(gate, "goto: road-ends", "goto: road-end")
        term.wait_for(lambda s: "The story does not load" not in s and "Story reloaded." in s)
        term.send("C-q")
        term.wait_for("Quit Cosmodrome?")
        term.send("y")
        term.wait_for("[exited 0]")
    finally:
        term.close()
