"""`python -m tests.benchmarks [--quick] [--only GROUP]`: every timing budget of Cosmodrome, as a table.

Each figure is a median of several runs, set against a baseline measured in the
same run (alternating with it), so the ratio means something on a noisy machine.
Exits 1 when a budget is missed. Not a test: CI does not run it.
"""

from __future__ import annotations

import argparse
import gc
import os
import platform
import sys
import tempfile
import time
from collections.abc import Callable
from importlib.metadata import version
from pathlib import Path

from cosmodrome.locations import default_story_dir
from cosmodrome.story.diagnostics import StoryError
from cosmodrome.story.loader import load_story
from cosmodrome.story.model import Story
from tests.benchmarks import loading, playing, saving, terminal
from tests.benchmarks.generate import generate_story
from tests.benchmarks.harness import Row, render

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


def _shipped_story() -> tuple[Path, Story, str]:
    """The shipped story, or the sample fixture (with a note) while it does not load."""
    directory = default_story_dir()
    try:
        return directory, load_story(directory, use_cache=False), "the shipped story"
    except (StoryError, OSError) as exc:
        why = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        note = f"tests/fixtures/sample (the shipped story does not load: {why})"
        return SAMPLE, load_story(SAMPLE, use_cache=False), note


def _engine_rows(small: Path, large: Path, choices: int, runs: int) -> list[Row]:
    stories = (load_story(small, use_cache=False), load_story(large, use_cache=False))
    gc.collect()
    gc.freeze()  # as `cosmodrome play` does once its story is loaded
    try:
        return playing.playthrough_rows(*stories, choices, runs)
    finally:
        gc.unfreeze()


GROUPS = ("loading", "cached", "engine", "saves", "startup", "keypresses")


def _step(label: str, action: Callable[[], list[Row]], rows: list[Row]) -> None:
    start = time.perf_counter()
    print(f"  {label} ...", end="", flush=True, file=sys.stderr)
    rows.extend(action())
    print(f" {time.perf_counter() - start:.0f} s", file=sys.stderr)


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
    runs = 3 if args.quick else 7
    rows: list[Row] = []
    with tempfile.TemporaryDirectory(prefix="cosmodrome-bench-") as temp:
        work = Path(temp)
        os.environ["COSMODROME_CACHE"] = str(work / "cache")  # never the user's cache
        print("Cosmodrome benchmarks", file=sys.stderr)
        small, large = work / "story-1000", work / "story-10000"
        if wanted & {"loading", "cached", "engine"}:
            generate_story(small, 1_000)
            generate_story(large, 10_000)
        if "loading" in wanted:
            _step(
                "loading",
                lambda: loading.cold_load_rows(small, large, max(3, runs // 2)),
                rows,
            )
        if "cached" in wanted:
            _step(
                "cached loading", lambda: [loading.cached_load_row(large, work / "c", runs)], rows
            )
        choices = 5_000 if args.quick else 20_000
        if "engine" in wanted:
            _step("engine", lambda: _engine_rows(small, large, choices, runs), rows)
        shipped_dir, shipped, story_note = _shipped_story()
        if "saves" in wanted:
            _step("saves", lambda: saving.save_rows(shipped, work, runs * 3), rows)
        if "startup" in wanted:
            _step(
                "start-up",
                lambda: terminal.cold_start_rows(shipped_dir, work, runs, story_note),
                rows,
            )
        if "keypresses" in wanted:
            _step(
                "keypresses",
                lambda: terminal.keypress_rows(shipped, work, 200, 0 if args.quick else 550),
                rows,
            )
    print()
    print(render(rows))
    print()
    print(f"machine: {_machine()}")
    failed = [row.name for row in rows if row.ok is False]
    if failed:
        print(f"budgets missed: {', '.join(failed)}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
