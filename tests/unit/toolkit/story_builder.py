"""Tiny stories written to a temporary directory, for tests that need a shape of their own."""

from __future__ import annotations

import textwrap
from pathlib import Path

from cosmodrome.story.diagnostic_codes import Code
from cosmodrome.story.loader import check_story
from cosmodrome.story.model import Story


def write_story(directory: Path, nodes: str, manifest_extra: str = "") -> Path:
    """A story in `directory`: `nodes` is the body of nodes/main.yaml below `nodes:`."""
    directory.mkdir(parents=True, exist_ok=True)
    manifest = 'format: 1\nid: built\ntitle: "Built"\nstart: start\n'
    (directory / "story.yaml").write_text(
        manifest + textwrap.dedent(manifest_extra), encoding="utf-8"
    )
    (directory / "nodes").mkdir(exist_ok=True)
    body = textwrap.indent(textwrap.dedent(nodes), "  ")
    (directory / "nodes" / "main.yaml").write_text("nodes:\n" + body, encoding="utf-8")
    return directory


def build(directory: Path, nodes: str, manifest_extra: str = "") -> Story:
    """The loaded story; fails the test with the diagnostics when it has errors."""
    result = check_story(write_story(directory, nodes, manifest_extra), use_cache=False)
    assert result.story is not None, [d.format() for d in result.errors]
    return result.story


# about the words and the choice ids of a story, not its flow: their own fixtures test them
CONTINUITY = frozenset({Code.SAME_ON_RETURN, Code.SAVE_IDENTITY})


def warnings(directory: Path, nodes: str, manifest_extra: str = "") -> list[str]:
    """`code: message` of every warning the story gives about its flow (the continuity
    warnings left out)."""
    result = check_story(write_story(directory, nodes, manifest_extra), use_cache=False)
    assert result.story is not None, [d.format() for d in result.errors]
    return [f"{d.code}: {d.message}" for d in result.warnings if d.code not in CONTINUITY]
