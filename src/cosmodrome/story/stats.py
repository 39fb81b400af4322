"""Figures about a story's size and shape, computed from the story itself."""

from __future__ import annotations

import re
from dataclasses import dataclass

from cosmodrome.story.model import Story
from cosmodrome.story.reactions import unreacted_choices

EXAMPLES = 5  # unreacted choices named in the figures
_WORD = re.compile(r"[\w'’-]+")


def count_words(text: str) -> int:
    return len(_WORD.findall(text))


@dataclass(frozen=True)
class StoryStats:
    nodes: int
    endings: int
    words: int
    choices: int
    conditioned_choices: int  # with an `if`
    once_choices: int
    locked_choices: int
    variables: int
    visible_variables: int
    eras: int
    places: int
    facts: int
    unreacted_choices: int = 0  # share a target with a sibling whose text does not react
    unreacted_examples: tuple[str, ...] = ()  # the first few, as "node: 'text' -> target"

    @property
    def conditioned_share(self) -> float:
        return self.conditioned_choices / self.choices if self.choices else 0.0

    def lines(self) -> list[str]:
        """The figures as `name: value` lines for people."""
        return [
            f"nodes: {self.nodes} ({self.endings} endings)",
            f"words: {self.words}",
            f"choices: {self.choices} ({self.conditioned_choices} conditioned, "
            f"{self.conditioned_share:.0%}; {self.once_choices} once; "
            f"{self.locked_choices} locked)",
            f"variables: {self.variables} ({self.visible_variables} shown to the player)",
            f"eras: {self.eras}, places: {self.places}, facts: {self.facts}",
            f"choices with no written reaction: {self.unreacted_choices} (the node they "
            "lead to, shared with another choice, reads nothing they set)",
            *(f"  {example}" for example in self.unreacted_examples),
        ]


def story_stats(story: Story) -> StoryStats:
    """Counts of nodes, words of story text (titles, texts, choices), choice kinds and
    choices with no written reaction."""
    words = 0
    choices = conditioned = once = locked = 0
    unreacted = unreacted_choices(story)
    for node in story.nodes.values():
        if node.title:
            words += count_words(node.title.source)
        words += sum(count_words(block.template.source) for block in node.blocks)
        for choice in node.choices:
            words += count_words(choice.text.source)
            choices += 1
            conditioned += choice.condition is not None
            once += choice.once
            locked += choice.locked is not None
    return StoryStats(
        nodes=len(story.nodes),
        endings=sum(1 for n in story.nodes.values() if n.is_ending),
        words=words,
        choices=choices,
        conditioned_choices=conditioned,
        once_choices=once,
        locked_choices=locked,
        variables=len(story.variables),
        visible_variables=sum(1 for v in story.variables.values() if v.visible),
        eras=len(story.eras),
        places=len(story.places),
        facts=len(story.facts),
        unreacted_choices=len(unreacted),
        unreacted_examples=tuple(
            f"at '{u.node.id}': '{u.choice.text.source}' -> '{u.choice.goto}'"
            for u in unreacted[:EXAMPLES]
        ),
    )
