"""The exhaustive test on the shipped story, within a bound a test run can afford.

The whole search does not fit in a minute yet (README, "The exhaustive test of
the shipped story"); this keeps what it can prove from getting worse: the first
states hold no problem, every route it reports replays, and the bound is said.
"""

from __future__ import annotations

import pytest

from cosmodrome.engine.exploration import Stop
from cosmodrome.engine.explore import explore
from cosmodrome.locations import default_story_dir
from cosmodrome.story.loader import load_story

BOUND = 30_000


@pytest.mark.slow
def test_the_first_states_of_the_shipped_story_hold_no_problem() -> None:
    result = explore(load_story(default_story_dir(), use_cache=False), max_states=BOUND)
    assert not result.problems, [p.to_json() for p in result.problems]
    assert not result.unconfirmed  # every route to a node, choice and ending replays
    assert result.stopped is Stop.STATES and result.frontier > 0  # said, not hidden
    assert "end-official" in result.endings
