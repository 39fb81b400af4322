"""The served game in real headless Chromium: a player opens the page, plays, saves,
reloads and goes on; several tabs are several games."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Download, sync_playwright

from tests.web.browser_page import BrowserPage, require_chromium
from tests.web.served import saved_nodes, serve_game, wait_until

pytestmark = pytest.mark.slow


@pytest.fixture
def browser() -> Iterator[Browser]:
    chromium = require_chromium()
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium, headless=True)
        try:
            yield browser
        finally:
            browser.close()


def test_a_player_plays_saves_reloads_and_goes_on(tmp_path: Path, browser: Browser) -> None:
    with serve_game(tmp_path) as server:
        tab = BrowserPage(browser.new_page())
        tab.open(server.url)
        title = tab.wait_for("New game")
        assert "COSMODROME: THE ROAD TO VOSTOCHNY" in title
        tab.press("n")
        tab.wait_for("1. Ring Mara before she rings you")
        tab.press("1")
        tab.wait_for("1. Promise her something nobody else will have")
        tab.press("1")
        tab.wait_for("1. Put the phone away")  # Mara answers the promise first
        tab.press("1")
        tab.wait_for("1. Find the newspaper archive your fixer mentioned")
        tab.press("s")
        tab.wait_for("New save")
        tab.press("n")
        tab.wait_for("Name the new save")
        tab.type("class")
        tab.press("Enter")
        tab.wait_for("Saved as 'class'.")

        tab.reload()
        title = tab.wait_for("Continue")
        assert "A room above the bay" in title  # what Continue resumes
        tab.press("c")
        tab.wait_for("1. Find the newspaper archive your fixer mentioned")
        tab.press("2")
        tab.wait_for("› Go up to the bar where the foreign press drinks")  # the choice taken
        assert saved_nodes(tmp_path)["class"] == "vlad-hub"
        elsewhere = [url for url in tab.requested if not url.startswith(server.url + "/")]
        assert elsewhere == []  # offline: no web font, nothing outside the machine


def test_a_second_tab_s_new_game_leaves_the_first_tab_s_autosave_intact(
    tmp_path: Path, browser: Browser
) -> None:
    with serve_game(tmp_path) as server:
        first = BrowserPage(browser.new_page())
        first.open(server.url)
        first.wait_for("New game")
        first.press("n")
        first.wait_for("1. Ring Mara before she rings you")
        first.press("1")
        first.wait_for("1. Promise her something nobody else will have")
        wait_until(lambda: "editor-call-1" in saved_nodes(tmp_path).values())

        second = BrowserPage(browser.new_page())
        second.open(server.url)
        second.wait_for("New game")
        second.press("n")
        second.wait_for("2. Check in at the hotel and make a plan")
        second.press("2")
        second.wait_for("1. Find the newspaper archive your fixer mentioned")
        wait_until(lambda: "vlad-hub" in saved_nodes(tmp_path).values())

        assert "editor-call-1" in saved_nodes(tmp_path).values()  # the first tab's game


def test_the_transcript_export_arrives_as_a_browser_download(
    tmp_path: Path, browser: Browser
) -> None:
    server_folder = tmp_path / "server"
    server_folder.mkdir()
    with serve_game(tmp_path / "saves", cwd=server_folder) as server:
        tab = BrowserPage(browser.new_page(accept_downloads=True))
        downloads: list[Download] = []
        tab.page.on("download", lambda download: downloads.append(download))  # noqa: PLW0108  (Playwright tags the handler: a bound method cannot be)
        tab.open(server.url)
        tab.wait_for("New game")
        tab.press("n")
        tab.wait_for("1. Ring Mara before she rings you")
        tab.press("1")
        tab.wait_for("1. Promise her something nobody else will have")
        tab.press("e")
        tab.wait_until(lambda: bool(downloads) or "Export the transcript" in tab.text)
        if not downloads:  # a prompt for a name first: its default is taken
            tab.press("Enter")
            tab.wait_until(lambda: bool(downloads), seconds=10)
        [download] = downloads
        assert download.suggested_filename.endswith(".md")
        transcript = Path(download.path()).read_text(encoding="utf-8")
    assert "Ring Mara before she rings you" in transcript
    assert "Mara picks up on the first ring" in transcript
    assert list(server_folder.iterdir()) == []  # nothing written on the server's side
