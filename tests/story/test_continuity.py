"""The shipped story keeps its state honest: gauges stay in range on every route played,
prose never reads a gauge out, remembered scenes are marked, and the promises and risks
of the middle of the game reach the endings."""

from __future__ import annotations

import random
from dataclasses import replace
from pathlib import Path

import pytest

from cosmodrome.engine.game import Game
from cosmodrome.engine.state import GameState
from cosmodrome.locations import default_story_dir
from cosmodrome.story.expr import Value
from cosmodrome.story.exprtree import Literal
from cosmodrome.story.loader import load_story
from cosmodrome.story.model import Story
from cosmodrome.story.template import InlineIf, Template
from tests.story.test_routes import curious_playthrough

# The gauges the status line shows, and the range the story promises to keep each in.
RANGES = {
    "credibility": (0, 8),
    "trust": (0, 6),
    "patience": (0, 5),
    "leads": (0, 20),
    "hours": (0, 70),
}
PLAYTHROUGHS = 1500
PRESENT = "2023"  # the era the player lives in; any other era is remembered


@pytest.fixture(scope="module")
def story() -> Story:
    return load_story(default_story_dir())


@pytest.fixture(scope="module")
def finals(story: Story) -> list[GameState]:
    game = Game(story)
    rng = random.Random(18)
    return [curious_playthrough(game, rng) for _ in range(PLAYTHROUGHS)]


def test_the_ranges_name_every_shown_gauge(story: Story) -> None:
    shown = {name for name, variable in story.variables.items() if variable.visible}
    assert shown == set(RANGES)


def test_gauges_stay_in_range_on_every_route_played(finals: list[GameState]) -> None:
    for final in finals:
        for state in final.history():
            for name, (low, high) in RANGES.items():
                value = state.variables[name]
                assert isinstance(value, int)
                assert low <= value <= high, (
                    f"{name} = {value} at {state.node} after {state.steps} choices"
                )


def test_prose_never_reads_a_gauge_out(story: Story) -> None:
    # counts of concrete things (leads in the notebook) are prose's to give; the
    # judgements (credibility, trust, patience) and the clock are the status line's
    gauges = set(RANGES) - {"leads"}
    for node in story.nodes.values():
        for block in node.blocks:
            read_out = _interpolated(block.template) & gauges
            assert not read_out, f"{node.id} reads out {sorted(read_out)}"


def _interpolated(template: Template) -> set[str]:
    """The variables a text prints (`{name}`), not those its `{if}`s only test."""
    names: set[str] = set()
    for part in template.parts[1::2]:
        if isinstance(part, InlineIf):
            names |= _interpolated(part.then) | _interpolated(part.otherwise)
        else:
            names.add(part)
    return names


def test_scenes_of_another_era_are_remembered(story: Story) -> None:
    for node in story.nodes.values():
        if node.era is not None and node.era != PRESENT:
            assert node.memory, f"{node.id} is set in {node.era} but is not `memory: true`"


def test_no_revision_todo_is_left_and_every_ignore_says_why() -> None:
    for path in sorted(Path(default_story_dir()).rglob("*.yaml")):
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            assert "TODO(story revision)" not in line, f"{path.name}:{number}"
            if line.strip().startswith("ignore:"):
                reason = line.partition("#")[2].strip()
                assert len(reason.split()) >= 3, f"{path.name}:{number}: an ignore says why"


def _ending_with(finals: list[GameState], visited: str) -> list[GameState]:
    return [f for f in finals if f.visits.get(visited, 0) > 0]


@pytest.mark.parametrize(
    ("met", "flags"),
    [
        ("stepan-notebook", ("stepan_named", "stepan_promised", "stepan_betrayed")),
        ("editor-call-1", ("mara_promise",)),
    ],
)
def test_what_was_promised_mid_game_changes_the_ending(
    story: Story, finals: list[GameState], met: str, flags: tuple[str, ...]
) -> None:
    game = Game(story)
    reached = _ending_with(finals, met)
    assert reached, f"no route played through {met}"
    endings_that_react = set()
    for final in reached:
        texts = set()
        for values in _alternatives(story, flags):
            changed = replace(final, variables={**final.variables, **values})
            texts.add(game.passage(changed).text)
        if len(texts) > 1:
            endings_that_react.add(final.node)
    endings_reached = {f.node for f in reached}
    assert endings_that_react == endings_reached, endings_reached - endings_that_react


def _alternatives(story: Story, flags: tuple[str, ...]) -> list[dict[str, Value]]:
    """Each flag at each value the story gives it (bools both ways, strings as set)."""
    options: list[dict[str, Value]] = [{}]
    for flag in flags:
        default = story.variables[flag].default
        if isinstance(default, bool):
            values: list[Value] = [False, True]
        else:
            values = [*sorted(_string_values(story, flag))]
        options = [{**o, flag: v} for o in options for v in values]
    return options


def _string_values(story: Story, flag: str) -> set[str]:
    found = {str(story.variables[flag].default)}
    for node in story.nodes.values():
        for choice in node.choices:
            for effect in choice.effects:
                if effect.variable == flag and isinstance(effect.value.tree, Literal):
                    found.add(str(effect.value.tree.value))
    return found
