"""A real terminal for tests: tmux runs a command, `send-keys` types, `capture-pane` reads."""

from __future__ import annotations

import os
import shutil
import subprocess
import time
import uuid
from collections.abc import Callable, Sequence
from pathlib import Path

import pytest


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
        self.socket = f"cosmodrome-test-{uuid.uuid4().hex[:8]}"
        self.session = "game"
        exports = " ".join(f"{key}={_quote(value)}" for key, value in env.items())
        shell = f"cd {_quote(str(cwd))} && env {exports} {' '.join(_quote(c) for c in command)}; echo '[exited '$?']'; sleep 30"
        self._tmux(
            "new-session", "-d", "-s", self.session, "-x", str(width), "-y", str(height), shell
        )

    def _tmux(self, *args: str) -> str:
        result = subprocess.run(
            [self.tmux, "-L", self.socket, "-f", "/dev/null", *args],
            capture_output=True,
            text=True,
            check=True,
            timeout=20,
        )
        return result.stdout

    def send(self, *keys: str) -> None:
        for key in keys:
            self._tmux("send-keys", "-t", self.session, key)
            time.sleep(0.15)

    def type(self, text: str) -> None:
        """Type `text` literally (no key names)."""
        self._tmux("send-keys", "-t", self.session, "-l", text)
        time.sleep(0.15)

    def screen(self) -> str:
        return self._tmux("capture-pane", "-p", "-t", self.session)

    def wait_for(self, predicate: Callable[[str], bool] | str, timeout: float = 20.0) -> str:
        """The screen once `predicate` holds (or the text appears); fails with the screen."""
        check = (lambda s: predicate in s) if isinstance(predicate, str) else predicate
        deadline = time.monotonic() + timeout
        screen = ""
        while time.monotonic() < deadline:
            screen = self.screen()
            if check(screen):
                return screen
            time.sleep(0.2)
        pytest.fail(f"timed out waiting for {predicate!r}; the screen was:\n{screen}")

    def close(self) -> None:
        subprocess.run(
            [self.tmux, "-L", self.socket, "kill-server"],
            capture_output=True,
            check=False,
            timeout=20,
        )


def _quote(text: str) -> str:
    return "'" + text.replace("'", "'\"'\"'") + "'"
