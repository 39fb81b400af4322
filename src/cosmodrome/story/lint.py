"""Warnings about a story that loads but would disappoint a player or an author."""

from __future__ import annotations

from collections import deque

from cosmodrome.story.diagnostics import Diagnostic, Severity
from cosmodrome.story.model import Node, Story


def reachable_nodes(story: Story) -> set[str]:
    """Nodes reachable from `start` when every condition could hold."""
    seen = {story.start}
    queue = deque([story.start])
    while queue:
        node = story.nodes[queue.popleft()]
        for choice in node.choices:
            if choice.goto not in seen:
                seen.add(choice.goto)
                queue.append(choice.goto)
    return seen


def _warn(node: Node, code: str, message: str) -> Diagnostic | None:
    if code in node.lint_ignore:
        return None
    pos = node.position
    return Diagnostic(pos.path, pos.line, pos.col, Severity.WARNING, message, code)


def lint_story(story: Story) -> list[Diagnostic]:
    """Every warning for a loaded story."""
    found: list[Diagnostic | None] = []
    reachable = reachable_nodes(story)
    for node in story.nodes.values():
        if node.id not in reachable:
            found.append(
                _warn(
                    node, "unreachable", f"node '{node.id}' cannot be reached from '{story.start}'"
                )
            )
    return [d for d in found if d is not None]
