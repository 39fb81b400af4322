"""The fixpoint the flow analysis computes (`flow.analyse`): the values each variable
can take, the nodes play can reach and the facts it can reveal, with the questions
the lint rules ask of it."""

from __future__ import annotations

from dataclasses import dataclass, field

from cosmodrome.story.expr import INT_MAX
from cosmodrome.story.lint.abstract import Context
from cosmodrome.story.lint.domains import EITHER, FALSE, TRUE, Bools, Domain, Ints
from cosmodrome.story.lint.evaluation_cache import Memo
from cosmodrome.story.model import Choice, Node, Story

_NEVER = Ints.of((0,))
# visit counts by (visited already, can repeat): shared, as the memo keys them by identity
_VISITS = {
    (seen, repeats): Ints.span(int(seen), INT_MAX if repeats else 1)
    for seen in (False, True)
    for repeats in (False, True)
}


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
