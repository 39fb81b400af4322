"""Graph views: a part of the story (around a node, an era, a file), and the overview."""

from __future__ import annotations

import pytest

from cosmodrome.story.diagram import story_graph
from cosmodrome.story.diagram_views import ViewError, overview, select
from cosmodrome.story.loader import load_story
from cosmodrome.story.model import Story
from tests.conftest import FIXTURES


@pytest.fixture(scope="module")
def sample() -> Story:
    return load_story(FIXTURES / "sample", use_cache=False)


def _ids(story: Story, **filters: object) -> set[str]:
    graph = select(story, story_graph(story), **filters)  # type: ignore[arg-type]
    kept = {node.id for node in graph.nodes}
    assert all(e.source in kept and e.target in kept for e in graph.edges)
    return kept


def test_around_a_node_keeps_what_is_within_depth_either_way(sample: Story) -> None:
    assert _ids(sample, around="archive", depth=0) == {"archive"}
    assert _ids(sample, around="archive", depth=1) == {"archive", "checkpoint"}
    assert _ids(sample, around="archive", depth=2) == set(sample.nodes)


def test_around_follows_a_renamed_node(sample: Story) -> None:
    assert _ids(sample, around="gate", depth=0) == {"checkpoint"}


def test_era_and_file_keep_their_nodes_and_combine(sample: Story) -> None:
    assert _ids(sample, era="2016") == {"archive"}
    in_file = {n for n, node in sample.nodes.items() if node.position.path.endswith("gate.yaml")}
    assert _ids(sample, file="gate.yaml") == in_file
    assert _ids(sample, file="gate.yaml", era="2016") == in_file & {"archive"}


@pytest.mark.parametrize(
    ("filters", "message"),
    [
        ({"around": "archve"}, "no node 'archve' (did you mean 'archive'?)"),
        ({"era": "2061"}, "no era '2061' (did you mean '2016'?)"),
        ({"file": "gates.yaml"}, "no node is written in 'gates.yaml' (did you mean 'gate.yaml'?)"),
    ],
)
def test_a_filter_naming_nothing_says_so(
    sample: Story, filters: dict[str, str], message: str
) -> None:
    with pytest.raises(ViewError) as raised:
        select(sample, story_graph(sample), **filters)  # type: ignore[arg-type]
    assert message in str(raised.value)


def test_the_overview_draws_one_box_per_file_and_counts_the_choices_between(
    sample: Story,
) -> None:
    files = {node.position.path.rsplit("/", 1)[-1] for node in sample.nodes.values()}
    dot = overview(sample, story_graph(sample), "dot")
    boxes = [line for line in dot.splitlines() if line.startswith("  g") and "->" not in line]
    assert len(boxes) == len(files) > 1
    assert "prologue (start)" in dot and "apron (end)" in dot
    assert dot.count("->") >= 1 and "choice" in dot
    assert overview(sample, story_graph(sample), "mermaid").startswith("flowchart TB\n")
