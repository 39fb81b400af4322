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

from dataclasses import dataclass, field

from cosmodrome.story.expr import INT_MAX
from cosmodrome.story.lint.abstract import Context
from cosmodrome.story.lint.bounds import count_bounds
from cosmodrome.story.lint.domains import EITHER, FALSE, TRUE, Bools, Domain, Ints, join, single
from cosmodrome.story.lint.domains import widen as widen_domain
from cosmodrome.story.lint.graphs import cyclic_indexes, cyclic_nodes, reachable_nodes, story_edges
from cosmodrome.story.lint.memo import Memo
from cosmodrome.story.lint.plan import Plan
from cosmodrome.story.lint.walk import walk_step
from cosmodrome.story.model import Choice, Node, Story

__all__ = ["Flow", "analyse", "cyclic_nodes", "reachable_nodes", "story_edges"]

_NEVER = Ints.of((0,))
# visit counts by (visited already, can repeat): shared, as the memo keys them by identity
_VISITS = {
    (seen, repeats): Ints.span(int(seen), INT_MAX if repeats else 1)
    for seen in (False, True)
    for repeats in (False, True)
}
MAX_ROUNDS = 200  # widening ends the climb long before; a guard against surprises
NARROWING_ROUNDS = 2


@dataclass
class Flow:
    """The fixpoint: variables' domains, the nodes play can reach, the facts it can reveal."""

    story: Story
    domains: dict[str, Domain]
    reachable: frozenset[str] = frozenset()
    cyclic: frozenset[str] = frozenset()
    bounds: dict[str, tuple[int, int]] = field(default_factory=dict)
    revealed: frozenset[str] = field(default_factory=frozenset)
    always_known: frozenset[str] = field(default_factory=frozenset)
    memo: Memo = field(default_factory=Memo)
    edges: dict[str, list[str]] | None = None  # live_edges(), once the fixpoint is final
    _live: dict[str, tuple[bool, ...]] = field(default_factory=dict, init=False, repr=False)
    _holds: dict[int, bool] = field(default_factory=dict, init=False, repr=False)
    _live_for: tuple[object, object] = field(default=(None, None), init=False, repr=False)

    def visits(self, target: str, here: str | None = None) -> Ints:
        """Every count `visited(target)` can return while the player is at `here`."""
        if target not in self.reachable:
            return _NEVER
        return _VISITS[target in (self.story.start, here), target in self.cyclic]

    def known(self, fact: str, here: Node | None = None) -> Bools:
        if fact in self.always_known or (here is not None and fact in here.facts):
            return TRUE
        return EITHER if fact in self.revealed else FALSE

    def context(self, here: Node | None = None) -> Context:
        """The evaluation context at node `here` (anywhere, when None)."""
        where = here.id if here is not None else None
        self.memo.use(self.domains)
        return Context(
            self.domains,
            lambda target: self.visits(target, where),
            lambda fact: self.known(fact, here),
        )

    def choice_context(
        self, node: Node, choice: Choice, ctx: Context | None = None
    ) -> Context | None:
        """The context in which `choice` can be taken (`ctx`: the node's context, when the
        caller has it); None when its condition never holds."""
        if ctx is None:
            ctx = self.context(node)
        return ctx if choice.condition is None else self.memo.refine(choice.condition, ctx)

    def live(self, node: Node) -> tuple[bool, ...]:
        """For each choice of `node`, whether it can be taken (`choice_context` is not
        None); remembered while the domains and the reachable nodes stay the same."""
        domains, reachable = self._live_for
        if domains is not self.domains or reachable is not self.reachable:
            self._live = {}
            self._holds = {}
            self._live_for = (self.domains, self.reachable)
        found = self._live.get(node.id)
        if found is not None:
            return found
        memo, holds = self.memo, self._holds
        ctx: Context | None = None
        out: list[bool] = []
        for choice in node.choices:
            condition = choice.condition
            if condition is None:
                out.append(True)
                continue
            ok = holds.get(id(condition))  # known only for conditions that read no call
            if ok is None:
                if memo.pure(condition):  # the same answer at every node
                    ok = holds[id(condition)] = memo.refine(condition, self.context()) is not None
                else:
                    ctx = ctx or self.context(node)
                    ok = memo.refine(condition, ctx) is not None
            out.append(ok)
        found = self._live[node.id] = tuple(out)
        return found

    def live_edges(self) -> dict[str, list[str]]:
        """Successors of each reachable node through choices whose condition can hold."""
        if self.edges is not None:
            return self.edges
        out: dict[str, list[str]] = {}
        for node_id in self.reachable:
            node = self.story.nodes[node_id]
            out[node_id] = [
                c.goto for c, ok in zip(node.choices, self.live(node), strict=True) if ok
            ]
        self.edges = out
        return out


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
