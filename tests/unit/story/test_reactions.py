"""Choices with no written reaction, and their count in `check --stats`."""

from __future__ import annotations

from cosmodrome.story.loader import load_story
from cosmodrome.story.reactions import unreacted_choices
from cosmodrome.story.stats import story_stats
from tests.conftest import FIXTURES

STORY = FIXTURES / "lint-save-identity"


def test_choices_sharing_a_target_that_does_not_read_what_they_set() -> None:
    found = unreacted_choices(load_story(STORY))
    # the road sets `leads`, which the hut's text shows; "Leave" is the only way to the road
    assert [u.choice.text.source for u in found] == [
        "Ask about the base",
        "Ask about the silos",
        "Ask about nothing",
    ]


def test_the_stats_count_them_and_name_a_few() -> None:
    stats = story_stats(load_story(STORY))
    assert stats.unreacted_choices == 3
    lines = stats.lines()
    at = next(i for i, line in enumerate(lines) if line.startswith("choices with no written"))
    assert lines[at].startswith("choices with no written reaction: 3 ")
    assert lines[at + 1] == "  at 'hut': 'Ask about the base' -> 'hut'"
