"""The engine at play: random playthroughs against the bare loop of `bare.py`."""

from __future__ import annotations

import gc
import random
import statistics
import time
from collections.abc import Callable

from cosmodrome.engine.game import Game
from cosmodrome.story.model import Story
from tests.benchmarks.bare import BareStory, bare_playthrough
from tests.benchmarks.harness import Budget, Row, per_second

ENGINE_ROW = "engine random playthrough, 10,000 nodes"
GROWTH_ROW = "engine step cost, 10,000 vs 1,000 nodes"
ENGINE_BUDGET = Budget(0.5, at_most=False)
GROWTH_BUDGET = Budget(1.5)


def engine_playthrough(
    story: Story, choices: int, seed: int, route: list[str] | None = None
) -> float:
    """Seconds for `choices` random choices, each passage rendered; restarts at endings.
    With `route`, appends every node entered to it (as `bare_playthrough` does)."""
    game = Game(story)
    rng = random.Random(seed)
    state = game.start()
    if route is not None:
        route.append(state.node)
    start = time.perf_counter()
    taken = 0
    while taken < choices:
        passage = game.passage(state)
        if state.ended:
            state = game.start()
            if route is not None:
                route.append(state.node)
            continue
        options = passage.available
        state = game.take(state, options[rng.randrange(len(options))].key)
        if route is not None:
            route.append(state.node)
        taken += 1
    return time.perf_counter() - start


def playthrough_rows(
    small: tuple[Story, BareStory], large: tuple[Story, BareStory], choices: int, runs: int
) -> list[Row]:
    """Choices per second against the bare loop, and the step cost's growth with size.
    Each size comes as the loaded story and the same graph as plain dicts and lambdas."""
    # the bare graphs are frozen too, as the stories are: neither side's full collections
    # walk the other's static objects
    gc.freeze()
    seeds = iter(range(1_000_000))

    def ours(story: Story) -> Callable[[], float]:
        return lambda: engine_playthrough(story, choices, next(seeds))

    def floor(story: BareStory) -> Callable[[], float]:
        return lambda: bare_playthrough(story, choices, next(seeds))

    # the two sizes take turns too, so a slow spell of the machine hits both of the
    # figures whose ratio is the step cost's growth
    timed: dict[str, list[float]] = {"large": [], "bare": [], "small": [], "bare small": []}
    sides = [
        ("bare", floor(large[1])),
        ("large", ours(large[0])),
        ("bare small", floor(small[1])),
        ("small", ours(small[0])),
    ]
    for _ in range(runs):
        for name, run in sides:
            timed[name].append(run())
    engine_large, bare = statistics.median(timed["large"]), statistics.median(timed["bare"])
    engine_small = statistics.median(timed["small"])
    bare_small = statistics.median(timed["bare small"])
    rate, bare_rate = choices / engine_large, choices / bare
    return [
        Row(
            ENGINE_ROW,
            per_second(rate, "choices"),
            f"{per_second(bare_rate, 'choices')} bare loop: plain dicts, Python lambdas",
            rate / bare_rate,
            ENGINE_BUDGET,
            "the floor plays the same graph with the conditions and effects written as"
            " lambdas by the generator: none of the project's code",
        ),
        Row(
            GROWTH_ROW,
            f"{engine_large / choices * 1e6:.1f} µs vs {engine_small / choices * 1e6:.1f} µs",
            "—",
            engine_large / engine_small,
            GROWTH_BUDGET,
            f"the bare loop's own step grows {bare / bare_small:.2f}× on this machine"
            " (memory: 10× the nodes no longer sit in the caches)",
        ),
    ]
