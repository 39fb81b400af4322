"""Run a Textual app headless in this process, stopping at a chosen point.

    python -m tests.benchmarks.boot MODE [--modules FILE] [--rss FILE] (minimal | cosmodrome ARGS)

MODE `first-frame` exits as soon as the first frame is drawn (start-up time);
`play:N` then makes N moves with Pilot before exiting (the running game's
memory): choices in Cosmodrome, updates of a `Static` in the minimal app.
The same patch of `App.run` drives both, so they are measured alike. `--modules`
writes the modules imported by the first frame; `--rss` the peak memory at exit.
"""

from __future__ import annotations

import atexit
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

from textual.app import App, ComposeResult
from textual.pilot import Pilot
from textual.widgets import Static

SIZE = (100, 40)


class MinimalApp(App[None]):
    """The baseline: one `Static`, updated on every key."""

    def __init__(self) -> None:
        super().__init__()
        self.presses = 0

    def compose(self) -> ComposeResult:
        yield Static("Cosmodrome", id="counter")

    def on_key(self) -> None:
        self.presses += 1
        self.query_one("#counter", Static).update(f"Cosmodrome {self.presses}")


class ScreenfulApp(App[None]):
    """For context, not a budget's baseline: one `Static` filling the screen, given a new
    screenful of text on every key, as a move redraws most of the game's screen."""

    WORDS = ("the", "road", "north", "runs", "through", "taiga", "to", "the", "launch", "pads")

    def __init__(self) -> None:
        super().__init__()
        self.presses = 0

    def compose(self) -> ComposeResult:
        yield Static("", id="page")

    def on_key(self) -> None:
        self.presses += 1
        words = self.WORDS[self.presses % len(self.WORDS) :] + self.WORDS
        line = " ".join(words)[: SIZE[0] - 2]
        page = "\n".join(f"{line[n % 7 :]} {n}" for n in range(SIZE[1] - 2))
        self.query_one("#page", Static).update(page)


async def _play_minimal(pilot: Pilot[Any], moves: int) -> None:
    for _ in range(moves):
        await pilot.press("x")


async def _play_cosmodrome(pilot: Pilot[Any], moves: int) -> None:
    app: Any = pilot.app
    app.start_new_game()
    await pilot.pause()
    for _ in range(moves):
        session = app.session
        state = session.state
        if state.ended:
            app.start_new_game()
            await pilot.pause()
            continue
        shown = [v for v in session.game.passage(state).available if v.number <= 9]
        await pilot.press(str(shown[0].number))


def _install(mode: str, modules_file: str | None, player: Callable[..., Any]) -> None:
    """Patch `App.run`: headless, fixed size, and the chosen stop after the first frame."""
    original_run = App.run

    def run(self: App[Any], *args: Any, **kwargs: Any) -> Any:
        kwargs.update(headless=True, size=SIZE)
        display = self._display
        drawn = False

        def first_frame(screen: Any, renderable: Any) -> None:
            nonlocal drawn
            display(screen, renderable)
            if renderable is None or drawn:
                return
            drawn = True
            if modules_file:
                with open(modules_file, "w", encoding="utf-8") as out:  # noqa: PTH123
                    out.write("\n".join(sorted(sys.modules)))
            if mode == "first-frame":
                self.exit()
            else:
                moves = int(mode.split(":", 1)[1])

                async def drive() -> None:
                    await player(Pilot(self), moves)
                    self.exit()

                self.call_later(lambda: self.run_worker(drive()))

        self._display = first_frame  # type: ignore[method-assign]
        return original_run(self, *args, **kwargs)

    App.run = run  # type: ignore[method-assign]


def _peak_rss() -> int:
    """This process's peak resident set size in bytes (`VmHWM`; ru_maxrss would count the
    parent's pages from before `exec`)."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) * 1024
    return 0


def main(argv: list[str]) -> int:
    mode, rest = argv[0], argv[1:]
    options: dict[str, str] = {}
    while rest[0].startswith("--"):
        options[rest[0]], rest = rest[1], rest[2:]
    if "--rss" in options:
        where = Path(options["--rss"])
        atexit.register(lambda: where.write_text(str(_peak_rss())))
    modules_file = options.get("--modules")
    if rest[0] == "minimal":
        _install(mode, modules_file, _play_minimal)
        MinimalApp().run()
        return 0
    _install(mode, modules_file, _play_cosmodrome)
    from cosmodrome.cli import main as cosmodrome

    return cosmodrome(rest[1:])


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
