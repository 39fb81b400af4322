"""The engine benchmark's floor (plain dicts and lambdas) plays the same route as the
engine over the same generated story, so the ratio compares like with like (no timing)."""

from __future__ import annotations

from pathlib import Path

import pytest

from cosmodrome.story.loader import load_story
from tests.benchmarks.bare import bare_playthrough
from tests.benchmarks.generate import generate_story
from tests.benchmarks.playing import engine_playthrough


@pytest.mark.parametrize("seed", [0, 11])
def test_the_floor_enters_the_same_nodes_as_the_engine(tmp_path: Path, seed: int) -> None:
    shape = generate_story(tmp_path, 60, seed=5)
    story = load_story(tmp_path, use_cache=False)
    engine: list[str] = []
    floor: list[str] = []
    engine_playthrough(story, 3_000, seed, engine)
    bare_playthrough(shape.bare, 3_000, seed, floor)
    assert len(engine) > 3_000  # every choice, and the restarts after endings
    assert floor == engine


def test_the_floor_reads_conditions_effects_and_once(tmp_path: Path) -> None:
    # the route above only proves something if the graph uses what the floor mirrors
    shape = generate_story(tmp_path, 60, seed=5)
    choices = [c for node in shape.bare.nodes.values() for c in node.choices]
    assert any(c.condition is not None for c in choices)
    assert any(c.locked is not None for c in choices)
    assert any(c.effects for c in choices)
    assert any(c.once for c in choices)
    assert any(node.on_enter for node in shape.bare.nodes.values())
