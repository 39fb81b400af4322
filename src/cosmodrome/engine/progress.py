"""Where a run has been: eras and places visited, facts found, what the status line shows.

Pure functions over a story and a state, shared by every player (terminal UI,
line mode, transcripts). No rule of play lives here: these only read a state.
"""

from __future__ import annotations

from dataclasses import dataclass

from cosmodrome.engine.state import GameState
from cosmodrome.story.expr import Value
from cosmodrome.story.model import Era, Fact, Place, Story


@dataclass(frozen=True, slots=True)
class EraMark:
    """One era on the timeline, with how the player stands towards it."""

    era: Era
    visited: bool
    current: bool
    places: tuple[Place, ...]  # places visited during this era, in story order


@dataclass(frozen=True, slots=True)
class PlaceMark:
    """One place on the map, with how the player stands towards it."""

    place: Place
    visited: bool
    current: bool


def _latest(
    story: Story, state: GameState, attribute: str, *, skip_memories: bool = False
) -> str | None:
    """The era or place of the current node, else of the most recent node that had one
    (passing over remembered scenes when `skip_memories`)."""
    for step in reversed(state.history()):
        node = story.nodes[step.node]
        if skip_memories and node.memory:
            continue
        value: str | None = getattr(node, attribute)
        if value is not None:
            return value
    return None


def current_era(story: Story, state: GameState) -> Era | None:
    """The era the player is in now: the current node's, else the last one entered."""
    return story.era(_latest(story, state, "era"))


def current_place(story: Story, state: GameState) -> Place | None:
    """The place the player is at now: the current node's, else the last one entered; a
    remembered scene (`memory: true`) does not move the player."""
    place_id = _latest(story, state, "place", skip_memories=True)
    return story.places.get(place_id) if place_id is not None else None


def era_marks(story: Story, state: GameState) -> list[EraMark]:
    """Every era of the story in order, marked visited / current."""
    now = current_era(story, state)
    seen_eras: set[str] = set()
    places_by_era: dict[str, list[str]] = {}
    for node_id in state.visits:
        node = story.nodes.get(node_id)
        if node is None or node.era is None:
            continue
        seen_eras.add(node.era)
        if node.place is not None:
            places_by_era.setdefault(node.era, []).append(node.place)
    marks: list[EraMark] = []
    for era in story.eras:
        place_ids = set(places_by_era.get(era.id, ()))
        places = tuple(p for pid, p in story.places.items() if pid in place_ids)
        current = now is not None and now.id == era.id
        marks.append(EraMark(era, era.id in seen_eras or current, current, places))
    return marks


def place_marks(story: Story, state: GameState) -> list[PlaceMark]:
    """Every place of the story in story order, marked visited / current."""
    here = current_place(story, state)
    seen = {
        node.place
        for node_id in state.visits
        if (node := story.nodes.get(node_id)) is not None and node.place is not None
    }
    marks: list[PlaceMark] = []
    for pid, place in story.places.items():
        current = here is not None and here.id == pid
        marks.append(PlaceMark(place, pid in seen or current, current))
    return marks


def facts_by_year(story: Story, state: GameState) -> list[tuple[int, list[Fact]]]:
    """The facts revealed so far, grouped by year (oldest first), titles sorted in a year."""
    groups: dict[int, list[Fact]] = {}
    for fact_id in state.facts:
        fact = story.facts.get(fact_id)
        if fact is not None:
            groups.setdefault(fact.year, []).append(fact)
    return [(year, sorted(groups[year], key=lambda f: (f.title, f.id))) for year in sorted(groups)]


def facts_remaining(story: Story, state: GameState) -> int:
    """How many of the story's facts the player has not found yet."""
    return sum(1 for fact_id in story.facts if fact_id not in state.facts)


def visible_variables(story: Story, state: GameState) -> list[tuple[str, Value]]:
    """The variables the author shows the player (those with a `label`), as (label, value)."""
    return [
        (var.label, state.variables.get(name, var.default))
        for name, var in story.variables.items()
        if var.label is not None
    ]


def ending_nodes(story: Story) -> list[str]:
    """The ids of every ending node of the story."""
    return [node_id for node_id, node in story.nodes.items() if node.is_ending]
