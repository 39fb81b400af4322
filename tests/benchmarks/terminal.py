"""The game in a terminal: cold start, memory, and the time from a keypress to the frame.

Start-up and memory are whole processes (`tests.benchmarks.boot` runs both apps
headless under the same patch); keypresses are driven with Pilot in this process.
"""

from __future__ import annotations

import asyncio
import contextlib
import importlib.util
import os
import pty
import statistics
import subprocess
import sys
import threading
import time
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any

from tests.benchmarks.harness import Budget, Row, megabytes, missing, ms, paired_medians

REPO = Path(__file__).resolve().parents[2]
COLD_BUDGET = Budget(1.3)
KEY_BUDGET = Budget(2.0)
RSS_BUDGET = Budget(1.3)
LONG_BUDGET = Budget(1.5)
COLD_ROW = "cold start to the drawn title screen"
KEY_ROW = "keypress to the next passage drawn"
LONG_ROW = "keypress after 500 passages vs the first ones"
FLOOR_ROW = "keypress vs a minimal app redrawing a screenful"
SPLIT_ROW = "keypress less the game's own work in it"
RSS_ROW = "peak RSS of the running game (100 choices)"


def _tui_built() -> bool:
    return importlib.util.find_spec("cosmodrome.tui.app") is not None


def _run_boot(args: list[str], env: dict[str, str]) -> tuple[float, str]:
    """Seconds from spawn to exit, and the stderr, of one boot process."""
    controller, terminal = pty.openpty()  # the game only starts its UI on a terminal
    drain = threading.Thread(target=_drain, args=(controller,), daemon=True)
    drain.start()
    start = time.perf_counter()
    process = subprocess.Popen(
        [sys.executable, "-m", "tests.benchmarks.boot", *args],
        cwd=REPO,
        env=env,
        stdin=terminal,
        stdout=terminal,
        stderr=subprocess.PIPE,
    )
    _, status = os.waitpid(process.pid, 0)
    elapsed = time.perf_counter() - start
    os.close(terminal)
    drain.join(timeout=5)
    os.close(controller)
    assert process.stderr is not None
    errors = process.stderr.read().decode("utf-8", "replace")
    process.stderr.close()
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode != 0:
        raise RuntimeError(f"{' '.join(args)} exited {process.returncode}: {errors[-2000:]}")
    return elapsed, errors


def _drain(fd: int) -> None:
    """Read whatever the child writes to its terminal, so it never blocks on a full one."""
    with contextlib.suppress(OSError):
        while os.read(fd, 65536):
            pass


def boot_env(work: Path) -> dict[str, str]:
    """The environment of the boot processes: saves and cache in `work`."""
    env = dict(os.environ)
    env["COSMODROME_SAVES"] = str(work / "boot-saves")
    env["COSMODROME_CACHE"] = str(work / "boot-cache")
    env.pop("TEXTUAL", None)
    return env


def _game_args(story: Path) -> list[str]:
    return ["cosmodrome", "play", "--story", str(story)]


def cold_start_rows(story: Path, work: Path, runs: int, story_note: str) -> list[Row]:
    """Cold start and peak memory, each against the minimal Textual app."""
    if not _tui_built():
        return [missing(COLD_ROW, COLD_BUDGET), missing(RSS_ROW, RSS_BUDGET)]
    env = boot_env(work)
    # Python keeps compiled modules beside their sources after a first run, and pip compiles
    # an installed package; only with PYTHONDONTWRITEBYTECODE set (as on some CI machines)
    # would every start compile ours again, while Textual's come compiled from pip
    compiled = _compile_sources()
    _run_boot(["first-frame", *_game_args(story)], env)  # builds the story cache once
    ours, theirs = paired_medians(
        lambda: _run_boot(["first-frame", *_game_args(story)], env)[0],
        lambda: _run_boot(["first-frame", "minimal"], env)[0],
        runs,
    )
    extra = _extra_modules(story, work, env)
    rss = _peak_rss(["play:100", *_game_args(story)], work, env)
    base_rss = _peak_rss(["play:100", "minimal"], work, env)
    return [
        Row(
            COLD_ROW,
            ms(ours),
            f"{ms(theirs)} minimal Textual app",
            ours / theirs,
            COLD_BUDGET,
            f"{story_note}; {compiled}; imported before the title beyond the minimal app: {extra}",
        ),
        Row(
            RSS_ROW,
            megabytes(rss),
            f"{megabytes(base_rss)} minimal Textual app, 100 keys",
            rss / base_rss,
            RSS_BUDGET,
        ),
    ]


