"""A page of the served game in real headless Chromium (Debian's `chromium`, driven by
Playwright with `executable_path`; never `playwright install`). The terminal is drawn on
a canvas, so the screen is read from the WebSocket frames the page receives, decoded by
the same terminal emulator as the protocol tests."""

from __future__ import annotations

import json
import os
import shutil
import time
from collections.abc import Callable
from urllib.parse import parse_qs, urlsplit

import pytest
from playwright.sync_api import Page, WebSocket

from tests.web.served import Terminal

WAIT_SECONDS = 30.0
POLL_MS = 20  # how often the screen is looked at while waiting for a state


def require_chromium() -> str:
    """Debian's chromium; skips the test where it is missing, but never in CI."""
    path = shutil.which("chromium")
    if path is None:
        if os.environ.get("CI"):
            pytest.fail("chromium is not installed; .ci/run should have installed it")
        pytest.skip("chromium is not installed (apt-get install chromium)")
    return path


MORE_BELOW = "more below: Space"  # the play screen's cue that the passage goes on


class BrowserPage:
    """A browser tab on the game: the screen of its current WebSocket (a reload opens a
    new one), and every address the tab asked for."""

    def __init__(self, page: Page) -> None:
        self.page = page
        self.terminal: Terminal | None = None
        self.requested: list[str] = []
        page.on("request", lambda request: self.requested.append(request.url))
        page.on("websocket", self._connected)

    def _connected(self, socket: WebSocket) -> None:
        query = parse_qs(urlsplit(socket.url).query)
        self.terminal = Terminal(int(query["width"][0]), int(query["height"][0]))

        def received(payload: str | bytes) -> None:
            if isinstance(payload, bytes) and self.terminal is not None:
                self.terminal.feed(payload)

        def sent(payload: str | bytes) -> None:
            message = json.loads(payload)
            if message[0] == "resize":  # the game redraws it all at the new size
                self.terminal = Terminal(message[1]["width"], message[1]["height"])

        socket.on("framereceived", received)
        socket.on("framesent", sent)

    @property
    def text(self) -> str:
        """The screen the page shows now ("" before its WebSocket opened)."""
        return "" if self.terminal is None else self.terminal.text

    def open(self, url: str) -> None:
        self.terminal = None
        self.page.goto(url)

    def reload(self) -> None:
        self.terminal = None
        self.page.reload()

    def wait_for(self, text: str, seconds: float = WAIT_SECONDS, poll_ms: int = POLL_MS) -> str:
        """The screen, once it shows `text`; fails with the screen after `seconds`."""
        deadline = time.monotonic() + seconds
        while text not in self.text:
            if time.monotonic() > deadline:
                raise AssertionError(f"no {text!r} on the page:\n{self.text}")
            if MORE_BELOW in self.text:  # read on, as a player does
                self.press("Space")
            self.page.wait_for_timeout(poll_ms)  # lets Playwright deliver the frames
        return self.text

    def wait_until(self, condition: Callable[[], bool], seconds: float = WAIT_SECONDS) -> None:
        """Return once `condition()` holds (Playwright delivering events meanwhile);
        fails with the screen after `seconds`."""
        deadline = time.monotonic() + seconds
        while not condition():
            if time.monotonic() > deadline:
                raise AssertionError(f"still not so after {seconds} s:\n{self.text}")
            self.page.wait_for_timeout(POLL_MS)

    def press(self, key: str) -> None:
        """Press `key` on the page, as a player does."""
        self.page.keyboard.press(key)

    def type(self, text: str) -> None:
        self.page.keyboard.type(text)
