"""Remembered results of set-valued evaluation: the same expression over the same domains
gives the same answer, and stories repeat their conditions and effects a great deal."""

from __future__ import annotations

from collections.abc import Mapping

from cosmodrome.story.expr import Binary, Call, Compiled, Expr, Unary
from cosmodrome.story.lint.abstract import Context, evaluate, refine
from cosmodrome.story.lint.domains import Domain

_Key = tuple[object, ...]
# the expression (kept so its id stays its own), names it reads, calls it makes
_Shape = tuple[Compiled, tuple[str, ...], list[tuple[str, str]]]


def _calls(tree: Expr) -> list[tuple[str, str]]:
    found: list[tuple[str, str]] = []
    stack = [tree]
    while stack:
        item = stack.pop()
        if isinstance(item, Call):
            found.append((item.function, item.argument))
        elif isinstance(item, Unary):
            stack.append(item.operand)
        elif isinstance(item, Binary):
            stack.extend((item.left, item.right))
    return sorted(set(found))


class Memo:
    """`evaluate` and `refine` for compiled expressions, keyed by exactly what they read.

    Expressions that call nothing depend on the variables' domains alone, so for
    those a second, cheaper layer remembers results per domains mapping (by
    identity): the base domains set by `use`, and the mappings `refine` made from
    them. The fixpoint and the rules ask the same questions of every node.
    """

    def __init__(self) -> None:
        self.shapes: dict[int, _Shape] = {}
        self.values: dict[_Key, Domain] = {}
        self.narrowed: dict[_Key, tuple[Domain, ...] | None] = {}
        self._base: Mapping[str, Domain] | None = None
        # id -> mapping: the base and the mappings `refine` made from it, this round
        self._mappings: dict[int, Mapping[str, Domain]] = {}
        self._refined: dict[_Key, Mapping[str, Domain] | None] = {}  # this round's
        self._evaluated: dict[_Key, Domain] = {}  # keyed by the ids of the domains read
        # every domain an identity key names stays alive, so that its id stays its own:
        # bases here, narrowed domains in `narrowed`, call results here
        self._bases: list[Mapping[str, Domain]] = []
        self._called: dict[int, Domain] = {}

    def use(self, domains: Mapping[str, Domain]) -> None:
        """Start the identity layer over `domains` (a no-op when it is the current one);
        the mapping must not change while in use."""
        if domains is self._base:
            return
        self._base = domains
        self._bases.append(domains)
        self._mappings = {id(domains): domains}
        self._refined = {}

    def _shape(self, compiled: Compiled) -> _Shape:
        shape = self.shapes.get(id(compiled))
        if shape is None:
            shape = (compiled, tuple(sorted(compiled.reads)), _calls(compiled.tree))
            self.shapes[id(compiled)] = shape
        return shape

    def calls(self, compiled: Compiled) -> list[tuple[str, str]]:
        """The `visited` and `known` calls `compiled` makes, as (function, argument)."""
        return self._shape(compiled)[2]

    def pure(self, compiled: Compiled) -> bool:
        """Whether `compiled` reads variables only (no `visited`, no `known`)."""
        return not self._shape(compiled)[2]

    def _key(self, compiled: Compiled, ctx: Context) -> tuple[_Key, tuple[str, ...]]:
        _, names, calls = self._shape(compiled)
        variables = ctx.variables
        called = tuple(
            ctx.visits(arg) if function == "visited" else ctx.known(arg) for function, arg in calls
        )
        return (id(compiled), tuple([variables[n] for n in names]), called), names

    def _fast_key(self, compiled: Compiled, ctx: Context) -> _Key | None:
        """The identity layer's key for `compiled` in `ctx`: the ids of the domains it
        reads; None when `ctx` is not in the layer."""
        variables = ctx.variables
        if self._mappings.get(id(variables)) is not variables:
            return None
        _, names, calls = self._shape(compiled)
        key = [id(compiled), *[id(variables[n]) for n in names]]
        for function, arg in calls:
            found = ctx.visits(arg) if function == "visited" else ctx.known(arg)
            key.append(id(self._called.setdefault(id(found), found)))
        return tuple(key)

    def evaluate(self, compiled: Compiled, ctx: Context) -> Domain:
        key = self._fast_key(compiled, ctx)
        if key is None:
            return self._evaluate(compiled, ctx)
        found = self._evaluated.get(key)
        if found is None:
            found = self._evaluated[key] = self._evaluate(compiled, ctx)
        return found

    def _evaluate(self, compiled: Compiled, ctx: Context) -> Domain:
        key, _ = self._key(compiled, ctx)
        found = self.values.get(key)
        if found is None:
            found = self.values[key] = evaluate(compiled.tree, ctx)
        return found

    def refine(self, compiled: Compiled, ctx: Context) -> Context | None:
        """`refine`, remembered: a condition narrows only the names it reads."""
        key = self._fast_key(compiled, ctx)
        if key is None:
            return self._refine(compiled, ctx)
        if key in self._refined:
            found = self._refined[key]
        else:
            result = self._refine(compiled, ctx)
            found = None if result is None else result.variables
            if found is not None:
                self._mappings[id(found)] = found
            self._refined[key] = found
        return None if found is None else Context(found, ctx.visits, ctx.known)

    def _refine(self, compiled: Compiled, ctx: Context) -> Context | None:
        key, names = self._key(compiled, ctx)
        if key in self.narrowed:
            found = self.narrowed[key]
        else:
            result = refine(compiled.tree, ctx)
            found = None if result is None else tuple(result.variables[n] for n in names)
            self.narrowed[key] = found
        if found is None:
            return None
        variables = dict(ctx.variables)
        variables.update(zip(names, found, strict=True))
        return Context(variables, ctx.visits, ctx.known)
