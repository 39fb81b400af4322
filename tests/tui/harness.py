"""Building the game app for tests: fixed clocks, a temporary saves folder, no animation."""

from __future__ import annotations

import inspect
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path, PurePath
from typing import Any, ClassVar

from textual.app import App
from textual.notifications import SeverityLevel
from textual.pilot import Pilot

from cosmodrome.settings import Settings
from cosmodrome.story.loader import load_story
from cosmodrome.tui.app import CosmodromeApp, Start
from cosmodrome.tui.screens.play import PlayScreen
from cosmodrome.tui.widgets.transcript import Transcript
from tests.unit.session.session_helpers import FakeClock, make_store

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
SAMPLE = FIXTURES / "sample"
JOURNEY = FIXTURES / "journey"
NOW = datetime(2025, 5, 3, 18, 30, tzinfo=UTC)
WAIT_SECONDS = 20.0  # how long `settle` and `wait_for` wait for a state before failing


@dataclass(frozen=True, slots=True)
class Notice:
    """One notification the app showed."""

    message: str
    severity: SeverityLevel


class RecordingApp(CosmodromeApp):
    """The game, keeping every message it says (the message line and notifications forget them)."""

    # Textual reads CSS_PATH next to the module of the app's class: the game's, not this one
    CSS_PATH: ClassVar[list[str | PurePath]] = [
        Path(inspect.getfile(CosmodromeApp)).parent / path for path in CosmodromeApp.CSS_PATH
    ]

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.told: list[Notice] = []

    def say(self, message: str, severity: SeverityLevel = "information") -> None:
        self.told.append(Notice(message, severity))
        super().say(message, severity)


def told(app: App[Any]) -> list[str]:
    """The message of every notification `app` (made by `make_app`) has shown, in order."""
    assert isinstance(app, RecordingApp), "make the app with make_app() to record what it says"
    return [notice.message for notice in app.told]


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
    `app.story_reload.check()` (or every `watch_interval` seconds, when not 0); `told(app)`
    gives what it has said."""
    story = load_story(story_dir)
    store = make_store(saves)
    app = RecordingApp(
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
    deadline = time.monotonic() + WAIT_SECONDS
    await pilot.pause()
    while True:
        play = next((s for s in app.screen_stack if isinstance(s, PlayScreen)), None)
        if play is None or (play.is_mounted and play.query_one(Transcript).settled):
            break
        if time.monotonic() > deadline:
            raise AssertionError(f"the play screen did not settle in {WAIT_SECONDS} s")
        await pilot.pause(0.01)
    await pilot.pause()


async def wait_for(pilot: Pilot[None], condition: Callable[[], bool]) -> None:
    """Pause until `condition()` holds; fails the test if it does not within WAIT_SECONDS."""
    deadline = time.monotonic() + WAIT_SECONDS
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError(f"the app did not reach the expected state in {WAIT_SECONDS} s")
        await pilot.pause(0.005)
