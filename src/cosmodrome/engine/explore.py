"""Exhaustive exploration: every reachable state, breadth-first, within bounds.

States are told apart by `StateKeys` (what can change the future, as compact
bytes), so loops, counters and histories no condition reads do not explode the
search; a state is rebuilt from its key when its turn comes, so the queue holds
bytes, not states. Breadth-first means the first route found to anything is a
shortest one. What the search finds through the abstraction is replayed on the
real rules (`confirm`) before it is reported: soft-locks, errors, parts of the
story with no way to an ending, and the route to every node, choice and ending.
"""

from __future__ import annotations

import sys
from collections.abc import Callable

from cosmodrome.engine.confirm import Candidate, confirm
from cosmodrome.engine.exploration import Exploration, Stop
from cosmodrome.engine.problems import string_at_limit
from cosmodrome.engine.searchgraph import Search
from cosmodrome.story.collector import collector_paused
from cosmodrome.story.model import Story

DEFAULT_MAX_STATES = 2_000_000
MEMORY_CHECK_EVERY = 4096  # states explored between two looks at the memory used


def explore(
    story: Story,
    max_states: int = DEFAULT_MAX_STATES,
    on_progress: Callable[[int], None] | None = None,
    max_memory_mb: int | None = None,
) -> Exploration:
    """Explore every reachable state of `story` within `max_states` distinct states (and
    `max_memory_mb` of peak memory, where the system can tell), confirm what was found
    by replaying it, and return the findings."""
    with collector_paused():  # millions of small objects and no reference cycles
        search = Search(story, max_states)
        result = Exploration(0, max_states, False, max_memory_mb=max_memory_mb)
        candidates = _search(search, result, on_progress)
        result.states = len(search.key_of)
        result.frontier = len(search.queue) + len(search.refused)
        confirm(search, result, candidates)
    return result


def _search(
    search: Search, result: Exploration, on_progress: Callable[[int], None] | None
) -> list[Candidate]:
    """Run the breadth-first search; the problems it suspects, in the order found."""
    game, keys, story = search.game, search.keys, search.story
    found: dict[tuple[str, str], Candidate] = {}

    def suspect(code: str, node: str, message: str, index: int, key: str | None = None) -> None:
        found.setdefault((code, node), Candidate(code, node, message, index, key))

    search.admit(keys.key(game.start()), -1, -1)
    done = 0
    while search.queue:
        if search.refused:
            break
        done += 1
        if done % MEMORY_CHECK_EVERY == 1:  # the first look right away
            if on_progress is not None:
                on_progress(done)
            if result.max_memory_mb is not None and peak_memory_mb() >= result.max_memory_mb:
                result.stopped = Stop.MEMORY
                break
        index = search.queue.popleft()
        state = keys.state(search.key_of[index])
        node = story.nodes[state.node]
        search.first_at.setdefault(node.id, index)
        result.reached.add(node.id)
        try:
            game.passage(state)  # every text rendered once per state: an error check
            views = [v for v in game.choices(state) if v.available]
        except Exception as exc:  # a robot reports any failure, it never stops on one
            suspect("error", node.id, f"{type(exc).__name__}: {exc}", index)
            search.stuck.add(index)
            continue
        if node.is_ending:
            search.ending_states.append(index)
            continue
        if not views:
            suspect("soft-lock", node.id, f"no choice is available at node '{node.id}'", index)
            search.stuck.add(index)
            continue
        for view in views:
            number = search.number(node.id, view.choice)
            children: set[bytes] = set()
            for variant in search.variants(state, number):
                try:
                    child = game.take(variant, view.key)
                except Exception as exc:
                    message = f"taking '{view.text}': {type(exc).__name__}: {exc}"
                    suspect("error", node.id, message, index, view.key)
                    continue
                if (cut := string_at_limit(child)) is not None:
                    suspect("string-limit", node.id, cut, index, view.key)
                children.add(keys.key(child))
            if len(children) > 1:
                result.approximate = True
            if children:
                search.taken_at.setdefault((node.id, view.key), index)
            for child_key in sorted(children):
                target = search.admit(child_key, index, number)
                if target is not None:
                    search.edge_from.append(index)
                    search.edge_to.append(target)
    if search.refused:
        result.stopped = Stop.STATES
    return list(found.values())


def peak_memory_mb() -> int:
    """The process's peak resident memory so far, in MB (0 where the system cannot say)."""
    try:
        import resource
    except ImportError:  # Windows: no bound on memory there
        return 0
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak // (1024 * 1024) if sys.platform == "darwin" else peak // 1024
