"""The story-wide analysis: how far counters can go, what play can reach, what stays quiet."""

from __future__ import annotations

from pathlib import Path

import pytest

from cosmodrome.story.expr import INT_MAX
from cosmodrome.story.lint import analyse
from cosmodrome.story.lint.domains import Ints
from tests.unit.toolkit.story_builder import build, warnings

COUNTER = """
    x:
      default: 0
      label: "X"
"""


def _range(story_dir: Path, nodes: str) -> tuple[int, int]:
    domain = analyse(build(story_dir, nodes, f"variables:{COUNTER}")).domains["x"]
    assert isinstance(domain, Ints)
    return domain.lo, domain.hi


def test_a_guarded_counter_in_a_loop_stays_below_its_guard(tmp_path: Path) -> None:
    nodes = """
    start:
      text: "Loop {x}."
      choices:
        - text: "Again"
          if: x < 40
          goto: start
          set: {x: x + 1}
        - text: "Stop"
          goto: end
    end:
      text: "End."
      ending: "End"
    """
    assert _range(tmp_path, nodes) == (0, 40)


def test_an_unguarded_counter_in_a_loop_is_unbounded(tmp_path: Path) -> None:
    nodes = """
    start:
      text: "Loop {x}."
      choices:
        - text: "Again"
          goto: start
          set: {x: x + 1}
        - text: "Stop"
          if: x > 2
          goto: end
    end:
      text: "End."
      ending: "End"
    """
    assert _range(tmp_path, nodes) == (0, INT_MAX)


def test_steps_that_can_happen_once_bound_the_counter(tmp_path: Path) -> None:
    nodes = """
    start:
      text: "Start {x}."
      choices:
        - text: "Up"
          goto: middle
          set: {x: x + 5}
        - text: "Down"
          goto: middle
          set: {x: x - 2}
    middle:
      text: "Middle."
      choices:
        - text: "Up again"
          goto: end
          set: {x: x + 5}
    end:
      text: "End."
      ending: "End"
    """
    low, high = _range(tmp_path, nodes)
    assert low >= -2 and high <= 10


def test_conditions_that_cover_every_case_are_no_soft_lock(tmp_path: Path) -> None:
    nodes = """
    start:
      text: "A fork."
      choices:
        - text: "Up"
          goto: start
          set: {x: x + 1}
        - text: "High road"
          if: x >= 2
          goto: end
        - text: "Low road"
          if: x < 2
          goto: end
    end:
      text: "End."
      ending: "End"
    """
    assert warnings(tmp_path, nodes, f"variables:{COUNTER}") == []


def test_a_once_choice_that_leaves_for_good_keeps_the_node_open(tmp_path: Path) -> None:
    nodes = """
    start:
      text: "A door."
      choices:
        - text: "Leave"
          once: true
          goto: end
    end:
      text: "End."
      ending: "End"
    """
    assert warnings(tmp_path, nodes) == []


def test_a_choice_guarded_by_its_own_node_visit_is_never_true_on_first_entry(
    tmp_path: Path,
) -> None:
    nodes = """
    start:
      text: "Once only."
      choices:
        - text: "Not yet here"
          if: visited("start") == 0
          goto: end
        - text: "On"
          goto: end
    end:
      text: "End."
      ending: "End"
    """
    found = warnings(tmp_path, nodes)
    assert found == [
        "never-true: this choice can never be taken: 'visited(\"start\") == 0' is never true "
        '(visited("start") is always 1)'
    ]


def test_the_analysis_reaches_every_node_of_the_shipped_story() -> None:
    from cosmodrome.locations import default_story_dir
    from cosmodrome.story.loader import check_story

    result = check_story(default_story_dir(), use_cache=False)
    if result.story is None:
        pytest.skip("the shipped story has errors; `cosmodrome check` reports them")
    flow = analyse(result.story)
    assert flow.reachable <= set(result.story.nodes)
    assert result.story.start in flow.reachable


def test_one_effect_under_two_conditions_takes_the_values_each_allows(tmp_path: Path) -> None:
    # `y: x` is written under two conditions that narrow x apart: y gets both parts
    nodes = """
    start:
      text: "Pick."
      choices:
        - text: "One"
          goto: mid
          set: {x: 1}
        - text: "Five"
          goto: mid
          set: {x: 5}
    mid:
      text: "Copy."
      choices:
        - text: "Low"
          if: x < 2
          goto: check
          set: {y: x}
        - text: "High"
          if: x > 4
          goto: check
          set: {y: x}
    check:
      text: "Check."
      choices:
        - text: "Five"
          if: y == 5
          goto: end
        - text: "Other"
          goto: end
    end:
      text: "End."
      ending: "End"
    """
    variables = f'variables:{COUNTER}    y:\n      default: 0\n      label: "Y"\n'
    story = build(tmp_path, nodes, variables)
    domain = analyse(story).domains["y"]
    assert isinstance(domain, Ints)
    assert domain.exact == frozenset({0, 1, 5})
    assert warnings(tmp_path, nodes, variables) == []
