"""Loading a story: cold (parse, validate, lint), from the compiled cache, and its growth."""

from __future__ import annotations

import json
import statistics
from pathlib import Path

import yaml

from cosmodrome.story.loader import check_story, load_story
from cosmodrome.story.model import Story
from cosmodrome.story.sources import story_files
from cosmodrome.story.yamlsource import read_yaml_file
from tests.benchmarks.harness import Budget, Row, gc_paused, ms, paired_medians, seconds

LOAD_ROW = "load + validate + lint, 10,000 nodes"
LOAD_BUDGET = Budget(2.0)
GROWTH_ROW = "load growth, 1,000 -> 10,000 nodes"
GROWTH_BUDGET = Budget(11.0)
CACHED_ROW = "cached load (unchanged story), 10,000 nodes"
CACHED_BUDGET = Budget(5.0)


def _yaml_baseline(directory: Path) -> float:
    """`yaml.load` with the C safe loader over the story's files, the collector paused."""
    files = story_files(directory)

    def run() -> None:
        with gc_paused():
            for path in files:
                yaml.load(path.read_bytes().decode("utf-8"), Loader=yaml.CSafeLoader)

    return seconds(run)


def _cold_load(directory: Path) -> float:
    def run() -> None:
        result = check_story(directory, use_cache=False)
        if result.story is None or result.errors:
            raise AssertionError(f"the synthetic story {directory} does not load")

    return seconds(run)


def _lint(story: Story) -> float:
    from cosmodrome.story.lint import lint_story

    with gc_paused():  # as the loader runs it
        return seconds(lambda: lint_story(story))


def cold_load_rows(small: Path, large: Path, runs: int) -> list[Row]:
    """Load + validate + lint of the large story against PyYAML; growth from small to large."""
    # the small story takes its turn in the same rounds, so a slow spell of the machine
    # hits both figures of the growth ratio
    timed: dict[str, list[float]] = {"yaml": [], "large": [], "small": []}
    for _ in range(runs):
        timed["yaml"].append(_yaml_baseline(large))
        timed["large"].append(_cold_load(large))
        timed["small"].append(_cold_load(small))
    ours, theirs, small_ours = (statistics.median(timed[k]) for k in ("large", "yaml", "small"))
    story = load_story(large, use_cache=False)
    lint, _ = paired_medians(lambda: _lint(story), lambda: 0.0, runs)
    return [
        Row(
            LOAD_ROW,
            ms(ours),
            f"{ms(theirs)} yaml.load (CSafeLoader, gc paused)",
            ours / theirs,
            LOAD_BUDGET,
            f"of which lint: {ms(lint)}; without it {(ours - lint) / theirs:.2f}× the baseline",
        ),
        Row(
            GROWTH_ROW,
            f"{ms(small_ours)} -> {ms(ours)}",
            "— (linear is 10×)",
            ours / small_ours,
            GROWTH_BUDGET,
        ),
    ]


def cached_load_row(large: Path, cache_dir: Path, runs: int) -> Row:
    """Second and later loads of an unchanged story, against `json.loads` of it as JSON."""
    load_story(large, cache_dir=cache_dir)  # the first load writes the cache
    document = json.dumps(
        {path.relative_to(large).as_posix(): _plain(path) for path in story_files(large)}
    )

    def ours() -> float:
        return seconds(lambda: load_story(large, cache_dir=cache_dir))

    def theirs() -> float:
        return seconds(lambda: json.loads(document))

    mine, base = paired_medians(ours, theirs, runs)
    return Row(
        CACHED_ROW,
        ms(mine),
        f"{ms(base)} json.loads of the story as JSON",
        mine / base,
        CACHED_BUDGET,
    )


def _plain(path: Path) -> object:
    root, problems = read_yaml_file(str(path), str(path))
    if root is None or problems:
        raise AssertionError(f"{path} does not parse")
    return root.plain()
