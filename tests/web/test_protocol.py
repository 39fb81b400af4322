"""`cosmodrome serve` through textual-serve's WebSocket protocol, no browser: what a page
receives is decoded by a terminal emulator and read as a player would."""

from __future__ import annotations

import asyncio
import time
from pathlib import Path

from tests.conftest import FIXTURES
from tests.web.served import saved_nodes, serve_game
from tests.web.socket_page import SocketPage


async def test_a_page_receives_the_drawn_title_screen(tmp_path: Path) -> None:
    saves = tmp_path / "saves of 'a' $HOME; ls"  # quoted for textual-serve's shell
    with serve_game(saves) as server:
        async with SocketPage(server.url) as page:
            screen = await page.wait_for("New game")
            assert "COSMODROME: THE ROAD TO VOSTOCHNY" in screen
            assert "Quit" in screen
    assert saves.is_dir()


async def test_closing_a_page_ends_its_game_and_keeps_its_autosave(tmp_path: Path) -> None:
    with serve_game(tmp_path) as server:
        async with SocketPage(server.url) as page:
            await page.wait_for("New game")
            await page.press("n")
            await page.wait_for("1. Ring Mara before she rings you")
            await page.press("1")
            await page.wait_for("1. Promise her something nobody else will have")
            assert server.games()
        deadline = time.monotonic() + 10
        while server.games():
            assert time.monotonic() < deadline, "the game outlived its page"
            time.sleep(0.05)
        assert "editor-call-1" in saved_nodes(tmp_path).values()


async def test_stopping_the_server_ends_an_open_page_s_game_and_keeps_its_autosave(
    tmp_path: Path,
) -> None:
    serving = serve_game(tmp_path)
    server = serving.__enter__()
    async with SocketPage(server.url) as page:
        await page.wait_for("New game")
        await page.press("n")
        await page.wait_for("1. Ring Mara before she rings you")
        await page.press("1")
        await page.wait_for("1. Promise her something nobody else will have")
        # Ctrl+C (in another thread, so that this page goes on reading and answers the
        # close); fails when the server takes seconds to stop or leaves a game running
        stopping = asyncio.create_task(asyncio.to_thread(serving.__exit__, None, None, None))
        while await page.receive(5):  # until the page is told the session ended
            assert not stopping.done()
        await stopping
    assert "editor-call-1" in saved_nodes(tmp_path).values()


async def test_a_story_link_clicked_in_the_page_opens_in_the_browser(tmp_path: Path) -> None:
    story = FIXTURES / "web-link"
    with serve_game(tmp_path, "--story", str(story)) as server:
        async with SocketPage(server.url) as page:
            await page.wait_for("New game")
            await page.press("n")
            await page.wait_for("the launch report")
            await page.click("run this")  # another scheme: only text
            await page.click("the launch report")
            opened = await page.wait_for_message("open_url")
    assert opened == {"url": "https://example.org/report?id=1", "new_tab": True}
