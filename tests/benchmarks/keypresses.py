"""The time from a keypress to the last frame it causes, driven with Pilot in this
process: the game against the stock play screen, and the game late against early."""

from __future__ import annotations

import asyncio
import statistics
import time
from pathlib import Path
from typing import Any

from textual.app import App

from cosmodrome.story.model import Story
from tests.benchmarks.boot import SIZE, NextKey, on_frames, stock_key
from tests.benchmarks.game_app import build_app, next_key
from tests.benchmarks.harness import Budget, Row, ms
from tests.benchmarks.stock_app import StockPlayApp

KEY_ROW = "keypress to the next passage drawn"
KEY_BUDGET = Budget(2.0)
LONG_ROW = "keypress after 500 passages vs the first 50"
LONG_BUDGET = Budget(1.5)
SETTLE = 0.05  # seconds with no new frame after which a keypress's work is taken as drawn
MOST_WAITS = 50  # an app that never stops drawing (an animation) is timed to here


async def _settled(pilot: Any, frames: list[float]) -> None:
    """Wait until the app has drawn every frame it owes: a Markdown passage is parsed in a
    thread and mounted after, so one pause may come before its frame."""
    for _ in range(MOST_WAITS):
        drawn = len(frames)
        await pilot.pause()
        await asyncio.sleep(SETTLE)
        await pilot.pause()
        if len(frames) == drawn:
            return


async def _latencies(app: App[Any], choose: NextKey, count: int) -> list[float]:
    """Seconds from each of `count` keypresses to the last frame it caused."""
    latencies: list[float] = []
    async with app.run_test(size=SIZE) as pilot:
        frames: list[float] = []
        on_frames(app, lambda: frames.append(time.perf_counter()))
        await _settled(pilot, frames)
        while len(latencies) < count:
            key = await choose(pilot)
            if key is None:
                await _settled(pilot, frames)
                continue
            frames.clear()
            start = time.perf_counter()
            await pilot.press(key)
            await _settled(pilot, frames)
            if not frames:
                raise RuntimeError(f"key {key!r} drew no frame")
            latencies.append(frames[-1] - start)
    return latencies


def _game(story: Story, work: Path, count: int) -> list[float]:
    return asyncio.run(_latencies(build_app(story, work / "key-saves"), next_key, count))


def _stock(count: int) -> list[float]:
    return asyncio.run(_latencies(StockPlayApp(), stock_key, count))


def keypress_row(story: Story, work: Path, count: int) -> Row:
    """Median keypress to frame of the game against the stock play screen."""
    mine: list[float] = []
    base: list[float] = []
    for _ in range(2):  # alternated, so a slow patch of the machine hits both
        base += _stock(count // 2)
        mine += _game(story, work, count // 2)
    ours, theirs = statistics.median(mine), statistics.median(base)
    return Row(
        KEY_ROW,
        ms(ours),
        f"{ms(theirs)} stock play screen: a new Markdown passage and new options per key",
        ours / theirs,
        KEY_BUDGET,
        f"median of {count} choices each (Pilot, headless, {SIZE[0]}×{SIZE[1]})",
    )


def long_game_row(story: Story, work: Path, length: int) -> Row:
    """The game's keypress late in a long game against its first 50."""
    series = _game(story, work, length)
    early, late = statistics.median(series[:50]), statistics.median(series[-50:])
    return Row(
        LONG_ROW,
        f"{ms(late)} (choices {length - 49}-{length})",
        f"{ms(early)} (choices 1-50)",
        late / early,
        LONG_BUDGET,
    )
