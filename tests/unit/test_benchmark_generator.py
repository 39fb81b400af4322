"""The benchmarks' synthetic stories are valid stories of the promised shape (no timing)."""

from __future__ import annotations

import statistics
from pathlib import Path

import pytest

from cosmodrome.story.loader import check_story
from cosmodrome.story.model import Story
from tests.benchmarks.generate import StoryShape, generate_story

NODES = 150


@pytest.fixture(scope="module")
def generated(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, StoryShape, Story]:
    directory = tmp_path_factory.mktemp("synthetic")
    shape = generate_story(directory, NODES, seed=7)
    result = check_story(directory, use_cache=False)
    assert result.diagnostics == []
    assert result.story is not None
    return directory, shape, result.story


def test_the_story_checks_clean_with_every_node(
    generated: tuple[Path, StoryShape, Story],
) -> None:
    _, shape, story = generated
    assert len(story.nodes) == shape.nodes == NODES


def test_a_few_endings_and_every_other_node_has_two_to_four_choices(
    generated: tuple[Path, StoryShape, Story],
) -> None:
    _, shape, story = generated
    endings = [node for node in story.nodes.values() if node.is_ending]
    assert 3 <= len(endings) == shape.endings <= 8
    for node in story.nodes.values():
        if not node.is_ending:
            assert 2 <= len(node.choices) <= 4, node.id


def test_no_dead_ends_every_node_has_an_unconditioned_way_on(
    generated: tuple[Path, StoryShape, Story],
) -> None:
    _, _, story = generated
    for node in story.nodes.values():
        if not node.is_ending:
            assert any(c.condition is None and not c.once for c in node.choices), node.id


def test_about_thirty_percent_conditioned_and_thirty_percent_with_effects(
    generated: tuple[Path, StoryShape, Story],
) -> None:
    _, shape, story = generated
    choices = [c for node in story.nodes.values() for c in node.choices]
    conditioned = sum(c.condition is not None for c in choices)
    with_effects = sum(bool(c.effects) for c in choices)
    assert (len(choices), conditioned, with_effects) == (
        shape.choices,
        shape.conditioned,
        shape.with_effects,
    )
    assert 0.2 <= conditioned / len(choices) <= 0.4
    assert 0.2 <= with_effects / len(choices) <= 0.4


def test_about_sixty_words_a_node(generated: tuple[Path, StoryShape, Story]) -> None:
    _, _, story = generated
    words = [
        sum(len(block.template.source.split()) for block in node.blocks)
        for node in story.nodes.values()
    ]
    assert 50 <= statistics.mean(words) <= 75


def test_the_same_seed_writes_the_same_files(tmp_path: Path) -> None:
    first, second, other = tmp_path / "a", tmp_path / "b", tmp_path / "c"
    generate_story(first, 40, seed=3)
    generate_story(second, 40, seed=3)
    generate_story(other, 40, seed=4)

    def files(root: Path) -> dict[str, bytes]:
        return {p.relative_to(root).as_posix(): p.read_bytes() for p in root.rglob("*.yaml")}

    assert files(first) == files(second)
    assert files(first) != files(other)
