"""`python -m tests.benchmarks [--quick] [--only GROUP]`: every budget of Cosmodrome, as a table.

Each figure is a median of several runs, set against a baseline measured in the
same run (alternating with it), so the ratio means something on a noisy machine.
The UI rows' baseline is a play screen of the stock Textual widgets the game uses
(`stock_app.py`); the engine's is a bare loop over plain dicts and lambdas (`bare.py`).
A measurement that fails prints its reason in its row. Exits 1 when a budget is
missed or could not be measured. Not a test: CI does not run it.
"""

from __future__ import annotations

import argparse
import gc
import os
import platform
import sys
import tempfile
import time
import traceback
from collections.abc import Callable
from functools import cache
from importlib.metadata import version
from pathlib import Path

from cosmodrome.locations import default_story_dir
from cosmodrome.story.diagnostics import StoryError
from cosmodrome.story.loader import load_story
from cosmodrome.story.model import Story
from tests.benchmarks import (
    keypresses,
    language_server,
    loading,
    playing,
    saving,
    startup,
    web_page,
)
from tests.benchmarks.generate import StoryShape, generate_story
from tests.benchmarks.harness import Budget, Row, failure, render

SAMPLE = Path(__file__).resolve().parents[1] / "fixtures" / "sample"


def _machine() -> str:
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return (
        f"{cpu}, {os.cpu_count()} cores; {platform.system()} {platform.release()}; "
        f"Python {platform.python_version()}; PyYAML {version('pyyaml')}; "
        f"Textual {version('textual')}"
    )


@cache
def _shipped_story() -> tuple[Path, Story, str]:
    """The shipped story, or the sample fixture (with a note) while it does not load."""
    directory = default_story_dir()
    try:
        return directory, load_story(directory, use_cache=False), "the shipped story"
    except (StoryError, OSError) as exc:
        why = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        note = f"tests/fixtures/sample (the shipped story does not load: {why})"
        return SAMPLE, load_story(SAMPLE, use_cache=False), note


SMALL, LARGE = "story-1000", "story-10000"


@cache
def _synthetic(work: Path) -> tuple[StoryShape, StoryShape]:
    """The stories of 1,000 and 10,000 nodes, written once into `work`."""
    return generate_story(work / SMALL, 1_000), generate_story(work / LARGE, 10_000)


def _engine_rows(work: Path, choices: int, runs: int) -> list[Row]:
    small, large = _synthetic(work)
    stories = [load_story(work / name, use_cache=False) for name in (SMALL, LARGE)]
    gc.collect()
    gc.freeze()  # as `cosmodrome play` does once its story is loaded
    try:
        return playing.playthrough_rows(
            (stories[0], small.bare), (stories[1], large.bare), choices, runs
        )
    finally:
        gc.unfreeze()


Measure = tuple[str, str, list[tuple[str, Budget | None]], Callable[[], list[Row]]]


