"""Pilot tests of settings, quitting, a too-small terminal, the typewriter, saving turned off
and the transcript export."""

from __future__ import annotations

import json
import os
import signal
from pathlib import Path

import pytest
from textual.widgets import Checkbox, RadioButton, Select

from cosmodrome.settings import Settings, load_settings
from cosmodrome.tui.app import Start
from cosmodrome.tui.dialogs.confirm import ConfirmDialog
from cosmodrome.tui.navigation import MIN_HEIGHT, MIN_WIDTH
from cosmodrome.tui.screens.play import PlayScreen
from cosmodrome.tui.screens.settings import SettingsScreen
from cosmodrome.tui.screens.title import TitleScreen
from cosmodrome.tui.screens.too_small import TooSmallScreen
from cosmodrome.tui.widgets.transcript import Transcript
from tests.tui.harness import make_app, settle, told, wait_for
from tests.unit.session.session_helpers import FakeClock, make_store


async def test_settings_apply_at_once_and_are_written_next_to_the_saves(tmp_path: Path) -> None:
    async with make_app(tmp_path).run_test(size=(80, 24)) as pilot:
        await pilot.press("o")
        await settle(pilot)
        screen = pilot.app.screen
        assert isinstance(screen, SettingsScreen)
        screen.query_one("#theme", Select).value = "cosmodrome-high-contrast"
        await settle(pilot)
        screen.query_one("#reveal-typewriter", RadioButton).value = True
        await settle(pilot)
        screen.query_one("#confirm-quit", Checkbox).value = True
        await settle(pilot)
        assert pilot.app.theme == "cosmodrome-high-contrast"
        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(pilot.app.screen, TitleScreen)
    stored, problems = load_settings(tmp_path / "settings.json")
    assert problems == []
    assert stored == Settings("cosmodrome-high-contrast", "typewriter", True)


async def test_a_bad_settings_file_gives_defaults_and_a_warning(tmp_path: Path) -> None:
    (tmp_path / "settings.json").write_text("{ broken", encoding="utf-8")
    settings, problems = load_settings(tmp_path / "settings.json")
    app = make_app(tmp_path, settings=settings, settings_problems=tuple(problems))
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert isinstance(pilot.app.screen, TitleScreen)
        assert any("not valid JSON" in m for m in told(app))


async def test_an_unknown_theme_falls_back_to_the_default(tmp_path: Path) -> None:
    app = make_app(tmp_path, settings=Settings(theme="no-such-theme", confirm_quit=False))
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert pilot.app.theme == "textual-dark"
        assert any("no-such-theme" in m for m in told(app))


async def test_quit_asks_first_when_the_setting_says_so(tmp_path: Path) -> None:
    app = make_app(tmp_path, settings=Settings(confirm_quit=True))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("n")
        await settle(pilot)
        await pilot.press("ctrl+q")
        await settle(pilot)
        assert isinstance(pilot.app.screen, ConfirmDialog)
        await pilot.press("n")
        await settle(pilot)
        assert isinstance(pilot.app.screen, PlayScreen)
        assert app.is_running
        await pilot.press("ctrl+q", "y")
        await settle(pilot)
        assert not app.is_running


