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

from collections import deque
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field

from cosmodrome.story.expr import INT_MAX
from cosmodrome.story.lint.abstract import Context
from cosmodrome.story.lint.bounds import count_bounds
from cosmodrome.story.lint.domains import EITHER, FALSE, TRUE, Bools, Domain, Ints, join, single
from cosmodrome.story.lint.domains import widen as widen_domain
from cosmodrome.story.lint.memo import Memo
from cosmodrome.story.model import Choice, Effect, Node, Story

MAX_ROUNDS = 200  # widening ends the climb long before; a guard against surprises
NARROWING_ROUNDS = 2


def story_edges(story: Story) -> dict[str, list[str]]:
    """Each node's successors through its choices, conditions ignored."""
    return {node.id: [c.goto for c in node.choices] for node in story.nodes.values()}


def cyclic_nodes(edges: Mapping[str, list[str]]) -> frozenset[str]:
    """Nodes that lie on a cycle (Tarjan's strongly connected components, iteratively)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    on_stack: set[str] = set()
    stack: list[str] = []
    found: set[str] = set()
    counter = 0
    for root in edges:
        if root in index:
            continue
        work: list[tuple[str, Iterator[str]]] = [(root, iter(edges[root]))]
        index[root] = low[root] = counter
        counter += 1
        stack.append(root)
        on_stack.add(root)
        while work:
            node, successors = work[-1]
            advanced = False
            for nxt in successors:
                if nxt not in index:
                    index[nxt] = low[nxt] = counter
                    counter += 1
                    stack.append(nxt)
                    on_stack.add(nxt)
                    work.append((nxt, iter(edges[nxt])))
                    advanced = True
                    break
                if nxt in on_stack:
                    low[node] = min(low[node], index[nxt])
            if advanced:
                continue
            work.pop()
            if work:
                parent = work[-1][0]
                low[parent] = min(low[parent], low[node])
            if low[node] == index[node]:
                component: list[str] = []
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    component.append(member)
                    if member == node:
                        break
                if len(component) > 1 or node in edges[node]:
                    found.update(component)
    return frozenset(found)


def reachable_nodes(story: Story) -> set[str]:
    """Nodes reachable from `start` when every condition could hold."""
    edges = story_edges(story)
    seen = {story.start}
    queue = deque([story.start])
    while queue:
        for nxt in edges[queue.popleft()]:
            if nxt not in seen:
                seen.add(nxt)
                queue.append(nxt)
    return seen


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

    def visits(self, target: str, here: str | None = None) -> Ints:
        """Every count `visited(target)` can return while the player is at `here`."""
        if target not in self.reachable:
            return Ints.of((0,))
        lo = 1 if target in (self.story.start, here) else 0
        return Ints.span(lo, INT_MAX if target in self.cyclic else 1)

    def known(self, fact: str, here: Node | None = None) -> Bools:
        if fact in self.always_known or (here is not None and fact in here.facts):
            return TRUE
        return EITHER if fact in self.revealed else FALSE

    def context(self, here: Node | None = None) -> Context:
        """The evaluation context at node `here` (anywhere, when None)."""
        where = here.id if here is not None else None
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

    def live_edges(self) -> dict[str, list[str]]:
        """Successors of each reachable node through choices whose condition can hold."""
        if self.edges is not None:
            return self.edges
        out: dict[str, list[str]] = {}
        for node_id in self.reachable:
            node = self.story.nodes[node_id]
            ctx = self.context(node)
            out[node_id] = [
                c.goto for c in node.choices if self.choice_context(node, c, ctx) is not None
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


def _produce(
    flow: Flow, produced: dict[str, Domain], effects: tuple[Effect, ...], ctx: Context
) -> None:
    for effect in effects:
        value = flow.memo.evaluate(effect.value, ctx)
        produced[effect.variable] = join(produced[effect.variable], value)


def _step(flow: Flow) -> tuple[frozenset[str], dict[str, Domain]]:
    """The nodes reachable and the values produced, given `flow`'s current domains."""
    story = flow.story
    produced: dict[str, Domain] = {n: single(v.default) for n, v in story.variables.items()}
    seen = {story.start}
    queue = deque([story.start])
    while queue:
        node = story.nodes[queue.popleft()]
        ctx = flow.context(node)
        if node.on_enter:
            _produce(flow, produced, node.on_enter, ctx)
        for choice in node.choices:
            taken = flow.choice_context(node, choice, ctx)
            if taken is None:
                continue
            if choice.effects:
                _produce(flow, produced, choice.effects, taken)
            if choice.goto not in seen:
                seen.add(choice.goto)
                queue.append(choice.goto)
    return frozenset(seen), produced


def _settle(flow: Flow, reachable: frozenset[str]) -> None:
    flow.reachable = reachable
    flow.edges = None
    flow.revealed = frozenset(f for n in reachable for f in flow.story.nodes[n].facts)


def analyse(story: Story) -> Flow:
    """The story's fixpoint: see the module's docstring."""
    flow = Flow(story, {n: single(v.default) for n, v in story.variables.items()})
    flow.cyclic = cyclic_nodes(story_edges(story))
    flow.bounds = count_bounds(story, flow.cyclic)
    flow.always_known = frozenset(story.nodes[story.start].facts)
    _settle(flow, frozenset({story.start}))
    for _ in range(MAX_ROUNDS):
        reach, produced = _step(flow)
        grown = {
            name: _within(flow, name, widen_domain(old, join(old, produced[name])))
            for name, old in flow.domains.items()
        }
        if grown == flow.domains and reach <= flow.reachable:
            break
        flow.domains = grown
        _settle(flow, flow.reachable | reach)
    for _ in range(NARROWING_ROUNDS):
        reach, produced = _step(flow)
        flow.domains = {name: _within(flow, name, d) for name, d in produced.items()}
        _settle(flow, reach)
    return flow
