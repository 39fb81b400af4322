"""`cosmodrome serve` in headless Chromium: from opening the page to the drawn title,
against a minimal Textual app served the same way (same server class, same page)."""

from __future__ import annotations

import sys
import time
from pathlib import Path

from tests.benchmarks.harness import Budget, Row, ms, paired_medians
from tests.benchmarks.minimal_web_app import READY
from tests.functional.cli_runner import cosmodrome_command
from tests.web.browser_page import BrowserPage
from tests.web.served import free_port, serving

PAGE_ROW = "served game: page open to the drawn title (Chromium)"
PAGE_BUDGET = Budget(1.3)


def page_open_row(story: Path, work: Path, runs: int) -> Row:
    """Median time from `goto` to the title drawn in the page, against the minimal app's
    first screen; each run opens a new tab (a new game process) and closes it."""
    import shutil

    from playwright.sync_api import sync_playwright

    chromium = shutil.which("chromium")
    if chromium is None:
        raise RuntimeError("chromium is not installed (apt-get install chromium)")
    game = [
        *cosmodrome_command(),
        "serve",
        "--story",
        str(story),
        "--saves",
        str(work / "web-saves"),
        "--port",
        str(free_port()),
    ]
    minimal = [sys.executable, "-m", "tests.benchmarks.minimal_web_app", "serve"]
    with (
        serving(game) as ours,
        serving([*minimal, str(free_port())]) as theirs,
        sync_playwright() as playwright,
    ):
        browser = playwright.chromium.launch(executable_path=chromium, headless=True)
        try:

            def opened(url: str, text: str) -> float:
                tab = BrowserPage(browser.new_page())
                start = time.perf_counter()
                tab.open(url)
                tab.wait_for(text, poll_ms=2)
                elapsed = time.perf_counter() - start
                tab.page.close()
                return elapsed

            opened(ours.url, "New game")  # the story cache and the page, warmed once
            opened(theirs.url, READY)
            game_time, minimal_time = paired_medians(
                lambda: opened(ours.url, "New game"), lambda: opened(theirs.url, READY), runs
            )
        finally:
            browser.close()
    return Row(
        PAGE_ROW,
        ms(game_time),
        f"{ms(minimal_time)} a minimal Textual app (a line and the footer) served the same way",
        game_time / minimal_time,
        PAGE_BUDGET,
    )
