"""Choices with no written reaction: the player picks one of several choices that lead
to the same node, and that node's text reads nothing the pick set, so every pick is
answered with the same words."""

from __future__ import annotations

from collections import Counter
from typing import NamedTuple

from cosmodrome.story.lint.returns import text_inputs
from cosmodrome.story.model import Choice, Node, Story


class Unreacted(NamedTuple):
    """A choice whose target's text does not react to it."""

    node: Node
    choice: Choice


def unreacted_choices(story: Story) -> list[Unreacted]:
    """Every choice that shares its target with a sibling while the target's text reads
    nothing the choice sets, in story order."""
    reads: dict[str, set[str]] = {}
    found: list[Unreacted] = []
    for node in story.nodes.values():
        shared = Counter(choice.goto for choice in node.choices)
        for choice in node.choices:
            if shared[choice.goto] < 2:
                continue
            if choice.goto not in reads:
                reads[choice.goto] = text_inputs(story.nodes[choice.goto])[0]
            if not {effect.variable for effect in choice.effects} & reads[choice.goto]:
                found.append(Unreacted(node, choice))
    return found
