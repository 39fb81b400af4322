"""A real terminal for tests: tmux runs a command, `send-keys` types, `capture-pane` reads.

Each terminal has its own tmux server, on a socket in a folder of its own, so tests may run
side by side (pytest-xdist); `close()` ends the server, waits until the command it ran is
gone and removes the folder.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import subprocess
import tempfile
import time
from collections.abc import Callable, Sequence
from pathlib import Path

import pytest

POLL = 0.05  # seconds between two captures of the screen while waiting for a state


def require_tmux() -> str:
    """tmux's path; skips the test where it is missing, but never in CI."""
    path = shutil.which("tmux")
    if path is None:
        if os.environ.get("CI"):
            pytest.fail("tmux is not installed; .ci/run should have installed it")
        pytest.skip("tmux is not installed")
    return path


class Terminal:
    """One tmux session of a given size running one command."""

    def __init__(
        self, command: Sequence[str], *, width: int, height: int, env: dict[str, str], cwd: Path
    ) -> None:
        self.tmux = require_tmux()
        self.folder = Path(tempfile.mkdtemp(prefix="cosmodrome-tmux-"))
        self.socket = str(self.folder / "socket")
        self.session = "game"
        exports = " ".join(f"{key}={_quote(value)}" for key, value in env.items())
        # after the command, the shell says how it exited and stays (for the last screen)
        shell = f"cd {_quote(str(cwd))} && env {exports} {' '.join(_quote(c) for c in command)}; echo '[exited '$?']'; exec sleep 600"
        try:
            self._tmux(
                "new-session", "-d", "-s", self.session, "-x", str(width), "-y", str(height), shell
            )
            # the shell leads the pane's process group: the command and the sleep are in it
            self.group = int(self._tmux("display-message", "-p", "-t", self.session, "#{pane_pid}"))
        except BaseException:
            self._tmux_server_down()
            raise

    def _tmux(self, *args: str) -> str:
        result = subprocess.run(
            [self.tmux, "-S", self.socket, "-f", "/dev/null", *args],
            capture_output=True,
            text=True,
            check=True,
            timeout=20,
        )
        return result.stdout

    def send(self, *keys: str) -> None:
        """Press `keys` (tmux key names) in order; wait for what they do with `wait_for`
        (the app reads a lone Escape followed at once by a key as alt+key)."""
        self._tmux("send-keys", "-t", self.session, *keys)

    def type(self, text: str) -> None:
        """Type `text` literally (no key names)."""
        self._tmux("send-keys", "-t", self.session, "-l", text)

    def screen(self) -> str:
        return self._tmux("capture-pane", "-p", "-t", self.session)

    def wait_for(self, predicate: Callable[[str], bool] | str, timeout: float = 30.0) -> str:
        """The screen once `predicate` holds (or the text appears); fails with the screen."""
        check = (lambda s: predicate in s) if isinstance(predicate, str) else predicate
        what = repr(predicate) if isinstance(predicate, str) else _describe(predicate)
        deadline = time.monotonic() + timeout
        while True:
            screen = self.screen()
            if check(screen):
                return screen
            if time.monotonic() >= deadline:
                pytest.fail(
                    f"timed out after {timeout:.0f} s waiting for {what}; the screen was:\n{screen}"
                )
            time.sleep(POLL)

    def close(self) -> None:
        """End the tmux server and every process of the pane (the command under test too)."""
        self._tmux_server_down()
        # the server hangs the pane up; give the command a moment to save and exit on SIGHUP
        deadline = time.monotonic() + 10
        while _group_alive(self.group) and time.monotonic() < deadline:
            time.sleep(POLL)
        if _group_alive(self.group):
            with contextlib.suppress(ProcessLookupError):  # it ended just now
                os.killpg(self.group, signal.SIGKILL)

    def hang_up(self, within: float) -> bool:
        """Close the terminal (the tmux server hangs the pane up) and wait up to `within`
        seconds for every process of the pane to end by itself; whether they all did.
        Whatever is left is killed, so a failing test leaves nothing behind."""
        self._tmux_server_down()
        deadline = time.monotonic() + within
        while _group_alive(self.group) and time.monotonic() < deadline:
            time.sleep(POLL)
        ended = not _group_alive(self.group)
        if not ended:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(self.group, signal.SIGKILL)
        return ended

    def _tmux_server_down(self) -> None:
        subprocess.run(
            [self.tmux, "-S", self.socket, "kill-server"],
            capture_output=True,
            check=False,
            timeout=20,
        )
        shutil.rmtree(self.folder, ignore_errors=True)


def title_settled(screen: str) -> bool:
    """Whether the title screen shows its menu, with the key bar offering Continue exactly
    when the menu does (the save store is read before the first frame, so a screen where
    they disagree is a bug, or a frame half drawn)."""
    lines = screen.splitlines()
    bar = next((i for i in reversed(range(len(lines))) if "^q Quit" in lines[i]), None)
    if bar is None or "New game" not in screen:
        return False
    menu = "\n".join(lines[:bar])
    return ("c Continue" in lines[bar]) == ("Continue" in menu)


def _group_alive(group: int) -> bool:
    try:
        os.killpg(group, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # the id was reused by someone else's group: ours is gone
        return False
    return True


def _describe(predicate: Callable[[str], bool]) -> str:
    doc = (predicate.__doc__ or "").strip().splitlines()
    return doc[0] if doc else getattr(predicate, "__name__", "a condition")


def _quote(text: str) -> str:
    return "'" + text.replace("'", "'\"'\"'") + "'"
