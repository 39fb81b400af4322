"""The story's words are ours: no run of six words of the source article's own prose
appears anywhere in the story (its nodes, choices, titles, endings, eras, places and
facts). The article's quotations of public figures are not fingerprinted: a short
quotation, marked and attributed, is allowed."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from cosmodrome.locations import default_story_dir
from cosmodrome.story.loader import load_story
from cosmodrome.story.model import Story
from tests.story.own_words import RUN, runs

ARTICLE_RUNS = Path(__file__).resolve().parent / "article_runs.txt"


def article_fingerprints() -> set[str]:
    lines = ARTICLE_RUNS.read_text(encoding="utf-8").splitlines()
    return {line for line in lines if line and not line.startswith("#")}


def story_texts(story: Story) -> Iterator[tuple[str, str]]:
    """Every piece of the story a player can read, with where it is."""
    for node in story.nodes.values():
        if node.title is not None:
            yield f"{node.id} (title)", node.title.source
        if node.ending is not None:
            yield f"{node.id} (ending)", node.ending
        for number, block in enumerate(node.blocks, 1):
            yield f"{node.id} (text {number})", block.template.source
        for choice in node.choices:
            yield f"{node.id} ({choice.key})", choice.text.source
            if choice.locked:
                yield f"{node.id} ({choice.key}, locked)", choice.locked
    for fact in story.facts.values():
        yield f"fact {fact.id}", f"{fact.title}. {fact.text}"
    for era in story.eras:
        yield f"era {era.id}", era.label
    for place in story.places.values():
        yield f"place {place.id}", f"{place.name}. {place.region or ''}"


def test_the_fingerprints_are_of_the_article() -> None:
    assert len(article_fingerprints()) > 300  # the whole article, not a stub


def test_no_run_of_the_article_is_copied_into_the_story() -> None:
    prints = article_fingerprints()
    copied = [
        f"{where}: '{run}'"
        for where, text in story_texts(load_story(default_story_dir()))
        for fingerprint, run in runs(text).items()
        if fingerprint in prints
    ]
    assert not copied, f"runs of {RUN} words copied from the article:\n" + "\n".join(copied)


@pytest.mark.parametrize(
    "text",
    [
        "Vostochny cost billions of dollars to build, the article says.",
        "It was once a Soviet intercontinental ballistic missile base.",
    ],
)
def test_a_copied_run_is_recognised(text: str) -> None:
    assert set(runs(text)) & article_fingerprints()


def test_a_quoted_public_figure_is_not_a_copied_run() -> None:
    putin = "Putin said: “That’s why we have come here. The DPRK leader shows keen interest.”"
    assert not set(runs(putin)) & article_fingerprints()
