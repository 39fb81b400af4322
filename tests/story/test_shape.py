"""The shipped story's size and shape, computed from the story itself."""

from __future__ import annotations

import pytest

from cosmodrome.locations import default_story_dir
from cosmodrome.story.lint import reachable_nodes
from cosmodrome.story.loader import check_story
from cosmodrome.story.model import Story
from cosmodrome.story.stats import story_stats


@pytest.fixture(scope="module")
def story() -> Story:
    result = check_story(default_story_dir())
    assert result.diagnostics == [], "\n".join(d.format() for d in result.diagnostics)
    assert result.story is not None
    return result.story


def test_the_story_is_clean_under_strict_check(story: Story) -> None:
    assert story.id == "vostochny"


def test_size(story: Story) -> None:
    stats = story_stats(story)
    assert stats.nodes >= 80
    assert stats.words >= 12_000


def test_at_least_five_endings(story: Story) -> None:
    assert story_stats(story).endings >= 5


def test_eight_eras_in_order_each_with_several_nodes(story: Story) -> None:
    assert len(story.eras) >= 8
    labels_by_order = [era.index for era in story.eras]
    assert labels_by_order == sorted(labels_by_order)
    for era in story.eras:
        count = sum(1 for node in story.nodes.values() if node.era == era.id)
        assert count >= 2, f"era {era.id} has {count} nodes"


def test_eras_are_chronological(story: Story) -> None:
    # each era's id or label starts with its year; the years must not go backwards
    years = []
    for era in story.eras:
        digits = next((w for w in (era.id, era.label) if w[:4].isdigit()), None)
        if digits is not None:
            years.append(int(digits[:4]))
    assert years == sorted(years)


def test_places_for_the_map(story: Story) -> None:
    for place in ("vostochny", "svobodny-18", "baikonur", "vladivostok"):
        assert place in story.places
        assert story.places[place].lat is not None and story.places[place].lon is not None


def test_state_that_matters(story: Story) -> None:
    stats = story_stats(story)
    assert stats.variables >= 6
    assert stats.conditioned_share >= 0.25
    assert stats.once_choices >= 1
    assert stats.locked_choices >= 3


def test_every_node_is_reachable(story: Story) -> None:
    assert reachable_nodes(story) == set(story.nodes)


def test_every_fact_is_revealed_by_a_reachable_node(story: Story) -> None:
    reachable = reachable_nodes(story)
    revealed = {fact for node_id in reachable for fact in story.nodes[node_id].facts}
    assert set(story.facts) <= revealed, set(story.facts) - revealed


def test_every_non_ending_node_keeps_an_unconditional_way_on(story: Story) -> None:
    for node in story.nodes.values():
        if node.is_ending:
            continue
        assert any(c.condition is None and not c.once for c in node.choices), node.id


def test_no_continue_chains_longer_than_two(story: Story) -> None:
    def single_way(node_id: str) -> str | None:
        node = story.nodes[node_id]
        if node.is_ending or len(node.choices) != 1:
            return None
        return node.choices[0].goto

    for start in story.nodes:
        length, current = 0, start
        seen = set()
        while (nxt := single_way(current)) is not None and current not in seen:
            seen.add(current)
            length += 1
            current = nxt
        assert length <= 2, f"a chain of {length} single-choice nodes starts at {start}"


def test_every_fact_has_a_year_and_our_own_words(story: Story) -> None:
    for fact in story.facts.values():
        assert 1900 < fact.year < 2100
        assert len(fact.text.split()) >= 5


ARTICLE_TOPICS = [
    ("Sputnik", 1957),
    ("Gagarin", 1961),
    ("God", 1961),
    ("Baikonur", 1991),
    ("Svobodny", 1993),
    ("Vladivostok", None),
    ("corruption", None),
    ("Soyuz-2", 2016),
    ("rocket man", 2017),
    ("Luna-25", 2023),
    ("Hwasong-18", 2023),
    ("spy satellite", 2023),
]


@pytest.mark.parametrize(("topic", "year"), ARTICLE_TOPICS)
def test_the_article_s_facts_are_in_the_record(story: Story, topic: str, year: int | None) -> None:
    matches = [
        f
        for f in story.facts.values()
        if topic.lower() in (f.title + " " + f.text).lower() and (year is None or f.year == year)
    ]
    assert matches, f"no fact mentions {topic!r}" + (f" in {year}" if year else "")