async def test_ctrl_c_quits_and_the_autosave_is_current(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("n")
        await settle(pilot)
        await pilot.press("2", "ctrl+c")
        await settle(pilot)
        assert not app.is_running
    assert make_store(tmp_path).load("auto-1", app.story).state.node == "checkpoint"


async def test_a_too_small_terminal_says_so_and_recovers(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    async with app.run_test(size=(MIN_WIDTH - 20, MIN_HEIGHT - 4)) as pilot:
        await settle(pilot)
        screen = pilot.app.screen
        assert isinstance(screen, TooSmallScreen)
        text = str(screen.query_one("#too-small-text").content)  # type: ignore[attr-defined]
        assert "too small: 60×20" in text
        assert f"at least {MIN_WIDTH}×{MIN_HEIGHT}" in text
        await pilot.press("n")  # the game underneath does not react
        await settle(pilot)
        assert not app.session.playing
        await pilot.resize_terminal(MIN_WIDTH, MIN_HEIGHT)
        await settle(pilot)
        assert isinstance(pilot.app.screen, TitleScreen)
        await pilot.press("n")
        await settle(pilot)
        await pilot.resize_terminal(70, MIN_HEIGHT)
        await settle(pilot)
        assert isinstance(pilot.app.screen, TooSmallScreen)
        assert "70×24" in str(pilot.app.screen.query_one("#too-small-text").content)  # type: ignore[attr-defined]
        await pilot.resize_terminal(120, 40)
        await settle(pilot)
        assert isinstance(pilot.app.screen, PlayScreen)


@pytest.mark.parametrize("start", ["new", "title"])
async def test_a_game_started_in_a_too_small_terminal_is_covered_until_it_fits(
    tmp_path: Path, start: Start
) -> None:
    # the first resize can arrive before the app mounts and starts the game on top of
    # the cover: there must still be one cover, on top, and the game under it after
    app = make_app(tmp_path, start=start)
    async with app.run_test(size=(60, MIN_HEIGHT)) as pilot:
        await settle(pilot)
        assert isinstance(pilot.app.screen, TooSmallScreen)
        await pilot.resize_terminal(MIN_WIDTH, MIN_HEIGHT)
        await settle(pilot)
        assert isinstance(pilot.app.screen, PlayScreen if start == "new" else TitleScreen)
        assert not [s for s in pilot.app.screen_stack if isinstance(s, TooSmallScreen)]
        await pilot.resize_terminal(70, MIN_HEIGHT)
        await settle(pilot)
        assert isinstance(pilot.app.screen, TooSmallScreen)


async def test_typewriter_text_is_completed_by_any_key(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("cosmodrome.tui.widgets.passage.TYPE_DELAY", 30.0)  # never done alone
    app = make_app(tmp_path, settings=Settings(text_reveal="typewriter", confirm_quit=False))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("n")
        await wait_for(pilot, lambda: isinstance(pilot.app.screen, PlayScreen))
        transcript = pilot.app.screen.query_one(Transcript)
        await wait_for(pilot, lambda: transcript.revealing)
        assert "Literal {braces}." not in "\n".join(transcript.text_lines())  # the title only
        await pilot.press("x")
        await settle(pilot)
        assert not transcript.revealing
        assert "Literal {braces}." in "\n".join(transcript.text_lines())
        assert app.session.require().steps == 0  # the key only completed the text
        await pilot.press("2")
        await wait_for(pilot, lambda: transcript.revealing)
        assert app.session.require().steps == 1
        await pilot.press("1")  # completes the text; does not take choice 1
        await settle(pilot)
        assert app.session.require().steps == 1


@pytest.mark.skipif(os.name != "posix", reason="POSIX permissions")
async def test_an_unwritable_saves_folder_turns_saving_off_but_play_goes_on(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """As root, where chmod denies nothing, through a test double of opening a file (the
    real command runs as an unprivileged user in tests/functional/test_unprivileged.py)."""
    saves = tmp_path / "saves"
    saves.mkdir()
    saves.chmod(0o500)
    if os.geteuid() == 0:
        real_open = os.open

        def denied(path: str | os.PathLike[str], flags: int, *args: int) -> int:
            if str(path).startswith(str(saves)) and flags & (os.O_WRONLY | os.O_RDWR):
                raise PermissionError(13, "Permission denied", str(path))
            return real_open(path, flags, *args)

        monkeypatch.setattr(os, "open", denied)
    try:
        app = make_app(saves)
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.press("n")
            await settle(pilot)
            await pilot.press("2")
            await settle(pilot)
            assert app.session.require().node == "checkpoint"
            warnings = [m for m in told(app) if "Saving is off" in m]
            assert len(warnings) == 1
    finally:
        saves.chmod(0o700)


async def test_a_saves_path_that_is_a_file_turns_saving_off_but_play_goes_on(
    tmp_path: Path,
) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("", encoding="utf-8")
    app = make_app(blocker)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("n")
        await settle(pilot)
        await pilot.press("2")
        await settle(pilot)
        assert app.session.require().node == "checkpoint"
        warnings = [m for m in told(app) if "Saving is off" in m]
        assert len(warnings) == 1


def test_settings_file_is_json(tmp_path: Path) -> None:
    from cosmodrome.settings import save_settings

    save_settings(tmp_path / "settings.json", Settings(text_reveal="typewriter"))
    data = json.loads((tmp_path / "settings.json").read_text(encoding="utf-8"))
    assert data == {"confirm_quit": True, "text_reveal": "typewriter", "theme": "textual-dark"}


async def test_a_hang_up_writes_the_play_time_to_the_autosave_and_stops(tmp_path: Path) -> None:
    clock = FakeClock()
    app = make_app(tmp_path, clock=clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("n")
        await settle(pilot)
        clock.advance(95)
        # the terminal closing: a real SIGHUP, once the game has its handler (else it kills us)
        handler = signal.getsignal(signal.SIGHUP)
        assert handler not in (signal.SIG_DFL, signal.SIG_IGN, None), "no SIGHUP handler"
        os.kill(os.getpid(), signal.SIGHUP)
        await wait_for(pilot, lambda: not app.is_running)
    loaded = make_store(tmp_path).load("auto-1", app.story)
    assert loaded.play_seconds == 95