def _measures(work: Path, quick: bool) -> list[Measure]:
    """Every group's (group, label, its rows' names and budgets, the measurement)."""
    runs = 3 if quick else 7
    choices = 5_000 if quick else 20_000
    small, large = work / SMALL, work / LARGE

    def synthetic() -> None:
        _synthetic(work)

    def shipped() -> Story:
        return _shipped_story()[1]

    def loading_rows() -> list[Row]:
        synthetic()
        return loading.cold_load_rows(small, large, max(3, runs // 2))

    def cached_rows() -> list[Row]:
        synthetic()
        return [loading.cached_load_row(large, work / "c", runs)]

    def lsp_rows() -> list[Row]:
        synthetic()
        return language_server.latency_rows(_shipped_story()[0], large, runs)

    def cold_start() -> list[Row]:
        directory, _, note = _shipped_story()
        return [startup.cold_start_row(directory, work, runs, note)]

    return [
        (
            "loading",
            "loading",
            [(loading.LOAD_ROW, loading.LOAD_BUDGET), (loading.GROWTH_ROW, loading.GROWTH_BUDGET)],
            loading_rows,
        ),
        ("cached", "cached loading", [(loading.CACHED_ROW, loading.CACHED_BUDGET)], cached_rows),
        (
            "engine",
            "engine",
            [
                (playing.ENGINE_ROW, playing.ENGINE_BUDGET),
                (playing.GROWTH_ROW, playing.GROWTH_BUDGET),
            ],
            lambda: _engine_rows(work, choices, runs),
        ),
        (
            "saves",
            "saves",
            [(saving.SAVE_ROW, saving.SAVE_BUDGET), (saving.LOAD_ROW, saving.LOAD_BUDGET)],
            lambda: saving.save_rows(shipped(), work, runs * 3),
        ),
        ("startup", "start-up", [(startup.COLD_ROW, startup.COLD_BUDGET)], cold_start),
        (
            "memory",
            "memory",
            [(startup.RSS_ROW, startup.RSS_BUDGET)],
            lambda: [startup.peak_rss_row(_shipped_story()[0], work)],
        ),
        (
            "web",
            "the served game",
            [(web_page.PAGE_ROW, web_page.PAGE_BUDGET)],
            lambda: [web_page.page_open_row(_shipped_story()[0], work, runs)],
        ),
        (
            "keypresses",
            "keypresses",
            [(keypresses.KEY_ROW, keypresses.KEY_BUDGET)],
            lambda: [keypresses.keypress_row(shipped(), work, 200)],
        ),
        (
            "lsp",
            "language server",
            [
                (language_server.SHIPPED_ROW, language_server.BUDGET),
                (language_server.LARGE_ROW, language_server.BUDGET),
            ],
            lsp_rows,
        ),
        (
            "long",
            "a long game",
            [(keypresses.LONG_ROW, keypresses.LONG_BUDGET)],
            lambda: [
                _skipped(keypresses.LONG_ROW, keypresses.LONG_BUDGET)
                if quick
                else keypresses.long_game_row(shipped(), work, 550)
            ],
        ),
    ]


def _skipped(name: str, budget: Budget) -> Row:
    return Row(name, "not measured (--quick)", "—", None, budget)


GROUPS = (
    "loading",
    "cached",
    "engine",
    "saves",
    "startup",
    "memory",
    "web",
    "keypresses",
    "lsp",
    "long",
)


def measure(
    label: str, expected: list[tuple[str, Budget | None]], action: Callable[[], list[Row]]
) -> list[Row]:
    """The rows of one measurement; if it fails, its rows with the reason (and the
    traceback on stderr), so the rest of the table is still measured."""
    start = time.perf_counter()
    print(f"  {label} ...", end="", flush=True, file=sys.stderr)
    try:
        rows = action()
    except Exception as exc:  # any failure: shown in its rows, never aborting the run
        print(" failed:", file=sys.stderr)
        traceback.print_exc(file=sys.stderr)
        return [failure(name, budget, exc) for name, budget in expected]
    print(f" {time.perf_counter() - start:.0f} s", file=sys.stderr)
    return rows


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tests.benchmarks", description=__doc__)
    parser.add_argument("--quick", action="store_true", help="fewer runs: a rough table")
    parser.add_argument(
        "--only",
        action="append",
        choices=GROUPS,
        metavar="GROUP",
        help=f"run only this group of rows (repeatable): {', '.join(GROUPS)}",
    )
    args = parser.parse_args(argv)
    wanted = set(args.only or GROUPS)
    rows: list[Row] = []
    with tempfile.TemporaryDirectory(prefix="cosmodrome-bench-") as temp:
        work = Path(temp)
        os.environ["COSMODROME_CACHE"] = str(work / "cache")  # never the user's cache
        print("Cosmodrome benchmarks", file=sys.stderr)
        for group, label, expected, action in _measures(work, args.quick):
            if group in wanted:
                rows += measure(label, expected, action)
    print()
    print(render(rows))
    print()
    print(f"machine: {_machine()}")
    failed = [row.name for row in rows if row.ok is False]
    if failed:
        print(f"budgets missed or not measured: {', '.join(failed)}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
