"""The key bar at the bottom of every screen: what it shows, and the mouse on it."""

from __future__ import annotations

from pathlib import Path
from typing import ClassVar

from textual.app import App, ComposeResult
from textual.binding import Binding, BindingType
from textual.command import CommandPalette
from textual.pilot import Pilot

from cosmodrome.tui.screens.play import PlayScreen
from cosmodrome.tui.screens.saves import SavesScreen
from cosmodrome.tui.widgets.keybar import PALETTE_RULE, KeyBar, ShownKey
from tests.tui.harness import make_app, settle, wait_for


def bar(pilot: Pilot[None]) -> KeyBar:
    return pilot.app.screen.query_one(KeyBar)


def line(pilot: Pilot[None]) -> str:
    return bar(pilot).render_line(0).text


def labels(pilot: Pilot[None]) -> list[str]:
    return [f"{key.display} {key.description}" for key in bar(pilot).keys]


def middle(key: ShownKey) -> tuple[int, int]:
    return (key.start + key.width // 2, 0)


async def test_the_title_shows_its_keys_and_the_palette_at_the_right_edge(
    tmp_path: Path,
) -> None:
    app = make_app(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        text = line(pilot)
        assert text.startswith(" n New game  ")
        assert "^q Quit" in text and "? Help" in text
        assert text.endswith(f"{PALETTE_RULE}ctrl+p palette ")
        assert len(text) == 80


async def test_the_play_screen_shows_one_key_per_action(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("n")
        await settle(pilot)
        shown = labels(pilot)
        # undo has two keys (u and ctrl+z) and shows the first; 2-9 are behind "1-9"
        assert shown[:3] == ["1-9 Choose", "u Undo", "s Save"]
        assert sum(label.endswith("Undo") for label in shown) == 1
        assert "ctrl+p palette" not in shown  # the play screen keeps its bar for play
        assert line(pilot).startswith(" 1-9 Choose  u Undo  s Save  a Archive  m Map")


async def test_the_bar_follows_the_screen_it_is_on(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("n")
        await settle(pilot)
        await pilot.press("s")
        await wait_for(pilot, lambda: isinstance(pilot.app.screen, SavesScreen))
        await pilot.pause()
        assert labels(pilot)[0] == "n New save"
        await pilot.press("escape")
        await wait_for(pilot, lambda: isinstance(pilot.app.screen, PlayScreen))
        assert labels(pilot)[0] == "1-9 Choose"


async def test_a_click_on_a_key_presses_it(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("n")
        await settle(pilot)
        save = next(k for k in bar(pilot).keys if k.description == "Save")
        await pilot.click(KeyBar, offset=middle(save))
        await wait_for(pilot, lambda: isinstance(pilot.app.screen, SavesScreen))


async def test_a_click_on_the_palette_key_opens_the_command_palette(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        palette = bar(pilot).keys[-1]
        assert palette.description == "palette"
        await pilot.click(KeyBar, offset=middle(palette))
        await wait_for(pilot, lambda: isinstance(pilot.app.screen, CommandPalette))


async def test_a_click_between_keys_does_nothing(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        before = pilot.app.screen
        keys = bar(pilot).keys
        gap = keys[-2].start + keys[-2].width + 2  # after the last key, before the rule
        assert gap < keys[-1].start - 1
        await pilot.click(KeyBar, offset=(gap, 0))
        await pilot.pause()
        assert pilot.app.screen is before


async def test_the_key_under_the_mouse_is_highlighted_and_shows_its_tooltip(
    tmp_path: Path,
) -> None:
    app = make_app(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        keybar = bar(pilot)
        palette = keybar.keys[-1]
        plain = keybar.render_line(0)
        await pilot.hover(KeyBar, offset=middle(palette))
        await pilot.pause()
        assert keybar.tooltip == "Open the command palette"
        assert keybar.render_line(0) != plain  # drawn in the hover colours
        await pilot.hover(KeyBar, offset=(palette.start - 3, 0))
        await pilot.pause()
        assert keybar.tooltip is None
        assert keybar.render_line(0) == plain


class LockedApp(App[None]):
    """A key that is shown but cannot be used now (`check_action` gives None)."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("x", "launch", "Launch"),
        Binding("y", "wait", "Wait"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.done: list[str] = []

    def compose(self) -> ComposeResult:
        yield KeyBar(show_command_palette=False)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        return None if action == "launch" else True

    def action_launch(self) -> None:
        self.done.append("launch")

    def action_wait(self) -> None:
        self.done.append("wait")

    def bell(self) -> None:
        self.done.append("bell")


async def test_a_key_that_cannot_be_used_is_dimmed_and_a_click_rings_the_bell() -> None:
    app = LockedApp()
    async with app.run_test(size=(40, 5)) as pilot:
        await pilot.pause()
        keybar = pilot.app.query_one(KeyBar)
        launch, wait = keybar.keys
        assert (launch.enabled, wait.enabled) == (False, True)
        drawn = keybar.render_line(0)
        styles = {segment.text.strip(): segment.style for segment in drawn if segment.text.strip()}
        assert styles["x"] is not None and styles["x"].dim
        assert styles["y"] is not None and not styles["y"].dim
        await pilot.click(KeyBar, offset=middle(launch))
        await pilot.click(KeyBar, offset=middle(wait))
        await pilot.pause()
        assert app.done == ["bell", "wait"]