def _compile_sources() -> str:
    """Compile our modules to bytecode, as a first run or an install does; says what it did."""
    import compileall

    source = REPO / "src" / "cosmodrome"
    if not source.is_dir():  # an installed package: pip compiled it
        return "installed package"
    compileall.compile_dir(source, quiet=1)
    return "our modules compiled to bytecode first, as after a first run"


def _peak_rss(args: list[str], work: Path, env: dict[str, str]) -> int:
    where = work / "rss.txt"
    _run_boot([args[0], "--rss", str(where), *args[1:]], env)
    return int(where.read_text())


def _extra_modules(story: Path, work: Path, env: dict[str, str]) -> str:
    """The modules the game imports before its first frame that the minimal app does not."""
    ours, theirs = work / "modules-game.txt", work / "modules-minimal.txt"
    _run_boot(["first-frame", "--modules", str(ours), *_game_args(story)], env)
    _run_boot(["first-frame", "--modules", str(theirs), "minimal"], env)
    extra = set(ours.read_text().split()) - set(theirs.read_text().split())
    packages = sorted({name.split(".")[0] for name in extra if not name.startswith("cosmodrome")})
    own = sorted(name for name in extra if name.startswith("cosmodrome"))
    return f"{len(own)} cosmodrome modules ({', '.join(own)}); others: {', '.join(packages)}"


# --- keypresses, in this process ---------------------------------------------------

Press = Callable[[Any], Awaitable[str | None]]  # the key to press next, after any setup


class MoveTimer:
    """Times the game's own work in each keypress: its handler of the move (the engine's
    step and laying out the screen's widgets), and its widgets handing Textual their
    lines as the frame is drawn (the transcript and the choice list draw line by line)."""

    def __init__(self, app: Any) -> None:
        from cosmodrome.tui.widgets.choices import ChoiceList
        from cosmodrome.tui.widgets.transcript import Transcript

        self.move = 0.0  # seconds in the handler since the last `take`
        self.lines = 0.0  # seconds in the widgets' line callbacks since then
        self._patched: list[tuple[type, Any]] = []
        handle = app.take_number

        def timed(number: int) -> None:
            start = time.perf_counter()
            try:
                handle(number)
            finally:
                self.move += time.perf_counter() - start

        app.take_number = timed
        for widget in (Transcript, ChoiceList):
            self._time_lines(widget)

    def _time_lines(self, widget: type) -> None:
        render_line = widget.render_line  # type: ignore[attr-defined]
        self._patched.append((widget, render_line))

        def timed(instance: Any, y: int) -> Any:
            start = time.perf_counter()
            try:
                return render_line(instance, y)
            finally:
                self.lines += time.perf_counter() - start

        widget.render_line = timed  # type: ignore[attr-defined]

    def take(self) -> tuple[float, float]:
        """The handler's and the line callbacks' seconds since the last call."""
        spent = (self.move, self.lines)
        self.move = self.lines = 0.0
        return spent

    def restore(self) -> None:
        for widget, render_line in self._patched:
            widget.render_line = render_line  # type: ignore[attr-defined]


async def _latencies(
    app: Any, choose: Press, count: int, ours: list[tuple[float, float]] | None = None
) -> list[float]:
    """Seconds from each keypress to the last frame it caused, for `count` keys; with
    `ours`, also each keypress's seconds in the game's own work (`MoveTimer.take`)."""
    timer = MoveTimer(app) if ours is not None else None
    try:
        return await _timed_keys(app, choose, count, timer, ours)
    finally:
        if timer is not None:
            timer.restore()


