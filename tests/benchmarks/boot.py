"""Run a Textual app headless in this process, stopping at a chosen point.

    python -m tests.benchmarks.boot MODE [--modules FILE] [--rss FILE] (stock | cosmodrome ARGS)

MODE `first-frame` exits as soon as the first frame is drawn (start-up time);
`play:N` then makes N moves with Pilot before exiting (the running game's memory):
choices in Cosmodrome, choice keys in the stock app (`stock_app.StockPlayApp`). The
same patch of `App.run` drives both, so they are measured alike. `--modules` writes
the modules imported by the first frame; `--rss` the peak memory at exit.
"""

from __future__ import annotations

import atexit
import sys
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any

from textual.app import App
from textual.pilot import Pilot

SIZE = (100, 40)

NextKey = Callable[[Pilot[Any]], Awaitable[str | None]]


async def stock_key(pilot: Pilot[Any]) -> str | None:
    """The stock app's key for a move: its second choice, as the game's is the middle one."""
    return "2"


async def _play(pilot: Pilot[Any], moves: int, next_key: NextKey) -> None:
    made = 0
    while made < moves:
        key = await next_key(pilot)
        if key is not None:
            await pilot.press(key)
            made += 1


def on_frames(app: App[Any], seen: Callable[[], None]) -> None:
    """Call `seen` after each frame `app` draws. Textual has no public hook for a drawn
    frame, so this wraps the app's own display call on this one instance."""
    display = app._display

    def recorded(screen: Any, renderable: Any) -> None:
        display(screen, renderable)
        if renderable is not None:
            seen()

    app._display = recorded  # type: ignore[method-assign]


def _install(mode: str, modules_file: str | None, next_key: NextKey) -> None:
    """Patch `App.run`: headless, fixed size, and the chosen stop after the first frame."""
    original_run = App.run

    def run(self: App[Any], *args: Any, **kwargs: Any) -> Any:
        kwargs.update(headless=True, size=SIZE)
        drawn = False

        def first_frame() -> None:
            nonlocal drawn
            if drawn:
                return
            drawn = True
            if modules_file:
                Path(modules_file).write_text("\n".join(sorted(sys.modules)), encoding="utf-8")
            if mode == "first-frame":
                self.exit()
                return
            moves = int(mode.split(":", 1)[1])

            async def drive() -> None:
                await _play(Pilot(self), moves, next_key)
                self.exit()

            self.call_later(lambda: self.run_worker(drive()))

        on_frames(self, first_frame)
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
    if rest[0] == "stock":
        from tests.benchmarks.stock_app import StockPlayApp

        _install(mode, modules_file, stock_key)
        StockPlayApp().run()
        return 0
    from tests.benchmarks.game_app import next_key

    _install(mode, modules_file, next_key)
    from cosmodrome.cli import main as cosmodrome

    return cosmodrome(rest[1:])


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
