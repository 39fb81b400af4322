"""What a story can ever do: the values each variable can take and the nodes play can reach.

A least fixpoint over the whole story, flow-insensitive: start from the
defaults and `start`; follow every choice whose condition can hold, adding the
values its effects (and each reached node's `on_enter`) can produce; repeat
until nothing grows. Ranges that keep growing are widened to their limit so
loops end, then two narrowing passes win back bounds that guards impose
(`if: x < 5` with `set: {x: x + 1}` keeps x at most 5). The result
over-approximates every real play-through: what it calls impossible is.
"""

from __future__ import annotations

from cosmodrome.story.lint.bounds import count_bounds
from cosmodrome.story.lint.choice_groups import Plan
from cosmodrome.story.lint.domains import Domain, Ints, join, single
from cosmodrome.story.lint.domains import widen as widen_domain
from cosmodrome.story.lint.fixpoint import Flow
from cosmodrome.story.lint.successors import (
    cyclic_indexes,
    cyclic_nodes,
    reachable_nodes,
    story_edges,
)
from cosmodrome.story.lint.walk import walk_step
from cosmodrome.story.model import Story

__all__ = ["Flow", "analyse", "cyclic_nodes", "reachable_nodes", "story_edges"]

MAX_ROUNDS = 200  # widening ends the climb long before; a guard against surprises
NARROWING_ROUNDS = 2


def _within(flow: Flow, name: str, domain: Domain) -> Domain:
    """`domain` cut to the variable's count bounds: values no play-through can give it go."""
    bound = flow.bounds.get(name)
    if bound is None or not isinstance(domain, Ints):
        return domain
    lo, hi = bound
    return domain.filter(lambda v: lo <= v <= hi, bound)


def _settle(flow: Flow, reachable: frozenset[str], plan: Plan | None = None) -> None:
    flow.reachable = reachable
    flow.edges = None
    if plan is None:
        flow.revealed = frozenset(f for n in reachable for f in flow.story.nodes[n].facts)
    else:  # only the few nodes that reveal anything need looking at
        flow.revealed = frozenset([f for n, facts in plan.reveals if n in reachable for f in facts])


def analyse(story: Story) -> Flow:
    """The story's fixpoint: see the module's docstring."""
    flow = Flow(story, {n: single(v.default) for n, v in story.variables.items()})
    plan = Plan(story, flow.memo)
    successors = [[goto for _, goto in edges] for _, edges, _ in plan.nodes]
    flow.cyclic = frozenset([plan.ids[i] for i in cyclic_indexes(successors)])
    flow.bounds = count_bounds(story, flow.cyclic)
    flow.always_known = frozenset(story.nodes[story.start].facts)
    _settle(flow, frozenset({story.start}))
    last: tuple[dict[str, Domain], frozenset[str], tuple[frozenset[str], dict[str, Domain]]]
    last = ({}, frozenset(), (frozenset(), {}))

    def step() -> tuple[frozenset[str], dict[str, Domain]]:
        """`walk_step`, unless nothing it reads changed since the last one (as when the climb
        ends and narrowing starts from the same domains)."""
        nonlocal last
        if last[0] == flow.domains and last[1] == flow.reachable:
            return last[2]
        found = walk_step(flow, plan)
        last = (flow.domains, flow.reachable, found)
        return found

    for _ in range(MAX_ROUNDS):
        reach, produced = step()
        grown = {
            name: _within(flow, name, widen_domain(old, join(old, produced[name])))
            for name, old in flow.domains.items()
        }
        if grown == flow.domains and reach <= flow.reachable:
            break
        # an unchanged domain keeps its object: the memo knows it by identity
        flow.domains = {n: old if grown[n] == old else grown[n] for n, old in flow.domains.items()}
        _settle(flow, flow.reachable | reach, plan)
    for _ in range(NARROWING_ROUNDS):
        reach, produced = step()
        narrowed = {name: _within(flow, name, d) for name, d in produced.items()}
        flow.domains = {
            n: old if narrowed[n] == old else narrowed[n] for n, old in flow.domains.items()
        }
        _settle(flow, reach, plan)
    return flow
