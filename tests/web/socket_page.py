"""A page as textual-serve's own JavaScript drives it, spoken over aiohttp: it opens the
WebSocket, sends keys as `["stdin", text]` and decodes the terminal bytes it receives."""

from __future__ import annotations

import asyncio
import contextlib
import json
import time
from types import TracebackType

import aiohttp

from tests.web.served import Terminal

WAIT_SECONDS = 30.0


MORE_BELOW = "more below: Space"  # the play screen's cue that the passage goes on


class SocketPage:
    """One open page of a textual-serve server at `url` (one game process)."""

    def __init__(self, url: str, width: int = 80, height: int = 24) -> None:
        self.url = f"{url}/ws?width={width}&height={height}"
        self.terminal = Terminal(width, height)
        self.client = aiohttp.ClientSession()
        self.socket: aiohttp.ClientWebSocketResponse | None = None

    async def __aenter__(self) -> SocketPage:
        self.socket = await self.client.ws_connect(self.url)
        return self

    async def __aexit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        if self.socket is not None:  # bounded: a failing test must never hang on its way out
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self.socket.close(), 5)
        await self.client.close()

    async def press(self, keys: str) -> None:
        """Type `keys`, as the page sends a key press to the game."""
        assert self.socket is not None
        await self.socket.send_json(["stdin", keys])

    async def receive(self, seconds: float) -> bool:
        """Decode the next frame within `seconds`; False when none came or the socket
        closed."""
        assert self.socket is not None
        try:
            message = await self.socket.receive(timeout=seconds)
        except TimeoutError:
            return False
        if message.type == aiohttp.WSMsgType.BINARY:
            self.terminal.feed(message.data)
        return message.type not in (
            aiohttp.WSMsgType.CLOSE,
            aiohttp.WSMsgType.CLOSED,
            aiohttp.WSMsgType.CLOSING,
        )

    async def wait_for(self, text: str, seconds: float = WAIT_SECONDS) -> str:
        """The screen, once it shows `text`; fails with the screen after `seconds`."""
        deadline = time.monotonic() + seconds
        while text not in self.terminal.text:
            left = deadline - time.monotonic()
            if MORE_BELOW in self.terminal.text:  # read on, as a player does
                await self.press(" ")
            if left <= 0 or not await self.receive(
                min(left, 0.5) if MORE_BELOW in self.terminal.text else left
            ):
                if left > 0 and MORE_BELOW in self.terminal.text:
                    continue
                raise AssertionError(f"no {text!r} on the screen:\n{self.terminal.text}")
        return self.terminal.text

    async def click(self, text: str) -> None:
        """Click the middle of the first `text` on the screen, as the page sends a click
        (an SGR mouse report, which Textual's web driver reads like a terminal's)."""
        for row, line in enumerate(self.terminal.screen.display):
            column = line.find(text)
            if column >= 0:
                x, y = column + len(text) // 2 + 1, row + 1
                await self.press(f"\x1b[<0;{x};{y}M")
                await self.press(f"\x1b[<0;{x};{y}m")
                return
        raise AssertionError(f"no {text!r} on the screen to click:\n{self.terminal.text}")

    async def wait_for_message(self, kind: str, seconds: float = WAIT_SECONDS) -> object:
        """The next JSON message of `kind` (such as "open_url") the page is sent."""
        assert self.socket is not None
        deadline = time.monotonic() + seconds
        while (left := deadline - time.monotonic()) > 0:
            try:
                message = await self.socket.receive(timeout=left)
            except TimeoutError:
                break
            if message.type == aiohttp.WSMsgType.BINARY:
                self.terminal.feed(message.data)
            elif message.type == aiohttp.WSMsgType.TEXT:
                envelope = json.loads(message.data)
                if envelope[0] == kind:
                    return envelope[1]
            else:
                break
        raise AssertionError(f"no {kind!r} message:\n{self.terminal.text}")
