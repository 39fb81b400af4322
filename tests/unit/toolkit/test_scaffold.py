"""`cosmodrome new node`: a skeleton appended as text, in the file's own style, that checks."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from cosmodrome.story.loader import check_story
from cosmodrome.story.scaffold import ScaffoldError, plan_node
from tests.conftest import FIXTURES


@pytest.fixture
def story(tmp_path: Path) -> Path:
    target = tmp_path / "story"
    shutil.copytree(FIXTURES / "sample", target)
    return target


def _apply(story: Path, node_id: str, file: str = "nodes/new.yaml", **options: str) -> str:
    plan = plan_node(story, node_id, file, **options)
    plan.path.parent.mkdir(parents=True, exist_ok=True)
    plan.path.write_text(plan.text, encoding="utf-8")
    result = check_story(story, use_cache=False)
    assert result.errors == []
    assert result.story is not None and node_id in result.story.nodes
    node = result.story.nodes[node_id]
    assert node.position.line == plan.line
    return plan.text


def test_a_new_file_gets_the_nodes_header_and_the_schema_line(story: Path) -> None:
    (story / "schema").mkdir()
    (story / "schema" / "nodes.schema.json").write_text("{}", encoding="utf-8")
    text = _apply(story, "side-room", "nodes/extra/rooms.yaml")
    assert text.splitlines()[:3] == [
        "# yaml-language-server: $schema=../../schema/nodes.schema.json",
        "nodes:",
        "  side-room:",
    ]
    assert "goto: prologue" in text  # back to the start until the author links it


def test_appending_keeps_comments_and_the_files_indentation(story: Path) -> None:
    path = story / "nodes" / "wide.yaml"
    original = (
        "# Wide indentation, kept.\n"
        "nodes:\n"
        "    hangar:   # a comment the author wants\n"
        "        text: |\n"
        "            Cold air.\n"
        "        choices:\n"
        "            - text: Out\n"
        "              goto: prologue\n"
    )
    path.write_text(original, encoding="utf-8")
    text = _apply(story, "tower", "nodes/wide.yaml")
    assert text.startswith(original + "\n")
    assert '\n    tower:\n        title: "Tower"\n        text: |\n' in text


def test_an_ending_skeleton(story: Path) -> None:
    text = _apply(story, "lost-in-taiga", ending='The "taiga"', era="2016", place="road")
    assert 'ending: "The \\"taiga\\""' in text
    assert "choices" not in text
    assert 'title: "Lost in taiga"' in text


def test_an_empty_or_comment_only_file_gets_its_first_node(story: Path) -> None:
    (story / "nodes" / "empty.yaml").write_text("# to be written\n", encoding="utf-8")
    assert _apply(story, "first", "nodes/empty.yaml").startswith("# to be written\nnodes:\n")
    (story / "nodes" / "bare.yaml").write_text("nodes:\n", encoding="utf-8")
    assert _apply(story, "second", "nodes/bare.yaml").startswith("nodes:\n  second:\n")


@pytest.mark.parametrize(
    ("node_id", "file", "message"),
    [
        ("checkpoint", "nodes/new.yaml", "node 'checkpoint' already exists at nodes/gate.yaml:"),
        ("gate", "nodes/new.yaml", "(as an old id)"),
        ("Big-Room", "nodes/new.yaml", "'Big-Room' is not a valid node id"),
        ("room", "../outside.yaml", "must be a path inside the story directory"),
        ("room", "nodes/room.yml", "must end in .yaml"),
        ("room", "story.yaml", "is not a node file"),
    ],
)
def test_refusals(story: Path, node_id: str, file: str, message: str) -> None:
    with pytest.raises(ScaffoldError, match=message.replace("(", r"\(").replace(")", r"\)")):
        plan_node(story, node_id, file)


def test_unknown_era_and_place_are_refused(story: Path) -> None:
    with pytest.raises(ScaffoldError, match="unknown era '1999'"):
        plan_node(story, "room", era="1999")
    with pytest.raises(ScaffoldError, match="unknown place 'moon'"):
        plan_node(story, "room", place="moon")


def test_a_flow_style_nodes_mapping_is_left_to_the_author(story: Path) -> None:
    (story / "nodes" / "flow.yaml").write_text("nodes: {}\n", encoding="utf-8")
    with pytest.raises(ScaffoldError, match="not a block mapping"):
        plan_node(story, "room", "nodes/flow.yaml")


def test_a_story_with_broken_yaml_is_refused_before_anything_is_written(story: Path) -> None:
    (story / "nodes" / "broken.yaml").write_text("nodes:\n  a: [\n", encoding="utf-8")
    with pytest.raises(ScaffoldError, match="fix it first"):
        plan_node(story, "room")
    assert not (story / "nodes" / "new.yaml").exists()
