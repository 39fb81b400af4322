"""`cosmodrome play --watch` as an author runs it: in a real terminal an edit shows at once
and a broken edit shows its errors; where it cannot work, it says so in one line."""

from __future__ import annotations

import os
import select
import shutil
import subprocess
import time
from pathlib import Path

import pytest

from tests.conftest import FIXTURES
from tests.functional.cli_runner import cosmodrome_command, run_cosmodrome
from tests.functional.tmux import Terminal, title_settled


def test_watch_in_line_mode_plays_and_says_it_watches(tmp_path: Path) -> None:
    sample = FIXTURES / "sample"
    args = ["play", "--watch", "--plain", "--story", str(sample), "--saves", str(tmp_path)]
    result = run_cosmodrome(args, stdin="2\n")
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith(f"Watching {sample} for edits")
    assert "## The checkpoint," in result.stdout
    assert result.stderr == ""


def test_watch_without_a_terminal_plays_in_line_mode(tmp_path: Path) -> None:
    result = run_cosmodrome(
        ["play", "--watch", "--story", str(FIXTURES / "sample"), "--saves", str(tmp_path)],
        stdin="2\n",
    )
    assert result.returncode == 0, result.stderr
    assert result.stderr == "cosmodrome: not a terminal; playing in line mode (--plain)\n"
    assert "Watching" in result.stdout and "## The checkpoint," in result.stdout


def _until_prompt(process: subprocess.Popen[bytes]) -> str:
    """What the line-mode player prints up to its next prompt (fails after 30 s)."""
    assert process.stdout is not None
    fd = process.stdout.fileno()
    out = b""
    deadline = time.monotonic() + 30
    while not out.endswith(b"\n> "):
        ready, _, _ = select.select([fd], [], [], max(0.0, deadline - time.monotonic()))
        assert ready, f"no prompt came; so far: {out.decode(errors='replace')}"
        chunk = os.read(fd, 4096)
        assert chunk, f"the player stopped; it printed: {out.decode(errors='replace')}"
        out += chunk
    return out.decode()


def test_an_edit_reloads_the_line_mode_player_at_its_next_line(tmp_path: Path) -> None:
    story = tmp_path / "story"
    shutil.copytree(FIXTURES / "sample", story)
    gate = story / "nodes" / "gate.yaml"
    command = [*cosmodrome_command(), "play", "--plain", "--watch", "--story", str(story)]
    process = subprocess.Popen(
        [*command, "--saves", str(tmp_path / "saves")],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    assert process.stdin is not None
    try:
        assert "Rain on the windscreen." in _until_prompt(process)
        _save_later(gate, "Rain on the windscreen.", "Fog on the windscreen.")
        process.stdin.write(b"look\n")
        process.stdin.flush()
        shown = _until_prompt(process)
        assert "Story reloaded." in shown
        assert "Fog on the windscreen." in shown
        process.stdin.write(b"quit\n")
        process.stdin.flush()
        assert process.wait(timeout=30) == 0
    finally:
        if process.poll() is None:
            process.kill()
        process.wait()
        for stream in (process.stdin, process.stdout, process.stderr):
            if stream is not None:
                stream.close()


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
        term.wait_for(title_settled)
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
