"""Snapshot tests: what the player sees on each screen at 80×24 and at 120×40.

Regenerate with `pytest tests/tui/test_snapshots.py --snapshot-update` only after
looking at the new pictures (the failure report shows them side by side).
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Iterable
from pathlib import Path
from typing import Protocol

import pytest
from textual.pilot import Pilot

from cosmodrome.tui.app import CosmodromeApp
from tests.tui.harness import FIXTURES, JOURNEY, SAMPLE, app_of, make_app, settle
from tests.unit.session.session_helpers import make_store

SIZES = [pytest.param((80, 24), id="80x24"), pytest.param((120, 40), id="120x40")]


class SnapCompare(Protocol):
    def __call__(
        self,
        app: CosmodromeApp,
        press: Iterable[str] = (),
        terminal_size: tuple[int, int] = (80, 24),
        run_before: Callable[[Pilot[None]], Awaitable[None]] | None = None,
    ) -> bool: ...


def keys(*pressed: str) -> Callable[[Pilot[None]], Awaitable[None]]:
    """Press `pressed` one at a time, letting the app settle after each, then hide toasts."""

    async def run(pilot: Pilot[None]) -> None:
        await settle(pilot)
        for key in pressed:
            await pilot.press(key)
            await settle(pilot)
        app_of(pilot).clear_notifications()
        await settle(pilot)

    return run


@pytest.mark.parametrize("size", SIZES)
def test_title_screen(snap_compare: SnapCompare, tmp_path: Path, size: tuple[int, int]) -> None:
    app = make_app(tmp_path, SAMPLE)
    store = make_store(tmp_path)
    game = app.session.game
    store.save("autosave", app.story, game.take(game.start(), "checkpoint.1"), 754.0)
    assert snap_compare(app, terminal_size=size, run_before=keys())


@pytest.mark.parametrize("size", SIZES)
def test_play_screen_with_a_locked_choice(
    snap_compare: SnapCompare, tmp_path: Path, size: tuple[int, int]
) -> None:
    app = make_app(tmp_path, SAMPLE)
    assert snap_compare(app, terminal_size=size, run_before=keys("n", "2"))


@pytest.mark.parametrize("size", SIZES)
def test_play_screen_transcript_of_a_journey(
    snap_compare: SnapCompare, tmp_path: Path, size: tuple[int, int]
) -> None:
    app = make_app(tmp_path, JOURNEY)
    assert snap_compare(app, terminal_size=size, run_before=keys("n", "1", "1", "2", "1"))


@pytest.mark.parametrize("size", SIZES)
def test_play_screen_with_twelve_choices_and_more_below(
    snap_compare: SnapCompare, tmp_path: Path, size: tuple[int, int]
) -> None:
    app = make_app(tmp_path, FIXTURES / "many-choices")
    assert snap_compare(app, terminal_size=size, run_before=keys("n"))


@pytest.mark.parametrize("size", SIZES)
def test_play_screen_read_on_by_a_page(
    snap_compare: SnapCompare, tmp_path: Path, size: tuple[int, int]
) -> None:
    app = make_app(tmp_path, FIXTURES / "many-choices")
    assert snap_compare(app, terminal_size=size, run_before=keys("n", "space"))


@pytest.mark.parametrize("size", SIZES)
def test_play_screen_message_under_the_choices(
    snap_compare: SnapCompare, tmp_path: Path, size: tuple[int, int]
) -> None:
    app = make_app(tmp_path, SAMPLE)
    assert snap_compare(app, terminal_size=size, run_before=keys("n", "2", "1", "f5"))


@pytest.mark.parametrize("size", SIZES)
def test_ending_screen_with_a_long_path(
    snap_compare: SnapCompare, tmp_path: Path, size: tuple[int, int]
) -> None:
    app = make_app(tmp_path, FIXTURES / "engine")
    swaps = ["1"] * 20  # swap a and b, and back: twenty steps on the path
    assert snap_compare(app, terminal_size=size, run_before=keys("n", *swaps, "5", "enter"))


@pytest.mark.parametrize("size", SIZES)
def test_archive_screen(snap_compare: SnapCompare, tmp_path: Path, size: tuple[int, int]) -> None:
    app = make_app(tmp_path, JOURNEY)
    assert snap_compare(app, terminal_size=size, run_before=keys("n", "2", "2", "a"))


@pytest.mark.parametrize("size", SIZES)
def test_map_screen(snap_compare: SnapCompare, tmp_path: Path, size: tuple[int, int]) -> None:
    app = make_app(tmp_path, JOURNEY)
    assert snap_compare(app, terminal_size=size, run_before=keys("n", "2", "1", "1", "m"))


@pytest.mark.parametrize("size", SIZES)
def test_timeline_screen(snap_compare: SnapCompare, tmp_path: Path, size: tuple[int, int]) -> None:
    app = make_app(tmp_path, JOURNEY)
    assert snap_compare(app, terminal_size=size, run_before=keys("n", "2", "2", "t"))


@pytest.mark.parametrize("size", SIZES)
def test_save_screen_with_a_damaged_slot(
    snap_compare: SnapCompare, tmp_path: Path, size: tuple[int, int]
) -> None:
    app = make_app(tmp_path, SAMPLE)
    store = make_store(tmp_path)
    game = app.session.game
    state = game.take(game.start(), "take-pass")
    store.save("quicksave", app.story, state, 65.0)
    store.save("before the gate", app.story, game.take(state, "checkpoint.1"), 3725.0)
    (tmp_path / "broken.save.json").write_text("{ not json", encoding="utf-8")
    assert snap_compare(app, terminal_size=size, run_before=keys("n", "s"))


@pytest.mark.parametrize("size", SIZES)
def test_ending_screen(snap_compare: SnapCompare, tmp_path: Path, size: tuple[int, int]) -> None:
    app = make_app(tmp_path, SAMPLE)
    assert snap_compare(app, terminal_size=size, run_before=keys("n", "1", "1", "1", "enter"))


def test_too_small_terminal(snap_compare: SnapCompare, tmp_path: Path) -> None:
    app = make_app(tmp_path, SAMPLE)
    assert snap_compare(app, terminal_size=(60, 18), run_before=keys())


def test_play_screen_without_colour(
    snap_compare: SnapCompare, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("NO_COLOR", "1")
    app = make_app(tmp_path, SAMPLE)
    assert snap_compare(app, terminal_size=(80, 24), run_before=keys("n", "2"))
