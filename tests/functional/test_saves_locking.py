"""Two real processes over one saves folder: a game being played holds its autosave,
so another's Continue never resumes it, until the game ends, however it ends (a
killed process leaves no lock behind); and writes to the folder take turns."""

from __future__ import annotations

import json
import os
import select
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

from cosmodrome.saves.store import SaveStore
from tests.conftest import FIXTURES, REPO
from tests.functional.cli_runner import cosmodrome_command, run_cosmodrome
from tests.unit.saves.saves_helpers import play, sample_story

SAMPLE = str(FIXTURES / "sample")


def read_until(process: subprocess.Popen[bytes], marker: bytes, seconds: float = 20) -> bytes:
    """What the process printed up to `marker` (waiting at most `seconds`)."""
    assert process.stdout is not None
    seen = b""
    deadline = time.monotonic() + seconds
    while marker not in seen:
        left = deadline - time.monotonic()
        assert left > 0, f"no {marker!r} in {seen!r}"
        ready, _, _ = select.select([process.stdout], [], [], left)
        if ready:
            chunk = os.read(process.stdout.fileno(), 4096)
            assert chunk, f"the game ended before {marker!r}: {seen!r}"
            seen += chunk
    return seen


def start_playing(saves: Path) -> subprocess.Popen[bytes]:
    """A line-mode game that took one choice and waits for the next, its input open."""
    game = subprocess.Popen(
        [*cosmodrome_command(), "play", "--plain", "--story", SAMPLE, "--saves", str(saves)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
    )
    assert game.stdin is not None
    read_until(game, b"> ")
    game.stdin.write(b"2\n")  # drive to the gate
    game.stdin.flush()
    read_until(game, b"> ")
    return game


def listed(saves: Path) -> dict[str, dict[str, object]]:
    result = run_cosmodrome(["saves", "--saves", str(saves), "--format", "json"])
    assert result.returncode == 0, result.stderr
    return {entry["name"]: entry for entry in json.loads(result.stdout)["saves"]}


def continue_game(saves: Path) -> tuple[str, str]:
    args = ["play", "--plain", "--story", SAMPLE, "--saves", str(saves), "--continue"]
    result = run_cosmodrome(args, stdin="quit\n")
    assert result.returncode == 0, result.stderr
    return result.stdout, result.stderr


def test_a_game_being_played_is_never_continued_elsewhere_until_it_dies(
    tmp_path: Path,
) -> None:
    saves = tmp_path / "saves"
    game = start_playing(saves)
    try:
        entry = listed(saves)["auto-1"]
        assert (entry["autosave"], entry["in_use"], entry["node"]) == (True, True, "checkpoint")
        out, err = continue_game(saves)  # auto-1 is taken: a new game, in its own autosave
        assert "no autosave to continue" in err
        assert "## Arrival" in out
    finally:
        game.send_signal(signal.SIGKILL)  # no goodbye, no unlocking: the lock dies with it
        game.wait(timeout=20)
    assert listed(saves)["auto-1"]["in_use"] is False
    out, err = continue_game(saves)
    assert err == ""
    assert "A guard studies your papers." in out  # the killed game's autosave, resumed


def test_writes_wait_for_the_process_that_holds_the_folder(tmp_path: Path) -> None:
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import sys; from pathlib import Path; from cosmodrome.saves.locks import folder_lock\n"
            "Path(sys.argv[1]).mkdir()\n"
            "with folder_lock(Path(sys.argv[1])):\n"
            "    print('held', flush=True); sys.stdin.readline()\n",
            str(tmp_path / "saves"),
        ],
        cwd=REPO,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
    )
    assert holder.stdin is not None
    read_until(holder, b"held")
    story = sample_story()
    store = SaveStore(tmp_path / "saves")
    saved = threading.Event()

    def write() -> None:
        store.save("one", story, play(story, []), 0)
        saved.set()

    writer = threading.Thread(target=write)
    writer.start()
    try:
        assert not saved.wait(0.5)  # the other process holds the folder: the write waits
        holder.stdin.write(b"go\n")
        holder.stdin.flush()
        assert saved.wait(20)
    finally:
        holder.kill()
        holder.wait(timeout=20)
        writer.join(timeout=20)
    assert store.exists("one")
