"""What the screens read from a state (eras, places, facts, variables) and how the UI words
times, durations and slots."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone

from cosmodrome.engine.game import Game
from cosmodrome.engine.progress import (
    current_era,
    current_place,
    ending_nodes,
    era_marks,
    facts_by_year,
    facts_remaining,
    place_marks,
    visible_variables,
)
from cosmodrome.run_markdown import transcript_markdown
from cosmodrome.saves.store import SlotInfo
from cosmodrome.story.loader import load_story
from cosmodrome.wording import duration, plural, sentence, slot_details, slot_where, when
from tests.tui.harness import JOURNEY, SAMPLE

JOURNEY_GAME = Game(load_story(JOURNEY))


def test_eras_visited_and_current() -> None:
    game = JOURNEY_GAME
    state = game.start()
    state = game.take(state, "train.1")  # the train has no era: still 1955
    assert current_era(game.story, state) is not None
    assert current_era(game.story, state).id == "1955"  # type: ignore[union-attr]
    state = game.take(state, "vladivostok.1")
    marks = [(m.era.id, m.visited, m.current) for m in era_marks(game.story, state)]
    assert marks == [
        ("1955", True, False),
        ("1996", False, False),
        ("2012", True, True),
        ("2016", False, False),
        ("2023", False, False),
    ]
    places = {m.era.id: [p.id for p in m.places] for m in era_marks(game.story, state)}
    assert places["2012"] == ["vladivostok"]


def test_places_visited_and_current() -> None:
    game = JOURNEY_GAME
    state = game.take(game.take(game.start(), "train.1"), "svobodny.1")
    assert current_place(game.story, state).id == "svobodny"  # type: ignore[union-attr]
    marks = {m.place.id: (m.visited, m.current) for m in place_marks(game.story, state)}
    assert marks == {
        "baikonur": (True, False),
        "vostochny": (False, False),
        "svobodny": (True, True),
        "vladivostok": (False, False),
        "train": (True, False),
    }


def test_facts_are_grouped_by_year_and_the_rest_only_counted() -> None:
    game = JOURNEY_GAME
    state = game.start()
    groups = [(year, [f.id for f in facts]) for year, facts in facts_by_year(game.story, state)]
    assert groups == [(1955, ["baikonur-1955"]), (1957, ["sputnik-1957"])]
    assert facts_remaining(game.story, state) == 4


def test_only_labelled_variables_are_visible() -> None:
    game = JOURNEY_GAME
    state = game.take(game.start(), "notes")
    assert visible_variables(game.story, state) == [("Credibility", 1), ("Notes", 1)]


def test_ending_nodes() -> None:
    assert sorted(ending_nodes(JOURNEY_GAME.story)) == ["home", "pad", "summit"]


def test_transcript_lists_passages_and_choices_in_order() -> None:
    game = Game(load_story(SAMPLE))
    state = game.take(game.take(game.start(), "take-pass"), "checkpoint.1")
    text = transcript_markdown(game, state)
    assert text.startswith("# The Checkpoint\n\n*by Cosmodrome tests*\n")
    assert "2 choices" in text
    order = [
        "## Arrival",
        "> **You chose:** Pick up the press pass",
        "Credibility: 1.",
        "> **You chose:** Drive to the gate",
        "## The checkpoint, Sasha",
    ]
    positions = [text.index(part) for part in order]
    assert positions == sorted(positions)


def test_transcript_of_an_ending_says_so() -> None:
    game = Game(load_story(SAMPLE))
    state = game.take(game.take(game.start(), "checkpoint.1"), "road-end.1")
    text = transcript_markdown(game, state)
    assert text.rstrip().endswith("**The end: The road home**")


def test_when_says_today_yesterday_or_the_date() -> None:
    now = datetime(2025, 5, 3, 18, 30, tzinfo=UTC)
    assert when(datetime(2025, 5, 3, 14, 2, tzinfo=UTC), now) == "today 14:02"
    assert when(datetime(2025, 5, 2, 9, 5, tzinfo=UTC), now) == "yesterday 09:05"
    assert when(datetime(2024, 12, 31, 23, 0, tzinfo=UTC), now) == "31 Dec 2024 23:00"
    assert when(None, now) == "unknown time"
    moscow = timezone(timedelta(hours=3))
    assert when(datetime(2025, 5, 3, 22, 0, tzinfo=UTC), now.astimezone(moscow)) == (
        "4 May 2025 01:00"
    )


def test_durations_and_plurals() -> None:
    assert duration(59) == "under a minute"
    assert duration(754) == "12 min"
    assert duration(3725) == "1 h 02 min"
    assert plural(1, "choice") == "1 choice"
    assert plural(0, "fact") == "0 facts"
    assert sentence("there is no choice 7") == "There is no choice 7."


def slot(**changes: object) -> SlotInfo:
    values: dict[str, object] = {
        "name": "gate",
        "story_id": "sample",
        "story_title": "The Checkpoint",
        "node_title": "The checkpoint",
        "era_label": "Summit",
        "saved_at": datetime(2025, 5, 3, 14, 2, tzinfo=UTC),
        "play_seconds": 130.0,
        "choices": 3,
        "status": "ok",
        "problem": None,
    }
    values.update(changes)
    return SlotInfo(**values)  # type: ignore[arg-type]


SAMPLE_STORY = load_story(SAMPLE)


def test_slot_details_say_where_how_far_and_how_long() -> None:
    assert slot_where(slot()) == "Summit · The checkpoint"
    assert slot_where(slot(era_label=None, node_title=None)) == "after 3 choices"
    assert slot_where(slot(era_label=None, node_title=None, choices=0)) == "the beginning"
    story = SAMPLE_STORY
    assert slot_details(slot(node="checkpoint"), story) == (
        "Summit · The checkpoint · 3 choices · 2 min"
    )
    assert slot_details(slot(story_id="other", story_title="Other"), story).startswith(
        "from another story, “Other”"
    )
    broken = slot(status="corrupt", problem="not JSON")
    assert slot_details(broken, story) == "cannot be loaded: not JSON"


def test_a_finished_game_says_which_ending_it_reached() -> None:
    story = SAMPLE_STORY
    ended = slot(node="apron", node_title=None, era_label=None)
    assert slot_where(ended, story) == "The end: On the apron"
    assert slot_details(ended, story) == "The end: On the apron · 3 choices · 2 min"
    assert slot_where(ended) == "after 3 choices"  # without the story, nothing to look up
    # an ending of another story with the same node id is not ours to name
    theirs = slot(node="apron", story_id="other", node_title=None)
    assert slot_where(theirs, story) == "Summit"
    # a node renamed since the save (`was:`) is found under its new id
    assert slot_where(slot(node="gate"), story) == "Summit · The checkpoint"
    assert slot_where(slot(node="no-such-node"), story) == "Summit · The checkpoint"