async def _timed_keys(
    app: Any,
    choose: Press,
    count: int,
    timer: MoveTimer | None,
    ours: list[tuple[float, float]] | None,
) -> list[float]:
    latencies: list[float] = []
    async with app.run_test(size=(100, 40)) as pilot:
        await pilot.pause()
        frames: list[float] = []
        display = app._display

        def record(screen: Any, renderable: Any) -> None:
            display(screen, renderable)
            if renderable is not None:
                frames.append(time.perf_counter())

        app._display = record
        while len(latencies) < count:
            key = await choose(pilot)
            if key is None:
                continue
            frames.clear()
            if timer is not None:
                timer.take()
            start = time.perf_counter()
            await pilot.press(key)
            await app.workers.wait_for_complete()
            await pilot.pause()
            if frames:
                latencies.append(frames[-1] - start)
                if timer is not None and ours is not None:
                    ours.append(timer.take())
    return latencies


async def _minimal_key(pilot: Any) -> str | None:
    return "x"


async def _game_key(pilot: Any) -> str | None:
    app = pilot.app
    state = app.session.state
    if state is None or state.ended:
        app.start_new_game()
        await pilot.pause()
        return None
    shown = [v for v in app.session.game.passage(state).available if v.number <= 9]
    return str(shown[len(shown) // 2].number)


def _game_app(story: Any, work: Path) -> Any:
    from cosmodrome.saves.store import SaveStore
    from cosmodrome.settings import Settings
    from cosmodrome.tui.app import CosmodromeApp

    settings = Settings(text_reveal="instant", confirm_quit=False)
    return CosmodromeApp(story, SaveStore(work / "key-saves"), settings=settings, start="new")


def keypress_rows(story: Any, work: Path, count: int, long_run: int) -> list[Row]:
    """Keypress to frame against the minimal app; and late in a long game against early."""
    if not _tui_built():
        return [missing(KEY_ROW, KEY_BUDGET), missing(LONG_ROW, LONG_BUDGET)]
    from tests.benchmarks.boot import MinimalApp, ScreenfulApp

    handler: list[tuple[float, float]] = []  # per move: the game's own work in it

    def game(n: int, ours: list[tuple[float, float]] | None = None) -> list[float]:
        return asyncio.run(_latencies(_game_app(story, work), _game_key, n, ours))

    def minimal(n: int) -> list[float]:
        return asyncio.run(_latencies(MinimalApp(), _minimal_key, n))

    def screenful(n: int) -> list[float]:
        return asyncio.run(_latencies(ScreenfulApp(), _minimal_key, n))

    mine: list[float] = []
    base: list[float] = []
    full: list[float] = []
    for _ in range(2):  # alternated, so a slow patch of the machine hits all three
        base += minimal(count // 2)
        mine += game(count // 2, handler)
        full += screenful(count // 4)
    ours, theirs, floor = statistics.median(mine), statistics.median(base), statistics.median(full)
    move = statistics.median(spent for spent, _ in handler)
    lines = statistics.median(drawn for _, drawn in handler)
    rest = statistics.median(
        total - spent - drawn for total, (spent, drawn) in zip(mine, handler, strict=True)
    )
    rows = [
        Row(
            KEY_ROW,
            ms(ours),
            f"{ms(theirs)} minimal app updating a Static",
            ours / theirs,
            KEY_BUDGET,
            f"median of {count} choices (Pilot, headless, 100×40)",
        ),
        Row(
            FLOOR_ROW,
            ms(ours),
            f"{ms(floor)} minimal app, a new screenful of text per key",
            ours / floor,
            None,
            "context, not a budget: what any Textual app pays to redraw most of the screen",
        ),
        Row(
            SPLIT_ROW,
            f"{ms(rest)} (+ {ms(move)} the move, {ms(lines)} our lines)",
            f"{ms(theirs)} minimal app updating a Static",
            rest / theirs,
            None,
            "context: each keypress less the game's own work in it, its handler of the move "
            "(engine step, widget layout) and its widgets handing Textual their lines (a "
            "passage left behind is laid out again there when in view); what is left is "
            "Textual's dispatch, layout and drawing of the frame",
        ),
    ]
    if long_run:
        series = game(long_run)
        early = statistics.median(series[:50])
        late = statistics.median(series[-50:])
        rows.append(
            Row(
                LONG_ROW,
                f"{ms(late)} (choices {long_run - 50}-{long_run})",
                f"{ms(early)} (choices 1-50)",
                late / early,
                LONG_BUDGET,
            )
        )
    return rows
