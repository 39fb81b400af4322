"""Remembered results of set-valued evaluation: the same expression over the same domains
gives the same answer, and stories repeat their conditions and effects a great deal."""

from __future__ import annotations

from cosmodrome.story.expr import Binary, Call, Compiled, Expr, Unary
from cosmodrome.story.lint.abstract import Context, evaluate, refine
from cosmodrome.story.lint.domains import Domain

_Key = tuple[object, ...]


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
    """`evaluate` and `refine` for compiled expressions, keyed by exactly what they read."""

    def __init__(self) -> None:
        # id -> (the expression, kept so its id stays its own; names read; calls made)
        self.shapes: dict[int, tuple[Compiled, tuple[str, ...], list[tuple[str, str]]]] = {}
        self.values: dict[_Key, Domain] = {}
        self.narrowed: dict[_Key, tuple[Domain, ...] | None] = {}

    def _key(self, compiled: Compiled, ctx: Context) -> tuple[_Key, tuple[str, ...]]:
        shape = self.shapes.get(id(compiled))
        if shape is None:
            shape = (compiled, tuple(sorted(compiled.reads)), _calls(compiled.tree))
            self.shapes[id(compiled)] = shape
        _, names, calls = shape
        variables = ctx.variables
        called = tuple(
            ctx.visits(arg) if function == "visited" else ctx.known(arg) for function, arg in calls
        )
        return (id(compiled), tuple(variables[n] for n in names), called), names

    def evaluate(self, compiled: Compiled, ctx: Context) -> Domain:
        key, _ = self._key(compiled, ctx)
        found = self.values.get(key)
        if found is None:
            found = self.values[key] = evaluate(compiled.tree, ctx)
        return found

    def refine(self, compiled: Compiled, ctx: Context) -> Context | None:
        """`refine`, remembered: a condition narrows only the names it reads."""
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
