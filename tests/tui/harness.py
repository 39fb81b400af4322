"""Building the game app for tests: fixed clocks, a temporary saves folder, no animation."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

from textual.pilot import Pilot

from cosmodrome.settings import Settings
from cosmodrome.story.loader import load_story
from cosmodrome.tui.app import CosmodromeApp, Start
from cosmodrome.tui.widgets.transcript import Transcript
from tests.unit.session.session_helpers import FakeClock, make_store

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
SAMPLE = FIXTURES / "sample"
JOURNEY = FIXTURES / "journey"
NOW = datetime(2025, 5, 3, 18, 30, tzinfo=UTC)


def make_app(
    saves: Path,
    story_dir: Path = SAMPLE,
    *,
    settings: Settings | None = None,
    settings_problems: tuple[str, ...] = (),
    start: Start = "title",
    resume: str | None = None,
    clock: FakeClock | None = None,
    watch: bool = False,
    watch_interval: float = 0,
) -> CosmodromeApp:
    """The game over `story_dir` with saves and settings in `saves`, deterministic. With
    `watch`, the story is reloaded from `story_dir` when the test calls
    `app.story_reload.check()` (or every `watch_interval` seconds, when not 0)."""
    story = load_story(story_dir)
    store = make_store(saves)
    app = CosmodromeApp(
        story,
        store,
        settings=settings or Settings(confirm_quit=False),
        settings_file=saves / "settings.json",
        settings_problems=settings_problems,
        start=start,
        resume=(resume, store.load(resume, story)) if resume else None,
        clock=clock or FakeClock(),
        now=lambda: NOW,
        export_dir=saves,
        watch=story_dir if watch else None,
        watch_interval=watch_interval,
    )
    app.animation_level = "none"
    return app


def app_of(pilot: Pilot[None]) -> CosmodromeApp:
    app = pilot.app
    assert isinstance(app, CosmodromeApp)
    return app


async def settle(pilot: Pilot[None]) -> None:
    """Wait until screens have switched and every passage shown is laid out."""
    app = app_of(pilot)
    for _ in range(200):
        await pilot.pause()
        play = app.navigation.made_play
        if play is None or not play.is_attached:
            break
        transcript = play.query_one(Transcript)
        if transcript.settled and not play._pending:
            break
        await pilot.pause(0.01)
    await pilot.pause()


async def wait_for(pilot: Pilot[None], condition: Callable[[], bool], tries: int = 200) -> None:
    """Pause until `condition()` holds; fails the test if it never does."""
    for _ in range(tries):
        if condition():
            return
        await pilot.pause(0.005)
    raise AssertionError("the app never reached the expected state")
